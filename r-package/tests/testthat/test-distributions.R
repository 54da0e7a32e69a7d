# The exponential distribution and lognormal members of a correlated block, through the R front end: fit,
# summary, fitted, predict, post-estimation and plots. The engine's own tests check their numbers; here the R path.

few <- electricity[electricity$id <= 60, ]

test_that("an exponential coefficient fits, keeps the sign of its scale and plots", {
  neg <- few
  m <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, neg, group = "chid", id = "id",
                rpar = c(pf = "e", cl = "n"), R = 30, threads = 2)
  b <- coef(m)
  expect_true("sd.pf" %in% names(b))
  expect_true(is.finite(logLik(m)))
  # the exponential's scale is reported with its sign (a negative tail for a price coefficient)
  expect_true(is.finite(b[["sd.pf"]]))
  p <- fitted(m, type = "all")
  expect_equal(length(p), nrow(neg))
  expect_true(all(p > 0 & p < 1))
  expect_equal(length(predict(m, format = "vector", newdata = neg[1:8, ])), 8L)
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  expect_identical(plot(m), m)
  s <- shares(m)
  expect_close(sum(s$estimate), 1, 1e-12)
})

test_that("lognormal and normal coefficients correlate through their underlying normals", {
  m <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, few, group = "chid", id = "id",
                rpar = c(cl = "n", loc = "ln"), correlation = TRUE, R = 30, threads = 2)
  expect_true(all(c("chol.cl:cl", "chol.cl:loc", "chol.loc:loc") %in% names(coef(m))))
  expect_true(is.finite(logLik(m)))
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  expect_identical(plot(m), m)
  expect_equal(nrow(conditionals(m)), 60L)
})
