# Prediction needs no identification: a counterfactual where an attribute is the same for every alternative
# (no seasonal rates: seas = 0) is predicted and post-estimated; estimating on such data is still refused.

test_that("predict() and shares() on a counterfactual with a constant attribute work", {
  few <- electricity[electricity$id <= 25, ]
  m <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, few, group = "chid", id = "id",
                rpar = c(cl = "n"), R = 20, threads = 2, alt = "alt")
  counterfactual <- few
  counterfactual$seas <- 0
  p <- predict(m, format = "vector", newdata = counterfactual)
  expect_equal(length(p), nrow(counterfactual))
  sums <- tapply(p, counterfactual$chid, sum)
  expect_true(all(abs(sums - 1) < 1e-12))
  expect_false(isTRUE(all.equal(unname(p), unname(predict(m, format = "vector", newdata = few)))))
  s <- shares(m, newdata = counterfactual, replicates = 0)
  expect_close(sum(s$estimate), 1, 1e-12)
  expect_error(mixlogit(choice ~ pf + cl + loc + wk + tod + seas, counterfactual, group = "chid", id = "id",
                        R = 20, threads = 2), class = "mixlogit_error", regexp = "seas")
})
