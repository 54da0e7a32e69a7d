# Model features through the R interface.

small <- electricity[electricity$id <= 40, ]

test_that("a factor of the alternative gives alternative-specific constants (first level as base)", {
  m <- mixlogit(choice ~ pf + cl + factor(alt), small, group = "chid", id = "id", threads = 1)
  expect_equal(names(coef(m)), c("pf", "cl", "factor(alt)2", "factor(alt)3", "factor(alt)4"))
  expect_true(m$converged)
})

test_that("correlation = TRUE estimates the lower Cholesky factor and its derived covariance", {
  m <- mixlogit(choice ~ pf + cl + loc, small, group = "chid", id = "id", rpar = c(cl = "n", loc = "n"),
                correlation = TRUE, R = 30, threads = 1)
  # mlogit's names: chol.x:y is L[y, x], the loading of y on x's underlying normal
  expect_equal(names(coef(m)), c("pf", "cl", "loc", "chol.cl:cl", "chol.cl:loc", "chol.loc:loc"))
  expect_true("cor(loc,cl)" %in% rownames(m$derived))
  l <- coef(m)
  expect_equal(m$derived["cov(loc,cl)", "estimate"], unname(l["chol.cl:loc"] * l["chol.cl:cl"]))
})

test_that("frequency weights of 2 double the log-likelihood and leave the estimates", {
  doubled <- small
  doubled$w <- 2
  m1 <- mixlogit(choice ~ pf + cl + loc + wk, small, group = "chid", id = "id", threads = 1)
  m2 <- mixlogit(choice ~ pf + cl + loc + wk, doubled, group = "chid", id = "id", weights = "w", threads = 1)
  expect_equal(as.numeric(logLik(m2)), 2 * as.numeric(logLik(m1)), tolerance = 1e-9)
  expect_equal(coef(m2), coef(m1), tolerance = 1e-6)
})

test_that("start: starting at the estimate converges at once to the same estimate", {
  m <- mixlogit(choice ~ pf + cl, small, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 1)
  again <- update(m, start = unname(coef(m)))
  expect_equal(coef(again), coef(m), tolerance = 1e-6)
  expect_lte(again$iterations, 2L)
  expect_error(update(m, start = c(1, 2)), class = "mixlogit_engine_spec_error", regexp = "3 parameters")
})

test_that("lognormal, triangular and other distributions are accepted by code", {
  m <- mixlogit(choice ~ pf + cl + loc + wk, small, group = "chid", id = "id",
                rpar = c(loc = "ln", wk = "t", cl = "cn"), R = 20, threads = 1)
  expect_true(all(c("sd.loc", "spread.wk", "sd.cl") %in% names(coef(m))))
  expect_true(all(c("mean(loc)", "median(loc)", "sd(loc)") %in% rownames(m$derived)))
})

test_that("quadrature rules: Gauss-Hermite with 12 points and 20 points give nearly the same fit", {
  cross <- electricity[electricity$id <= 40, ]
  m12 <- mixlogit(choice ~ pf + cl + loc, cross, group = "chid", rpar = c(cl = "n"), draws = "gh", R = 12,
                  threads = 1)
  m20 <- update(m12, R = 20)
  expect_match(m12$integration, "gh, 12 points per dimension")
  expect_lt(abs(as.numeric(logLik(m12)) - as.numeric(logLik(m20))), 0.01)
})
