# The response: 0/1, logical, the texts 0/1, TRUE/FALSE, yes/no, or a factor or text naming the chosen
# alternative on every row of its situation. All codings of the same choices give the same fit.

resp <- electricity[electricity$id <= 40, ]
named <- resp$alt[resp$choice == 1][match(resp$chid, resp$chid[resp$choice == 1])]
resp$named_factor <- factor(named)
resp$named_text <- c("one", "two", "three", "four")[named]
resp$label <- c("one", "two", "three", "four")[resp$alt]
resp$yes_no <- ifelse(resp$choice == 1, "Yes", "no")
resp$flag <- resp$choice == 1
resp$zero_one_factor <- factor(resp$choice)
resp_fit <- function(formula, d = resp, ...) mixlogit(formula, d, group = "chid", id = "id", threads = 2, ...)
reference <- resp_fit(choice ~ pf + cl + loc)

test_that("a factor or text naming the chosen alternative gives the 0/1 fit", {
  expect_identical(coef(resp_fit(named_factor ~ pf + cl + loc, alt = "alt")), coef(reference))
  # text labels order the rows of a situation by their text (four, one, three, two): sums in another order
  m <- resp_fit(named_text ~ pf + cl + loc, alt = "label")
  expect_close(coef(m), coef(reference), 1e-12)
  expect_identical(m$y, as.numeric(resp$choice))
})

test_that("logical, yes/no text and a 0/1 factor give the 0/1 fit", {
  expect_identical(coef(resp_fit(flag ~ pf + cl + loc)), coef(reference))
  expect_identical(coef(resp_fit(yes_no ~ pf + cl + loc)), coef(reference))
  expect_identical(coef(resp_fit(zero_one_factor ~ pf + cl + loc)), coef(reference))
  expect_identical(coef(resp_fit(as.character(choice) ~ pf + cl + loc)), coef(reference))
})

test_that("a naming response is checked: the same name in a situation, one of its alternatives", {
  d <- resp
  d$named_text[2] <- "three"
  err <- expect_error(resp_fit(named_text ~ pf + cl, d, alt = "label"), class = "mixlogit_data_error")
  expect_match(conditionMessage(err), "changes within choice situation 1 (\"four\" and \"three\" in row 2)",
               fixed = TRUE)
  d <- resp[!(resp$chid == 1 & resp$alt == 4), ]
  err <- expect_error(resp_fit(named_factor ~ pf + cl, d, alt = "alt"), class = "mixlogit_data_error")
  expect_match(conditionMessage(err), "names alternative \"4\" as chosen in choice situation 1 (row 1), which does",
               fixed = TRUE)
  err <- expect_error(resp_fit(named_text ~ pf + cl), class = "mixlogit_argument_error")
  expect_match(conditionMessage(err), "must name the chosen alternative (a value of the `alt` column, so give",
               fixed = TRUE)
  d <- resp
  d$named_text[5] <- NA
  err <- expect_error(resp_fit(named_text ~ pf + cl, d, alt = "label"), class = "mixlogit_data_error")
  expect_match(conditionMessage(err), "response has missing values in rows 5", fixed = TRUE)
})

test_that("a number naming the chosen alternative is refused with the hint to make it a factor", {
  d <- resp
  d$number <- named
  err <- expect_error(resp_fit(number ~ pf + cl, d, alt = "alt"), class = "mixlogit_data_error")
  expect_match(conditionMessage(err), "The response is 4 in row 1", fixed = TRUE)
  expect_match(conditionMessage(err), "factor(choice)", fixed = TRUE)
  expect_identical(coef(resp_fit(factor(number) ~ pf + cl + loc, d, alt = "alt")), coef(reference))
})
