# Results do not depend on the order of the rows: decision-makers are ordered by their ids (numbers numerically,
# text in C-locale order) and the k-th takes the k-th draws. And engine failures after the fit, while collecting
# it or predicting, arrive as mixlogit_error conditions.

f <- choice ~ pf + cl + loc + wk + tod + seas
two_normal <- c(pf = "n", cl = "n")

# The rows of `d` in a random order (fixed seed), row names reset.
shuffle_rows <- function(d, seed) {
  set.seed(seed)
  out <- d[sample.int(nrow(d)), ]
  rownames(out) <- NULL
  out
}

test_that("id codes depend on the values only: numbers numerically, text and factors in C-locale order", {
  id_codes <- mixlogit:::id_codes
  expect_identical(id_codes(c(30, -2, 30, 7)), c(30L, -2L, 30L, 7L))
  expect_identical(id_codes(c(2.5, 10.25, 2.5, -1)), c(2L, 3L, 2L, 1L))
  expect_identical(id_codes(c("b", "a", "B", "b", "10", "9")), c(5L, 4L, 3L, 5L, 1L, 2L))
  expect_identical(id_codes(c("B", "a", "b")), id_codes(c("b", "a", "B"))[3:1])
  # a factor by its labels, whatever the order of its levels
  expect_identical(id_codes(factor(c("y", "x", "y"), levels = c("y", "x"))), c(2L, 1L, 2L))
  expect_identical(id_codes(factor(c("y", "x", "y"))), id_codes(c("y", "x", "y")))
})

test_that("the Electricity data with shuffled rows give identical estimates, covariances and logLik", {
  m <- mixlogit(f, electricity, group = "chid", id = "id", alt = "alt", rpar = two_normal, R = 20, threads = 2)
  shuffled <- shuffle_rows(electricity, 20240611)
  expect_false(identical(unique(shuffled$id), unique(electricity$id)))
  s <- mixlogit(f, shuffled, group = "chid", id = "id", alt = "alt", rpar = two_normal, R = 20, threads = 2)
  expect_identical(coef(s), coef(m))
  expect_identical(as.numeric(logLik(s)), as.numeric(logLik(m)))
  expect_identical(vcov(s), vcov(m))
  expect_identical(vcov(s, type = "robust"), vcov(m, type = "robust"))
  # fitted probabilities come back in each data's own row order
  key <- function(d) paste(d$chid, d$alt)
  expect_identical(fitted(s, type = "all")[match(key(electricity), key(shuffled))], fitted(m, type = "all"))
})

test_that("text ids (and reversed respondents) give the estimates of the same ids in another order", {
  small <- electricity[electricity$id <= 60, ]
  small$person <- sprintf("p%03d", small$id)
  m <- mixlogit(f, small, group = "chid", id = "person", alt = "alt", rpar = two_normal, R = 20, threads = 1)
  reversed <- small[order(-small$id, seq_len(nrow(small))), ]
  r <- mixlogit(f, reversed, group = "chid", id = "person", alt = "alt", rpar = two_normal, R = 20, threads = 1)
  expect_identical(coef(r), coef(m))
  expect_identical(as.numeric(logLik(r)), as.numeric(logLik(m)))
  # as a factor with its levels in another order: the same fit
  reversed$person <- factor(reversed$person, levels = rev(sort(unique(reversed$person))))
  factor_fit <- mixlogit(f, reversed, group = "chid", id = "person", alt = "alt", rpar = two_normal, R = 20,
                         threads = 1)
  expect_identical(coef(factor_fit), coef(m))
  # and zero-padded text ids sort as their numbers do, so they match the numeric ids
  numeric_fit <- mixlogit(f, small, group = "chid", id = "id", alt = "alt", rpar = two_normal, R = 20,
                          threads = 1)
  expect_identical(coef(numeric_fit), coef(m))
})

test_that("a Java exception while collecting a fit is a mixlogit_error", {
  small <- electricity[electricity$id <= 10, ]
  original <- get("collect_fit", envir = asNamespace("mixlogit"))
  failing <- function(fit, a) rJava::.jcall("java/lang/Integer", "I", "parseInt", "not a number")
  utils::assignInNamespace("collect_fit", failing, ns = "mixlogit")
  on.exit(utils::assignInNamespace("collect_fit", original, ns = "mixlogit"), add = TRUE)
  e <- tryCatch(mixlogit(f, small, group = "chid", id = "id", threads = 1), error = function(e) e)
  expect_s3_class(e, "mixlogit_engine_failure")
  expect_s3_class(e, "mixlogit_error")
  expect_match(conditionMessage(e), "not a number")
})

test_that("a Java refusal while predicting on new data is a mixlogit_error", {
  newdata <- electricity[1:5, ]   # situation 2 has a single row here
  e <- tryCatch(predict(plain_fit, newdata = newdata), error = function(e) e)
  expect_s3_class(e, "mixlogit_engine_data_error")
  expect_s3_class(e, "mixlogit_error")
  expect_match(conditionMessage(e), "only one alternative")
})

test_that("adaptive Gauss-Hermite fits, then gives fitted values and predictions on new data", {
  small <- electricity[electricity$id <= 30, ]
  m <- mixlogit(choice ~ pf + cl + loc, small, group = "chid", id = "id", rpar = c(pf = "n"), draws = "agh",
                R = 5, threads = 1)
  expect_true(m$converged)
  p <- fitted(m, type = "all")
  expect_length(p, nrow(small))
  expect_equal(as.numeric(tapply(p, small$chid, sum)), rep(1, length(unique(small$chid))), tolerance = 1e-12)
  q <- predict(m, format = "vector", newdata = small[1:12, ])
  expect_length(q, 12)
  expect_true(all(is.finite(q) & q > 0 & q < 1))
  expect_equal(as.numeric(tapply(q, small$chid[1:12], sum)), rep(1, 3), tolerance = 1e-12)
})
