# The S3 methods on the shared fits.

test_that("coef, vcov types, logLik, nobs, AIC and BIC agree with the result", {
  expect_length(coef(mixed_fit), 12)
  for (type in c("hessian", "opg", "robust", "cluster")) {
    v <- vcov(mixed_fit, type = type)
    expect_equal(dim(v), c(12L, 12L))
    expect_true(all(diag(v) > 0))
    expect_equal(v, t(v))
  }
  expect_false(isTRUE(all.equal(vcov(mixed_fit, "opg"), vcov(mixed_fit, "hessian"))))
  ll <- logLik(mixed_fit)
  expect_equal(attr(ll, "df"), 12L)
  expect_equal(nobs(mixed_fit), 4308)
  expect_equal(AIC(mixed_fit), -2 * as.numeric(ll) + 24)
  expect_equal(BIC(mixed_fit), -2 * as.numeric(ll) + 12 * log(4308))
})

test_that("confint uses the normal quantile and the chosen covariance", {
  ci <- confint(mixed_fit, level = 0.9)
  se <- sqrt(diag(vcov(mixed_fit)))
  expect_equal(unname(ci[, 2] - ci[, 1]), unname(2 * qnorm(0.95) * se))
  expect_equal(colnames(ci), c("5.0 %", "95.0 %"))
})

test_that("fitted probabilities sum to one within situations; residuals are y - p", {
  p <- fitted(mixed_fit, type = "all")
  sums <- tapply(p, electricity$chid, sum)
  expect_equal(as.numeric(sums), rep(1, 4308), tolerance = 1e-12)
  expect_length(fitted(mixed_fit), 4308)
  expect_equal(residuals(mixed_fit), electricity$choice - p)
  # mlogit's types: "outcome" is "chosen"; "probabilities" the situations x alternatives matrix of the same numbers
  expect_identical(fitted(mixed_fit, type = "outcome"), fitted(mixed_fit))
  m <- fitted(mixed_fit, type = "probabilities")
  expect_equal(dim(m), c(4308L, 4L))
  expect_equal(unname(rowSums(m)), rep(1, 4308), tolerance = 1e-12)
  expect_identical(m[cbind(match(electricity$chid, as.numeric(rownames(m))), electricity$alt)], p)
  expect_identical(colnames(m), c("1", "2", "3", "4"))
})

test_that("fitted probabilities, computed when asked for, are the engine's at the fit bit for bit", {
  # the fit no longer copies them; the engine's own pass at the end of a fit (BridgeFit.fittedProbabilities) is
  # the reference, from the same columns, spec and options as mixed_fit's
  expect_null(mixed_fit$probabilities)
  s <- mixed_fit$settings
  spec <- mixlogit:::spec_json(mixed_fit$attributes, s$rpar, s$correlation, s$heterogeneity)
  engine <- mixlogit:::run_fit(mixed_fit$columns, spec, mixlogit:::options_json(s))
  expect_identical(fitted(mixed_fit, type = "all"), rJava::.jcall(engine, "[D", "fittedProbabilities"))
  # a fit saved before they became lazy holds them, and they are used as they are
  old <- mixed_fit
  old$probabilities <- rep(0.25, length(old$y))
  expect_identical(fitted(old, type = "all"), old$probabilities)
})

test_that("predict on new data equals the fitted probabilities for the same rows", {
  rows <- electricity$id <= 3
  expect_equal(predict(plain_fit, format = "vector", electricity[rows, ]), fitted(plain_fit, type = "all")[rows],
               tolerance = 1e-12)
  changed <- electricity[rows, ]
  changed$pf[changed$alt == 1] <- changed$pf[changed$alt == 1] + 1
  before <- predict(plain_fit, format = "vector", electricity[rows, ])
  after <- predict(plain_fit, format = "vector", changed)
  expect_true(all(after[changed$alt == 1] < before[changed$alt == 1]))
  expect_true(all(after[changed$alt != 1] > before[changed$alt != 1]))
})

test_that("print returns invisibly; summary prints the diagnostics", {
  out <- capture.output(value <- withVisible(print(mixed_fit)))
  expect_false(value$visible)
  text <- capture.output(print(summary(mixed_fit)))
  expect_true(any(grepl("Log-likelihood: -3952.4877", text, fixed = TRUE)))
  expect_true(any(grepl("Hessian eigenvalues", text)))
  # abs(sd.x) rows only where sd.x is negative (otherwise they repeat it); intervals; the significance legend
  negative <- names(coef(mixed_fit))[startsWith(names(coef(mixed_fit)), "sd.") & coef(mixed_fit) < 0]
  positive <- setdiff(names(coef(mixed_fit))[startsWith(names(coef(mixed_fit)), "sd.")], negative)
  expect_true(length(positive) > 0L)
  for (k in positive) expect_false(any(grepl(paste0("abs(", k, ")"), text, fixed = TRUE)))
  for (k in negative) expect_true(any(grepl(paste0("abs(", k, ")"), text, fixed = TRUE)))
  expect_true(any(grepl("2.5%", text, fixed = TRUE)) && any(grepl("97.5%", text, fixed = TRUE)))
  expect_equal(sum(grepl("Signif. codes", text, fixed = TRUE)), 1L)
  expect_equal(sum(grepl("Certified", text, fixed = TRUE)), 1L)
  expect_true(any(grepl("BFGS approximation", text, fixed = TRUE)))
})

test_that("summary shows no derived row that repeats a parameter: sd of a block's first member is its diagonal", {
  small <- electricity[electricity$id <= 40, ]
  m <- mixlogit(choice ~ pf + cl + loc, small, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"),
                correlation = TRUE, R = 20, threads = 2)
  b <- coef(m)
  expect_equal(abs(b[["chol.pf:pf"]]), m$derived["sd(pf)", "estimate"], tolerance = 1e-12)
  shown <- rownames(summary(m)$derived)
  expect_identical("sd(pf)" %in% shown, b[["chol.pf:pf"]] < 0)
  expect_true(all(c("sd(cl)", "cov(cl,pf)", "cor(cl,pf)", "cov(pf,pf)") %in% shown))
  expect_equal(nrow(summary(m)$derived), nrow(m$derived) - (b[["chol.pf:pf"]] > 0))
})

test_that("summary(type =) gives the derived quantities' standard errors from that covariance too", {
  small <- electricity[electricity$id <= 40, ]
  m <- mixlogit(choice ~ pf + cl + loc, small, group = "chid", id = "id", rpar = c(loc = "ln"), R = 20,
                threads = 1)
  b <- coef(m)
  mu <- b[["loc"]]
  s <- b[["sd.loc"]]
  mean_loc <- exp(mu + s^2 / 2)
  # delta method by hand: d mean / d (mu, s) = mean * (1, s)
  g <- c(mean_loc, mean_loc * s)
  for (type in c("hessian", "opg", "robust")) {
    v <- vcov(m, type = type)[c("loc", "sd.loc"), c("loc", "sd.loc")]
    d <- summary(m, type = type)$derived
    expect_equal(d["mean(loc)", "Estimate"], mean_loc, tolerance = 1e-10)
    expect_equal(d["mean(loc)", "Std. Error"], sqrt(drop(t(g) %*% v %*% g)), tolerance = 1e-6, info = type)
  }
  expect_false(isTRUE(all.equal(summary(m, type = "opg")$derived["mean(loc)", "Std. Error"],
                                summary(m, type = "hessian")$derived["mean(loc)", "Std. Error"])))
  # a fit saved before the per-type standard errors: its own type as it was, NA for another
  old <- m
  old$derived_se <- NULL
  expect_equal(summary(old)$derived, summary(m)$derived)
  expect_true(all(is.na(summary(old, type = "opg")$derived[, "Std. Error"])))
})

test_that("a fit that converges but is not certified warns (classed) and print marks it", {
  small <- electricity[electricity$id <= 40, ]
  # a loose convergence tolerance stops the search where the certification's gradient test fails
  expect_warning(m <- mixlogit(choice ~ pf + cl + loc + wk, small, group = "chid", id = "id", rpar = c(cl = "n"),
                               R = 50, threads = 1, tolerance = 0.05),
                 class = "mixlogit_certification_warning")
  expect_true(m$converged)
  expect_false(m$certified)
  expect_true(any(grepl("NOT CERTIFIED", capture.output(print(m)), fixed = TRUE)))
  expect_false(any(grepl("NOT CERTIFIED", capture.output(print(mixed_fit)), fixed = TRUE)))
})

test_that("update refits through the stored call; verbose prints the returned trace", {
  small <- electricity[electricity$id <= 30, ]
  m <- mixlogit(choice ~ pf + cl, small, group = "chid", id = "id", rpar = c(cl = "n"), R = 20, threads = 1)
  m2 <- update(m, R = 40)
  expect_equal(m2$draws, 40L)
  expect_gt(nrow(m$trace), 0)
  out <- capture.output(mixlogit(choice ~ pf + cl, small, group = "chid", id = "id", rpar = c(cl = "n"),
                                 R = 20, threads = 1, verbose = TRUE))
  expect_true(any(grepl("^iteration +1 ", out)))
})

test_that("tidy and glance give data frames", {
  t <- mixlogit:::tidy.mixlogit(plain_fit, conf.int = TRUE)
  expect_equal(t$term, attributes)
  expect_true(all(c("estimate", "std.error", "statistic", "p.value", "conf.low", "conf.high") %in% names(t)))
  g <- mixlogit:::glance.mixlogit(plain_fit)
  expect_equal(g$logLik, as.numeric(logLik(plain_fit)))
  # the rule in words: draws per decision-maker, or for quadrature the points per dimension and the nodes
  expect_match(mixlogit:::glance.mixlogit(mixed_fit)$integration, "^halton, 100 draws")
  gh <- mixlogit(choice ~ pf + cl, electricity[electricity$id <= 20, ], group = "chid", rpar = c(cl = "n", pf = "n"),
                 draws = "gh", R = 5, threads = 1)
  expect_match(mixlogit:::glance.mixlogit(gh)$integration, "5 points per dimension, 25 nodes")
})

test_that("heterogeneity: predict needs the characteristics the model uses, and only those", {
  small <- electricity[electricity$id <= 40, ]
  small$income <- (small$id %% 5) / 5
  small$region <- small$id %% 3
  m <- mixlogit(choice ~ pf + cl + loc, small, group = "chid", id = "id", rpar = c(cl = "n"),
                heterogeneity = list(cl = "income"), vce = "cluster", cluster = "region", R = 20, threads = 1)
  expect_true("het.cl:income" %in% names(coef(m)))
  rows <- small$id <= 2
  expect_equal(predict(m, format = "vector", small[rows, setdiff(names(small), "region")]), fitted(m, type = "all")[rows],
               tolerance = 1e-12)
  expect_error(predict(m, small[rows, setdiff(names(small), "income")]), class = "mixlogit_argument_error")
  expect_equal(confint(m), confint(m, level = 0.95))
})
