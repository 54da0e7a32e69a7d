# Latent class models (issue 16) from R: the first 100 decision-makers of Electricity (about a second per fit) with
# a synthetic decision-maker characteristic for the class-share logit.

lc_data <- electricity[electricity$id <= 100, ]
lc_data$income <- ((lc_data$id * 37) %% 61) + 10
lc_formula <- choice ~ pf + cl + loc + wk + tod + seas
lc_fit <- mixlogit(lc_formula, lc_data, group = "chid", id = "id", alt = "alt", threads = 2, classes = 2,
                   membership = ~ income, common = "cl")
lc_people <- lc_data[!duplicated(lc_data$id), ]
lc_people <- lc_people[order(lc_people$id), ]

# The engine's parameters by name (coef() shows the same names for a latent class logit).
lc_b <- function(fit, name) coef(fit)[[name]]

test_that("a latent class fit: names by class, common and class-share parameters, shares at the mean income", {
  expect_equal(names(coef(lc_fit)), c(paste0("class1.", c("pf", "loc", "wk", "tod", "seas")),
                                      paste0("class2.", c("pf", "loc", "wk", "tod", "seas")),
                                      "cl", "share2._cons", "share2.income"))
  expect_true(lc_fit$converged)
  expect_true(lc_fit$certified)
  expect_equal(lc_fit$latent$classes, 2L)
  expect_gte(lc_fit$latent$shares[[1]], lc_fit$latent$shares[[2]])
  # share of class 2 at the mean characteristics: plogis(g0 + g1 * mean income over decision-makers)
  zbar <- mean(lc_people$income)
  expect_equal(unname(lc_fit$latent$mean.characteristics[["income"]]), zbar, tolerance = 1e-14)
  g <- c(lc_b(lc_fit, "share2._cons"), lc_b(lc_fit, "share2.income"))
  p2 <- stats::plogis(g[1] + g[2] * zbar)
  expect_close(lc_fit$latent$shares, c(1 - p2, p2), 1e-12)
  # delta method: d share2 / d gamma = p (1 - p) (1, zbar)
  v <- vcov(lc_fit)[c("share2._cons", "share2.income"), c("share2._cons", "share2.income")]
  d <- p2 * (1 - p2) * c(1, zbar)
  expect_close(lc_fit$latent$share.se, rep(sqrt(sum(d * (v %*% d))), 2), 1e-10)
  expect_equal(logLik(lc_fit)[1], lc_fit$latent$selection[["loglik"]])
  expect_equal(attr(logLik(lc_fit), "df"), 13)
  expect_equal(AIC(lc_fit), -2 * lc_fit$logLik + 2 * 13)
  expect_equal(lc_fit$latent$selection[["aic"]], AIC(lc_fit))
  expect_equal(nobs(lc_fit), 1195)
})

test_that("summary() shows the classes side by side with standard errors, shares and the class-share logit", {
  s <- summary(lc_fit)
  k <- s$classes$coefficients
  expect_equal(rownames(k$estimate), c("pf", "cl", "loc", "wk", "tod", "seas"))
  expect_equal(k$estimate["tod", ], c(class1 = lc_b(lc_fit, "class1.tod"), class2 = lc_b(lc_fit, "class2.tod")))
  expect_equal(unname(k$estimate["cl", ]), rep(lc_b(lc_fit, "cl"), 2))
  expect_equal(k$common, c(FALSE, TRUE, FALSE, FALSE, FALSE, FALSE))
  expect_equal(unname(k$std.error["pf", 2]), sqrt(vcov(lc_fit)["class2.pf", "class2.pf"]))
  expect_equal(rownames(s$classes$membership), c("share2._cons", "share2.income"))
  expect_equal(s$classes$shares$share, unname(lc_fit$latent$shares))
  out <- capture.output(print(s))
  expect_true(any(grepl("Coefficients by class", out)))
  expect_true(any(grepl("Class 1 +Class 2", out)))
  expect_true(any(grepl("Class-share logit", out)))
  expect_true(any(grepl("^cl \\*", out)))
  expect_true(any(grepl("Latent class model, 2 classes", capture.output(print(lc_fit)))))
})

test_that("posterior(): probabilities sum to one; their means are the mean prior shares (score of the constant)", {
  h <- posterior(lc_fit)
  expect_equal(names(h), c("id", "class1", "class2", "modal"))
  expect_equal(h$id, lc_people$id)
  expect_true(max(abs(h$class1 + h$class2 - 1)) < 1e-12)
  expect_equal(h$modal, ifelse(h$class1 >= h$class2, 1L, 2L))
  expect_close(colMeans(h[, c("class1", "class2")]), lc_fit$latent$posterior.shares, 1e-15)
  # at the maximum the class-share logit's scores vanish: sum_n (h_n2 - pi_n2) (1, income_n) = 0
  g <- c(lc_b(lc_fit, "share2._cons"), lc_b(lc_fit, "share2.income"))
  prior <- stats::plogis(g[1] + g[2] * lc_people$income)
  expect_close(mean(h$class2), mean(prior), 1e-6)
  expect_close(mean((h$class2 - prior) * lc_people$income), 0, 1e-4)
  # posterior of person 1 by hand: prior x product of the class logit probabilities of their choices
  rows <- lc_data[lc_data$id == 1, ]
  likelihood <- sapply(1:2, function(c) {
    b <- c(lc_b(lc_fit, paste0("class", c, ".pf")), lc_b(lc_fit, "cl"), lc_b(lc_fit, paste0("class", c, ".loc")),
           lc_b(lc_fit, paste0("class", c, ".wk")), lc_b(lc_fit, paste0("class", c, ".tod")),
           lc_b(lc_fit, paste0("class", c, ".seas")))
    u <- as.matrix(rows[, c("pf", "cl", "loc", "wk", "tod", "seas")]) %*% b
    p <- ave(exp(u), rows$chid, FUN = function(x) x / sum(x))
    exp(sum(log(p[rows$choice == 1])))
  })
  joint <- c(1 - prior[1], prior[1]) * likelihood
  expect_close(unlist(h[1, c("class1", "class2")]), joint / sum(joint), 1e-10)
})

test_that("predict() mixes the class logits with each person's prior shares", {
  p <- predict(lc_fit, format = "vector")
  rows <- lc_data[lc_data$chid == lc_data$chid[1], ]
  g <- c(lc_b(lc_fit, "share2._cons"), lc_b(lc_fit, "share2.income"))
  prior2 <- stats::plogis(g[1] + g[2] * rows$income[1])
  by_class <- sapply(1:2, function(c) {
    b <- c(lc_b(lc_fit, paste0("class", c, ".pf")), lc_b(lc_fit, "cl"), lc_b(lc_fit, paste0("class", c, ".loc")),
           lc_b(lc_fit, paste0("class", c, ".wk")), lc_b(lc_fit, paste0("class", c, ".tod")),
           lc_b(lc_fit, paste0("class", c, ".seas")))
    u <- exp(as.matrix(rows[, c("pf", "cl", "loc", "wk", "tod", "seas")]) %*% b)
    u / sum(u)
  })
  expect_close(p[seq_len(nrow(rows))], (1 - prior2) * by_class[, 1] + prior2 * by_class[, 2], 1e-12)
  fresh <- predict(lc_fit, newdata = rows, format = "vector")
  expect_close(fresh, p[seq_len(nrow(rows))], 1e-14)
  s <- shares(lc_fit)
  expect_close(sum(s$estimate), 1, 1e-12)
  expect_true(all(s$std_error > 0))
  e <- elasticities(lc_fit, "pf")
  expect_true(all(is.finite(e$estimate)))
  expect_true(all(e$estimate[e$from == e$to] < 0))
  removal <- diversion(lc_fit)
  expect_equal(nrow(removal), 12)
  expect_close(tapply(removal$estimate, removal$from, sum), rep(1, 4), 1e-12)
})

test_that("wtp() per class: -b_c(loc) / b_c(pf) with delta-method errors", {
  w <- wtp(lc_fit, "loc", "pf")
  expect_s3_class(w, "mixlogit_class_wtp")
  for (c in 1:2) {
    a <- paste0("class", c, ".loc")
    k <- paste0("class", c, ".pf")
    value <- -lc_b(lc_fit, a) / lc_b(lc_fit, k)
    d <- c(-1 / lc_b(lc_fit, k), lc_b(lc_fit, a) / lc_b(lc_fit, k)^2)
    v <- vcov(lc_fit)[c(a, k), c(a, k)]
    expect_close(w$classes$estimate[c], value, 1e-12)
    expect_close(w$classes$std_error[c], sqrt(sum(d * (v %*% d))), 1e-9)
  }
  expect_close(wtp(lc_fit, "loc", "pf", negated_cost = TRUE)$classes$estimate, -w$classes$estimate, 0)
  expect_true(any(grepl("by latent class", capture.output(print(w)))))
  expect_error(wtp(lc_fit, "loc", "pf", krinsky_robb = 100), class = "mixlogit_argument_error")
})

test_that("one class is the plain logit", {
  plain <- mixlogit(lc_formula, lc_data, group = "chid", id = "id", threads = 2)
  one <- mixlogit(lc_formula, lc_data, group = "chid", id = "id", threads = 2, classes = 1)
  expect_equal(names(coef(one)), paste0("class1.", attributes))
  # the same maximum reached by two optimizer paths (gradient tolerance 1e-6 on the scaled gradient)
  expect_close(coef(one), coef(plain), 5e-5)
  expect_close(logLik(one), logLik(plain), 1e-9)
  expect_close(sqrt(diag(vcov(one))), sqrt(diag(vcov(plain))), 1e-5)
  expect_equal(unname(one$latent$shares), 1)
  expect_true(all(posterior(one)$class1 == 1))
})

test_that("classes = 1:3 prints lclogit2's table and returns every fit, the smallest BIC marked", {
  selection <- mixlogit(lc_formula, lc_data, group = "chid", id = "id", threads = 2, classes = 1:3,
                        common = "cl")
  expect_s3_class(selection, "mixlogit_selection")
  t <- selection$table
  expect_equal(t$classes, 1:3)
  expect_equal(names(selection$fits), c("1", "2", "3"))
  expect_equal(t$parameters, c(6L, 12L, 18L))
  for (k in 1:3) {
    f <- selection$fits[[k]]
    expect_equal(t$loglik[k], f$logLik)
    expect_equal(t$aic[k], AIC(f))
    expect_equal(t$bic[k], -2 * f$logLik + f$df * log(100), tolerance = 1e-12)
    expect_equal(t$caic[k], -2 * f$logLik + f$df * (log(100) + 1), tolerance = 1e-12)
    expect_equal(t$smallest_share[k], min(f$latent$shares))
    expect_equal(f$call$classes, k)
  }
  expect_equal(length(selection$fits[["1"]]$latent$common), 0L)
  expect_equal(selection$fits[["3"]]$latent$common, "cl")
  expect_true(all(diff(t$loglik) > 0))
  expect_equal(selection$best, t$classes[which.min(t$bic)])
  expect_equal(t$best, t$classes == selection$best)
  out <- capture.output(print(selection))
  expect_true(any(grepl("N = 100 decision-makers", out)))
  expect_true(any(grepl("\\*$", out)))
})

test_that("R and the command-line tool give exactly the same latent class fit", {
  java <- Sys.which("java")
  skip_if(java == "", "java is not on the PATH")
  csv <- tempfile(fileext = ".csv")
  json <- tempfile(fileext = ".json")
  utils::write.csv(lc_data, csv, row.names = FALSE)
  jars <- file.path(system.file("java", package = "mixlogit"), "*")
  status <- system2(java, c("-cp", shQuote(jars), "org.mixlogit.cli.Main", "estimate", "--data", csv,
                            "--choice", "choice", "--group", "chid", "--id", "id", "--alt", "alt",
                            "--fixed", "pf,cl,loc,wk,tod,seas", "--classes", "2", "--membership", "income",
                            "--common", "cl", "--seed", "12345", "--threads", "1", "--json", json, "--quiet"),
                    stdout = FALSE, stderr = FALSE)
  expect_equal(status, 0L)
  cli <- jsonlite::fromJSON(json)
  expect_identical(cli$loglik, lc_fit$logLik)
  expect_identical(cli$coefficients$name, lc_fit$engine.names)
  expect_identical(cli$coefficients$estimate, unname(coef(lc_fit)))
  expect_identical(cli$coefficients$stderr, unname(sqrt(diag(vcov(lc_fit)))))
  expect_identical(cli$latentClasses$classBlocks$share, unname(lc_fit$latent$shares))
})

test_that("the saved form carries a latent class fit through saveRDS and readRDS", {
  file <- tempfile(fileext = ".rds")
  saveRDS(lc_fit, file)
  back <- readRDS(file)
  saved <- jsonlite::fromJSON(back$saved)
  expect_equal(saved$spec$latentClasses$classes, 2L)
  expect_equal(saved$spec$latentClasses$membership, "income")
  expect_identical(posterior(back), posterior(lc_fit))
  expect_identical(wtp(back, "loc", "pf")$classes, wtp(lc_fit, "loc", "pf")$classes)
  expect_identical(shares(back)$estimate, shares(lc_fit)$estimate)
})

test_that("plot() draws the class coefficients; distributions and rpar() say what to use instead", {
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  expect_invisible(plot(lc_fit))
  expect_invisible(plot(lc_fit, coefficients = c("pf", "tod")))
  expect_error(plot(lc_fit, coefficients = "income"), class = "mixlogit_argument_error")
  expect_error(plot(lc_fit, type = "distribution"), class = "mixlogit_argument_error")
  expect_error(rpar(lc_fit), class = "mixlogit_argument_error")
})

test_that("latent class arguments are checked before the engine runs", {
  fit <- function(...) mixlogit(lc_formula, lc_data, group = "chid", id = "id", threads = 2, ...)
  expect_error(fit(membership = ~ income), class = "mixlogit_argument_error")
  expect_error(fit(common = "cl"), class = "mixlogit_argument_error")
  expect_error(fit(classes = 0), class = "mixlogit_argument_error")
  expect_error(fit(classes = c(1, 3)), class = "mixlogit_argument_error")
  expect_error(fit(classes = 2, membership = ~ log(income)), class = "mixlogit_argument_error")
  expect_error(fit(classes = 2, membership = ~ income - 1), class = "mixlogit_argument_error")
  expect_error(fit(classes = 2, membership = "wealth"), class = "mixlogit_argument_error")
  expect_error(fit(classes = 2, common = "price"), class = "mixlogit_argument_error")
  expect_error(fit(classes = 2, method = "msm"), class = "mixlogit_argument_error")
  varying <- lc_data
  varying$income <- seq_len(nrow(varying))
  expect_error(mixlogit(lc_formula, varying, group = "chid", id = "id", threads = 2, classes = 2,
                        membership = "income"), class = "mixlogit_engine_error")
  expect_error(posterior(plain_fit), class = "mixlogit_argument_error")
})

test_that("random coefficients within classes: a latent class mixed logit", {
  m <- mixlogit(lc_formula, lc_data, group = "chid", id = "id", threads = 2, classes = 2, rpar = c(pf = "n"),
                R = 20)
  expect_true(all(c("class1.sd.pf", "class2.sd.pf") %in% names(coef(m))))
  k <- summary(m)$classes$coefficients
  expect_equal(rownames(k$estimate), c(attributes, "sd.pf"))
  h <- posterior(m)
  expect_true(max(abs(h$class1 + h$class2 - 1)) < 1e-12)
  expect_close(colMeans(h[, c("class1", "class2")]), m$latent$posterior.shares, 1e-15)
})

test_that("wtp() of a latent class mixed logit: each class's distribution of the ratio, the CLI's numbers", {
  m <- mixlogit(lc_formula, lc_data, group = "chid", id = "id", alt = "alt", threads = 2, classes = 2,
                rpar = c(loc = "n"), R = 50)
  w <- wtp(m, "loc", "pf")
  expect_s3_class(w, "mixlogit_class_wtp")
  expect_true(w$distribution)
  statistics <- c("mean", "median", "q05", "q25", "q75", "q95")
  expect_equal(colnames(w$estimate), statistics)
  expect_equal(w$classes$statistic, rep(statistics, 2))
  expect_equal(w$classes$estimate, as.numeric(t(w$estimate)))
  v <- vcov(m)
  for (c in 1:2) {
    a <- paste0("class", c, ".loc")
    k <- paste0("class", c, ".pf")
    mu <- lc_b(m, a)
    b <- lc_b(m, k)
    # loc ~ N(mu, s) and pf fixed within the class: the ratio -loc / pf is N(-mu / b, s / |b|) (5,000 draws)
    spread <- abs(lc_b(m, paste0("class", c, ".sd.loc"))) / abs(b)
    expect_close(w$estimate[c, "mean"], -mu / b, 0.01 * spread)
    expect_close(w$estimate[c, c("q05", "q25", "median", "q75", "q95")],
                 -mu / b + stats::qnorm(c(0.05, 0.25, 0.5, 0.75, 0.95)) * spread, 0.05 * spread)
    # the mean's delta-method error: that of -mu / b (the draws' mean of the normal is about zero)
    d <- c(-1 / b, mu / b^2)
    expect_close(w$std_error[c, "mean"], sqrt(sum(d * (v[c(a, k), c(a, k)] %*% d))), 0.01 * w$std_error[c, "mean"])
  }
  expect_true(all(w$classes$std_error > 0))
  # pf entered negated: every statistic changes sign, q05 and q95 trade places
  negated <- wtp(m, "loc", "pf", negated_cost = TRUE)
  expect_identical(negated$estimate[, "q05"], -w$estimate[, "q95"])
  expect_identical(negated$estimate[, "mean"], -w$estimate[, "mean"])
  expect_identical(negated$std_error[, "q05"], w$std_error[, "q95"])
  out <- capture.output(print(w))
  expect_true(any(grepl("Random coefficients within classes", out)))
  expect_true(any(grepl("^q95 ", out)))
  # the command-line tool's wtp on R's saved fit prints the same table (to its 6 significant digits)
  java <- Sys.which("java")
  skip_if(java == "", "java is not on the PATH")
  csv <- tempfile(fileext = ".csv")
  json <- tempfile(fileext = ".json")
  utils::write.csv(lc_data, csv, row.names = FALSE)
  writeLines(m$saved, json)
  jars <- file.path(system.file("java", package = "mixlogit"), "*")
  printed <- system2(java, c("-cp", shQuote(jars), "org.mixlogit.cli.Main", "wtp", "--from", json, "--data", csv,
                             "--choice", "choice", "--group", "chid", "--id", "id", "--attribute", "loc",
                             "--cost", "pf"), stdout = TRUE, stderr = FALSE)
  for (c in 1:2) {
    line <- grep(sprintf("^class %d ", c), printed, value = TRUE)
    expect_length(line, 1L)
    cli <- as.numeric(strsplit(trimws(sub("^class [0-9]+", "", line)), " +")[[1]])
    expect_close(cli / w$estimate[c, ], rep(1, 6), 1e-5)
    errors <- printed[which(printed == line) + 1L]
    cli_se <- as.numeric(gsub("[()]", "", strsplit(trimws(errors), " +")[[1]]))
    expect_close(cli_se / w$std_error[c, ], rep(1, 6), 1e-3)
  }
})

test_that("conditionals(): the posterior mean and sd of each coefficient over the classes", {
  k <- conditionals(lc_fit)
  h <- posterior(lc_fit)
  expect_equal(k$id, h$id)
  b1 <- lc_b(lc_fit, "class1.pf")
  b2 <- lc_b(lc_fit, "class2.pf")
  mean_pf <- h$class1 * b1 + h$class2 * b2
  expect_close(k$pf.mean, mean_pf, 1e-12)
  expect_close(k$pf.sd, sqrt(h$class1 * (b1 - mean_pf)^2 + h$class2 * (b2 - mean_pf)^2), 1e-9)
  # cl is common to the classes: no spread
  expect_close(k$cl.mean, rep(lc_b(lc_fit, "cl"), nrow(k)), 1e-12)
  expect_close(k$cl.sd, rep(0, nrow(k)), 1e-6)
})
