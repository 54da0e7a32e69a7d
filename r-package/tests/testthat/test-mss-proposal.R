# The method of simulated scores as R prints it, and the importance samplers' proposal (the command line's
# --proposal) through mixlogit().

test_that("an MSS fit prints and summarises as the method of simulated scores, not as MSLE", {
  # a cross-section of Electricity's first 100 respondents (no id: each situation its own decision-maker), where
  # accept-reject is cheap
  small <- electricity[electricity$id <= 100, ]
  fit <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, small, group = "chid", rpar = c(cl = "n"),
                  method = "mss", R = 10, threads = 2)
  expect_identical(fit$method, "mss")
  expect_true(fit$converged)
  expect_identical(fit$vce, "robust")
  printed <- paste(capture.output(print(fit)), collapse = "\n")
  expect_match(printed, "Method of simulated scores: posterior draws by accept-reject, 10 per decision-maker",
               fixed = TRUE)
  expect_match(printed, "Simulated log-likelihood at the estimate", fixed = TRUE)
  expect_false(grepl("^Log-likelihood:", printed))
  summarised <- paste(capture.output(print(summary(fit))), collapse = "\n")
  expect_match(summarised, "Mixed logit, method of simulated scores; posterior draws by accept-reject",
               fixed = TRUE)
  expect_false(grepl("maximum simulated likelihood", summarised, fixed = TRUE))
  expect_match(summarised, "Simulated log-likelihood at the MSS estimate", fixed = TRUE)
  # the same model by MSLE prints as MSLE
  msle <- update(fit, method = "msle")
  expect_match(paste(capture.output(print(summary(msle))), collapse = "\n"), "maximum simulated likelihood",
               fixed = TRUE)
})

test_that("proposal: the importance sampler's proposal reaches the engine, checked before any Java call", {
  panel <- electricity[electricity$id <= 40, ]
  fit <- function(...) {
    mixlogit(choice ~ pf + cl + loc + wk + tod + seas, panel, group = "chid", id = "id", rpar = c(cl = "n", loc = "n"),
             draws = "adaptive-halton", R = 50, threads = 2, ...)
  }
  t8 <- fit()
  expect_identical(coef(fit(proposal = "t")), coef(t8))
  expect_identical(coef(fit(proposal = 8)), coef(t8))
  normal <- fit(proposal = "normal")
  t4 <- fit(proposal = "t4")
  expect_match(t8$integration, "Student t(8) proposal", fixed = TRUE)
  expect_match(normal$integration, "normal proposal", fixed = TRUE)
  expect_match(t4$integration, "Student t(4) proposal", fixed = TRUE)
  # different proposals, different importance samplers of the same integral: close, not equal
  expect_false(identical(coef(normal), coef(t8)))
  expect_close(coef(normal), coef(t8), 0.1)
  expect_error(fit(proposal = "t3"), "even number", class = "mixlogit_error")
  expect_error(fit(proposal = "cauchy"), "`proposal` must be", class = "mixlogit_error")
  expect_error(mixlogit(choice ~ pf + cl, panel, group = "chid", id = "id", rpar = c(cl = "n"), proposal = "t"),
               "is for draws = \"adaptive-halton\" or \"adaptive-sobol\"", class = "mixlogit_error")
})

test_that("MSS on the Electricity panel: importance sampling (adaptive-halton) converges where accept-reject fails", {
  # 12 situations per person: accept-reject from the prior cannot reach some posteriors (a clear error); the
  # importance-sampling score simulator gives MSLE's first-order condition with the same adapted draws
  mss <- mixlogit(choice ~ pf + cl, electricity, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"),
                  method = "mss", draws = "adaptive-halton", R = 50, threads = 2)
  expect_true(mss$converged)
  expect_identical(mss$vce, "robust")
  expect_match(mss$integration, "posterior scores by importance sampling, adaptive-halton", fixed = TRUE)
  msle <- update(mss, method = "msle")
  expect_close(abs(coef(mss)), abs(coef(msle)), 1e-4)
  expect_true(all(sqrt(diag(vcov(mss))) > 0.5 * sqrt(diag(vcov(msle)))))
  expect_error(update(mss, draws = "halton"), "accepted [0-9]+ of 5000000 proposals", class = "mixlogit_error")
})
