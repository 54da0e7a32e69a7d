# The engine's results are read by name: a statistic inserted anywhere, or a change of order, shifts nothing.

test_that("the fit's statistics are read by name, whatever their order and whatever else the engine adds", {
  fit <- mixlogit:::run_fit(plain_fit$columns, mixlogit:::spec_json(plain_fit$attributes, NULL, character(0), NULL),
                            "{\"threads\": 2}")
  stats <- mixlogit:::named_result(fit, "statistics", "statisticNames")
  text <- stats::setNames(rJava::.jcall(fit, "[S", "descriptions"), rJava::.jcall(fit, "[S", "descriptionNames"))
  expected <- mixlogit:::fit_statistics(stats, text)
  expect_equal(expected$logLik, as.numeric(logLik(plain_fit)))
  expect_equal(expected$n[["rows"]], 17232)
  expect_equal(expected$df, 6L)
  # a new statistic at the front and every other one in reverse order
  shuffled <- c(newStatistic = 123456, rev(stats))
  got <- mixlogit:::fit_statistics(shuffled, rev(c(text, note = "new")))
  expect_identical(got, expected)
  expect_close(got$logLik, -4958.649119, 1e-5)
  expect_identical(got$n[["decision.makers"]], 361)
})

test_that("a statistic the engine does not return is an engine error naming it, not a silent NA", {
  stats <- c(logLik = -1, rows = 4)
  expect_error(mixlogit:::stat(stats, "converged"), class = "mixlogit_engine_failure")
  expect_error(mixlogit:::stat(stats, "converged"), "no result named \"converged\"")
})

test_that("the population willingness to pay is read by name", {
  w <- wtp(mixed_fit, "cl", "pf")
  expect_named(w$population, c("mean", "median", "q05", "q25", "q75", "q95"))
  expect_true(w$population[["q05"]] < w$population[["median"]] && w$population[["median"]] < w$population[["q95"]])
})
