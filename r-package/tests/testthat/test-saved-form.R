# A fit keeps its saved form (docs/result-schema.md), not an engine object: after saveRDS/readRDS every
# post-estimation function gives the same numbers; the estimation data are checked against its fingerprint; the
# tables of a doubtful fit are flagged.

few_saved <- electricity[electricity$id <= 30, ]
saved_fit <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, few_saved, group = "chid", id = "id", alt = "alt",
                      rpar = c(pf = "n", cl = "n"), R = 20, threads = 2)

reloaded <- function(fit) {
  file <- tempfile(fileext = ".rds")
  on.exit(unlink(file))
  saveRDS(fit, file)
  readRDS(file)
}

test_that("the fit holds its saved form, of the documented format, and no engine object", {
  expect_true(is.character(saved_fit$saved) && length(saved_fit$saved) == 1L)
  expect_match(saved_fit$saved, "\"format\" : \"mixlogit-result/1\"", fixed = TRUE)
  expect_match(saved_fit$saved, "\"fingerprint\" : {", fixed = TRUE)
  expect_match(saved_fit$saved, "\"options\" : {", fixed = TRUE)
  expect_false(any(vapply(unclass(saved_fit), function(x) inherits(x, "jobjRef"), logical(1))))
})

test_that("after saveRDS/readRDS every post-estimation function gives the same numbers", {
  back <- reloaded(saved_fit)
  expect_identical(shares(back), shares(saved_fit))
  expect_identical(elasticities(back, "pf"), elasticities(saved_fit, "pf"))
  expect_identical(diversion(back), diversion(saved_fit))
  expect_identical(diversion(back, "pf", type = "marginal"), diversion(saved_fit, "pf", type = "marginal"))
  expect_identical(diversion(back, "pf", decomposition = TRUE), diversion(saved_fit, "pf", decomposition = TRUE))
  expect_identical(conditionals(back), conditionals(saved_fit))
  expect_identical(wtp(back, "cl", "pf"), wtp(saved_fit, "cl", "pf"))
  expect_identical(predict(back, format = "vector", type = "conditional"), predict(saved_fit, format = "vector", type = "conditional"))
  new <- few_saved[few_saved$id <= 3, ]
  expect_identical(predict(back, format = "vector", newdata = new), predict(saved_fit, format = "vector", newdata = new))
  expect_identical(predict(back, format = "vector", newdata = new, type = "conditional"),
                   predict(saved_fit, format = "vector", newdata = new, type = "conditional"))
  expect_identical(shares(back, newdata = new), shares(saved_fit, newdata = new))
  expect_identical(fitted(back), fitted(saved_fit))
  expect_identical(coef(back), coef(saved_fit))
  # the saved form's probabilities are the fit's: predicting the estimation data as new data gives them back
  expect_close(predict(back, format = "vector", newdata = few_saved), fitted(saved_fit, type = "all"), 1e-14)
})

test_that("estimation data that no longer match the saved fingerprint are refused; new data are not checked", {
  changed <- saved_fit
  changed$columns$attributes[5] <- changed$columns$attributes[5] + 1
  expect_error(shares(changed), class = "mixlogit_engine_spec_error",
               regexp = "not the data the model was estimated on")
  expect_error(conditionals(changed), regexp = "different values")
  other <- few_saved
  other$pf[5] <- other$pf[5] + 1
  expect_s3_class(shares(saved_fit, newdata = other), "mixlogit_table")
})

test_that("a corrupt saved form is an engine error naming the field", {
  broken <- saved_fit
  broken$saved <- sub("\"coefficients\" :", "\"coefficientz\" :", broken$saved, fixed = TRUE)
  expect_error(shares(broken), class = "mixlogit_engine_spec_error", regexp = "$.coefficients is missing",
               fixed = TRUE)
  gone <- saved_fit
  gone$saved <- NULL
  expect_error(shares(gone), class = "mixlogit_argument_error", regexp = "refit")
})

test_that("post-estimation after a fit that did not converge warns and flags its tables", {
  # R has no iteration limit to stop a fit early: the saved form of a stopped fit differs only in these fields
  stopped <- saved_fit
  stopped$saved <- sub("\"converged\" : true", "\"converged\" : false", stopped$saved, fixed = TRUE)
  stopped$saved <- sub("\"status\" : \"[A-Z_]+\"", "\"status\" : \"MAX_ITERATIONS\"", stopped$saved)
  expect_warning(s <- shares(stopped), "did not converge \\(status MAX_ITERATIONS\\)")
  expect_match(attr(s, "fit_warning"), "did not converge")
  expect_identical(unclass(s)$estimate, unclass(shares(saved_fit))$estimate)
  expect_warning(w <- wtp(stopped, "cl", "pf"), "did not converge")
  expect_match(attr(w, "fit_warning"), "did not converge")
  expect_warning(p <- predict(stopped, format = "vector", newdata = few_saved[1:8, ]), "did not converge")
  expect_match(attr(p, "fit_warning"), "did not converge")
  expect_null(attr(shares(saved_fit), "fit_warning"))
})
