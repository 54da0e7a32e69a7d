# The specification and options reach the engine as JSON written by jsonlite: names with quotes, backslashes and
# characters beyond ASCII round-trip, and numbers are exact.

test_that("attribute names with quotes, backslashes and unicode reach the engine and come back unchanged", {
  d <- electricity[electricity$id <= 30, ]
  odd <- c("pr\"ice", "con\\tract", "lo\u00e7al \u4e2d", "w\U0001F600k")
  names(d)[match(c("pf", "cl", "loc", "wk"), names(d))] <- odd
  rhs <- Reduce(function(a, b) call("+", a, b), lapply(odd, as.name))
  f <- stats::as.formula(call("~", quote(choice), rhs))
  columns <- colnames(stats::model.matrix(f, d))[-1]
  m <- mixlogit(f, d, group = "chid", id = "id", rpar = stats::setNames(c("n", "n"), columns[3:4]), R = 20,
                threads = 2)
  expect_identical(names(coef(m)), c(columns, paste0("sd.", columns[3:4])))
  # the same estimates as with plain names
  plain <- mixlogit(choice ~ pf + cl + loc + wk, electricity[electricity$id <= 30, ], group = "chid", id = "id",
                    rpar = c(loc = "n", wk = "n"), R = 20, threads = 2)
  expect_identical(unname(coef(m)), unname(coef(plain)))
})

test_that("spec_json() escapes by jsonlite and writes ASCII; jsonlite reads back the same strings", {
  names <- c("a\"b", "c\\d", "\u00e9t\u00e9", "\U0001F600", "tab\there", "new\nline")
  json <- mixlogit:::spec_json(names, c("a\"b" = "n"), character(0), list("a\"b" = "x\u00e9"))
  expect_true(all(utf8ToInt(json) < 128L))
  back <- jsonlite::fromJSON(json, simplifyVector = FALSE)
  expect_identical(vapply(back$coefficients, function(c) c$attribute, ""), names)
  expect_identical(back$coefficients[[1]]$heterogeneity, list("x\u00e9"))
  expect_identical(back$coefficients[[1]]$distribution, "n")
  json <- mixlogit:::spec_json(c("x", "y"), c(x = "n", y = "n"), c("x", "y"), NULL)
  expect_identical(jsonlite::fromJSON(json)$correlated, c("x", "y"))
})

test_that("options_json() writes every number exactly and whole numbers as integers", {
  a <- list(draws = "halton", R = 100L, seed = 2^40 + 1, starts = 1L, optimizer = "bfgs", vce = "hessian",
            threads = 2L, level = 0.95, method = "msle", start = c(0.1, 1 / 3, -2e-300, 7), cluster = "c\"l")
  json <- mixlogit:::options_json(a)
  expect_match(json, "\"seed\":1099511627777,", fixed = TRUE)
  expect_match(json, "\"R\":100,", fixed = TRUE)
  back <- jsonlite::fromJSON(json)
  expect_identical(back$start, a$start)
  expect_equal(back$level, 95)
  expect_identical(back$cluster, "c\"l")
  # a start of one value is still an array
  a$start <- 0.5
  expect_match(mixlogit:::options_json(a), "\"start\":[0.5]", fixed = TRUE)
  expect_identical(mixlogit:::post_options_json(500, 5, 42), "{\"krinskyRobb\":500,\"replicates\":5,\"seed\":42}")
})

test_that("the fit controls join the options as members written by jsonlite, numbers exact", {
  a <- list(draws = "halton", R = 100L, seed = 1L, starts = 1L, optimizer = "bfgs", vce = "hessian",
            threads = 2L, level = 0.95, method = "msle", cluster = "c\"l")
  controls <- mixlogit:::check_fit_controls(7, 1 / 3, 2, 0, "msle")
  json <- mixlogit:::add_fit_controls(mixlogit:::options_json(a), controls)
  back <- jsonlite::fromJSON(json)
  expect_identical(back$maxIterations, 7L)
  expect_identical(back$tolerance, 1 / 3)
  expect_identical(back$integrationCheck, 2L)
  expect_identical(back$cluster, "c\"l")
  expect_identical(back$R, 100L)
  expect_identical(mixlogit:::add_fit_controls("{}", list(tolerance = 1e-7)), "{\"tolerance\":9.9999999999999995e-08}")
  expect_identical(mixlogit:::add_fit_controls("{\"R\":5}", list()), "{\"R\":5}")
})
