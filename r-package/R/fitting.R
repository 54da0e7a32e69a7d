# Long fits: the engine estimates in a Java thread (org.mixlogit.bridge.BridgeFitJob) while R polls it every 100 ms,
# prints the iterations as they happen (verbose = TRUE) and stays interruptible: Ctrl-C stops the Java fit (the job
# interrupts its thread, whose likelihood evaluation ends within a block of decision-makers, well under a second)
# and raises a condition of class "mixlogit_interrupt" (also an "interrupt", not an error: a loop's
# tryCatch(error = ) does not swallow the user's Ctrl-C). R handles SIGINT itself: Java runs with -Xrs (zzz.R), so
# the JVM has no SIGINT handler of its own that could end the R session (test-long-fits.R sends a real SIGINT).
# Also the fit controls (max_iterations, tolerance, integration_check, reestimate) and what happens after the fit:
# the names R shows, the diagnostics and the warning for a fit that did not converge.

job_class <- "Lorg/mixlogit/bridge/BridgeFitJob;"

# The fit controls as the engine's estimation options take them (NULL fields are left at the engine's defaults).
# Checked here, before any Java call, with the same classed errors as validate.R.
check_fit_controls <- function(max_iterations, tolerance, integration_check, reestimate, method) {
  whole <- function(x, name, low) {
    if (!is.numeric(x) || length(x) != 1L || is.na(x) || x != round(x) || x < low || x > .Machine$integer.max) {
      arg_error("`", name, "` must be a whole number of at least ", low, ", not ", deparse(x)[1L], ".")
    }
    as.integer(x)
  }
  out <- list()
  if (!is.null(max_iterations)) out$maxIterations <- whole(max_iterations, "max_iterations", 1)
  if (!is.null(tolerance)) {
    if (!is.numeric(tolerance) || length(tolerance) != 1L || is.na(tolerance) || !(tolerance > 0) ||
        !is.finite(tolerance)) {
      arg_error("`tolerance` must be one positive number (the convergence tolerance on the scaled gradient,",
                " default 1e-6), not ", deparse(tolerance)[1L], ".")
    }
    out$tolerance <- as.numeric(tolerance)
  }
  out$integrationCheck <- whole(integration_check, "integration_check", 0)
  out$reestimate <- whole(reestimate, "reestimate", 0)
  if (out$reestimate == 1L) {
    arg_error("`reestimate` is 1: use 0 (no re-estimation) or at least 2, so that a standard deviation exists.")
  }
  if (out$reestimate > 0L && identical(method, "msm")) {
    arg_error("`reestimate` is for method = \"msle\"; for MSM study simulation noise by refitting with other seeds.")
  }
  out
}

# The estimation options (a JSON object written by to_json()) with the fit controls added as members of it,
# written by to_json() too (numbers exactly, json.R).
add_fit_controls <- function(options, controls) {
  if (length(controls) == 0L) return(options)
  extra <- sub("^\\s*\\{", "", to_json(lapply(controls, json_number)))
  body <- sub("\\}\\s*$", "", options)
  paste0(body, if (grepl("^\\s*\\{\\s*$", body)) "" else ",", extra)
}

# Starts the fit in a Java thread and polls it until it ends: prints new iterations when verbose, lets R handle
# Ctrl-C between polls. Returns the engine's fit (BridgeFit); an engine error becomes a classed R condition.
run_fit <- function(columns, spec, options, verbose = FALSE, msm = FALSE) {
  job <- with_engine(rJava::.jcall(
    "org/mixlogit/bridge/BridgeFitJob", job_class, "start",
    rJava::.jarray(columns$situation), rJava::.jarray(columns$decision_maker), rJava::.jarray(columns$chosen),
    rJava::.jarray(columns$attribute_names), rJava::.jarray(columns$attributes),
    rJava::.jarray(columns$characteristic_names), rJava::.jarray(columns$characteristics),
    rJava::.jarray(columns$weights), rJava::.jarray(columns$alternatives), rJava::.jarray(columns$markets),
    spec, options, as.integer(interrupt_after())))
  finished <- FALSE
  on.exit(if (!finished) rJava::.jcall(job, "V", "stop"), add = TRUE)
  withCallingHandlers({
    repeat {
      done <- rJava::.jcall(job, "Z", "await", 100L)
      rows <- rJava::.jcall(job, "[D", "progress")
      if (verbose && length(rows) > 0L) {
        print_trace(as.data.frame(matrix(rows, ncol = 3L, byrow = TRUE,
                                         dimnames = list(NULL, c("iteration", "logLik", "gradient")))), msm = msm)
        utils::flush.console()
      }
      if (done) break
      simulated_interrupt(job)
    }
  }, interrupt = function(e) stop_fit(job))
  finished <- TRUE
  fit <- with_engine(rJava::.jcall(job, "Lorg/mixlogit/bridge/BridgeFit;", "result"))
  class_sharing_after_fit()
  fit
}

# For tests of the interrupt: with options(mixlogit.interrupt_after = k) the engine holds the fit after iteration
# k (BridgeFitJob's holdAt) and R signals an interrupt, as Ctrl-C does, once it sees that iteration. Not for users.
interrupt_after <- function() {
  k <- getOption("mixlogit.interrupt_after")
  if (is.null(k)) 0L else as.integer(k)
}

simulated_interrupt <- function(job) {
  k <- interrupt_after()
  if (k > 0L && rJava::.jcall(job, "I", "iterations") >= k) {
    signalCondition(structure(class = c("interrupt", "condition"), list(message = "", call = NULL)))
  }
}

# After Ctrl-C: stops the Java fit, waits up to a second for its thread to end, and raises "mixlogit_interrupt".
stop_fit <- function(job) {
  rJava::.jcall(job, "V", "stop")
  stopped <- rJava::.jcall(job, "Z", "await", 1000L)
  n <- rJava::.jcall(job, "I", "iterations")
  message <- paste0("mixlogit: estimation interrupted after ", n, " iteration", if (n == 1L) "" else "s",
                    if (stopped) "" else " (the engine is still finishing its current step in the background)",
                    "; no fit is returned. For long fits use max_iterations, a larger tolerance, or fewer draws (R).")
  stop(structure(class = c("mixlogit_interrupt", "interrupt", "condition"),
                 list(message = message, call = NULL, iterations = n)))
}

# Completes the R fit object from the engine's fit: the names R shows (mlogit's Cholesky names, "het." for
# heterogeneity terms), the integration check and simulation-noise study when they ran, and a classed warning
# when the fit did not converge, or converged to a point that is not certified as a local optimum.
finish_fit <- function(result, fit, controls) {
  result <- r_names(result)
  result$controls <- controls
  result$integration.check <- integration_check_result(fit)
  result$simulation.noise <- simulation_noise_result(fit, result)
  if (!isTRUE(result$converged)) {
    warning(structure(class = c("mixlogit_convergence_warning", "warning", "condition"),
                      list(message = convergence_message(result), call = NULL)))
  } else if (isFALSE(result$certified)) {
    warning(structure(class = c("mixlogit_certification_warning", "warning", "condition"),
                      list(message = certification_message(result), call = NULL)))
  }
  result
}

certification_message <- function(x) {
  paste0("mixlogit: ", x$certification, " The estimation converged, but its estimates and standard errors may not",
         " be reliable: try a smaller tolerance, other starting values (start, starts = 5), more draws, or a model",
         " with fewer parameters.")
}

convergence_message <- function(x) {
  paste0("mixlogit: the estimation did not converge (", x$status, " after ", x$iterations, " iterations: ",
         x$message, "). Its estimates and standard errors are not reliable, and neither is post-estimation on it:",
         " try more iterations (max_iterations), other starting values (start, starts), or another optimizer.")
}

# Engine names -> R names. The engine names an element of the Cholesky factor "chol.row:column"; mlogit names
# L[row, column] "chol.column:row" (same order, row by row), so R swaps the two. A heterogeneity term
# "x:z" of the engine would share its name with an ordinary interaction column x:z, so R calls it "het.x:z".
# The engine's names stay in `engine.names` (the saved form and post-estimation use them).
r_names <- function(x) {
  engine <- names(x$coefficients)
  shown <- rename_parameters(engine, x$kinds)
  x$engine.names <- engine
  names(x$coefficients) <- shown
  x$covariance <- lapply(x$covariance, function(v) {
    dimnames(v) <- list(shown, shown)
    v
  })
  x
}

rename_parameters <- function(engine, kinds) {
  # a latent class model's class-specific parameters carry the prefix "class<c>.": renamed after it
  prefix <- ifelse(grepl("^class[0-9]+\\.", engine), sub("^(class[0-9]+\\.).*$", "\\1", engine), "")
  inner <- substring(engine, nchar(prefix) + 1L)
  shown <- inner
  chol <- kinds == "CHOLESKY"
  parts <- strsplit(sub("^chol\\.", "", inner[chol]), ":", fixed = TRUE)
  shown[chol] <- vapply(parts, function(p) paste0("chol.", p[2L], ":", p[1L]), "")
  het <- kinds == "HETEROGENEITY"
  shown[het] <- paste0("het.", inner[het])
  paste0(prefix, shown)
}

# The integration check as a named vector (NULL when it did not run), with the rules as an attribute.
integration_check_result <- function(fit) {
  names <- rJava::.jcall(fit, "[S", "integrationCheckNames")
  if (length(names) == 0L) return(NULL)
  out <- stats::setNames(rJava::.jcall(fit, "[D", "integrationCheck"), names)
  attr(out, "rules") <- rJava::.jcall(fit, "[S", "integrationCheckRules")
  out
}

# The simulation-noise study as a data frame (NULL when it did not run): per parameter and derived quantity the
# sd of the estimate and of its standard error over the re-estimations, and its sampling standard error.
simulation_noise_result <- function(fit, result) {
  k <- rJava::.jcall(fit, "I", "reestimations")
  if (k == 0L) return(NULL)
  names <- rJava::.jcall(fit, "[S", "simulationNoiseNames")
  v <- matrix(rJava::.jcall(fit, "[D", "simulationNoise"), ncol = 3L)
  engine <- result$engine.names
  shown <- names
  at <- match(names, engine)
  shown[!is.na(at)] <- names(result$coefficients)[at[!is.na(at)]]
  out <- data.frame(estimate_sd = v[, 1], std_error_sd = v[, 2], std_error = v[, 3], row.names = shown)
  attr(out, "reestimations") <- k
  out
}

# Post-estimation on a fit that did not converge: a classed warning, once per call.
warn_unconverged <- function(object) {
  if (isFALSE(object$converged)) {
    warning(structure(class = c("mixlogit_convergence_warning", "warning", "condition"),
                      list(message = paste0("mixlogit: the fit did not converge (", object$status, "), so these",
                                            " results are not reliable."), call = NULL)))
  }
  invisible(object)
}
