# mlogit's three-part formula, choice ~ generic | individual-specific | alternative-specific, against the
# one-part formula with the same columns built by hand, and against closed forms of the saturated logit.

elec_inc <- electricity
elec_inc$inc <- 1 + elec_inc$id %% 7     # a made-up characteristic, constant within a respondent
elec_inc$odd <- elec_inc$id %% 2         # a binary one
by_hand <- elec_inc
for (k in 1:4) {
  by_hand[[paste0("a", k)]] <- as.numeric(by_hand$alt == k)
  by_hand[[paste0("i", k)]] <- by_hand$inc * (by_hand$alt == k)
  by_hand[[paste0("c", k)]] <- by_hand$cl * (by_hand$alt == k)
}
fit_long <- function(formula, d = elec_inc, ...) {
  mixlogit(formula, d, group = "chid", id = "id", threads = 2, ...)
}

test_that("`| 0` and `| -1` drop the intercepts: the Electricity fit is the one-part fit, bit for bit", {
  for (f in list(choice ~ pf + cl + loc + wk + tod + seas | 0, choice ~ pf + cl + loc + wk + tod + seas | -1)) {
    m <- fit_long(f, alt = "alt")
    expect_identical(coef(m), coef(plain_fit))
    expect_identical(logLik(m), logLik(plain_fit))
  }
  # the one-part fit itself is still the published clogit one (data README, survival::clogit)
  expect_close(coef(plain_fit), c(-0.625228, -0.108299, 1.442243, 0.995504, -5.462759, -5.840031), 5e-6)
  expect_close(logLik(plain_fit), -4958.64911934, 1e-6)
})

test_that("`| inc` gives intercepts and inc per alternative but the first, equal to the columns built by hand", {
  m <- fit_long(choice ~ pf + cl | inc, alt = "alt")
  expect_identical(names(coef(m)), c("(Intercept):2", "(Intercept):3", "(Intercept):4", "pf", "cl",
                                     "inc:2", "inc:3", "inc:4"))
  h <- fit_long(choice ~ a2 + a3 + a4 + pf + cl + i2 + i3 + i4, by_hand)
  expect_close(coef(m), coef(h), 1e-10)
  expect_close(sqrt(diag(vcov(m))), sqrt(diag(vcov(h))), 1e-10)
  expect_close(logLik(m), logLik(h), 1e-9)
  # `| 1` is intercepts only; `| inc - 1` is inc without intercepts
  expect_identical(names(coef(fit_long(choice ~ pf | 1, alt = "alt"))),
                   c("(Intercept):2", "(Intercept):3", "(Intercept):4", "pf"))
  expect_identical(names(coef(fit_long(choice ~ pf | inc - 1, alt = "alt"))), c("pf", "inc:2", "inc:3", "inc:4"))
})

test_that("part 3 gives a coefficient for every alternative, equal to the columns built by hand", {
  m <- fit_long(choice ~ pf | 0 | cl, alt = "alt")
  expect_identical(names(coef(m)), c("pf", "cl:1", "cl:2", "cl:3", "cl:4"))
  h <- fit_long(choice ~ pf + c1 + c2 + c3 + c4, by_hand)
  expect_close(coef(m), coef(h), 1e-10)
  expect_close(logLik(m), logLik(h), 1e-9)
})

test_that("the saturated model `~ 0 | odd` has the closed-form estimates log-odds of the choice shares", {
  m <- fit_long(choice ~ 0 | odd, alt = "alt")
  chosen <- elec_inc[elec_inc$choice == 1, ]
  n <- table(chosen$odd, chosen$alt)     # rows odd = 0, 1; columns alternatives 1..4
  base <- log(n[1, 2:4] / n[1, 1])
  shift <- log(n[2, 2:4] / n[2, 1]) - base
  expect_identical(names(coef(m)), c(paste0("(Intercept):", 2:4), paste0("odd:", 2:4)))
  expect_close(coef(m), c(base, shift), 1e-5)
  # the maximized log-likelihood of a saturated model: sum of n log(share) within each group
  expect_close(logLik(m), sum(n * log(prop.table(n, 1))), 1e-8)
})

test_that("reflevel moves the reference alternative; the fit is the same model", {
  m1 <- fit_long(choice ~ pf + cl | inc, alt = "alt")
  m3 <- fit_long(choice ~ pf + cl | inc, alt = "alt", reflevel = 3)
  expect_identical(names(coef(m3)), c("(Intercept):1", "(Intercept):2", "(Intercept):4", "pf", "cl",
                                      "inc:1", "inc:2", "inc:4"))
  expect_close(logLik(m3), logLik(m1), 1e-8)
  expect_close(coef(m3)[c("pf", "cl")], coef(m1)[c("pf", "cl")], 1e-6)
  # the intercept of 1 against 3 is minus that of 3 against 1
  expect_close(coef(m3)[["(Intercept):1"]], -coef(m1)[["(Intercept):3"]], 1e-6)
  expect_close(coef(m3)[["(Intercept):2"]], coef(m1)[["(Intercept):2"]] - coef(m1)[["(Intercept):3"]], 1e-6)
  err <- expect_error(fit_long(choice ~ pf | inc, alt = "alt", reflevel = 7), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`reflevel` is \"7\", which is not an alternative: use one of 1, 2, 3, 4",
               fixed = TRUE)
  expect_error(fit_long(choice ~ pf | inc, reflevel = 2), "give the alternative column", class = "mixlogit_argument_error")
})

test_that("a factor alternative column: its first level is the reference, labels name the coefficients", {
  d <- elec_inc
  d$supplier <- factor(c("d", "a", "c", "b")[d$alt], levels = c("d", "a", "c", "b"))
  m <- fit_long(choice ~ pf + cl | inc, d, alt = "supplier")
  expect_identical(names(coef(m))[1:3], c("(Intercept):a", "(Intercept):c", "(Intercept):b"))
  m1 <- fit_long(choice ~ pf + cl | inc, alt = "alt")
  expect_close(logLik(m), logLik(m1), 1e-8)
  expect_close(coef(m)[["inc:a"]], coef(m1)[["inc:2"]] - 0, 1e-6)
})

test_that("random coefficients on generic variables with a multi-part formula; prediction on new data", {
  d <- elec_inc[elec_inc$id <= 40, ]
  rp <- c(pf = "n", cl = "n")
  m <- fit_long(choice ~ pf + cl + loc | inc, d, alt = "alt", rpar = rp, R = 30)
  h <- fit_long(choice ~ a2 + a3 + a4 + pf + cl + loc + i2 + i3 + i4, by_hand[by_hand$id <= 40, ], rpar = rp,
                R = 30)
  expect_close(coef(m), coef(h), 1e-8)
  expect_identical(names(coef(m))[10:11], c("sd.pf", "sd.cl"))
  # predict on new data rebuilds the alternative-specific columns: equal to the by-hand fit's prediction
  new <- d[d$chid %in% unique(d$chid)[1:5], ]
  new$inc <- new$inc + 2
  hn <- by_hand[by_hand$chid %in% unique(d$chid)[1:5], ]
  for (k in 1:4) hn[[paste0("i", k)]] <- (hn$inc + 2) * (hn$alt == k)
  expect_close(predict(m, newdata = new), predict(h, newdata = hn), 1e-8)
  # new data need no response column
  expect_identical(predict(m, newdata = new[names(new) != "choice"]), predict(m, newdata = new))
  new$alt[1] <- 9
  err <- expect_error(predict(m, newdata = new), class = "mixlogit_data_error")
  expect_match(conditionMessage(err), "`newdata` has alternative \"9\" in column \"alt\", which the fit does not",
               fixed = TRUE)
})

test_that("the formula is split, never evaluated: `| 0` is no logical or; wrong forms are classed errors", {
  err <- expect_error(fit_long(choice ~ pf + cl | inc, rpar = c(pf = "n")), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "need the alternative column: give `alt`", fixed = TRUE)
  # `| 0` alone adds no columns, so it needs no `alt`: mlogit's exercise formula as written
  m <- fit_long(choice ~ pf + cl + loc + wk + tod + seas | 0)
  expect_identical(coef(m), coef(plain_fit))
  # a misspelt variable that is also an R function is still reported as not a column
  err <- expect_error(fit_long(choice ~ pf + c, alt = "alt"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`formula` names \"c\"", fixed = TRUE)
  err <- expect_error(fit_long(choice ~ pf | inc | cl | loc, alt = "alt"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "has 4 parts", fixed = TRUE)
  err <- expect_error(fit_long(choice ~ pf | incc, alt = "alt"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`formula` names \"incc\" (did you mean \"inc\"?)", fixed = TRUE)
  err <- expect_error(fit_long(choice ~ 0 | 0, alt = "alt"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "no attributes", fixed = TRUE)
  # the engine still catches what is not identified: a full set of cl by alternative beside cl
  err <- expect_error(fit_long(choice ~ pf + cl | 0 | cl, alt = "alt"), class = "mixlogit_engine_data_error")
  expect_match(conditionMessage(err), "rank deficient", fixed = TRUE)
})
