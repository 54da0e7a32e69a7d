# Post-estimation economics against closed forms of the plain logit, and their arguments, errors and plots.

few <- electricity[electricity$id <= 25, ]
f <- choice ~ pf + cl + loc + wk + tod + seas
# One choice situation per market: every market aggregate is that situation's own quantity.
logit_by_situation <- mixlogit(f, few, group = "chid", id = "id", alt = "alt", market = "chid", threads = 2)
logit_pooled <- mixlogit(f, few, group = "chid", id = "id", alt = "alt", threads = 2)
mixed_small <- mixlogit(f, few, group = "chid", id = "id", alt = "alt", rpar = c(pf = "n", cl = "n"), R = 30,
                        threads = 2)

# Logit probability of every row of `few` with the fit's estimates, per situation (closed form, in R).
logit_probabilities <- function(fit, data) {
  v <- as.numeric(as.matrix(data[, names(coef(fit))]) %*% coef(fit))
  e <- exp(v - ave(v, data$chid, FUN = max))
  e / ave(e, data$chid, FUN = sum)
}

# The value of every (market, from, to) of a table from a function of the situation's rows j and k.
pairwise_expected <- function(table, data, value) {
  mapply(function(m, from, to) {
    rows <- data[data$chid == as.numeric(m), ]
    value(rows, which(rows$alt == as.numeric(from)), which(rows$alt == as.numeric(to)))
  }, table$market, table$from, table$to)
}

test_that("shares of a plain logit with one situation per market are the situation's probabilities", {
  p <- logit_probabilities(logit_by_situation, few)
  expect_close(p, fitted(logit_by_situation, type = "all"), 1e-10)
  s <- shares(logit_by_situation)
  expect_s3_class(s, "mixlogit_table")
  expect_equal(names(s)[1:3], c("market", "alternative", "estimate"))
  expect_equal(nrow(s), nrow(few))
  key <- paste(few$chid, few$alt)
  expect_close(s$estimate, p[match(paste(s$market, s$alternative), key)], 1e-10)
  expect_true(all(s$std_error > 0))
  expect_identical(predict(logit_by_situation, type = "share")$estimate, s$estimate)
})

test_that("plain-logit elasticities are b x_j (1 - s_j) own and -b x_k s_k cross, per situation", {
  p <- logit_probabilities(logit_by_situation, few)
  few$p <- p
  b <- coef(logit_by_situation)[["pf"]]
  e <- elasticities(logit_by_situation, "pf")
  expect_equal(names(e), c("market", "from", "to", "estimate", "std_error", "lower", "upper", "kr_sd", "kr_lower",
                           "kr_upper", "sim_error"))
  expect_equal(nrow(e), 4L * 4L * length(unique(few$chid)))
  expected <- pairwise_expected(e, few, function(r, j, k) {
    if (j == k) b * r$pf[j] * (1 - r$p[j]) else -b * r$pf[k] * r$p[k]
  })
  expect_close(e$estimate, expected, 1e-9)
  own <- e$from == e$to & few$pf[match(paste(e$market, e$from), paste(few$chid, few$alt))] != 0
  expect_true(all(e$std_error[own] > 0))
  expect_close(e$upper - e$estimate, qnorm(0.975) * e$std_error, 1e-12)
  expect_true(all(is.na(e$kr_sd)) && all(is.na(e$sim_error)))  # no Krinsky-Robb asked; no draws to vary
})

test_that("plain-logit removal and marginal diversion are s_k / (1 - s_j) per situation", {
  few$p <- logit_probabilities(logit_by_situation, few)
  expected_of <- function(table) {
    pairwise_expected(table, few, function(r, j, k) r$p[k] / (1 - r$p[j]))
  }
  removal <- diversion(logit_by_situation)
  expect_equal(nrow(removal), 4L * 3L * length(unique(few$chid)))
  expect_close(removal$estimate, expected_of(removal), 1e-10)
  marginal <- diversion(logit_by_situation, "pf", type = "marginal")
  expect_close(marginal$estimate, expected_of(marginal), 1e-9)
  expect_true(all(removal$std_error > 0))
})

test_that("pooled removal diversion rows sum to one and are the share-weighted situation diversions", {
  d <- diversion(mixed_small)
  m <- as.matrix(d)
  expect_equal(dim(m), c(4L, 4L))
  expect_true(all(is.na(diag(m))))
  expect_close(rowSums(m, na.rm = TRUE), rep(1, 4), 1e-10)
  parts <- diversion(mixed_small, decomposition = TRUE)
  expect_equal(names(parts), c("situation", "market", "from", "to", "from_share", "removal", "logit",
                               "removal_weight"))
  expect_equal(nrow(parts), 12L * length(unique(few$chid)))
  weighted <- tapply(parts$removal * parts$removal_weight, paste(parts$from, parts$to), sum)
  expect_close(weighted[paste(d$from, d$to)], d$estimate, 1e-8)
  expect_close(tapply(parts$removal_weight, paste(parts$from, parts$to), sum), rep(1, 12), 1e-8)
  # a plain logit's situation diversion is its logit diversion exactly
  plain <- diversion(logit_pooled, "pf", decomposition = TRUE)
  expect_close(plain$removal, plain$logit, 1e-10)
  expect_close(plain$marginal, plain$logit, 1e-9)
})

test_that("Krinsky-Robb and simulation-error columns are filled when asked for", {
  e <- elasticities(mixed_small, "pf", krinsky_robb = 40, replicates = 3, seed = 7)
  expect_true(all(e$kr_sd > 0))
  expect_true(all(e$kr_lower <= e$kr_upper))
  expect_true(all(e$sim_error >= 0) && any(e$sim_error > 0))
  again <- elasticities(mixed_small, "pf", krinsky_robb = 40, replicates = 3, seed = 7)
  expect_identical(again$kr_sd, e$kr_sd)
  out <- capture.output(value <- withVisible(print(e)))
  expect_false(value$visible)
  expect_true(any(grepl("Krinsky-Robb", out)))
})

test_that("new data: the estimation rows give the estimation numbers; a price rise lowers the own share", {
  same <- elasticities(logit_pooled, "pf", newdata = few)
  expect_close(same$estimate, elasticities(logit_pooled, "pf")$estimate, 1e-12)
  dearer <- few
  dearer$pf[dearer$alt == 2] <- dearer$pf[dearer$alt == 2] + 1
  before <- shares(logit_pooled)
  after <- predict(logit_pooled, newdata = dearer, type = "share")
  expect_lt(after$estimate[after$alternative == "2"], before$estimate[before$alternative == "2"])
  expect_close(sum(after$estimate), 1, 1e-12)
})

test_that("wtp of fixed coefficients is -b_a / b_c for the population and every decision-maker", {
  w <- wtp(logit_pooled, "cl", "pf")
  expect_s3_class(w, "mixlogit_wtp")
  ratio <- -coef(logit_pooled)[["cl"]] / coef(logit_pooled)[["pf"]]
  expect_close(w$population, rep(ratio, 6), 1e-12)
  expect_equal(names(w$population), c("mean", "median", "q05", "q25", "q75", "q95"))
  expect_equal(w$individual$id, unique(few$id))
  expect_close(w$individual$wtp, rep(ratio, 25), 1e-12)
  expect_output(print(w), "Willingness to pay for cl in units of pf")
})

test_that("conditionals: fixed coefficients are their estimate, random ones vary by person", {
  k <- conditionals(mixed_small)
  expect_equal(nrow(k), 25L)
  expect_equal(k$id, unique(few$id))
  expect_equal(names(k)[1:3], c("id", "pf.mean", "pf.sd"))
  expect_close(k$loc.mean, rep(coef(mixed_small)[["loc"]], 25), 1e-10)
  expect_close(k$loc.sd, rep(0, 25), 1e-6)
  expect_gt(sd(k$cl.mean), 0)
  expect_true(all(k$cl.sd > 0))
  # mean of the conditional means is close to the population mean (Revelt and Train)
  expect_lt(abs(mean(k$pf.mean) - coef(mixed_small)[["pf"]]), 0.25 * abs(coef(mixed_small)[["sd.pf"]]) + 0.05)
})

test_that("predict(type = 'conditional') sums to one per situation and is the unconditional one for a logit", {
  p <- predict(mixed_small, format = "vector", type = "conditional")
  expect_close(tapply(p, few$chid, sum), rep(1, length(unique(few$chid))), 1e-10)
  expect_gt(mean(p[few$choice == 1]), mean(fitted(mixed_small)))
  expect_close(predict(logit_pooled, format = "vector", type = "conditional"), fitted(logit_pooled, type = "all"), 1e-10)
  # new data of known decision-makers: the estimation rows give the in-sample predictions, in any row order
  rev_few <- few[rev(seq_len(nrow(few))), ]
  expect_close(rev(predict(mixed_small, format = "vector", newdata = rev_few, type = "conditional")), p, 1e-12)
  dearer <- few
  dearer$pf[dearer$alt == 2] <- dearer$pf[dearer$alt == 2] + 2
  q <- predict(mixed_small, format = "vector", newdata = dearer, type = "conditional")
  expect_true(all(q[few$alt == 2] < p[few$alt == 2]))
  stranger <- few[few$id == 2, ]
  stranger$id <- 999
  expect_error(predict(mixed_small, newdata = stranger, type = "conditional"), class = "mixlogit_data_error")
  expect_error(predict(mixed_small, type = "odds"), class = "mixlogit_argument_error")
})

test_that("as.matrix gives one matrix per market, shares as markets x alternatives", {
  e <- elasticities(logit_by_situation, "pf")
  all <- as.matrix(e)
  expect_type(all, "list")
  expect_length(all, length(unique(few$chid)))
  one <- as.matrix(e, market = "3")
  expect_identical(one, all[["3"]])
  expect_equal(dimnames(one), list(from = c("1", "2", "3", "4"), to = c("1", "2", "3", "4")))
  s <- as.matrix(shares(logit_pooled))
  expect_equal(dim(s), c(1L, 4L))
  expect_error(as.matrix(e, market = "nowhere"), class = "mixlogit_argument_error")
})

test_that("alt and market are validated with classed conditions", {
  expect_error(mixlogit(f, few, group = "chid", alt = "nosuch"), class = "mixlogit_argument_error")
  expect_error(mixlogit(f, few, group = "chid", market = 3), class = "mixlogit_argument_error")
  bad <- few
  bad$alt[7] <- NA
  expect_error(mixlogit(f, bad, group = "chid", alt = "alt"), class = "mixlogit_data_error", regexp = "row 7")
  bad <- few
  bad$alt[2] <- 1
  expect_error(mixlogit(f, bad, group = "chid", alt = "alt"), class = "mixlogit_data_error", regexp = "twice")
  bad <- few
  bad$region <- ifelse(seq_len(nrow(bad)) == 3, "north", "south")
  expect_error(mixlogit(f, bad, group = "chid", market = "region"), class = "mixlogit_data_error",
               regexp = "market changes within choice situation 1")
  labelled <- few
  labelled$brand <- c("a", "b", "c", "d")[labelled$alt]
  m <- mixlogit(f, labelled, group = "chid", id = "id", alt = "brand", threads = 1)
  expect_equal(shares(m)$alternative, c("a", "b", "c", "d"))
  expect_error(shares(m, newdata = few), class = "mixlogit_argument_error", regexp = "brand")
})

test_that("post-estimation arguments are validated with classed conditions", {
  expect_error(diversion(logit_pooled, type = "marginal"), class = "mixlogit_argument_error")
  expect_error(diversion(logit_pooled, type = "upward"), class = "mixlogit_argument_error")
  expect_error(elasticities(logit_pooled), class = "mixlogit_argument_error")
  expect_error(elasticities(logit_pooled, "price"), class = "mixlogit_argument_error", regexp = "price")
  expect_error(elasticities(logit_pooled, "pf", krinsky_robb = 1), class = "mixlogit_argument_error")
  expect_error(elasticities(logit_pooled, "pf", replicates = -1), class = "mixlogit_argument_error")
  expect_error(shares(logit_pooled, seed = 1.5), class = "mixlogit_argument_error")
  expect_error(shares(logit_pooled, newdata = as.matrix(few)), class = "mixlogit_argument_error")
  expect_error(wtp(logit_pooled, "cl", "cl"), class = "mixlogit_argument_error")
  expect_error(wtp(logit_pooled, "cl"), class = "mixlogit_argument_error")
  expect_error(conditionals(list()), class = "mixlogit_argument_error")
  expect_error(shares(structure(list(java = NULL), class = "mixlogit")), class = "mixlogit_argument_error",
               regexp = "refit")
})

test_that("the engine's curves of every distribution are the closed-form densities over the bulk of the mass", {
  m <- 0.4
  s <- 0.9
  reference <- list(
    n = function(v) dnorm(v, m, s),
    ln = function(v) dlnorm(v, m, s),
    t = function(v) pmax(0, s - abs(v - m)) / s^2,
    u = function(v) ifelse(abs(v - m) <= s, 1 / (2 * s), 0),
    cn = function(v) ifelse(v > 0, dnorm(v, m, s), 0),
    tn = function(v) ifelse(v > 0, dnorm(v, m, s) / pnorm(m / s), 0),
    e = function(v) ifelse((v - m) / s > 0, dexp((v - m) / s) / abs(s), 0))
  expect_setequal(names(reference), mixlogit:::distribution_codes())
  for (code in names(reference)) {
    curve <- mixlogit:::distribution_curve(code, m, s)
    inside <- abs(curve$x - m) > 1e-9 & abs(curve$x - m - s) > 1e-9 & abs(curve$x - m + s) > 1e-9
    expect_close(curve$density[inside], reference[[code]](curve$x[inside]), 1e-9)
    expect_equal(curve$mass, if (code == "cn") pnorm(-m / s) else 0)
    # the span holds almost all of the mass
    width <- diff(curve$x[1:2])
    expect_gt(sum(curve$density) * width + curve$mass, 0.99)
  }
  # an exponential with a negative scale has its long tail to the left
  left <- mixlogit:::distribution_curve("e", m, -s)
  expect_lt(min(left$x), m - 3 * s)
  expect_lt(max(left$x), m + 0.25 * s)
})

test_that("plots draw the coefficient distributions and heat maps without error", {
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  expect_identical(plot(mixed_small), mixed_small)
  expect_silent(plot(mixed_small, type = "conditional", coefficients = "cl"))
  d <- diversion(mixed_small)
  expect_identical(plot(d), d)
  expect_silent(plot(elasticities(mixed_small, "pf", replicates = 0)))
  expect_silent(plot(shares(mixed_small)))
  expect_silent(plot(diversion(logit_by_situation), market = "2"))
  expect_error(plot(logit_pooled), class = "mixlogit_argument_error")
  expect_error(plot(mixed_small, coefficients = "loc"), class = "mixlogit_argument_error")
})

test_that("plot parameters of a correlated block and of heterogeneity come from the estimates", {
  b <- c(pf = -1, cl = 0.5, loc = 1, `cl:z` = 2, `chol.cl:cl` = 0.3, `chol.loc:cl` = 0.4, `chol.loc:loc` = -0.3)
  fake <- list(coefficients = b, characteristic_means = c(z = 0.25),
               settings = list(rpar = c(cl = "n", loc = "n"), heterogeneity = list(cl = "z")))
  class(fake) <- "mixlogit"
  expect_close(mixlogit:::distribution_parameters(fake, "cl"), c(0.5 + 2 * 0.25, 0.3), 1e-12)
  expect_close(mixlogit:::distribution_parameters(fake, "loc")[["scale"]], 0.5, 1e-12)
})
