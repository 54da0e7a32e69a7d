# S3 methods for "mixlogit" fits.

coef.mixlogit <- function(object, ...) {
  object$coefficients
}

vcov.mixlogit <- function(object, type = object$vce, ...) {
  type <- check_vce(type, object$method, name = "type")
  object$covariance[[type]]
}

logLik.mixlogit <- function(object, ...) {
  structure(object$logLik, df = object$df, nobs = object$n[["situations"]], class = "logLik")
}

nobs.mixlogit <- function(object, ...) {
  object$n[["situations"]]
}

coefficient_table <- function(object, type = object$vce) {
  se <- sqrt(diag(vcov(object, type = type)))
  z <- object$coefficients / se
  cbind(Estimate = object$coefficients, `Std. Error` = se, `z value` = z, `Pr(>|z|)` = 2 * pnorm(-abs(z)))
}

confint.mixlogit <- function(object, parm, level = object$level, type = object$vce, ...) {
  check_dots("confint", ...)
  check_level(level)
  table <- coefficient_table(object, type)
  if (!missing(parm)) table <- table[check_parm(parm, rownames(table)), , drop = FALSE]
  a <- (1 - level) / 2
  q <- qnorm(1 - a)
  ci <- cbind(table[, 1] - q * table[, 2], table[, 1] + q * table[, 2])
  dimnames(ci) <- list(rownames(table), sprintf("%.1f %%", 100 * c(a, 1 - a)))
  ci
}

# confint()'s `parm`: names of parameters or their positions (as stats::confint takes them).
check_parm <- function(parm, names) {
  ok <- if (is.character(parm)) !anyNA(parm) && all(parm %in% names) else
    is.numeric(parm) && !anyNA(parm) && all(parm == round(parm) & parm >= 1 & parm <= length(names))
  if (!ok || length(parm) == 0L) {
    unknown <- if (is.character(parm)) setdiff(parm, names) else parm
    arg_error("`parm` must name parameters of the model or give their positions (1 to ", length(names), "), not ",
              paste(deparse(unknown), collapse = ""), ". Parameters: ", paste(names, collapse = ", "), ".")
  }
  parm
}

print.mixlogit <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  cat("\nCall:\n", paste(deparse(x$call), sep = "\n", collapse = "\n"), "\n\n", sep = "")
  if (is_latent(x)) {
    print_latent_fit(x, digits)
  } else {
    cat("Coefficients:\n")
    print.default(format(coef(x), digits = digits), print.gap = 2L, quote = FALSE)
  }
  if (identical(x$method, "msm")) {
    cat(sprintf("\nMethod of simulated moments: criterion %.6g, %s%s\n", x$gmm$criterion, hansen_text(x$gmm),
                fit_flag(x)))
    cat(sprintf("Simulated log-likelihood at the estimate: %.4f (df = %d)\n", x$logLik, x$df))
  } else if (identical(x$method, "mss")) {
    cat(sprintf("\nMethod of simulated scores: %s%s\n", x$integration, fit_flag(x)))
    cat(sprintf("Simulated log-likelihood at the estimate: %.4f (df = %d)\n", x$logLik, x$df))
  } else {
    cat(sprintf("\nLog-likelihood: %.4f (df = %d)%s\n", x$logLik, x$df,
                fit_flag(x)))
  }
  invisible(x)
}

# What print() marks a doubtful fit with: not converged, or converged but not certified as a local optimum.
fit_flag <- function(x) {
  if (!isTRUE(x$converged)) "   NOT CONVERGED" else if (isFALSE(x$certified)) "   NOT CERTIFIED" else ""
}

# Hansen's J in words: the statistic, df and p-value when over-identified with two-step weighting.
hansen_text <- function(g) {
  if (g$df == 0L) return("exactly identified (no J test)")
  if (is.na(g$J)) return(sprintf("%d over-identifying restrictions (J needs two-step weighting)", g$df))
  sprintf("Hansen's J %.4f on %d df (p = %.4g)", g$J, g$df, g$p.value)
}

# The instruments of an MSM fit in words.
instrument_text <- function(x) {
  z <- x$settings$instruments
  n <- length(x$gmm$instruments)
  what <- if (identical(z, "optimal")) {
    "optimal (scores d log s/d theta at a first-step MSLE estimate, independent draws)"
  } else if (identical(z, "default")) {
    paste0("default (attributes, squares, interactions): ", paste(x$gmm$instruments, collapse = ", "))
  } else {
    paste0("columns ", paste(x$gmm$instruments, collapse = ", "))
  }
  sprintf("%d instruments, %s", n, what)
}

summary.mixlogit <- function(object, type = object$vce, level = object$level, ...) {
  check_dots("summary", ...)
  check_level(level)
  type <- check_vce(type, object$method, name = "type")
  warn_unconverged(object)
  table <- coefficient_table(object, type)
  z <- stats::qnorm(1 - (1 - level) / 2)
  ci <- cbind(table[, 1] - z * table[, 2], table[, 1] + z * table[, 2])
  colnames(ci) <- sprintf("%s%%", format(100 * c((1 - level) / 2, 1 - (1 - level) / 2)))
  coefficients <- cbind(table[, 1:2, drop = FALSE], ci, table[, 3:4, drop = FALSE])
  shown <- shown_derived(object, type)
  if (nrow(shown) > 0L) {
    zd <- shown$estimate / shown$std.error
    derived <- cbind(Estimate = shown$estimate, `Std. Error` = shown$std.error,
                     shown$estimate - z * shown$std.error, shown$estimate + z * shown$std.error,
                     `z value` = zd, `Pr(>|z|)` = 2 * pnorm(-abs(zd)))
    colnames(derived)[3:4] <- colnames(ci)
    rownames(derived) <- rownames(shown)
  } else {
    derived <- NULL
  }
  structure(list(call = object$call, coefficients = coefficients, derived = derived, type = type, level = level,
                 fit = object, classes = if (is_latent(object)) latent_summary(object, type, level)),
            class = "summary.mixlogit")
}

# The derived quantities worth a row: none that repeats a parameter, i.e. has its estimate and standard error
# (abs(sd.x) where sd.x is positive; sd(x) of a correlated block's first member, which is its Cholesky diagonal
# element when that is positive).
shown_derived <- function(object, type = object$vce) {
  d <- derived_with(object, type)
  if (nrow(d) == 0L) return(d)
  b <- as.numeric(object$coefficients)
  se <- sqrt(pmax(0, diag(vcov(object, type = type))))
  # equal up to rounding: the derived standard errors come from the delta method (agreeing to ~1e-10)
  same <- function(x, y, tolerance) abs(x - y) <= tolerance * pmax(1e-8, abs(y))
  repeats <- vapply(seq_len(nrow(d)), function(i) {
    any(same(d$estimate[i], b, 1e-10) & (same(d$std.error[i], se, 1e-7) | (is.na(d$std.error[i]) & is.na(se))))
  }, logical(1))
  d[!repeats, , drop = FALSE]
}

# The derived quantities with delta-method standard errors from the covariance of `type` (a fit saved before
# they were kept per type has the estimation's only: its type, or NA standard errors for another).
derived_with <- function(object, type = object$vce) {
  d <- object$derived
  se <- object$derived_se[[type]]
  if (!is.null(se) && length(se) == nrow(d)) {
    d$std.error <- se
  } else if (!identical(type, object$vce)) {
    d$std.error <- rep(NA_real_, nrow(d))
  }
  d
}

# Which covariance the standard errors use, in one sentence, and why they can differ from mlogit's published ones.
covariance_sentence <- function(type, method) {
  label <- tryCatch({
    v <- engine_vocabulary("vce")
    v$label[v$code == type]
  }, error = function(e) character(0))
  what <- if (length(label) == 1L && nzchar(label)) paste0(label, " (vce = \"", type, "\")") else
    paste0("vce = \"", type, "\"")
  paste0("Standard errors: ", what, ".", if (identical(method, "msle") && type == "hessian") paste0(
    " They use the exact Hessian of the simulated log-likelihood; mlogit's published vignettes report standard",
    " errors from the BFGS approximation to the Hessian, which can differ noticeably while the estimates agree.")
    else "")
}

print.summary.mixlogit <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  f <- x$fit
  cat("\nCall:\n", paste(deparse(x$call), sep = "\n", collapse = "\n"), "\n\n", sep = "")
  msm <- identical(f$method, "msm")
  estimator <- if (msm) "method of simulated moments" else if (identical(f$method, "mss"))
    "method of simulated scores" else if (f$draws > 0L) "maximum simulated likelihood" else "maximum likelihood"
  if (is_latent(f)) {
    cat(sprintf("Latent class %s logit, %s; %s\n", if (length(f$settings$rpar) > 0L) "mixed" else "conditional",
                if (length(f$settings$rpar) > 0L) estimator else "maximum likelihood", f$integration))
  } else if (f$draws > 0L) {
    cat(sprintf("Mixed logit, %s; %s\n", estimator, f$integration))
  } else {
    cat(sprintf("Conditional logit, %s\n", estimator))
  }
  cat(sprintf("%d situations, %d decision-makers%s, %d rows; %d parameters\n\n", as.integer(f$n[["situations"]]),
              as.integer(f$n[["decision.makers"]]), if (f$panel) " (panel)" else "", as.integer(f$n[["rows"]]),
              f$df))
  has_derived <- is.matrix(x$derived) && nrow(x$derived) > 0L && is.null(x$classes)
  if (is.null(x$classes)) {
    cat("Coefficients:\n")
    printCoefmat(x$coefficients, digits = digits, cs.ind = 1:4, tst.ind = 5, signif.legend = !has_derived)
  } else {
    print_latent_summary(x, digits)
  }
  if (has_derived) {
    cat("\nDerived quantities (delta method):\n")
    printCoefmat(x$derived, digits = digits, cs.ind = 1:4, tst.ind = 5, signif.legend = TRUE)
  }
  cat(strwrap(covariance_sentence(x$type, f$method), width = getOption("width")), sep = "\n")
  if (msm) {
    g <- f$gmm
    cat(sprintf("\nGMM criterion: %.6g   %s\n", g$criterion, hansen_text(g)))
    cat(sprintf("Weighting: %s; condition number of the weighting matrix %.4g\n", g$weighting, g$condition))
    cat(sprintf("Instruments: %s\n", instrument_text(f)))
    cat(sprintf("Simulated log-likelihood at the MSM estimate: %.4f   null (equal shares): %.4f   plain logit: %.4f\n",
                f$logLik, f$null.logLik, f$logit.logLik))
  } else if (identical(f$method, "mss")) {
    cat(sprintf(paste0("\nSimulated log-likelihood at the MSS estimate (a diagnostic: MSS solves the summed simulated",
                       " scores, it does not maximise this): %.4f   null (equal shares): %.4f   plain logit: %.4f\n"),
                f$logLik, f$null.logLik, f$logit.logLik))
  } else {
    cat(sprintf("\nLog-likelihood: %.4f   null (equal shares): %.4f   plain logit: %.4f\n", f$logLik,
                f$null.logLik, f$logit.logLik))
    cat(sprintf("AIC: %.2f   BIC: %.2f   McFadden rho2: %.4f\n", stats::AIC(f), stats::BIC(f),
                1 - f$logLik / f$null.logLik))
  }
  cat(sprintf("%s after %d iterations (%d evaluations, %.2f s, %d thread%s, %s); scaled gradient %.2e\n",
              if (f$converged) "Converged" else paste("NOT CONVERGED:", f$status), f$iterations, f$evaluations,
              f$seconds, f$threads, if (f$threads == 1L) "" else "s", f$optimizer, f$gradient.norm))
  cat(certification_text(f), "\n", sep = "")
  print_diagnostics(f)
  invisible(x)
}

# The certification sentence once: the engine's text, prefixed with the Hessian's eigenvalue range unless the
# text already gives it.
certification_text <- function(f) {
  text <- f$certification
  if (identical(f$method, "msm") || grepl("eigenvalue", text, ignore.case = TRUE)) return(text)
  sprintf("Hessian eigenvalues in [%.4g, %.4g]. %s", f$hessian.eigen[1], f$hessian.eigen[2], text)
}

# The integration check and the simulation-noise study, when they ran (integration_check, reestimate).
print_diagnostics <- function(f) {
  check <- f$integration.check
  if (!is.null(check)) {
    rules <- attr(check, "rules")
    if (check[["replicates"]] > 1) {
      cat(sprintf("Integration check: log-likelihood sd %.4f over %d independent draw sets (%s)\n",
                  check[["replicateSd"]], as.integer(check[["replicates"]]), rules[1L]))
    }
    cat(sprintf("Integration check: log-likelihood %.4f with %s (%+.4f)\n", check[["accurateLogLik"]], rules[2L],
                check[["accurateDifference"]]))
  }
  noise <- f$simulation.noise
  if (!is.null(noise)) {
    cat(sprintf("Simulation noise over %d re-estimations with independent draws (* = more than 10%% of the",
                attr(noise, "reestimations")), "standard error):\n")
    flagged <- noise$estimate_sd > 0.1 * noise$std_error
    shown <- data.frame(`estimate sd` = noise$estimate_sd, `s.e.` = noise$std_error,
                        `s.e. sd` = noise$std_error_sd, ` ` = ifelse(flagged, "*", ""), check.names = FALSE,
                        row.names = rownames(noise))
    print(shown, digits = 4)
  }
}

df.residual.mixlogit <- function(object, ...) {
  as.integer(object$n[["situations"]]) - object$df
}

# The model matrix of the estimation data: one row per row of the data, one column per attribute of the model.
model.matrix.mixlogit <- function(object, ...) {
  check_dots("model.matrix", ...)
  k <- length(object$attributes)
  x <- matrix(object$columns$attributes, ncol = length(object$columns$attribute_names))[, seq_len(k), drop = FALSE]
  colnames(x) <- object$attributes
  x
}

# Likelihood-ratio tests between nested fits of the same data, as lmtest::lrtest prints them: each model against
# the one before it. A test that a variance is zero is on the boundary of the parameter space, where the
# chi-squared p-value is conservative (the statistic's distribution is a mixture).
anova.mixlogit <- function(object, ...) {
  fits <- c(list(object), list(...))
  if (length(fits) < 2L) {
    arg_error("anova() compares nested fits: give two or more, e.g. anova(plain, mixed).")
  }
  if (!all(vapply(fits, inherits, logical(1), "mixlogit"))) {
    arg_error("anova() compares fits returned by mixlogit().")
  }
  if (any(vapply(fits, function(f) identical(f$method, "msm"), logical(1)))) {
    arg_error("Likelihood-ratio tests need maximum simulated likelihood fits; an MSM fit has no likelihood at its",
              " optimum.")
  }
  n <- vapply(fits, nobs, numeric(1))
  if (length(unique(n)) > 1L) {
    arg_error("The fits have different numbers of choice situations (", paste(n, collapse = ", "), "): a",
              " likelihood-ratio test needs the same data.")
  }
  lapply(fits, warn_unconverged)
  ll <- vapply(fits, function(f) f$logLik, numeric(1))
  df <- vapply(fits, function(f) as.numeric(f$df), numeric(1))
  ddf <- c(NA, diff(df))
  chisq <- c(NA, 2 * abs(diff(ll)))
  chisq[!is.na(ddf) & ddf == 0] <- NA
  p <- stats::pchisq(chisq, abs(ddf), lower.tail = FALSE)
  out <- data.frame(`#Df` = df, LogLik = ll, Df = ddf, Chisq = chisq, `Pr(>Chisq)` = p, check.names = FALSE)
  calls <- vapply(fits, function(f) paste(trimws(deparse(f$call)), collapse = " "), "")
  structure(out, heading = c("Likelihood ratio test\n", paste0("Model ", seq_along(fits), ": ", calls,
                                                               collapse = "\n")),
            class = c("anova", "data.frame"))
}

# mlogit's names work too: "outcome" is "chosen", "probabilities" the situations x alternatives matrix.
fitted.mixlogit <- function(object, type = c("chosen", "all", "probabilities", "outcome"), ...) {
  check_dots("fitted", ...)
  type <- check_choice(type, "type", c("chosen", "all", "probabilities", "outcome"))
  p <- fitted_probabilities(object)
  if (type == "all") return(p)
  if (type == "probabilities") return(probability_matrix(p, prediction_keys(object, NULL)))
  chosen <- object$y == 1
  stats::setNames(p[chosen], object$situation[chosen])
}

residuals.mixlogit <- function(object, ...) {
  check_dots("residuals", ...)
  object$y - fitted_probabilities(object)
}

# The columns of new data as the engine takes them (Java arrays), after the checks of check_newdata().
newdata_columns <- function(object, newdata, labels) {
  s <- object$settings
  newdata <- check_newdata(newdata, s, labels = labels)
  x <- model_columns(object, newdata)
  characteristics <- unique(c(as.character(unlist(s$heterogeneity)), as.character(s$membership)))
  out <- list(
    situation = rJava::.jarray(id_codes(newdata[[s$group]])),
    decision_maker = rJava::.jarray(if (is.null(s$id)) integer(0) else id_codes(newdata[[s$id]])),
    attribute_names = rJava::.jarray(colnames(x)),
    attributes = rJava::.jarray(as.numeric(x)),
    characteristic_names = rJava::.jarray(as.character(characteristics)),
    characteristics = rJava::.jarray(as.numeric(unlist(lapply(characteristics,
                                                              function(v) as.numeric(newdata[[v]]))))))
  if (labels) {
    l <- row_labels(newdata, s)
    out$alternatives <- rJava::.jarray(l$alternatives)
    out$markets <- rJava::.jarray(l$markets)
  }
  out
}

tidy.mixlogit <- function(x, conf.int = FALSE, conf.level = x$level, ...) {
  check_flag(conf.int, "conf.int")
  table <- coefficient_table(x)
  out <- data.frame(term = rownames(table), estimate = table[, 1], std.error = table[, 2],
                    statistic = table[, 3], p.value = table[, 4], row.names = NULL, stringsAsFactors = FALSE)
  if (conf.int) {
    ci <- confint(x, level = conf.level)
    out$conf.low <- ci[, 1]
    out$conf.high <- ci[, 2]
  }
  out
}

glance.mixlogit <- function(x, ...) {
  g <- x$gmm
  data.frame(logLik = x$logLik, AIC = stats::AIC(x), BIC = stats::BIC(x), nobs = nobs(x), df = x$df,
             converged = x$converged, iterations = x$iterations, draws = x$draws,
             integration = if (is.null(x$integration)) NA_character_ else x$integration,
             rho2 = 1 - x$logLik / x$null.logLik, method = if (is.null(x$method)) "msle" else x$method,
             criterion = if (is.null(g)) NA_real_ else g$criterion, J = if (is.null(g)) NA_real_ else g$J,
             J.df = if (is.null(g)) NA_integer_ else g$df, J.p.value = if (is.null(g)) NA_real_ else g$p.value,
             stringsAsFactors = FALSE)
}

# update() refits with the stored call, as stats::update.default does, but updates a formula part by part: R's
# update.formula() reads mlogit's `|` as a logical or, so update(m, . ~ . - cl) of choice ~ pf + cl | inc became the
# one column "pf + cl | incTRUE" (a silently different model).
update.mixlogit <- function(object, formula., ..., evaluate = TRUE) {
  call <- object$call
  if (is.null(call)) {
    arg_error("This fit holds no call to update: refit it with mixlogit().")
  }
  extras <- match.call(expand.dots = FALSE)$...
  if (!missing(formula.)) {
    call$formula <- update_parts(stats::formula(object), formula.)
  }
  if (length(extras) > 0L) {
    existing <- !is.na(match(names(extras), names(call)))
    for (a in names(extras)[existing]) call[[a]] <- extras[[a]]
    if (any(!existing)) {
      call <- c(as.list(call), extras[!existing])
      call <- as.call(call)
    }
  }
  if (evaluate) eval(call, parent.frame()) else call
}

# A formula updated by `new`, part by part when either has mlogit's parts (`.` in a part of `new` is that part of
# `old`; parts `new` does not give stay as they are), otherwise by update.formula().
update_parts <- function(old, new) {
  new <- stats::as.formula(new, env = environment(old))
  a <- formula_parts(old)
  b <- formula_parts(new)
  if (length(a$parts) == 1L && length(b$parts) == 1L) {
    return(stats::update.formula(old, new))
  }
  if (length(b$parts) > 3L) {
    arg_error("The new formula has ", length(b$parts), " parts separated by `|`: it takes at most three.")
  }
  defaults <- list(quote(1), quote(1), quote(0))  # an absent part 2 keeps the intercepts, an absent part 3 is empty
  n <- max(length(a$parts), length(b$parts))
  parts <- lapply(seq_len(n), function(k) {
    before <- if (k <= length(a$parts)) a$parts[[k]] else defaults[[k]]
    if (k > length(b$parts)) return(before)
    after <- stats::update.formula(stats::as.formula(call("~", before)), stats::as.formula(call("~", b$parts[[k]])))
    after[[2L]]
  })
  response <- if (is.null(b$response) || identical(b$response, quote(.))) a$response else b$response
  rhs <- Reduce(function(x, y) call("|", x, y), parts)
  stats::as.formula(call("~", response, rhs), env = environment(old))
}
