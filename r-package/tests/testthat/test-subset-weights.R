# `subset` (an expression evaluated in the data, as in lm and mlogit) and `weights` as a vector (one per row, as
# in lm) give the fits of the subsetted data and of a weights column.

f6 <- choice ~ pf + cl + loc + wk + tod + seas
first30 <- electricity[electricity$id <= 30, ]
rownames(first30) <- NULL
fit30 <- mixlogit(f6, first30, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 2)

test_that("subset = <expression in the data> gives the fit of the subsetted data", {
  m <- mixlogit(f6, electricity, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 2,
                subset = id <= 30)
  expect_identical(coef(m), coef(fit30))
  expect_identical(logLik(m), logLik(fit30))
  expect_identical(nobs(m), nobs(fit30))
  # NA counts as FALSE; row numbers; a logical vector of the caller's environment
  with_na <- electricity
  with_na$keep <- ifelse(with_na$id <= 30, TRUE, NA)
  expect_identical(coef(mixlogit(f6, with_na, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 2,
                                 subset = keep)), coef(fit30))
  rows <- which(electricity$id <= 30)
  expect_identical(coef(mixlogit(f6, electricity, group = "chid", id = "id", rpar = c(cl = "n"), R = 20,
                                 threads = 2, subset = rows)), coef(fit30))
  inside <- function(limit) {
    chosen <- electricity$id <= limit
    mixlogit(f6, electricity, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 2, subset = chosen)
  }
  expect_identical(coef(inside(30)), coef(fit30))
  # update() refits on other rows
  m40 <- update(m, subset = id <= 40)
  expect_identical(nobs(m40), nobs(mixlogit(f6, electricity[electricity$id <= 40, ], group = "chid", id = "id",
                                            threads = 2)))
  expect_identical(coef(update(m, subset = NULL)), coef(update(fit30, data = electricity)))
})

test_that("a subset that gives no rows, or not a row selection, is a classed error", {
  expect_error(mixlogit(f6, electricity, group = "chid", subset = id > 1000), class = "mixlogit_data_error",
               regexp = "keeps no rows")
  err <- expect_error(mixlogit(f6, electricity, group = "chid", subset = as.character(id)),
                      class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "row numbers between 1 and 17232; `as.character(id)` gives character", fixed = TRUE)
  err <- expect_error(mixlogit(f6, electricity, group = "chid", subset = c(TRUE, FALSE)),
                      class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "gives logical of length 2", fixed = TRUE)
  err <- expect_error(mixlogit(f6, electricity, group = "chid", subset = idd < 3), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`subset` cannot be evaluated on `data`: object 'idd' not found", fixed = TRUE)
  # a situation left without its chosen alternative: the engine names it
  expect_error(mixlogit(f6, electricity, group = "chid", subset = choice == 0), class = "mixlogit_error")
})

test_that("weights as a vector (one per row) equal the same weights as a column", {
  d <- first30
  d$w <- 1 + (d$id %% 3)
  by_column <- mixlogit(f6, d, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 2, weights = "w")
  by_vector <- mixlogit(f6, d, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 2,
                        weights = 1 + (d$id %% 3))
  expect_identical(coef(by_vector), coef(by_column))
  expect_identical(vcov(by_vector), vcov(by_column))
  expect_false(identical(coef(by_vector), coef(fit30)))
  expect_identical(by_vector$settings$weights, "(weights)")
  # the vector is aligned with the rows before the subset is taken
  full <- 1 + (electricity$id %% 3)
  both <- mixlogit(f6, electricity, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 2,
                   weights = full, subset = id <= 30)
  expect_identical(coef(both), coef(by_column))
  err <- expect_error(mixlogit(f6, d, group = "chid", id = "id", weights = c(1, 2)), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), paste0("one weight per row of `data` (", nrow(d), " rows), not a vector of",
                                            " length 2"), fixed = TRUE)
  # weights that vary within a decision-maker: the engine's message
  expect_error(mixlogit(f6, d, group = "chid", id = "id", weights = seq_len(nrow(d))), class = "mixlogit_error")
})

test_that("weight_type = \"frequency\": the robust covariance of the data with every decision-maker repeated", {
  w <- 1 + first30$id %% 3
  f4 <- choice ~ pf + cl + loc + wk
  freq <- mixlogit(f4, first30, group = "chid", id = "id", weights = w, weight_type = "frequency",
                   vce = "robust", threads = 1)
  samp <- mixlogit(f4, first30, group = "chid", id = "id", weights = w, vce = "robust", threads = 1)
  copies <- do.call(rbind, lapply(split(first30, first30$id), function(d) {
    k <- 1 + d$id[1] %% 3
    do.call(rbind, lapply(seq_len(k), function(j) transform(d, id = id * 10 + j, chid = chid * 10 + j)))
  }))
  expanded <- mixlogit(f4, copies, group = "chid", id = "id", vce = "robust", threads = 1)
  expect_equal(coef(freq), coef(samp), tolerance = 1e-12)
  expect_equal(coef(freq), coef(expanded), tolerance = 1e-6)
  expect_equal(vcov(freq, type = "robust"), vcov(expanded, type = "robust"), tolerance = 1e-4)
  expect_true(all(diag(vcov(samp, type = "robust")) > 1.2 * diag(vcov(freq, type = "robust"))))
  expect_equal(vcov(freq, type = "hessian"), vcov(samp, type = "hessian"), tolerance = 1e-10)
  expect_error(mixlogit(f4, first30, group = "chid", weight_type = "frequency", threads = 1),
               class = "mixlogit_argument_error", regexp = "describes `weights`, which are not given")
  expect_error(mixlogit(f4, first30, group = "chid", weights = w, weight_type = "fweight", threads = 1),
               class = "mixlogit_argument_error", regexp = "weight_type")
})
