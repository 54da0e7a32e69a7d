# The numbers the Java tests assert (shared/data/README.md, data set 1).

test_that("the conditional logit reproduces clogit's log-likelihood, estimates and standard errors", {
  expect_close(logLik(plain_fit), -4958.649119, 1e-5)
  estimates <- c(pf = -0.625228, cl = -0.108299, loc = 1.442243, wk = 0.995504, tod = -5.462759,
                 seas = -5.840031)
  errors <- c(0.023222, 0.008244, 0.050557, 0.044780, 0.183713, 0.186678)
  expect_close(coef(plain_fit), estimates, 1e-4)
  expect_equal(names(coef(plain_fit)), names(estimates))
  expect_close(sqrt(diag(vcov(plain_fit))), errors, 1e-4)
  expect_true(plain_fit$converged)
})

test_that("the mixed logit (6 normal, panel, 100 Halton) reproduces mlogit: LL -3952.4877", {
  mlogit <- c(-0.973386, -0.205557, 2.075724, 1.475645, -9.052539, -9.103759, 0.219943, 0.378303,
              1.482974, 1.000057, 2.289477, 1.180869)
  expect_close(logLik(mixed_fit), -3952.4877, 0.005)
  estimates <- coef(mixed_fit)
  estimates[7:12] <- abs(estimates[7:12])
  expect_close(estimates, mlogit, 2e-3)
  expect_equal(names(coef(mixed_fit)), c(attributes, paste0("sd.", attributes)))
  expect_true(mixed_fit$certified)
})

test_that("R and the command-line tool give exactly the same numbers", {
  skip_if_not_installed("jsonlite")
  java <- Sys.which("java")
  skip_if(java == "", "java is not on the PATH")
  csv <- tempfile(fileext = ".csv")
  json <- tempfile(fileext = ".json")
  utils::write.csv(electricity, csv, row.names = FALSE)
  jars <- file.path(system.file("java", package = "mixlogit"), "*")
  status <- system2(java, c("-cp", shQuote(jars), "org.mixlogit.cli.Main", "estimate", "--data", csv,
                            "--choice", "choice", "--group", "chid", "--id", "id",
                            "--random", "pf=n,cl=n,loc=n,wk=n,tod=n,seas=n", "--R", "100", "--threads", "1",
                            "--json", json, "--quiet"), stdout = FALSE, stderr = FALSE)
  expect_equal(status, 0L)
  cli <- jsonlite::fromJSON(json)
  expect_identical(cli$loglik, as.numeric(logLik(mixed_fit)))
  expect_identical(cli$coefficients$name, names(coef(mixed_fit)))
  expect_identical(cli$coefficients$estimate, unname(coef(mixed_fit)))
  expect_identical(cli$coefficients$stderr, unname(sqrt(diag(vcov(mixed_fit)))))
})
