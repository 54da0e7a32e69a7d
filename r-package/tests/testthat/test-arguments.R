# Every argument error is a classed condition raised in R before Java; engine refusals keep their message.

small <- electricity[electricity$id <= 20, ]
f <- choice ~ pf + cl + loc + wk + tod + seas

test_that("invalid arguments raise mixlogit_argument_error", {
  expect_error(mixlogit(f, small, group = "chid", draws = "quasi"), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, small, group = "chid", rpar = c(pf = "gamma")), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, small, group = "nosuch"), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, small, group = "chid", R = 0), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, small, group = "chid", rpar = c(pf = "n", cl = "n"), correlation = "pf"),
               class = "mixlogit_argument_error")
  expect_error(mixlogit(f, small, group = "chid", cluster = "id"), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, small, group = "chid", rpar = c(price = "n")), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, as.matrix(small), group = "chid"), class = "mixlogit_argument_error")
  expect_error(mixlogit(~ pf, small, group = "chid"), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, small, group = "chid", heterogeneity = list(pf = "income")),
               class = "mixlogit_argument_error")
  e <- tryCatch(mixlogit(f, small, group = "chid", optimizer = "newton"), error = function(e) e)
  expect_s3_class(e, "mixlogit_error")
  expect_match(conditionMessage(e), "newton")
})

test_that("missing values are refused in R with the rows named", {
  bad <- small
  bad$pf[c(5, 9)] <- NA
  expect_error(mixlogit(f, bad, group = "chid"), class = "mixlogit_data_error", regexp = "rows 5, 9")
  bad <- small
  bad$id[3] <- NA
  expect_error(mixlogit(f, bad, group = "chid", id = "id"), class = "mixlogit_data_error", regexp = "row 3")
})

test_that("engine refusals become classed conditions with the engine's message", {
  bad <- small
  bad$choice[bad$chid == 1] <- 0
  e <- tryCatch(mixlogit(f, bad, group = "chid", threads = 1), error = function(e) e)
  expect_s3_class(e, "mixlogit_engine_data_error")
  expect_s3_class(e, "mixlogit_engine_error")
  expect_match(conditionMessage(e), "situation 1 has no chosen alternative")
  constant <- small
  constant$flat <- 1
  expect_error(mixlogit(choice ~ pf + flat, constant, group = "chid", threads = 1),
               class = "mixlogit_engine_data_error", regexp = "'flat'")
})

test_that("tibble-like data frames are accepted", {
  skip_if_not_installed("tibble")
  m <- mixlogit(f, tibble::as_tibble(small), group = "chid", threads = 1)
  expect_true(m$converged)
})
