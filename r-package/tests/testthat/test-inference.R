# Inference users of mlogit and logitr expect: predict() as a matrix or keyed data frame with delta-method
# standard errors, willingness to pay with standard errors and the negated-price convention, rpar summaries,
# likelihood-ratio tests, model.matrix and df.residual.

inference_small <- electricity[electricity$id <= 40, ]
inference_mixed <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, inference_small, group = "chid", id = "id",
                            rpar = c(cl = "n", loc = "n"), R = 50, threads = 2, alt = "alt")

test_that("predict gives a situation x alternative matrix, a keyed data frame or the rows' vector", {
  p <- predict(plain_fit)
  expect_equal(dim(p), c(length(unique(electricity$chid)), 4L))
  expect_equal(colnames(p), c("1", "2", "3", "4"))
  expect_equal(rownames(p)[1:3], as.character(unique(electricity$chid)[1:3]))
  expect_close(rowSums(p), rep(1, nrow(p)), 1e-12)
  rows <- electricity$chid == electricity$chid[1]
  expect_close(p[1, ], fitted(plain_fit, type = "all")[rows], 1e-15)
  keyed <- predict(inference_mixed, format = "data.frame")
  expect_equal(names(keyed), c("group", "alt", "probability"))
  expect_equal(keyed$group, inference_small$chid)
  expect_equal(keyed$alt, as.character(inference_small$alt))
  expect_equal(keyed$probability, predict(inference_mixed, format = "vector"))
  m <- predict(inference_mixed, newdata = inference_small[1:8, ])
  expect_equal(dim(m), c(2L, 4L))
  expect_error(predict(plain_fit, se = TRUE, format = "matrix"), class = "mixlogit_argument_error")
  expect_error(predict(plain_fit, format = "table"), class = "mixlogit_argument_error")
})

test_that("predict(se = TRUE): delta-method standard errors of a logit against the closed form P_i (x_i - xbar)", {
  out <- predict(plain_fit, se = TRUE)
  expect_equal(names(out)[1:6], c("group", "alt", "probability", "std_error", "lower", "upper"))
  x <- model.matrix(plain_fit)
  p <- fitted(plain_fit, type = "all")
  expect_close(out$probability, p, 1e-15)
  xbar <- apply(x, 2, function(v) ave(p * v, electricity$chid, FUN = sum))
  jacobian <- p * (x - xbar)
  se <- sqrt(rowSums((jacobian %*% vcov(plain_fit)) * jacobian))
  expect_true(max(abs(out$std_error - se) / se) < 1e-5)
  expect_close(out$lower, pmax(0, p - qnorm(0.975) * se), 1e-6)
  wide <- predict(plain_fit, se = TRUE, level = 0.5)
  expect_close(wide$upper, pmin(1, p + qnorm(0.75) * wide$std_error), 1e-12)
})

test_that("predict(se = TRUE) on a counterfactual with an attribute constant across alternatives", {
  counterfactual <- inference_small
  counterfactual$seas <- 0
  out <- predict(inference_mixed, newdata = counterfactual, se = TRUE, replicates = 2)
  expect_equal(nrow(out), nrow(counterfactual))
  expect_close(tapply(out$probability, out$group, sum), rep(1, length(unique(out$group))), 1e-12)
  expect_true(all(out$std_error > 0))
  expect_true(all(out$sim_error >= 0))
  expect_false(isTRUE(all.equal(out$probability, predict(inference_mixed, format = "vector"))))
})

test_that("wtp of a logit: -b_a/b_c with delta-method errors equal to a finite-difference Jacobian", {
  w <- wtp(plain_fit, "cl", "pf")
  b <- coef(plain_fit)
  expect_close(w$table$estimate, rep(-b[["cl"]] / b[["pf"]], 6), 1e-12)
  f <- function(theta) -theta[["cl"]] / theta[["pf"]]
  g <- vapply(seq_along(b), function(j) {
    h <- 1e-6 * max(1, abs(b[[j]]))
    up <- b
    down <- b
    up[j] <- up[j] + h
    down[j] <- down[j] - h
    (f(up) - f(down)) / (2 * h)
  }, 0)
  se <- sqrt(drop(t(g) %*% vcov(plain_fit) %*% g))
  expect_true(all(abs(w$table$std_error - se) / se < 1e-5))
  expect_close(w$table$lower, w$table$estimate - qnorm(0.975) * se, 1e-6)
  out <- capture.output(print(w))
  expect_true(any(grepl("std_error", out)))
})

test_that("wtp of a mixed logit: Krinsky-Robb with a seed reproduces; the mean's error is the delta method's", {
  a <- wtp(inference_mixed, "cl", "pf", krinsky_robb = 50, seed = 3)
  b <- wtp(inference_mixed, "cl", "pf", krinsky_robb = 50, seed = 3)
  expect_identical(a$table$kr_lower, b$table$kr_lower)
  expect_true(all(a$table$kr_sd > 0))
  # with a fixed price coefficient, mean WTP = -(m + s zbar)/b_pf, zbar the mean draw (near 0): its gradient is
  # close to (-1/b_pf, m/b_pf^2) in (cl, pf)
  theta <- coef(inference_mixed)
  g <- setNames(numeric(length(theta)), names(theta))
  g[["cl"]] <- -1 / theta[["pf"]]
  g[["pf"]] <- theta[["cl"]] / theta[["pf"]]^2
  se <- sqrt(drop(t(g) %*% vcov(inference_mixed) %*% g))
  expect_true(abs(a$table$std_error[a$table$statistic == "mean"] - se) / se < 0.05)
})

test_that("a negated cost (lognormal -price) warns, and negated_cost = TRUE gives the usual sign", {
  small <- inference_small
  small$npf <- -small$pf
  m <- mixlogit(choice ~ npf + cl + loc + wk + tod + seas, small, group = "chid", id = "id",
                rpar = c(npf = "ln", cl = "n"), R = 50, threads = 2)
  expect_warning(plain <- wtp(m, "cl", "npf"), class = "mixlogit_wtp_sign_warning")
  expect_silent(negated <- wtp(m, "cl", "npf", negated_cost = TRUE))
  expect_equal(negated$table$statistic, plain$table$statistic)
  mirror <- c(mean = "mean", median = "median", q05 = "q95", q25 = "q75", q75 = "q25", q95 = "q05")
  expect_close(negated$table$estimate, -plain$table$estimate[match(mirror, plain$table$statistic)], 1e-14)
  expect_close(negated$table$std_error, plain$table$std_error[match(mirror, plain$table$statistic)], 1e-14)
  expect_close(negated$individual$wtp, -plain$individual$wtp, 1e-14)
  expect_true(negated$table$estimate[1] < 0, label = "cl (contract length) is disliked: negative WTP")
  expect_true(any(grepl("entered negated", capture.output(print(negated)))))
})

test_that("rpar: quantiles, shares and standard errors of a normal against qnorm, pnorm and the delta method", {
  r <- rpar(inference_mixed)
  b <- coef(inference_mixed)
  v <- vcov(inference_mixed)
  m <- b[["cl"]]
  s <- abs(b[["sd.cl"]])
  e <- r$estimate["cl", ]
  expect_close(e[c("q25", "median", "mean", "q75", "sd")], c(m + s * qnorm(0.25), m, m, m + s * qnorm(0.75), s),
               1e-12)
  expect_equal(unname(e[c("min", "max")]), c(-Inf, Inf))
  expect_close(e[c("below0", "at0", "above0")], c(pnorm(-m / s), 0, pnorm(m / s)), 1e-12)
  se <- r$std.error["cl", ]
  expect_close(se[["mean"]], sqrt(v["cl", "cl"]), 1e-7)
  g <- c(1, qnorm(0.25) * sign(b[["sd.cl"]]))
  expect_close(se[["q25"]], sqrt(drop(t(g) %*% v[c("cl", "sd.cl"), c("cl", "sd.cl")] %*% g)), 1e-7)
  g <- c(-dnorm(m / s) / s, dnorm(m / s) * m / s^2 * sign(b[["sd.cl"]]))
  expect_close(se[["below0"]], sqrt(drop(t(g) %*% v[c("cl", "sd.cl"), c("cl", "sd.cl")] %*% g)), 1e-6)
  expect_true(is.na(se[["min"]]))
  expect_true(any(grepl("1st Qu.", capture.output(print(summary(r))))))
  expect_equal(nrow(as.data.frame(r)), 2L * ncol(r$estimate))
  expect_error(rpar(plain_fit), class = "mixlogit_argument_error")
})

test_that("rpar of bounded and one-signed distributions: uniform ends, lognormal all above 0", {
  m <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, inference_small, group = "chid", id = "id",
                rpar = c(loc = "u", wk = "ln"), R = 30, threads = 2)
  r <- rpar(m)
  b <- coef(m)
  expect_close(r$estimate["loc", c("min", "max")], b[["loc"]] + c(-1, 1) * abs(b[["spread.loc"]]), 1e-12)
  expect_close(r$std.error["loc", "max"], sqrt(sum(c(1, sign(b[["spread.loc"]])) %o% c(1, sign(b[["spread.loc"]])) *
                                                vcov(m)[c("loc", "spread.loc"), c("loc", "spread.loc")])), 1e-6)
  expect_equal(unname(r$estimate["wk", c("min", "below0", "above0")]), c(0, 0, 1))
  expect_close(r$estimate["wk", "median"], exp(b[["wk"]]), 1e-12)
})

test_that("covariance and correlation matrices of a correlated block, with mlogit's Cholesky names", {
  m <- mixlogit(choice ~ pf + cl + loc, inference_small, group = "chid", id = "id", rpar = c(cl = "n", loc = "n"),
                correlation = TRUE, R = 30, threads = 2)
  b <- coef(m)
  l <- matrix(0, 2, 2)
  l[1, 1] <- b[["chol.cl:cl"]]
  l[2, 1] <- b[["chol.cl:loc"]]
  l[2, 2] <- b[["chol.loc:loc"]]
  sigma <- l %*% t(l)
  v <- cov_rpar(m)
  expect_equal(dimnames(v), list(c("cl", "loc"), c("cl", "loc")))
  expect_close(v, sigma, 1e-12)
  expect_close(cor_rpar(m), cov2cor(sigma), 1e-12)
  both <- cov_rpar(m, se = TRUE)
  expect_close(both$std.error, t(both$std.error), 0)
  expect_true(all(both$std.error > 0))
  # the second row of the correlated block gives the plot its scale sqrt(L21^2 + L22^2)
  expect_close(rpar(m)$estimate["loc", "sd"], sqrt(sigma[2, 2]), 1e-12)
  expect_error(cov_rpar(inference_mixed), class = "mixlogit_argument_error")
})

test_that("a heterogeneity term is named het.x:z, never x:z like an interaction column; confint stays finite", {
  small <- inference_small
  small$income <- (small$id %% 5) / 5
  m <- mixlogit(choice ~ pf + cl + loc + loc:income, small, group = "chid", id = "id", rpar = c(cl = "n"),
                heterogeneity = list(cl = "income"), R = 30, threads = 2)
  expect_true(all(c("loc:income", "het.cl:income") %in% names(coef(m))))
  expect_false("cl:income" %in% names(coef(m)))
  expect_true(all(is.finite(confint(m))))
  expect_equal(rownames(vcov(m)), names(coef(m)))
  expect_equal(m$engine.names[names(coef(m)) == "het.cl:income"], "cl:income")
})

test_that("anova and lmtest::lrtest: the statistic is 2 (ll1 - ll0) on the difference in parameters", {
  small <- inference_small
  m0 <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, small, group = "chid", id = "id", threads = 2)
  a <- anova(m0, inference_mixed)
  expect_s3_class(a, "anova")
  expect_close(a$Chisq[2], 2 * (logLik(inference_mixed) - logLik(m0)), 1e-9)
  expect_equal(a$Df[2], 2)
  expect_close(a[["Pr(>Chisq)"]][2], pchisq(a$Chisq[2], 2, lower.tail = FALSE), 1e-12)
  expect_equal(attr(logLik(m0), "df"), 6L)
  expect_equal(attr(logLik(m0), "nobs"), length(unique(small$chid)))
  expect_equal(df.residual(m0), length(unique(small$chid)) - 6L)
  expect_error(anova(m0), class = "mixlogit_argument_error")
  other <- mixlogit(choice ~ pf + cl, electricity[electricity$id <= 10, ], group = "chid", id = "id", threads = 2)
  expect_error(anova(m0, other), class = "mixlogit_argument_error")
  skip_if_not_installed("lmtest")
  lr <- lmtest::lrtest(m0, inference_mixed)
  expect_close(lr$Chisq[2], a$Chisq[2], 1e-9)
  expect_equal(lr$Df[2], 2)
})

test_that("model.matrix gives the estimation design", {
  x <- model.matrix(plain_fit)
  expect_equal(dim(x), c(nrow(electricity), 6L))
  expect_equal(colnames(x), attributes)
  expect_equal(unname(x[, "pf"]), electricity$pf)
  m <- mixlogit(choice ~ pf + factor(alt), inference_small, group = "chid", id = "id", threads = 2)
  expect_equal(colnames(model.matrix(m)), c("pf", "factor(alt)2", "factor(alt)3", "factor(alt)4"))
})
