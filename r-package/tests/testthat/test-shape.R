# Data as users hold them: dfidx and mlogit.data objects (index unfolded), and wide data reshaped by
# mixlogit_long(). Each gives the same fit as the bundled long data frame.
#
# The fixtures were made by the packages' own code (dfidx 0.2-0 and mlogit 1.0-3.1, sourced from their CRAN
# sources, since neither is installable here) on mlogit's wide Electricity, respondents 1 to 30:
#   fixtures/dfidx_electricity30.rds:  dfidx(E, idx = list(c("chid", "id")), choice = "choice", varying = 3:26,
#                                      sep = "", pkg = "mlogit", idnames = c(NA, "alt"))
#   fixtures/mlogit_data_electricity30.rds:  mlogit.data(long, choice = "choice", shape = "long", alt.var = "alt",
#                                      chid.var = "chid", id.var = "id", drop.index = TRUE)
# (E$chid <- seq_len(nrow(E)) first, as in mlogit's exercise 3.)

d30 <- electricity[electricity$id <= 30, ]
rp <- c(pf = "n", cl = "n")
f6 <- choice ~ pf + cl + loc + wk + tod + seas
long30_fit <- mixlogit(f6, d30, group = "chid", id = "id", alt = "alt", rpar = rp, R = 40, threads = 2)

# A dfidx object built by hand with the structure dfidx() gives (R/dfidx.R): the index as a data-frame column of
# class c("idx", "data.frame") whose "ids" attribute tells the first index (1) and its nesting variable (1) from
# the second index (2); the second index is a factor.
as_dfidx <- function(d, group = "chid", id = "id", alt = "alt", name = "idx") {
  idx <- d[c(group, id, alt)]
  idx[[alt]] <- factor(idx[[alt]])
  rownames(idx) <- NULL
  attr(idx, "ids") <- c(1, 1, 2)
  class(idx) <- c("idx", "data.frame")
  out <- d[setdiff(names(d), c(group, id, alt))]
  rownames(out) <- NULL
  out[[name]] <- idx
  structure(out, class = c("dfidx_mlogit", "dfidx", "data.frame"), clseries = c("xseries_mlogit", "xseries"),
            choice = "choice")
}

test_that("a dfidx object made by dfidx() gives the same fit as the long data frame, group/id/alt from its index", {
  x <- readRDS(test_path("fixtures", "dfidx_electricity30.rds"))
  expect_s3_class(x, "dfidx")
  expect_identical(attr(x$idx, "ids"), c(1, 1, 2))
  m <- mixlogit(f6, x, rpar = rp, R = 40, threads = 2)
  expect_identical(coef(m), coef(long30_fit))
  expect_identical(logLik(m), logLik(long30_fit))
  expect_identical(m$settings[c("group", "id", "alt")], list(group = "chid", id = "id", alt = "alt"))
  expect_identical(m$alternatives, long30_fit$alternatives)
  # with a multi-part formula the index's alternative is the `alt` of the formula
  m1 <- mixlogit(choice ~ pf + cl | 1, x, threads = 2)
  m2 <- mixlogit(choice ~ pf + cl | 1, d30, group = "chid", id = "id", alt = "alt", threads = 2)
  expect_identical(coef(m1), coef(m2))
  # a dfidx as newdata
  expect_identical(predict(m, newdata = x), predict(long30_fit, newdata = d30))
})

test_that("a dfidx object built by hand (another index name, shuffled rows) gives the same fit", {
  shuffled <- d30[sample(nrow(d30)), ]
  x <- as_dfidx(shuffled, name = "index")
  m <- mixlogit(f6, x, rpar = rp, R = 40, threads = 2)
  expect_identical(coef(m), coef(long30_fit))
  # arguments given explicitly win over the index: id = "chid" makes every situation its own decision-maker
  m0 <- mixlogit(f6, x, id = "chid", rpar = rp, R = 40, threads = 2)
  expect_identical(m0$n[["decision.makers"]], m0$n[["situations"]])
  expect_identical(m0$settings$id, "chid")
})

test_that("an mlogit.data object (index attribute of factors) gives the same fit as the long data frame", {
  x <- readRDS(test_path("fixtures", "mlogit_data_electricity30.rds"))
  expect_s3_class(x, "mlogit.data")
  expect_true(is.factor(attr(x, "index")$chid))
  m <- mixlogit(f6, x, rpar = rp, R = 40, threads = 2)
  # the factor ids "1", "2", ..., "10" are numbers again, so the draws go to the same people as in the long fit
  expect_identical(coef(m), coef(long30_fit))
  expect_identical(logLik(m), logLik(long30_fit))
})

test_that("an index column with a different value under an existing column's name is an error", {
  x <- as_dfidx(d30)
  x$id <- 1
  err <- expect_error(mixlogit(f6, x, threads = 2), class = "mixlogit_data_error")
  expect_match(conditionMessage(err), "a column \"id\" and an index of the same name", fixed = TRUE)
})

test_that("mlogit's wide Electricity (bundled) reshaped by mixlogit_long() is the long data; same fit", {
  wide <- electricity_data("wide")
  expect_identical(dim(wide), c(4308L, 26L))
  expect_identical(names(wide)[1:4], c("choice", "id", "pf1", "pf2"))
  long <- mixlogit_long(wide, varying = 3:26, sep = "", choice = "choice")
  expect_identical(names(long), c("chid", "alt", "choice", "id", "pf", "cl", "loc", "wk", "tod", "seas"))
  expect_identical(nrow(long), nrow(electricity))
  for (v in c("chid", "alt", "id", "pf", "cl", "loc", "wk", "tod", "seas")) {
    expect_equal(as.numeric(long[[v]]), as.numeric(electricity[[v]]), label = v)
  }
  expect_identical(long$choice, electricity$choice == 1)
  m <- mixlogit(f6, long, group = "chid", id = "id", threads = 2)
  expect_identical(coef(m), coef(plain_fit))
  # by names, with the alternative given as text labels
  named <- mixlogit_long(wide, varying = grep("[0-9]$", names(wide), value = TRUE), sep = "",
                         choice = "choice", alternatives = c("1", "2", "3", "4"))
  expect_identical(named$pf, long$pf)
})

test_that("mixlogit_long(): sep, text alternatives, ragged choice sets and its errors", {
  w <- data.frame(mode = c("beach", "pier", "boat"), income = c(7, 3, 5),
                  price.beach = c(10, 12, NA), price.pier = c(15, 9, 4), price.boat = c(20, 30, 25),
                  catch.beach = c(1, 2, NA), catch.pier = c(3, 1, 2), catch.boat = c(5, 6, 7))
  long <- mixlogit_long(w, varying = 3:8, choice = "mode")
  # first-appearance order of the alternatives; situation 3 has no beach (all its variables NA)
  expect_identical(long$alt, c("beach", "pier", "boat", "beach", "pier", "boat", "pier", "boat"))
  expect_identical(long$chid, c(1L, 1L, 1L, 2L, 2L, 2L, 3L, 3L))
  expect_identical(long$mode, c(TRUE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, TRUE))
  expect_identical(long$price, c(10, 15, 20, 12, 9, 30, 4, 25))
  expect_identical(long$income, rep(c(7, 3, 5), c(3, 3, 2)))
  expect_error(mixlogit_long(w, varying = 3:7, choice = "mode"), "no column for variable \"catch\" and alternative",
               class = "mixlogit_argument_error")
  expect_error(mixlogit_long(w, varying = 3:8, sep = "_"), "has no separator \"_\"", class = "mixlogit_argument_error")
  expect_error(mixlogit_long(w, varying = 3:8, sep = ""), "does not end in the alternative's number",
               class = "mixlogit_argument_error")
  w$mode[2] <- "car"
  expect_error(mixlogit_long(w, varying = 3:8, choice = "mode"), "is \"car\" in row 2, which is not an alternative",
               class = "mixlogit_data_error")
  w$mode[3] <- "beach"
  w$mode[2] <- "pier"
  expect_error(mixlogit_long(w, varying = 3:8, choice = "mode"), "Row 3 of `data` chooses alternative \"beach\"",
               class = "mixlogit_data_error")
  expect_error(mixlogit_long(w, varying = 3:9), "holds position 9", class = "mixlogit_argument_error")
  expect_error(mixlogit_long(w), "`varying` is required", class = "mixlogit_argument_error")
  w$chid <- c(1, 1, 2)
  expect_error(mixlogit_long(w, varying = 3:8), "has the value 1 twice", class = "mixlogit_data_error")
})
