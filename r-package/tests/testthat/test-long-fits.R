# Long fits: live progress, a working interrupt (simulated: the internal option mixlogit.interrupt_after signals
# an interrupt, as Ctrl-C does, once the fit has reported that many iterations), the command line's fit controls,
# and warnings for fits that did not converge.

long_small <- electricity[electricity$id <= 30, ]
long_fit <- function(...) {
  mixlogit(choice ~ pf + cl + loc + wk + tod + seas, long_small, group = "chid", id = "id", rpar = c(cl = "n"),
           R = 30, threads = 2, ...)
}

test_that("an interrupt cancels the Java fit and raises mixlogit_interrupt; the progress was printed before", {
  old <- options(mixlogit.interrupt_after = 2)
  on.exit(options(old))
  caught <- NULL
  out <- capture.output(caught <- tryCatch(long_fit(verbose = TRUE), mixlogit_interrupt = function(e) e))
  expect_s3_class(caught, "mixlogit_interrupt")
  expect_s3_class(caught, "interrupt")
  expect_false(inherits(caught, "error"), label = "a loop's tryCatch(error = ) must not swallow Ctrl-C")
  expect_gte(caught$iterations, 2L)
  expect_match(conditionMessage(caught), "interrupted after")
  expect_true(any(grepl("^iteration +1 ", out)), label = "iterations are printed while the fit runs")
  options(old)
  full <- long_fit()
  expect_true(full$converged, label = "the engine works normally after an interrupted fit")
  expect_gt(full$iterations, caught$iterations)
})

test_that("verbose = TRUE prints every iteration once, as the trace holds them", {
  out <- capture.output(m <- long_fit(verbose = TRUE))
  lines <- grep("^iteration", out, value = TRUE)
  expect_equal(length(lines), nrow(m$trace))
  expect_equal(as.integer(sub("^iteration +([0-9]+) .*", "\\1", lines)), as.integer(m$trace$iteration))
})

test_that("max_iterations stops the fit with a classed warning; post-estimation on it warns too", {
  expect_warning(m <- long_fit(max_iterations = 2), class = "mixlogit_convergence_warning")
  expect_false(m$converged)
  expect_equal(m$iterations, 2L)
  expect_warning(summary(m), class = "mixlogit_convergence_warning")
  expect_warning(predict(m), class = "mixlogit_convergence_warning")
  expect_warning(rpar(m), class = "mixlogit_convergence_warning")
  expect_warning(suppressWarnings(wtp(m, "cl", "pf"), classes = "mixlogit_wtp_sign_warning"),
                 class = "mixlogit_convergence_warning")
})

test_that("tolerance, integration_check and reestimate reach the engine and are reported", {
  loose <- long_fit(tolerance = 1e-2)
  tight <- long_fit()
  expect_lt(loose$iterations, tight$iterations)
  expect_equal(loose$controls$tolerance, 1e-2)
  m <- long_fit(integration_check = 3, reestimate = 2)
  expect_equal(names(m$integration.check), c("replicateSd", "replicates", "accurateLogLik", "accurateDifference"))
  expect_equal(m$integration.check[["replicates"]], 3)
  expect_gt(m$integration.check[["replicateSd"]], 0)
  expect_equal(m$logLik, tight$logLik)
  expect_true(all(c("cl", "sd.cl") %in% rownames(m$simulation.noise)))
  expect_true(all(m$simulation.noise$estimate_sd >= 0))
  text <- capture.output(print(summary(m)))
  expect_true(any(grepl("Integration check", text)))
  expect_true(any(grepl("Simulation noise over 2 re-estimations", text)))
})

test_that("bad fit controls are classed argument errors", {
  expect_error(long_fit(max_iterations = 0), class = "mixlogit_argument_error")
  expect_error(long_fit(max_iterations = 2.5), class = "mixlogit_argument_error")
  expect_error(long_fit(tolerance = -1), class = "mixlogit_argument_error")
  expect_error(long_fit(integration_check = -1), class = "mixlogit_argument_error")
  expect_error(long_fit(reestimate = 1), class = "mixlogit_argument_error", regexp = "at least 2")
})
