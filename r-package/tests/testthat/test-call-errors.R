# Mistakes in the call itself are classed conditions naming the argument or variable, what exists and, where
# there is one, the closest match: R's own "unused argument", "object 'x' not found" and "argument is missing".

small <- electricity[electricity$id <= 10, ]

test_that("an unknown argument is a mixlogit_argument_error naming it and the package's word for it", {
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chid", iterlim = 3), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`iterlim` is not an argument of mixlogit()", fixed = TRUE)
  expect_match(conditionMessage(err), "Arguments: formula, data, group, id, rpar", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, small, grup = "chid"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`grup` is not an argument of mixlogit(): did you mean `group`?", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chid", halton = NA), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "Halton draws are the default", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chid", panel = TRUE), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "panel data follow from `id`", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chid", na.action = na.omit),
                      class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "missing values are refused with their rows named", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chid", shape = "wide"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "mixlogit_long()", fixed = TRUE)
})

test_that("an unquoted column name, a missing argument or data that do not exist are classed errors", {
  err <- expect_error(mixlogit(choice ~ pf, small, group = chid), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`group` is chid without quotes", fixed = TRUE)
  expect_match(conditionMessage(err), "group = \"chid\"", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chid", id = id), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "id = \"id\"", fixed = TRUE)
  # an R variable holding the name still works
  column <- "chid"
  expect_s3_class(mixlogit(choice ~ pf, small, group = column, threads = 2), "mixlogit")
  err <- expect_error(mixlogit(choice ~ pf, small), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`group` is required", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`data` is required", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, no_such_data, group = "chid"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`data` cannot be evaluated: object 'no_such_data' not found", fixed = TRUE)
})

test_that("a misspelt variable in the formula or column argument names the closest column", {
  err <- expect_error(mixlogit(choice ~ pf + cll, small, group = "chid"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`formula` names \"cll\" (did you mean \"cl\"?), which is not a column of",
               fixed = TRUE)
  expect_match(conditionMessage(err), "Columns: choice, id, alt, pf, cl", fixed = TRUE)
  err <- expect_error(mixlogit(chocie ~ pf, small, group = "chid"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "\"chocie\" (did you mean \"choice\"?)", fixed = TRUE)
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chd"), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`group` names column \"chd\", which is not in `data` (did you mean \"chid\"?)",
               fixed = TRUE)
  # a variable of the caller's environment is found there, as model.frame() does
  scale <- 2
  expect_s3_class(mixlogit(choice ~ pf + I(cl * scale), small, group = "chid", threads = 2), "mixlogit")
})

test_that("errors about new data say `newdata` on every path post-estimation uses", {
  m <- mixlogit(choice ~ pf + cl + factor(loc), small, group = "chid", id = "id", alt = "alt", threads = 2)
  new <- small[small$chid <= 3, ]
  cases <- list(
    list(d = new[setdiff(names(new), "chid")], words = "`group` names column \"chid\", which is not in `newdata`"),
    list(d = new[setdiff(names(new), "id")], words = "`id` names column \"id\", which is not in `newdata`"),
    list(d = new[setdiff(names(new), "cl")], words = "`newdata` has no column \"cl\", which the model uses"),
    list(d = transform(new, pf = replace(pf, 2, NA)), words = "\"pf\" has missing values in rows 2 of `newdata`"),
    list(d = transform(new, chid = replace(chid, 2, NA)), words = "\"chid\" has missing values in row 2 of `newdata`"),
    list(d = transform(new, loc = replace(loc, 1, 7)), words = "`newdata` has levels the fit did not see"))
  for (case in cases) {
    for (call in list(function(d) predict(m, newdata = d), function(d) shares(m, newdata = d))) {
      err <- expect_error(call(case$d), class = "mixlogit_error")
      expect_match(conditionMessage(err), case$words, fixed = TRUE)
      expect_false(grepl("`data`", conditionMessage(err), fixed = TRUE))
    }
  }
  err <- expect_error(shares(m, newdata = new[setdiff(names(new), "alt")]), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`alt` names column \"alt\", which is not in `newdata`", fixed = TRUE)
})

test_that("post-estimation functions refuse arguments they do not have, naming them (R would drop them)", {
  m <- mixed_fit
  expect_unknown <- function(expr, name, fun, hint = NULL) {
    err <- expect_error(expr, class = "mixlogit_argument_error")
    expect_match(conditionMessage(err), paste0("`", name, "` is not an argument of ", fun, "()"), fixed = TRUE)
    expect_match(conditionMessage(err), "Arguments: ", fixed = TRUE)
    if (!is.null(hint)) expect_match(conditionMessage(err), hint, fixed = TRUE)
  }
  expect_unknown(predict(m, nwedata = electricity), "nwedata", "predict", "did you mean `newdata`?")
  expect_unknown(predict(m, se.fit = TRUE), "se.fit", "predict", "use `se = TRUE`")
  expect_unknown(predict(m, type = "share", market = "a"), "market", "predict")
  expect_unknown(shares(m, krinsky.robb = 10), "krinsky.robb", "shares", "did you mean `krinsky_robb`?")
  expect_unknown(shares(m, conf.level = 0.9), "conf.level", "shares")
  expect_unknown(elasticities(m, "pf", market = "a"), "market", "elasticities")
  expect_unknown(diversion(m, decompositon = TRUE), "decompositon", "diversion", "did you mean `decomposition`?")
  expect_unknown(conditionals(m, newdata = electricity), "newdata", "conditionals")
  expect_unknown(wtp(m, "cl", "pf", scalePar = "pf"), "scalePar", "wtp", "the price is `cost`")
  expect_unknown(wtp(m, "cl", "pf", conf.level = 0.9), "conf.level", "wtp", "use `level`")
  expect_unknown(rpar(m, norm = "pf"), "norm", "rpar")
  expect_unknown(summary(m, digits = 3), "digits", "summary", "print(summary(m), digits = 3)")
  expect_unknown(confint(m, conf.level = 0.9), "conf.level", "confint", "use `level`")
  expect_unknown(fitted(m, outcome = FALSE), "outcome", "fitted")
  expect_unknown(residuals(m, type = "pearson"), "type", "residuals")
  expect_unknown(model.matrix(m, data = electricity), "data", "model.matrix")
  err <- expect_error(predict(m, NULL, "prob", NULL, FALSE, 0.95, 0, 0, NULL, "extra"),
                      class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "predict() was given 1 argument(s) it does not take by position", fixed = TRUE)
  # the arguments are not evaluated on the way to the error
  expect_unknown(shares(m, bad = stop("evaluated")), "bad", "shares")
  err <- expect_error(predict(m, type = "share", se = TRUE), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "`se`, `format` and `level` are for probabilities", fixed = TRUE)
})

test_that("correlated-block matrices refuse unknown arguments too", {
  small_corr <- mixlogit(choice ~ pf + cl, small, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"),
                         correlation = TRUE, R = 20, threads = 2)
  expect_error(cov_rpar(small_corr, se.fit = TRUE), class = "mixlogit_argument_error",
               regexp = "`se.fit` is not an argument of cov_rpar()", fixed = TRUE)
  expect_error(cor_rpar(small_corr, sd = TRUE), class = "mixlogit_argument_error",
               regexp = "`sd` is not an argument of cor_rpar(): did you mean `se`?", fixed = TRUE)
  expect_true(is.matrix(cor_rpar(small_corr)))
})
