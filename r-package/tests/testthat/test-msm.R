# The method of simulated moments: method = "msm", instruments =, weighting =.

f <- choice ~ pf + cl + loc + wk + tod + seas
# Instruments beyond the attributes that vary within situations (pf^2 does not: pf is 0 exactly for the
# time-of-day and seasonal rates, so within situations it is a combination of pf, tod and seas).
msm_data <- electricity
msm_data$pfcl <- msm_data$pf * msm_data$cl
msm_data$cl2 <- msm_data$cl^2
msm_data$pfloc <- msm_data$pf * msm_data$loc
columns <- c(attributes, "pfcl", "cl2", "pfloc")
msm_small <- msm_data[msm_data$id <= 60, ]
two_normal <- c(pf = "n", cl = "n")

plain_msm <- mixlogit(f, electricity, group = "chid", id = "id", method = "msm", threads = 2)
mixed_msm <- mixlogit(f, msm_small, group = "chid", id = "id", rpar = two_normal, R = 20, method = "msm",
                      instruments = columns, threads = 2)

test_that("a plain logit by MSM with optimal instruments is the plain-logit MLE", {
  expect_identical(plain_msm$method, "msm")
  expect_identical(plain_fit$method, "msle")
  expect_null(plain_fit$gmm)
  expect_close(coef(plain_msm), coef(plain_fit), 2e-6)
  expect_close(logLik(plain_msm), logLik(plain_fit), 1e-6)
  expect_equal(names(coef(plain_msm)), names(coef(plain_fit)))
  g <- plain_msm$gmm
  expect_equal(g$df, 0L)
  expect_true(is.na(g$J))
  expect_length(g$instruments, 6L)
  expect_lt(g$criterion, 1e-8)
  expect_true(plain_msm$converged)
  expect_true(plain_msm$certified)
})

test_that("column instruments over-identify: Hansen's J with its df and p-value", {
  g <- mixed_msm$gmm
  expect_identical(g$instruments, columns)
  expect_equal(g$df, length(columns) - length(coef(mixed_msm)))
  expect_identical(g$weighting, "two-step")
  expect_true(is.finite(g$J) && g$J >= 0)
  expect_equal(g$p.value, stats::pchisq(g$J, g$df, lower.tail = FALSE), tolerance = 1e-10)
  expect_equal(g$J, g$criterion)
  expect_gt(g$condition, 1)
  one <- mixlogit(f, msm_data, group = "chid", id = "id", method = "msm", instruments = columns,
                  weighting = "one-step", threads = 2)
  expect_identical(one$gmm$weighting, "one-step")
  expect_true(is.na(one$gmm$J))
  expect_equal(one$gmm$df, 3L)
})

test_that("the covariance of an MSM fit is the GMM sandwich; the likelihood types are refused", {
  expect_identical(mixed_msm$vce, "gmm")
  v <- vcov(mixed_msm)
  expect_identical(v, vcov(mixed_msm, type = "gmm"))
  expect_identical(v, vcov(mixed_msm, type = "robust"))
  expect_true(all(is.finite(v)) && all(diag(v) > 0))
  expect_equal(dimnames(v), list(names(coef(mixed_msm)), names(coef(mixed_msm))))
  expect_true(all(is.finite(vcov(mixed_msm, type = "cluster"))))
  expect_error(vcov(mixed_msm, type = "hessian"), class = "mixlogit_argument_error")
  expect_error(vcov(plain_fit, type = "gmm"), class = "mixlogit_argument_error")
  expect_identical(mixlogit(f, msm_small, group = "chid", id = "id", method = "msm", vce = "cluster",
                            threads = 2)$vce, "cluster")
})

test_that("print, summary, logLik, confint, tidy and glance describe an MSM fit", {
  out <- paste(utils::capture.output(print(mixed_msm)), collapse = "\n")
  expect_match(out, "Method of simulated moments")
  expect_match(out, "Hansen's J [0-9.]+ on 1 df")
  s <- summary(mixed_msm)
  expect_identical(s$type, "gmm")
  expect_equal(unname(s$coefficients[, 2]), unname(sqrt(diag(vcov(mixed_msm)))))
  out <- paste(utils::capture.output(print(s)), collapse = "\n")
  for (pattern in c("method of simulated moments", "(vce = \"gmm\")", "GMM criterion", "Hansen's J",
                    "Weighting: two-step", "condition number of the weighting matrix",
                    "Instruments: 9 instruments, columns pf, cl", "Simulated log-likelihood at the MSM estimate")) {
    expect_match(out, pattern, fixed = TRUE)
  }
  expect_match(paste(utils::capture.output(summary(plain_msm)), collapse = "\n"), "exactly identified")
  ll <- logLik(mixed_msm)
  expect_equal(attr(ll, "df"), 8L)
  expect_true(is.finite(ll) && ll < 0)
  expect_equal(dim(confint(mixed_msm)), c(8L, 2L))
  t <- mixlogit:::tidy.mixlogit(mixed_msm)
  expect_equal(t$std.error, unname(sqrt(diag(vcov(mixed_msm)))))
  g <- mixlogit:::glance.mixlogit(mixed_msm)
  expect_identical(g$method, "msm")
  expect_equal(g$J.df, 1L)
  expect_equal(g$J, mixed_msm$gmm$J)
  expect_identical(mixlogit:::glance.mixlogit(plain_fit)$method, "msle")
})

test_that("post-estimation runs after an MSM fit", {
  m <- mixlogit(f, msm_small, group = "chid", id = "id", rpar = two_normal, R = 20, method = "msm", alt = "alt",
                threads = 2)
  sh <- shares(m, replicates = 0)
  expect_equal(sum(sh$estimate), 1, tolerance = 1e-12)
  expect_true(all(is.finite(sh$std_error)))
  e <- elasticities(m, "pf", replicates = 0)
  expect_equal(nrow(e), 16L)
  expect_true(all(is.finite(diversion(m, replicates = 0)$estimate)))
  cond <- conditionals(m)
  expect_equal(nrow(cond), 60L)
  w <- wtp(m, "cl", "pf")
  expect_true(all(is.finite(w$population)))
  p <- predict(m, format = "vector", newdata = msm_small[1:8, ])
  expect_equal(p, fitted(m, type = "all")[1:8], tolerance = 1e-12)
  expect_length(predict(m, format = "vector", type = "conditional"), nrow(msm_small))
  expect_equal(coef(update(m, R = 20)), coef(m))
})

test_that("MSM misuse raises classed errors before the engine", {
  msle <- function(...) mixlogit(f, msm_small, group = "chid", id = "id", threads = 1, ...)
  expect_error(msle(instruments = "default"), class = "mixlogit_argument_error", regexp = "method = \"msm\"")
  expect_error(msle(weighting = "one-step"), class = "mixlogit_argument_error", regexp = "weighting")
  expect_error(msle(method = "gmm"), class = "mixlogit_argument_error")
  expect_error(msle(vce = "gmm"), class = "mixlogit_argument_error")
  expect_error(msle(method = "msm", vce = "hessian"), class = "mixlogit_argument_error")
  expect_error(msle(method = "msm", weighting = "three-step"), class = "mixlogit_argument_error")
  expect_error(msle(method = "msm", instruments = c("pf", "nosuch")), class = "mixlogit_argument_error",
               regexp = "nosuch")
  expect_error(msle(method = "msm", instruments = c("optimal", "pf")), class = "mixlogit_argument_error")
  expect_error(msle(method = "msm", instruments = c("pf", "pf")), class = "mixlogit_argument_error")
  expect_error(msle(method = "msm", instruments = 1:3), class = "mixlogit_argument_error")
  text <- msm_small
  text$label <- as.character(text$alt)
  expect_error(mixlogit(f, text, group = "chid", method = "msm", instruments = c(attributes, "label")),
               class = "mixlogit_argument_error", regexp = "label")
  holes <- msm_small
  holes$cl2[c(4, 7)] <- NA
  expect_error(mixlogit(f, holes, group = "chid", method = "msm", instruments = columns),
               class = "mixlogit_data_error", regexp = "rows 4, 7")
  e <- tryCatch(msle(method = "msm", instruments = c("pf", "cl")), error = function(e) e)
  expect_s3_class(e, "mixlogit_engine_error")
})

test_that("R and the command-line tool give exactly the same MSM estimate", {
  skip_if_not_installed("jsonlite")
  java <- Sys.which("java")
  skip_if(java == "", "java is not on the PATH")
  csv <- tempfile(fileext = ".csv")
  spec <- tempfile(fileext = ".json")
  json <- tempfile(fileext = ".json")
  utils::write.csv(msm_small, csv, row.names = FALSE)
  writeLines(mixlogit:::spec_json(attributes, two_normal, character(0), NULL), spec)
  jars <- file.path(system.file("java", package = "mixlogit"), "*")
  status <- system2(java, c("-cp", shQuote(jars), "org.mixlogit.cli.Main", "estimate", "--data", csv,
                            "--choice", "choice", "--group", "chid", "--id", "id", "--spec", spec, "--R", "20",
                            "--threads", "1", "--method", "msm", "--instruments", paste(columns, collapse = ","),
                            "--json", json, "--quiet"), stdout = FALSE, stderr = FALSE)
  expect_equal(status, 0L)
  cli <- jsonlite::fromJSON(json)
  expect_identical(cli$coefficients$name, names(coef(mixed_msm)))
  expect_identical(cli$coefficients$estimate, unname(coef(mixed_msm)))
  expect_identical(cli$coefficients$stderr, unname(sqrt(diag(vcov(mixed_msm)))))
  expect_identical(cli$loglik, as.numeric(logLik(mixed_msm)))
  expect_identical(cli$gmm$J, mixed_msm$gmm$J)
  expect_identical(cli$gmm$df, mixed_msm$gmm$df)
  expect_identical(cli$gmm$instruments, mixed_msm$gmm$instruments)
})
