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
  err <- expect_error(mixlogit(choice ~ pf, small, group = "chid", subset = pf > 0),
                      class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "subset `data` before the call", fixed = TRUE)
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
