# Random-coefficient summaries as mlogit's rpar() and summary(rpar) give them: for each random coefficient its
# distribution's min, quartiles, median, mean, max, sd and the shares of the population below, at and above zero,
# each with a delta-method standard error (the engine's numbers of the distribution, differentiated in the
# parameters by central differences, sandwiched with the fit's covariance); and the covariance and correlation
# matrices of a correlated block, with standard errors.

rpar <- function(x, ...) UseMethod("rpar")

rpar.default <- function(x, ...) {
  arg_error("`x` must be a fit returned by mixlogit(), not ", class(x)[1L], ".")
}

rpar.mixlogit <- function(x, par = NULL, type = x$vce, ...) {
  check_dots("rpar", ...)
  if (is_latent(x)) {
    arg_error("rpar() summarises one population's distributions; a latent class model has one per class: see",
              " summary() for the coefficients of every class.")
  }
  rp <- x$settings$rpar
  if (length(rp) == 0L) {
    arg_error("The model has no random coefficients: there is no distribution to summarise.")
  }
  if (is.null(par)) par <- names(rp)
  if (!is.character(par) || !all(par %in% names(rp))) {
    arg_error("`par` must name random coefficients of the model: ", paste(names(rp), collapse = ", "), ".")
  }
  warn_unconverged(x)
  v <- vcov(x, type = type)
  rows <- lapply(par, function(k) rpar_row(x, k, v))
  estimate <- do.call(rbind, lapply(rows, `[[`, "estimate"))
  se <- do.call(rbind, lapply(rows, `[[`, "se"))
  dimnames(estimate) <- dimnames(se) <- list(par, colnames(estimate))
  structure(list(estimate = estimate, std.error = se, distribution = rp[par], type = type,
                 heterogeneity = x$settings$heterogeneity[par], characteristic.means = x$characteristic_means),
            class = "mixlogit_rpar")
}

# One coefficient's summary and its delta-method standard errors. The summary is a function of the parameter
# vector through the coefficient's location (heterogeneity at the decision-makers' mean characteristics) and
# scale; its Jacobian is taken by central differences (step 1e-6 relative), exact enough for standard errors.
rpar_row <- function(x, k, v) {
  code <- x$settings$rpar[[k]]
  at <- function(theta) {
    p <- distribution_parameters(x, k, theta)
    distribution_summary(code, p[["location"]], p[["scale"]])
  }
  theta <- coef(x)
  value <- at(theta)
  jacobian <- vapply(seq_along(theta), function(j) {
    h <- 1e-6 * max(1, abs(theta[[j]]))
    up <- theta
    down <- theta
    up[j] <- up[j] + h
    down[j] <- down[j] - h
    (at(up) - at(down)) / (2 * h)
  }, numeric(length(value)))
  se <- sqrt(pmax(0, rowSums((jacobian %*% v) * jacobian)))
  se[!is.finite(value)] <- NA_real_
  list(estimate = value, se = stats::setNames(se, names(value)))
}

# The engine's summary of a distribution: min, q25, median, mean, q75, max, sd, below0, at0, above0.
distribution_summary <- function(code, location, scale) {
  values <- with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "[D", "distributionSummary", code,
                                      as.double(location), as.double(scale)))
  stats::setNames(values, rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "[S", "distributionSummaryNames"))
}

summary.mixlogit_rpar <- function(object, ...) object

print.mixlogit_rpar <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  cat("Distributions of the random coefficients (standard errors in parentheses: delta method, ", x$type,
      " covariance)\n\n", sep = "")
  shown <- c("min", "q25", "median", "mean", "q75", "max", "sd", "below0", "above0")
  labels <- c("Min.", "1st Qu.", "Median", "Mean", "3rd Qu.", "Max.", "sd", "P(<0)", "P(>0)")
  atoms <- x$estimate[, "at0"] > 0
  if (any(atoms)) {
    shown <- c(shown, "at0")
    labels <- c(labels, "P(=0)")
  }
  cell <- function(e, s) {
    out <- vapply(e, function(v) format(v, digits = digits), "")
    error <- vapply(s, function(v) format(v, digits = 2), "")
    ifelse(is.na(s) | !is.finite(e), out, paste0(out, " (", error, ")"))
  }
  table <- vapply(shown, function(k) cell(x$estimate[, k], x$std.error[, k]), character(nrow(x$estimate)))
  table <- matrix(table, nrow(x$estimate), dimnames = list(paste0(rownames(x$estimate), " (", x$distribution, ")"),
                                                          labels))
  print.default(t(table), quote = FALSE, right = TRUE)
  het <- Filter(length, x$heterogeneity)
  if (length(het) > 0L) {
    cat("\nWith heterogeneity in the mean, at the decision-makers' mean characteristics (",
        paste(sprintf("%s = %s", names(x$characteristic.means), format(x$characteristic.means, digits = digits)),
              collapse = ", "), ").\n", sep = "")
  }
  invisible(x)
}

as.data.frame.mixlogit_rpar <- function(x, ...) {
  out <- data.frame(coefficient = rep(rownames(x$estimate), each = ncol(x$estimate)),
                    distribution = rep(unname(x$distribution), each = ncol(x$estimate)),
                    statistic = rep(colnames(x$estimate), nrow(x$estimate)),
                    estimate = as.vector(t(x$estimate)), std_error = as.vector(t(x$std.error)),
                    stringsAsFactors = FALSE)
  out
}

# Covariance and correlation matrices of the correlated block (of the underlying normals: log(x) for a lognormal
# member), from the engine's derived quantities, each with its matrix of standard errors.
cov_rpar <- function(x, ...) UseMethod("cov_rpar")
cor_rpar <- function(x, ...) UseMethod("cor_rpar")

cov_rpar.mixlogit <- function(x, se = FALSE, ...) {
  check_dots("cov_rpar", ...)
  block_matrix(x, "cov", se)
}

cor_rpar.mixlogit <- function(x, se = FALSE, ...) {
  check_dots("cor_rpar", ...)
  block_matrix(x, "cor", se)
}

block_matrix <- function(x, what, se) {
  d <- x$derived
  names <- rownames(d)
  pattern <- "^cov\\(([^,]+),([^)]+)\\)$"
  cov <- grepl(pattern, names)
  if (!any(cov)) {
    arg_error("The model has no correlated random coefficients (correlation = TRUE or a vector of names).")
  }
  a <- sub(pattern, "\\1", names[cov])
  b <- sub(pattern, "\\2", names[cov])
  members <- unique(c(b, a))
  m <- length(members)
  value <- matrix(0, m, m, dimnames = list(members, members))
  error <- value
  fill <- function(prefix) {
    for (i in seq_len(m)) {
      for (j in seq_len(m)) {
        key <- paste0(prefix, "(", members[max(i, j)], ",", members[min(i, j)], ")")
        if (key %in% names) {
          value[i, j] <<- d[key, "estimate"]
          error[i, j] <<- d[key, "std.error"]
        }
      }
    }
  }
  fill(what)
  if (what == "cor") diag(value) <- 1
  if (se) list(estimate = value, std.error = error) else value
}
