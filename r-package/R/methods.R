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
  table <- coefficient_table(object, type)
  if (!missing(parm)) table <- table[parm, , drop = FALSE]
  a <- (1 - level) / 2
  q <- qnorm(1 - a)
  ci <- cbind(table[, 1] - q * table[, 2], table[, 1] + q * table[, 2])
  dimnames(ci) <- list(rownames(table), sprintf("%.1f %%", 100 * c(a, 1 - a)))
  ci
}

print.mixlogit <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  cat("\nCall:\n", paste(deparse(x$call), sep = "\n", collapse = "\n"), "\n\n", sep = "")
  cat("Coefficients:\n")
  print.default(format(coef(x), digits = digits), print.gap = 2L, quote = FALSE)
  if (identical(x$method, "msm")) {
    cat(sprintf("\nMethod of simulated moments: criterion %.6g, %s%s\n", x$gmm$criterion, hansen_text(x$gmm),
                if (x$converged) "" else "   NOT CONVERGED"))
    cat(sprintf("Simulated log-likelihood at the estimate: %.4f (df = %d)\n", x$logLik, x$df))
  } else {
    cat(sprintf("\nLog-likelihood: %.4f (df = %d)%s\n", x$logLik, x$df,
                if (x$converged) "" else "   NOT CONVERGED"))
  }
  invisible(x)
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

summary.mixlogit <- function(object, type = object$vce, ...) {
  derived <- object$derived
  if (nrow(derived) > 0L) {
    z <- derived$estimate / derived$std.error
    derived <- cbind(Estimate = derived$estimate, `Std. Error` = derived$std.error, `z value` = z,
                     `Pr(>|z|)` = 2 * pnorm(-abs(z)))
    rownames(derived) <- rownames(object$derived)
  }
  structure(list(call = object$call, coefficients = coefficient_table(object, type), derived = derived,
                 type = type, fit = object), class = "summary.mixlogit")
}

print.summary.mixlogit <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  f <- x$fit
  cat("\nCall:\n", paste(deparse(x$call), sep = "\n", collapse = "\n"), "\n\n", sep = "")
  msm <- identical(f$method, "msm")
  estimator <- if (msm) "method of simulated moments" else if (f$draws > 0L) "maximum simulated likelihood" else
    "maximum likelihood"
  if (f$draws > 0L) {
    cat(sprintf("Mixed logit, %s; %s\n", estimator, f$integration))
  } else {
    cat(sprintf("Conditional logit, %s\n", estimator))
  }
  cat(sprintf("%d situations, %d decision-makers%s, %d rows; %d parameters\n\n", as.integer(f$n[["situations"]]),
              as.integer(f$n[["decision.makers"]]), if (f$panel) " (panel)" else "", as.integer(f$n[["rows"]]),
              f$df))
  cat(sprintf("Coefficients (standard errors: %s):\n", x$type))
  printCoefmat(x$coefficients, digits = digits, signif.legend = FALSE)
  if (is.matrix(x$derived) && nrow(x$derived) > 0L) {
    cat("\nDerived quantities (delta method):\n")
    printCoefmat(x$derived, digits = digits, signif.legend = FALSE)
  }
  if (msm) {
    g <- f$gmm
    cat(sprintf("\nGMM criterion: %.6g   %s\n", g$criterion, hansen_text(g)))
    cat(sprintf("Weighting: %s; condition number of the weighting matrix %.4g\n", g$weighting, g$condition))
    cat(sprintf("Instruments: %s\n", instrument_text(f)))
    cat(sprintf("Simulated log-likelihood at the MSM estimate: %.4f   null (equal shares): %.4f   plain logit: %.4f\n",
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
  if (msm) {
    cat(f$certification, "\n", sep = "")
  } else {
    cat(sprintf("Hessian eigenvalues in [%.4g, %.4g]. %s\n", f$hessian.eigen[1], f$hessian.eigen[2],
                f$certification))
  }
  invisible(x)
}

fitted.mixlogit <- function(object, type = c("chosen", "all"), ...) {
  type <- match.arg(type)
  p <- object$probabilities
  if (type == "all") return(p)
  chosen <- object$y == 1
  stats::setNames(p[chosen], object$situation[chosen])
}

residuals.mixlogit <- function(object, ...) {
  object$y - object$probabilities
}

predict.mixlogit <- function(object, newdata = NULL, type = c("prob", "share", "conditional"), ...) {
  type <- check_choice(type, "type", c("prob", "share", "conditional"))
  if (type == "share") {
    return(shares(object, newdata = newdata, ...))
  }
  if (type == "conditional") {
    post <- post_object(check_fit(object))
    if (is.null(newdata)) {
      return(flag_fit(with_engine(rJava::.jcall(post, "[D", "conditionalProbabilities")), post))
    }
    x <- newdata_columns(object, newdata, labels = FALSE)
    key <- if (is.null(object$settings$id)) object$settings$group else object$settings$id
    lookup <- object$decision_makers
    codes <- lookup$codes[match(newdata[[key]], lookup$values)]
    if (anyNA(codes)) {
      unknown <- unique(newdata[[key]][is.na(codes)])
      data_error("predict(type = \"conditional\") needs decision-makers of the estimation data; `", key, "` ",
                 paste(utils::head(unknown, 5), collapse = ", "), if (length(unknown) > 5) ", ..." else "",
                 " in `newdata` has no observed choices to condition on. Use type = \"prob\" for them.")
    }
    return(flag_fit(with_engine(rJava::.jcall(post, "[D", "conditionalProbabilitiesOn", x$situation,
                                              rJava::.jarray(as.integer(codes)), x$attribute_names, x$attributes,
                                              x$characteristic_names, x$characteristics)), post))
  }
  if (is.null(newdata)) {
    return(object$probabilities)
  }
  post <- post_object(object, newdata, labels = FALSE)
  flag_fit(with_engine(rJava::.jcall(post, "[D", "probabilities")), post)
}

# The columns of new data as the engine takes them (Java arrays), after the checks of check_newdata().
newdata_columns <- function(object, newdata, labels) {
  s <- object$settings
  newdata <- check_newdata(newdata, s, labels = labels)
  x <- model_columns(object, newdata)
  characteristics <- unique(as.character(unlist(s$heterogeneity)))
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
             rho2 = 1 - x$logLik / x$null.logLik, method = if (is.null(x$method)) "msle" else x$method,
             criterion = if (is.null(g)) NA_real_ else g$criterion, J = if (is.null(g)) NA_real_ else g$J,
             J.df = if (is.null(g)) NA_integer_ else g$df, J.p.value = if (is.null(g)) NA_real_ else g$p.value,
             stringsAsFactors = FALSE)
}
