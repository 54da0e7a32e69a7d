# Latent class models (issue 16): mixlogit(..., classes = 3, membership = ~ income, common = "pf") fits C classes
# with their own coefficients (random coefficients within classes through `rpar`), class shares a logit in a
# constant and the membership characteristics (class 1 the base), and the `common` coefficients shared by all
# classes. The engine names class c's parameters "class<c>.<name>" and the class-share logit's "share<c>._cons",
# "share<c>.<characteristic>"; the saved form's latentClasses block (docs/result-schema.md) says which parameter
# belongs to which class, and this file reads it. classes = 1:5 fits each number of classes and gives lclogit2's
# model-selection table.

# The specification with latent classes, made by the engine (MixlogitBridge.withClasses).
latent_spec <- function(spec, classes, membership, common) {
  with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "S", "withClasses", spec, as.integer(classes),
                            rJava::.jarray(as.character(membership)), rJava::.jarray(as.character(common))))
}

# The latent class part of a fit, from the engine's fit (shares and their errors, boundaries, the selection row)
# and its saved form (which parameter belongs to which class): shares and errors are named class1, class2, ...
latent_result <- function(fit, result, classes, membership, common) {
  numbers <- function(method) {
    v <- rJava::.jcall(fit, "[D", method)
    v[is.nan(v)] <- NA_real_
    stats::setNames(v, paste0("class", seq_along(v)))
  }
  selection <- stats::setNames(rJava::.jcall(fit, "[D", "selectionRow"),
                               rJava::.jcall("org/mixlogit/bridge/BridgeFit", "[S", "selectionNames"))
  out <- list(classes = as.integer(classes), membership = membership, common = common,
              shares = numbers("classShares"), share.se = numbers("classShareErrors"),
              posterior.shares = numbers("posteriorShares"), boundaries = rJava::.jcall(fit, "[S", "boundaries"),
              selection = selection)
  saved <- jsonlite::fromJSON(result$saved, simplifyVector = FALSE)
  doc <- saved$latentClasses
  if (is.null(doc)) return(out)
  frame <- function(items, class = NULL) {
    if (length(items) == 0L) {
      return(data.frame(class = integer(0), name = character(0), parameter = character(0),
                        stringsAsFactors = FALSE))
    }
    data.frame(class = if (is.null(class)) vapply(items, function(i) as.integer(i$class), 0L) else class,
               name = vapply(items, function(i) i$name, ""), parameter = vapply(items, function(i) i$parameter, ""),
               stringsAsFactors = FALSE)
  }
  out$parameters <- do.call(rbind, lapply(doc$classBlocks, function(b) frame(b$coefficients, as.integer(b$class))))
  out$common.parameters <- frame(doc$common, NA_integer_)
  out$membership.parameters <- frame(doc$membership)
  out$mean.characteristics <- unlist(doc$meanCharacteristics)
  out$starts <- doc$starts
  out$em.iterations <- doc$emIterations
  out$em.loglik <- doc$emLoglik
  out$optima <- do.call(rbind, lapply(saved$optima, function(o) {
    data.frame(loglik = as.numeric(o$loglik), starts = as.integer(o$starts),
               gradient = if (is.null(o$gradientNorm)) NA_real_ else as.numeric(o$gradientNorm),
               converged = isTRUE(o$converged))
  }))
  out
}

is_latent <- function(object) !is.null(object$latent)

# Post-estimation that exists only for latent class fits.
check_latent <- function(object, what) {
  check_fit(object)
  if (!is_latent(object)) {
    arg_error(what, " needs a latent class model: fit one with mixlogit(..., classes = 2) (or more classes).")
  }
  object
}

# Fits each number of classes of lc$classes (common coefficients only from two classes on, as the command line's
# --classes A:B) and gives lclogit2's model-selection table, the best fit (smallest BIC) marked.
select_classes <- function(estimate, spec, lc, verbose = FALSE) {
  fits <- lapply(lc$classes, function(classes) {
    if (verbose) cat(sprintf("Latent class model with %d class%s\n", classes, if (classes == 1L) "" else "es"))
    common <- if (classes == 1L) character(0) else lc$common
    estimate(latent_spec(spec, classes, lc$membership, common), classes, common)
  })
  names(fits) <- as.character(lc$classes)
  rows <- do.call(rbind, lapply(fits, function(f) as.data.frame(as.list(f$latent$selection))))
  table <- data.frame(classes = as.integer(rows$classes), loglik = rows$loglik,
                      parameters = as.integer(rows$parameters), aic = rows$aic, bic = rows$bic, caic = rows$caic,
                      smallest_share = rows$smallestShare,
                      converged = vapply(fits, function(f) isTRUE(f$converged), logical(1)), row.names = NULL)
  best <- table$classes[which.min(table$bic)]
  table$best <- table$classes == best
  structure(list(fits = fits, table = table, best = best,
                 decision.makers = as.integer(fits[[1L]]$n[["decision.makers"]])), class = "mixlogit_selection")
}

print.mixlogit_selection <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  cat(sprintf("Latent class model selection (N = %d decision-makers in BIC and CAIC):\n\n", x$decision.makers))
  t <- x$table
  shown <- data.frame(Classes = t$classes, LL = sprintf("%.4f", t$loglik), Parameters = t$parameters,
                      AIC = sprintf("%.2f", t$aic), BIC = sprintf("%.2f", t$bic), CAIC = sprintf("%.2f", t$caic),
                      `Smallest share` = sprintf("%.4f", t$smallest_share),
                      ` ` = ifelse(t$best, "*", ifelse(t$converged, "", "not converged")), check.names = FALSE)
  print(shown, row.names = FALSE, right = TRUE)
  cat(sprintf("\n* smallest BIC: %d class%s, the fit x$fits[[\"%d\"]]\n", x$best, if (x$best == 1L) "" else "es",
              x$best))
  invisible(x)
}

# What a model-selection result says to the methods of one fit (coef() gave NULL, the others R's "no applicable
# method" or "need an object with call component"): use one of its fits. summary() is the table itself.
selection_error <- function(fun, object) {
  arg_error(fun, "() takes one fit, and this is a model-selection result (classes ",
            paste(names(object$fits), collapse = ", "), "): give one of its fits, e.g. ", fun, "(x$fits[[\"",
            object$best, "\"]]), the one with the smallest BIC.")
}

coef.mixlogit_selection <- function(object, ...) selection_error("coef", object)
vcov.mixlogit_selection <- function(object, ...) selection_error("vcov", object)
logLik.mixlogit_selection <- function(object, ...) selection_error("logLik", object)
nobs.mixlogit_selection <- function(object, ...) selection_error("nobs", object)
predict.mixlogit_selection <- function(object, ...) selection_error("predict", object)
fitted.mixlogit_selection <- function(object, ...) selection_error("fitted", object)
residuals.mixlogit_selection <- function(object, ...) selection_error("residuals", object)
confint.mixlogit_selection <- function(object, parm, level = 0.95, ...) selection_error("confint", object)
update.mixlogit_selection <- function(object, ...) selection_error("update", object)
summary.mixlogit_selection <- function(object, ...) object

# The order of class-model parameters for tables: means, heterogeneity, scales, Cholesky elements, each in the
# order of the model's attributes (the engine's layout within a class).
parameter_order <- function(object, parameters) {
  at <- match(parameters, object$engine.names)
  kinds <- object$kinds[at]
  inner <- sub("^class[0-9]+\\.", "", parameters)
  attribute <- ifelse(kinds == "SCALE", sub("^[^.]+\\.", "", inner),
                      ifelse(kinds == "CHOLESKY", sub(":.*$", "", sub("^chol\\.", "", inner)),
                             sub(":.*$", "", inner)))
  rank <- match(kinds, c("MEAN", "HETEROGENEITY", "SCALE", "CHOLESKY"))
  order(rank, match(attribute, object$attributes), seq_along(parameters))
}

# The coefficients of every class side by side: estimate and standard error matrices (rows: the class model's
# parameters as R names them; columns: class1, class2, ...) and which rows are common to all classes.
class_coefficients <- function(object, type = object$vce) {
  lc <- object$latent
  v <- vcov(object, type = type)
  b <- stats::setNames(as.numeric(coef(object)), object$engine.names)
  se <- stats::setNames(sqrt(diag(v)), object$engine.names)
  shown <- function(parameter) {
    sub("^class[0-9]+\\.", "", names(coef(object))[match(parameter, object$engine.names)])
  }
  specific <- lc$parameters
  common <- lc$common.parameters
  first <- specific[specific$class == 1L, , drop = FALSE]
  parameters <- c(first$parameter, common$parameter)
  rows <- shown(parameters)[parameter_order(object, parameters)]
  classes <- paste0("class", seq_len(lc$classes))
  estimate <- matrix(NA_real_, length(rows), lc$classes, dimnames = list(rows, classes))
  error <- estimate
  for (i in seq_len(nrow(specific))) {
    k <- shown(specific$parameter[i])
    estimate[k, specific$class[i]] <- b[[specific$parameter[i]]]
    error[k, specific$class[i]] <- se[[specific$parameter[i]]]
  }
  for (p in common$parameter) {
    estimate[shown(p), ] <- b[[p]]
    error[shown(p), ] <- se[[p]]
  }
  list(estimate = estimate, std.error = error, common = rows %in% shown(common$parameter))
}

# The class shares at the decision-makers' mean membership characteristics with delta-method standard errors and
# an interval at `level`, and the mean posterior probability of each class.
class_share_table <- function(object, level = object$level) {
  lc <- object$latent
  z <- stats::qnorm(1 - (1 - level) / 2)
  data.frame(class = seq_len(lc$classes), share = unname(lc$shares), std_error = unname(lc$share.se),
             lower = unname(lc$shares - z * lc$share.se), upper = unname(lc$shares + z * lc$share.se),
             posterior = unname(lc$posterior.shares))
}

# The class-share logit (classes 2..C against class 1) as a coefficient table.
membership_table <- function(object, type = object$vce) {
  m <- object$latent$membership.parameters
  if (is.null(m) || nrow(m) == 0L) return(NULL)
  table <- coefficient_table(object, type)
  rows <- names(coef(object))[match(m$parameter, object$engine.names)]
  table[rows, , drop = FALSE]
}

# What summary() keeps of a latent class fit.
latent_summary <- function(object, type, level) {
  list(coefficients = class_coefficients(object, type), membership = membership_table(object, type),
       shares = class_share_table(object, level))
}

# Estimates (and standard errors in parentheses when given) of the classes side by side, as text.
class_columns <- function(estimate, error = NULL, common = logical(nrow(estimate)), digits = 4L) {
  cell <- function(e, s) {
    text <- formatC(e, digits = digits, format = "g", flag = " ")
    if (is.null(s)) return(text)
    paste0(text, " (", formatC(s, digits = max(2L, digits - 1L), format = "g"), ")")
  }
  out <- vapply(seq_len(ncol(estimate)), function(c) cell(estimate[, c], if (is.null(error)) NULL else error[, c]),
                character(nrow(estimate)))
  out <- matrix(out, nrow(estimate), dimnames = list(paste0(rownames(estimate), ifelse(common, " *", "")),
                                                     paste("Class", seq_len(ncol(estimate)))))
  out
}

print_latent_fit <- function(x, digits) {
  k <- class_coefficients(x)
  cat(sprintf("Latent class model, %d class%s; coefficients by class", x$latent$classes,
              if (x$latent$classes == 1L) "" else "es"), if (any(k$common)) " (* common to all classes)", ":\n",
      sep = "")
  print.default(class_columns(k$estimate, common = k$common, digits = digits), quote = FALSE, right = TRUE)
  cat("Class shares: ", paste(sprintf("%.4f", x$latent$shares), collapse = "  "), "\n", sep = "")
}

print_latent_summary <- function(x, digits) {
  s <- x$classes
  k <- s$coefficients
  cat(sprintf("Coefficients by class (standard errors in parentheses)%s:\n",
              if (any(k$common)) "; * common to all classes" else ""))
  print.default(class_columns(k$estimate, k$std.error, k$common, digits = digits), quote = FALSE, right = TRUE)
  if (!is.null(s$membership)) {
    cat("\nClass-share logit (class 1 the base):\n")
    printCoefmat(s$membership, digits = digits, signif.legend = FALSE)
  }
  lc <- x$fit$latent
  at <- lc$mean.characteristics
  at <- at[setdiff(names(at), latent_class_value("constant"))]
  cat(sprintf("\nClass shares%s, delta-method standard errors; mean posterior probabilities:\n",
              if (length(at) > 0L) paste0(" at the mean characteristics (",
                                          paste(sprintf("%s = %s", names(at), format(at, digits = digits)),
                                                collapse = ", "), ")") else ""))
  shares <- s$shares
  colnames(shares)[4:5] <- sprintf("%s%%", format(100 * c((1 - x$level) / 2, 1 - (1 - x$level) / 2)))
  print(shares, digits = digits, row.names = FALSE)
  if (!is.null(lc$starts)) {
    cat(sprintf("%d EM start(s); the best's EM stopped at LL %.4f after %d iteration(s), then direct ML.\n",
                as.integer(lc$starts), lc$em.loglik, as.integer(lc$em.iterations)))
  }
  if (!is.null(lc$optima) && nrow(lc$optima) > 0L) {
    cat("Distinct optima found by the starts:\n")
    for (i in seq_len(nrow(lc$optima))) {
      cat(sprintf("  LL %.4f  reached by %d start(s)  scaled gradient %.2e\n", lc$optima$loglik[i],
                  lc$optima$starts[i], lc$optima$gradient[i]))
    }
  }
  for (b in lc$boundaries) cat("Boundary: ", b, "\n", sep = "")
}

# Posterior class probabilities -------------------------------------------------------------------------------

posterior <- function(object, ...) UseMethod("posterior")
posterior.default <- function(object, ...) post_default(object)

# Each decision-maker's posterior class probabilities given their choices in the estimation data, and the modal
# class: lclogit2's "predict, cp".
posterior.mixlogit <- function(object, ...) {
  check_latent(object, "posterior()")
  post <- post_object(object)
  h <- with_engine(rJava::.jcall(post, "[D", "classPosteriors"))
  modal <- with_engine(rJava::.jcall(post, "[I", "modalClasses"))
  ids <- decision_maker_ids(object, with_engine(rJava::.jcall(post, "[D", "decisionMakerIds")))
  classes <- object$latent$classes
  probabilities <- matrix(h, ncol = classes, byrow = TRUE,
                          dimnames = list(NULL, paste0("class", seq_len(classes))))
  out <- cbind(data.frame(id = ids, stringsAsFactors = FALSE), as.data.frame(probabilities),
               data.frame(modal = modal))
  flag_fit(out, post)
}

# Willingness to pay per class --------------------------------------------------------------------------------

# -b_c(attribute) / b_c(cost) in each class c, with delta-method standard errors (the engine's ClassWillingnessToPay).
# Attribute and cost fixed within classes: one value per class (statistic "mean"). Either random within classes (a
# latent class mixed logit): each class's population distribution of the ratio over the draws, as wtp() of a mixed
# logit gives it (mean, median, q05, q25, q75, q95), each with its delta-method error. `classes` is a data frame
# with a row per class and statistic; `estimate` and `std_error` the same as class x statistic matrices.
class_wtp <- function(object, attribute, cost, negated_cost, level) {
  post <- post_object(object)
  statistics <- with_engine(rJava::.jcall(post, "[S", "classWtpStatistics", attribute, cost))
  values <- with_engine(rJava::.jcall(post, "[D", "classWtpTable", attribute, cost))
  values[is.nan(values)] <- NA_real_
  classes <- object$latent$classes
  m <- classes * length(statistics)
  z <- stats::qnorm(1 - (1 - level) / 2)
  table <- data.frame(class = rep(seq_len(classes), each = length(statistics)),
                      share = rep(unname(object$latent$shares), each = length(statistics)),
                      statistic = rep(statistics, classes), estimate = values[seq_len(m)],
                      std_error = values[m + seq_len(m)], stringsAsFactors = FALSE)
  table$lower <- table$estimate - z * table$std_error
  table$upper <- table$estimate + z * table$std_error
  if (negated_cost) {
    table <- do.call(rbind, lapply(split(table, table$class), negate_wtp))
    rownames(table) <- NULL
  }
  wide <- function(column) {
    matrix(table[[column]], classes, length(statistics), byrow = TRUE,
           dimnames = list(paste0("class", seq_len(classes)), statistics))
  }
  flag_fit(structure(list(attribute = attribute, cost = cost, negated_cost = negated_cost, classes = table,
                          estimate = wide("estimate"), std_error = wide("std_error"),
                          distribution = length(statistics) > 1L, level = level), class = "mixlogit_class_wtp"),
           post)
}

print.mixlogit_class_wtp <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  formula <- if (isTRUE(x$negated_cost)) sprintf("b(%s) / b(%s), %s entered negated", x$attribute, x$cost, x$cost)
    else sprintf("-b(%s) / b(%s)", x$attribute, x$cost)
  cat(sprintf("Willingness to pay for %s in units of %s by latent class: %s\n", x$attribute, x$cost, formula))
  if (isTRUE(x$distribution)) {
    cat("Random coefficients within classes: each class's population distribution over the draws",
        "(standard errors in parentheses):\n\n")
    shown <- class_columns(t(x$estimate), t(x$std_error), digits = digits)
    colnames(shown) <- sprintf("Class %d (share %s)", seq_len(ncol(shown)),
                               formatC(x$classes$share[!duplicated(x$classes$class)], digits = 3, format = "f"))
    print.default(shown, quote = FALSE, right = TRUE)
  } else {
    cat("\n")
    shown <- x$classes
    shown$statistic <- NULL
    print(shown, digits = digits, row.names = FALSE)
  }
  cat(sprintf("Interval%s: %s%%, delta method.\n", if (isTRUE(x$distribution)) "s (component `classes`)" else "",
              format(100 * x$level)))
  invisible(x)
}

# Plot of the class coefficients -----------------------------------------------------------------------------

# One panel per coefficient: each class's estimate with its interval at `level`, the point's area proportional
# to the class share; common coefficients are one value for every class.
plot_classes <- function(x, coefficients = NULL, level = x$level, ...) {
  k <- class_coefficients(x)
  rows <- rownames(k$estimate)
  if (is.null(coefficients)) {
    coefficients <- rows
  } else if (!is.character(coefficients) || !all(coefficients %in% rows)) {
    arg_error("`coefficients` must name coefficients of the classes: ", paste(rows, collapse = ", "), ".")
  }
  z <- stats::qnorm(1 - (1 - level) / 2)
  classes <- ncol(k$estimate)
  shares <- x$latent$shares
  n <- length(coefficients)
  columns <- ceiling(sqrt(n))
  old <- graphics::par(mfrow = c(ceiling(n / columns), columns), mar = c(3, 3, 2.5, 1), mgp = c(1.8, 0.6, 0))
  on.exit(graphics::par(old))
  for (name in coefficients) {
    e <- k$estimate[name, ]
    s <- k$std.error[name, ]
    low <- e - z * s
    high <- e + z * s
    ylim <- range(c(e, low, high, 0), finite = TRUE)
    graphics::plot(seq_len(classes), e, xlim = c(0.5, classes + 0.5), ylim = ylim, xaxt = "n", xlab = "class",
                   ylab = "coefficient", pch = 19, cex = 0.8 + 2.5 * sqrt(shares), col = "steelblue", ...)
    graphics::axis(1, at = seq_len(classes), labels = seq_len(classes))
    ok <- is.finite(low) & is.finite(high) & high > low
    if (any(ok)) {
      graphics::arrows(seq_len(classes)[ok], low[ok], seq_len(classes)[ok], high[ok], angle = 90, code = 3,
                       length = 0.04, col = "grey30")
    }
    graphics::abline(h = 0, lty = 3, col = "grey50")
    fitted_title(paste0(name, if (k$common[match(name, rows)]) " (common)" else ""))
  }
  invisible(x)
}
