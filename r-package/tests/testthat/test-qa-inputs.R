# Inputs that used to give a silently wrong number, R's internal messages or the engine's message about the wrong
# thing (QA of the R package, session 9): each now gives the right number or a classed error naming the input.

small <- electricity[electricity$id <= 20, ]
f <- choice ~ pf + cl + loc + wk + tod + seas

test_that("counts too large for an integer are argument errors, not internal JSON errors", {
  expect_error(mixlogit(f, small, group = "chid", rpar = c(pf = "n"), R = 1e10, threads = 1),
               class = "mixlogit_argument_error", regexp = "`R` is 1e\\+10: it must be a whole number from 1 to")
  expect_error(mixlogit(f, small, group = "chid", rpar = c(pf = "n"), R = Inf, threads = 1),
               class = "mixlogit_argument_error", regexp = "`R` is Inf")
  expect_error(mixlogit(f, small, group = "chid", threads = 1e10), class = "mixlogit_argument_error",
               regexp = "`threads` is 1e\\+10")
  expect_error(mixlogit(f, small, group = "chid", starts = 3e9, threads = 1), class = "mixlogit_argument_error",
               regexp = "`starts`")
  expect_error(shares(plain_fit, replicates = Inf), class = "mixlogit_argument_error", regexp = "`replicates` is Inf")
})

test_that("infinite starting values are an argument error", {
  expect_error(mixlogit(f, small, group = "chid", start = c(Inf, 0, 0, 0, 0, 0), threads = 1),
               class = "mixlogit_argument_error", regexp = "`start` has an infinite value \\(element 1\\)")
})

test_that("seeds beyond the engine's 64-bit range are refused (they all gave the same draws)", {
  expect_error(mixlogit(f, small, group = "chid", rpar = c(pf = "n"), R = 5, seed = 1e20, threads = 1),
               class = "mixlogit_argument_error", regexp = "`seed` is 1e\\+20")
  expect_error(shares(plain_fit, seed = -1e19), class = "mixlogit_argument_error", regexp = "`seed` is -1e\\+19")
  expect_error(shares(plain_fit, seed = 1.5), class = "mixlogit_argument_error", regexp = "`seed` must be a whole")
  # a large seed within the range still gives its own draws
  a <- mixlogit(f, small, group = "chid", rpar = c(pf = "n"), R = 5, seed = 2^62, draws = "random", threads = 1)
  b <- mixlogit(f, small, group = "chid", rpar = c(pf = "n"), R = 5, seed = 2^62 + 2^40, draws = "random",
                threads = 1)
  expect_false(logLik(a) == logLik(b))
})

test_that("a factor of weights is refused (its level codes were used as the weights)", {
  weighted <- small
  weighted$w <- weighted$id %% 3 + 5
  expected <- mixlogit(f, weighted, group = "chid", id = "id", weights = "w", threads = 1)
  weighted$wf <- factor(weighted$w)
  expect_error(mixlogit(f, weighted, group = "chid", id = "id", weights = "wf", threads = 1),
               class = "mixlogit_argument_error", regexp = "`weights` names column \"wf\", which is factor")
  weighted$wc <- as.character(weighted$w)
  expect_error(mixlogit(f, weighted, group = "chid", id = "id", weights = "wc", threads = 1),
               class = "mixlogit_argument_error", regexp = "which is character")
  # the codes 1, 2, 3 are not the weights 5, 6, 7
  codes <- mixlogit(f, transform(weighted, w = w - 4), group = "chid", id = "id", weights = "w", threads = 1)
  expect_gt(max(abs(coef(codes) - coef(expected))), 1e-4)
})

test_that("heterogeneity in a factor or text column is refused in data and newdata", {
  het <- small
  het$band <- factor(ifelse(het$id %% 2 == 0, "high", "low"))
  expect_error(mixlogit(f, het, group = "chid", id = "id", rpar = c(pf = "n"), heterogeneity = list(pf = "band"),
                        R = 5, threads = 1),
               class = "mixlogit_argument_error", regexp = "Characteristic \"band\" of `data` is factor")
  het$band <- as.character(het$band)
  e <- tryCatch(mixlogit(f, het, group = "chid", id = "id", rpar = c(pf = "n"), heterogeneity = list(pf = "band"),
                         R = 5, threads = 1), warning = function(w) w, error = function(e) e)
  expect_s3_class(e, "mixlogit_argument_error")  # no coercion warning, no engine message about NaN
  expect_match(conditionMessage(e), "Characteristic \"band\" of `data` is character")
  het$high <- het$id %% 2 == 0
  m <- mixlogit(f, het, group = "chid", id = "id", rpar = c(pf = "n"), heterogeneity = list(pf = "high"), R = 5,
                threads = 1)
  new <- het[het$chid %in% 1:2, ]
  new$high <- factor(new$high)
  expect_error(predict(m, newdata = new), class = "mixlogit_argument_error",
               regexp = "Characteristic \"high\" of `newdata` is factor")
})

test_that("a cluster column of text or factor labels clusters as the same groups in numbers do", {
  clustered <- small
  clustered$group_number <- clustered$id %% 4
  clustered$group_text <- c("north", "south", "east", "west")[clustered$id %% 4 + 1]
  clustered$group_factor <- factor(clustered$group_text, levels = c("west", "east", "south", "north"))
  numbers <- mixlogit(f, clustered, group = "chid", id = "id", vce = "cluster", cluster = "group_number",
                      threads = 1)
  for (column in c("group_text", "group_factor")) {
    m <- mixlogit(f, clustered, group = "chid", id = "id", vce = "cluster", cluster = column, threads = 1)
    expect_equal(vcov(m), vcov(numbers), tolerance = 1e-12)  # the same clusters, summed in another order
  }
  expect_false(isTRUE(all.equal(vcov(numbers), vcov(numbers, type = "robust"))))
})

test_that("a vector of codes where one is expected is an error, not its first element", {
  expect_error(mixlogit(f, small, group = "chid", rpar = c(pf = "n"), draws = c("sobol", "halton"), threads = 1),
               class = "mixlogit_argument_error", regexp = "`draws` must be one value, not 2 \\(\"sobol\", \"halton\"\\)")
  expect_error(mixlogit(f, small, group = "chid", method = c("msm", "msle"), threads = 1),
               class = "mixlogit_argument_error", regexp = "`method` must be one value")
  expect_error(diversion(plain_fit, type = c("marginal", "removal")), class = "mixlogit_argument_error",
               regexp = "`type` must be one value")
  # a method's own default vector still means its first element, as with match.arg()
  expect_identical(predict(plain_fit, type = c("prob", "share", "conditional")), predict(plain_fit))
})

test_that("confint() checks parm and level", {
  expect_error(confint(plain_fit, "price"), class = "mixlogit_argument_error",
               regexp = "`parm` must name parameters of the model or give their positions \\(1 to 6\\), not \"price\"")
  expect_error(confint(plain_fit, 7), class = "mixlogit_argument_error", regexp = "not 7")
  expect_error(confint(plain_fit, level = 95), class = "mixlogit_argument_error", regexp = "`level` must be one")
  ci <- confint(plain_fit, c("cl", "pf"), level = 0.9)
  se <- sqrt(diag(vcov(plain_fit)))[c("cl", "pf")]
  expect_equal(unname(ci[, 2]), unname(coef(plain_fit)[c("cl", "pf")] + qnorm(0.95) * se))
  expect_identical(confint(plain_fit, 2:3), confint(plain_fit)[2:3, ])
})

test_that("situations numbered within each decision-maker are named as such, in data and newdata", {
  tasks <- small
  tasks$task <- ave(tasks$chid, tasks$id, FUN = function(z) match(z, unique(z)))
  e <- tryCatch(mixlogit(f, tasks, group = "task", id = "id", threads = 1), error = function(e) e)
  expect_s3_class(e, "mixlogit_data_error")
  expect_match(conditionMessage(e), paste0("Choice situation 1 (`group` column \"task\") belongs to several",
                                           " decision-makers (id 1 and 2, row 49)"), fixed = TRUE)
  expect_match(conditionMessage(e), "data$task <- paste(data$id, data$task)", fixed = TRUE)
  tasks$task <- paste(tasks$id, tasks$task)
  m <- mixlogit(f, tasks, group = "task", id = "id", threads = 1)
  expect_equal(coef(m), coef(mixlogit(f, small, group = "chid", id = "id", threads = 1)), tolerance = 1e-10)
  new <- small[small$id <= 3, ]
  new$task <- ave(new$chid, new$id, FUN = function(z) match(z, unique(z)))
  expect_error(predict(m, newdata = new), class = "mixlogit_data_error",
               regexp = "belongs to several decision-makers \\(id 1 and 2, row 49 of `newdata`\\)")
})

test_that("fitted() names a wrong type as the other methods do", {
  expect_error(fitted(plain_fit, type = "alll"), class = "mixlogit_argument_error",
               regexp = "`type` is \"alll\": use one of \"chosen\", \"all\"")
  expect_length(fitted(plain_fit, type = "all"), nrow(electricity))
})

test_that("a column named like a parameter of the random coefficients is refused (two parameters had one name)", {
  named <- small
  named$sd.pf <- named$cl
  expect_error(mixlogit(choice ~ pf + sd.pf + loc, named, group = "chid", id = "id", rpar = c(pf = "n"), R = 5,
                        threads = 1),
               class = "mixlogit_argument_error", regexp = "column named \"sd.pf\", which is also the name")
  named$spread.loc <- named$cl
  expect_error(mixlogit(choice ~ pf + spread.loc + loc, named, group = "chid", id = "id", rpar = c(loc = "t"), R = 5,
                        threads = 1),
               class = "mixlogit_argument_error", regexp = "\"spread.loc\"")
  names(named)[names(named) == "sd.pf"] <- "chol.pf"
  # the interaction chol.pf:loc is named like the Cholesky element of the block (pf, loc)
  expect_error(mixlogit(choice ~ chol.pf:loc + pf + loc, named, group = "chid", id = "id",
                        rpar = c(pf = "n", loc = "n"), correlation = TRUE, R = 5, threads = 1),
               class = "mixlogit_argument_error",
               regexp = "\"chol.pf:loc\", which .* \\(chol.pf:pf, chol.pf:loc, chol.loc:loc\\)")
  # a column sd.pf beside a triangular pf (whose scale is spread.pf) is a model like any other
  names(named)[names(named) == "chol.pf"] <- "sd.pf"
  m <- mixlogit(choice ~ pf + sd.pf + loc, named, group = "chid", id = "id", rpar = c(pf = "t"), R = 5,
                threads = 1)
  expect_false(anyDuplicated(names(coef(m))) > 0)
})

test_that("newdata with a variable of another type than the estimation data is an argument error naming it", {
  typed <- small
  typed$plan <- factor(c("a", "b", "c", "d")[typed$alt])
  typed$local <- typed$loc == 1
  m <- mixlogit(choice ~ pf + cl + local + wk + tod + seas + plan, typed, group = "chid", id = "id", threads = 1)
  new <- typed[typed$chid %in% 1:3, ]
  numbers <- new
  numbers$plan <- as.integer(numbers$plan)
  e <- tryCatch(predict(m, newdata = numbers), warning = function(w) w, error = function(e) e)
  expect_s3_class(e, "mixlogit_argument_error")  # no "is not a factor" warning, no "contrasts apply only to factors"
  expect_match(conditionMessage(e), "variable 'plan' was fitted with type \"factor\" but type \"numeric\"")
  flags <- new
  flags$local <- as.numeric(flags$local)
  expect_error(shares(m, newdata = flags), class = "mixlogit_argument_error",
               regexp = "variable 'local' was fitted with type \"logical\"")
  text <- new
  text$pf <- as.character(text$pf)
  expect_error(predict(m, newdata = text), class = "mixlogit_argument_error",
               regexp = "variable 'pf' was fitted with type \"numeric\" but type \"character\"")
  # text for a factor and reordered levels are the same data
  relabelled <- new
  relabelled$plan <- factor(as.character(relabelled$plan), levels = c("d", "c", "b", "a"))
  expect_equal(predict(m, newdata = relabelled), predict(m, newdata = new), tolerance = 0)
  relabelled$plan <- as.character(relabelled$plan)
  expect_equal(predict(m, newdata = relabelled), predict(m, newdata = new), tolerance = 0)
})

test_that("a sparse grid's level above 25 is an argument error, not the engine's 'Infinity nodes' memory message", {
  for (draws in c("sparse", "sparse-gk", "sparse-gh", "adaptive-sparse")) {
    expect_error(mixlogit(f, small, group = "chid", id = "id", rpar = c(pf = "n"), draws = draws, R = 26,
                          threads = 1),
                 class = "mixlogit_argument_error",
                 regexp = paste0("`R` is 26, but with draws = \"", draws, "\" it is the sparse grid's accuracy level,",
                                 " from 1 to 25"))
  }
  # level 25 exists (one dimension: 35 nodes)
  m <- mixlogit(f, small, group = "chid", id = "id", rpar = c(pf = "n"), draws = "sparse", R = 25, threads = 1)
  expect_true(m$converged)
  expect_match(m$integration, "35 nodes")
})

test_that("rpar for a non-syntactic column name says that the model matrix keeps its backquotes", {
  spaced <- small
  names(spaced)[names(spaced) == "cl"] <- "contract length"
  expect_error(mixlogit(choice ~ pf + `contract length`, spaced, group = "chid", rpar = c(`contract length` = "n"),
                        threads = 1),
               class = "mixlogit_argument_error",
               regexp = "keeps the backquotes .* rpar = c\\(\"`contract length`\" = \\.\\.\\.\\)")
  m <- mixlogit(choice ~ pf + `contract length`, spaced, group = "chid", rpar = c("`contract length`" = "n"), R = 5,
                threads = 1)
  expect_true("sd.`contract length`" %in% names(coef(m)))
})

test_that("the parameter names R predicts are the fits' names (heterogeneity, scales, a correlated block)", {
  het <- small
  het$inc <- 1 + het$id %% 3
  rpar <- c(seas = "t", loc = "n", pf = "ln", cl = "n", wk = "n")
  # one iteration is enough for the names (and says it did not converge)
  m <- withCallingHandlers(
    mixlogit(f, het, group = "chid", id = "id", rpar = rpar, correlation = c("wk", "cl"),
             heterogeneity = list(loc = "inc", pf = "inc"), R = 5, threads = 1, max_iterations = 1),
    mixlogit_convergence_warning = function(w) invokeRestart("muffleWarning"))
  expect_identical(mixlogit:::parameter_names(colnames(model.matrix(m)), rpar, c("wk", "cl"),
                                              list(loc = "inc", pf = "inc")),
                   names(coef(m)))
})

test_that("a start named in another order than the parameters is refused (each started at another's value)", {
  m <- mixlogit(f, small, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"), R = 5, threads = 1)
  swapped <- coef(m)[c(2, 1, 3:8)]
  expect_error(mixlogit(f, small, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"), R = 5, start = swapped,
                        threads = 1),
               class = "mixlogit_argument_error",
               regexp = "`start` is named, but not in the order of the parameters, which it is taken in: pf, cl, loc")
  again <- mixlogit(f, small, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"), R = 5, start = coef(m),
                    threads = 1)
  expect_equal(coef(again), coef(m), tolerance = 1e-6)
  # unnamed, or named otherwise: by position, as documented
  expect_equal(coef(mixlogit(f, small, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"), R = 5,
                             start = unname(coef(m)), threads = 1)), coef(again), tolerance = 0)
})

test_that("summary() checks its level (it printed NaN intervals) and tidy() its conf.int", {
  expect_error(summary(plain_fit, level = 95), class = "mixlogit_argument_error",
               regexp = "`level` must be one number strictly between 0 and 1 \\(say 0.95\\), not 95")
  s <- summary(plain_fit, level = 0.9)
  expect_equal(unname(s$coefficients[, 3]), unname(confint(plain_fit, level = 0.9)[, 1]))
  skip_if_not_installed("generics")
  expect_error(generics::tidy(plain_fit, conf.int = "yes"), class = "mixlogit_argument_error",
               regexp = "`conf.int` must be TRUE or FALSE")
})

test_that("post-estimation on a fit whose coefficients were changed is an error (it used the estimates silently)", {
  changed <- plain_fit
  changed$coefficients["pf"] <- 0
  expect_error(predict(changed, newdata = electricity[electricity$chid <= 2, ]), class = "mixlogit_argument_error",
               regexp = "The fit's coefficients differ from its estimates \\(pf\\)")
  expect_error(shares(changed), class = "mixlogit_argument_error", regexp = "differ from its estimates")
  # the unchanged fits pass the check, also after saveRDS/readRDS
  path <- tempfile(fileext = ".rds")
  saveRDS(mixed_fit, path)
  expect_silent(mixlogit:::check_fit(readRDS(path)))
  expect_silent(mixlogit:::check_fit(plain_fit))
})

test_that("a cluster column that changes within a decision-maker is named as a cluster, not as a characteristic", {
  clustered <- small
  clustered$region <- clustered$alt
  expect_error(mixlogit(f, clustered, group = "chid", id = "id", vce = "cluster", cluster = "region", threads = 1),
               class = "mixlogit_data_error",
               regexp = paste0("The cluster column \"region\" changes within decision-maker 1 \\(1 and 2, row 2\\): a",
                               " cluster holds whole decision-makers"))
  expect_error(mixlogit(f, clustered, group = "chid", vce = "cluster", cluster = "region", threads = 1),
               class = "mixlogit_data_error", regexp = "changes within choice situation 1 .* whole choice situations")
})

test_that("logitr's and gmnl's argument names point to mixlogit's", {
  advice <- c(numDraws = "use `R`", numMultiStarts = "use `starts`", startValues = "use `start`",
              numCores = "use `threads`", drawType = "use `draws`", ranp = "use `rpar`", mvar = "use `heterogeneity`",
              clusterID = "use `cluster`", robust = "give vce = \"robust\"", outcome = "left-hand side of `formula`",
              haltons = "Halton draws are the default", scalePar = "preference space; wtp\\(fit, attribute, cost\\)",
              vcov = "vcov\\(fit, type = \"robust\"\\) gives any")
  for (name in names(advice)) {
    e <- tryCatch(do.call(mixlogit, c(list(f, small, group = "chid"), stats::setNames(list(1), name))),
                  error = function(e) e)
    expect_s3_class(e, "mixlogit_argument_error")
    expect_match(conditionMessage(e), paste0("`", name, "` is not an argument of mixlogit\\(\\): .*", advice[[name]]))
  }
})

test_that("the methods of one fit on a model-selection result say to pick a fit (coef() gave NULL)", {
  selection <- mixlogit(f, small, group = "chid", id = "id", classes = 1:2, threads = 1)
  for (fun in list(coef, vcov, logLik, nobs, predict, fitted, residuals, confint, stats::update)) {
    expect_error(fun(selection), class = "mixlogit_argument_error",
                 regexp = "this is a model-selection result \\(classes 1, 2\\): give one of its fits, e.g. .*x\\$fits")
  }
  expect_error(shares(selection), class = "mixlogit_argument_error",
               regexp = "`object` is a model-selection result \\(classes 1, 2\\)")
  expect_identical(summary(selection), selection)
  expect_output(print(summary(selection)), "smallest BIC")
  expect_equal(logLik(selection$fits[["1"]])[1],
               logLik(mixlogit(f, small, group = "chid", id = "id", threads = 1))[1], tolerance = 1e-9)
})

test_that("update() changes an mlogit formula part by part (update.formula made 'pf + cl | incTRUE' of it)", {
  parts <- small
  parts$inc <- parts$id %% 5
  m <- mixlogit(choice ~ pf + cl | inc, parts, group = "chid", id = "id", alt = "alt", threads = 1)
  expected <- mixlogit(choice ~ pf | inc, parts, group = "chid", id = "id", alt = "alt", threads = 1)
  dropped <- update(m, . ~ . - cl)
  expect_identical(names(coef(dropped)), names(coef(expected)))
  expect_equal(coef(dropped), coef(expected), tolerance = 0)
  expect_equal(coef(update(m, choice ~ pf | inc)), coef(expected), tolerance = 0)
  expect_identical(deparse(update(m, . ~ . | . + age, evaluate = FALSE)$formula), "choice ~ pf + cl | inc + age")
  expect_identical(deparse(update(m, . ~ . | . | loc, evaluate = FALSE)$formula), "choice ~ pf + cl | inc | loc")
  # one-part formulas and other arguments as before
  plain <- mixlogit(f, small, group = "chid", id = "id", threads = 1)
  expect_identical(deparse(update(plain, . ~ . - seas, evaluate = FALSE)$formula),
                   "choice ~ pf + cl + loc + wk + tod")
  expect_equal(coef(update(plain, subset = id <= 10)),
               coef(mixlogit(f, small[small$id <= 10, ], group = "chid", id = "id", threads = 1)), tolerance = 0)
})

test_that("a term that is a logical or (parts hidden in parentheses) is an error, not a TRUE/FALSE column", {
  parts <- small
  parts$inc <- parts$id %% 5
  expect_error(mixlogit(choice ~ (pf + cl | inc), parts, group = "chid", id = "id", alt = "alt", threads = 1),
               class = "mixlogit_argument_error", regexp = "has the term `pf \\+ cl \\| inc`, a logical or")
  expect_error(mixlogit(choice ~ pf + (cl | loc), parts, group = "chid", threads = 1),
               class = "mixlogit_argument_error", regexp = "has the term `cl \\| loc`")
  m <- mixlogit(choice ~ pf + I(cl | loc), parts, group = "chid", threads = 1)
  expect_identical(names(coef(m)), c("pf", "I(cl | loc)TRUE"))
})
