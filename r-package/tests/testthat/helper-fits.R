# Fits shared by the tests (computed once per test run).
electricity <- electricity_data()
attributes <- c("pf", "cl", "loc", "wk", "tod", "seas")
all_normal <- stats::setNames(rep("n", 6), attributes)

plain_fit <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, electricity, group = "chid", id = "id",
                      threads = 2)
mixed_fit <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, electricity, group = "chid", id = "id",
                      rpar = all_normal, R = 100, threads = 2)

# Absolute tolerance, element by element (testthat's tolerance is relative).
expect_close <- function(actual, expected, tolerance) {
  actual <- unname(as.numeric(actual))
  expected <- unname(as.numeric(expected))
  expect_equal(length(actual), length(expected))
  difference <- max(abs(actual - expected))
  expect_true(difference <= tolerance,
              label = sprintf("largest absolute difference %.3g (tolerance %.3g)", difference, tolerance))
}
