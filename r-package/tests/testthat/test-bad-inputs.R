# The package's catalogue of bad inputs, one row per case: the call, the condition class it must raise and the key
# words of its message. For every case the user's data frame is identical() to a copy taken before the call.
# Data: the first 30 respondents of Electricity with built columns: pf2 = 2 pf (collinear), sep = the choice
# (complete separation), pfm = pf x 1e6 (scaling), inc = 1 + id mod 7 (a characteristic), d1..d4 = (alt == k) x inc
# (one alternative dummy too many), k = 1 (constant).

bad <- electricity[electricity$id <= 30, ]
bad$pf2 <- 2 * bad$pf
bad$sep <- bad$choice
bad$pfm <- bad$pf * 1e6
bad$inc <- 1 + bad$id %% 7
for (k in 1:4) bad[[paste0("d", k)]] <- (bad$alt == k) * bad$inc
bad$k <- 1
f2 <- choice ~ pf + cl
edited <- function(d, rows, column, value) {
  d[rows, column] <- value
  d
}
catalogue_fit <- mixlogit(choice ~ pf + cl + loc, bad, group = "chid", id = "id", alt = "alt", threads = 2)
corrupt <- function(pattern, replacement, fixed = TRUE) {
  fit <- catalogue_fit
  saved <- sub(pattern, replacement, fit$saved, fixed = fixed)
  stopifnot(!identical(saved, fit$saved))
  fit$saved <- saved
  fit
}

# Simulated choices where quality's true coefficient is -1 but it is modelled as censored normal (non-negative):
# the MSM criterion is minimized where every draw is censored, and there the moments do not move with quality's
# location or scale (exactly identified: four instruments for four parameters).
censored_data <- function() {
  cd <- rJava::.jcall("org/mixlogit/bench/SimulatedChoices", "Lorg/mixlogit/data/ChoiceData;", "generate", 200L, 2L,
                      c(-1, -1, -2.5, 0), rJava::.jlong(3))
  column <- function(name) rJava::.jcall(cd, "[D", "attributeColumn", name)
  rows <- rJava::.jcall(cd, "I", "rowCount")
  chosen <- rJava::.jcall(cd, "[I", "chosenRowRef") + 1L
  situation <- rep(seq_len(length(rJava::.jcall(cd, "[I", "situationStartRef")) - 1L),
                   diff(rJava::.jcall(cd, "[I", "situationStartRef")))
  person <- rep(seq_len(length(rJava::.jcall(cd, "[I", "decisionMakerStartRef")) - 1L),
                diff(rJava::.jcall(cd, "[I", "decisionMakerStartRef")))[situation]
  d <- data.frame(choice = as.integer(seq_len(rows) %in% chosen), id = person, chid = situation,
                  price = column("price"), quality = column("quality"), rare = column("rare"))
  d$quality2 <- d$quality^2
  d
}

fit_bad <- function(formula, ...) function(d) mixlogit(formula, d, group = "chid", id = "id", threads = 2, ...)

bad_inputs <- list(
  # identification
  list(name = "perfect separation: an attribute equal to the choice", data = bad,
       call = fit_bad(choice ~ pf + cl + sep), class = "mixlogit_engine_data_error",
       words = c("Complete separation: sep (+)", "no finite estimate")),
  list(name = "collinear: pf2 = 2 pf", data = bad, call = fit_bad(choice ~ pf + cl + pf2),
       class = "mixlogit_engine_data_error", words = c("rank deficient", "null direction on: pf, pf2")),
  list(name = "one too many: every alternative's dummy x income", data = bad,
       call = fit_bad(choice ~ pf + d1 + d2 + d3 + d4), class = "mixlogit_engine_data_error",
       words = c("rank deficient", "null direction on: d1, d2, d3, d4")),
  list(name = "an extreme value 1e308 names row and column", data = edited(bad, 3, "pf", 1e308), call = fit_bad(f2),
       class = "mixlogit_engine_data_error", words = c("'pf' is 1.0E308 in row 3", "rescale the column")),
  list(name = "a constant attribute", data = bad, call = fit_bad(choice ~ pf + k),
       class = "mixlogit_engine_data_error", words = c("'k' takes the same value", "not identified")),
  list(name = "MSM exactly identified with G'WG singular at the estimate", data = censored_data(),
       call = function(d) mixlogit(choice ~ price + quality + rare, d, group = "chid", id = "id",
                                   rpar = c(quality = "cn"), method = "msm",
                                   instruments = c("price", "quality", "rare", "quality2"),
                                   start = c(-1, 0.5, -2.5, 0.5), R = 100, threads = 2),
       class = "mixlogit_engine_spec_error", words = c("do not identify quality and sd.quality at the estimate",
                                                       "G'WG is singular")),
  # resources
  list(name = "R = 1e9: refused before allocating", data = bad,
       call = fit_bad(f2, rpar = c(pf = "n", cl = "n"), R = 1e9), class = "mixlogit_resource_error",
       words = c("Not enough memory: 1,000,000,000 nodes", "java.parameters")),
  list(name = "a sparse grid of level 25 in six dimensions", data = bad,
       call = fit_bad(choice ~ pf + cl + loc + wk + tod + seas, draws = "sparse", R = 25,
                      rpar = c(pf = "n", cl = "n", loc = "n", wk = "n", tod = "n", seas = "n")),
       class = "mixlogit_resource_error", words = c("level 25 in 6 dimensions", "lower level")),
  # data
  list(name = "a missing attribute value", data = edited(bad, 6, "cl", NA), call = fit_bad(f2),
       class = "mixlogit_data_error", words = c("\"cl\" has missing values in rows 6")),
  list(name = "a missing response", data = edited(bad, 2, "choice", NA), call = fit_bad(f2),
       class = "mixlogit_data_error", words = c("response has missing values in rows 2")),
  list(name = "a situation with none chosen", data = edited(bad, 1:4, "choice", 0), call = fit_bad(f2),
       class = "mixlogit_engine_data_error", words = c("Choice situation 1 has no chosen alternative")),
  list(name = "a situation with two chosen", data = edited(bad, 1:4, "choice", 1), call = fit_bad(f2),
       class = "mixlogit_engine_data_error", words = c("Choice situation 1 has more than one chosen alternative")),
  list(name = "a choice code that is not 0/1", data = edited(bad, 2, "choice", 2), call = fit_bad(f2),
       class = "mixlogit_engine_data_error", words = c("chosen indicator is 2.0 in row 2")),
  list(name = "a one-alternative situation", data = bad[-which(bad$chid == 1 & bad$choice == 0), ],
       call = fit_bad(f2), class = "mixlogit_engine_data_error",
       words = c("Choice situation 1 has only one alternative")),
  list(name = "ragged ids: two decision-makers in one situation", data = edited(bad, 2, "id", 2), call = fit_bad(f2),
       class = "mixlogit_data_error", words = c("Choice situation 1", "belongs to several decision-makers",
                                                 "id 1 and 2, row 2", "check the `id` column")),
  list(name = "no rows", data = bad[0, ], call = fit_bad(f2), class = "mixlogit_data_error",
       words = c("`data` has no rows")),
  list(name = "an unknown variable in the formula", data = bad, call = fit_bad(choice ~ pf + nosuch),
       class = "mixlogit_argument_error", words = c("`formula` names \"nosuch\"", "not a column of `data`")),
  list(name = "an unknown group column", data = bad,
       call = function(d) mixlogit(f2, d, group = "nosuch", threads = 2), class = "mixlogit_argument_error",
       words = c("`group` names column \"nosuch\"")),
  # arguments
  list(name = "an impossible value: R = 0", data = bad, call = fit_bad(f2, rpar = c(pf = "n"), R = 0),
       class = "mixlogit_argument_error", words = c("`R` must be a whole number of at least 1")),
  list(name = "a bad distribution code", data = bad, call = fit_bad(f2, rpar = c(pf = "gamma")),
       class = "mixlogit_argument_error", words = c("distribution \"gamma\" for pf", "ln")),
  list(name = "a bad draw type", data = bad, call = fit_bad(f2, rpar = c(pf = "n"), draws = "lattice"),
       class = "mixlogit_argument_error", words = c("`draws` is \"lattice\"", "\"sparse\"")),
  list(name = "a bad optimizer", data = bad, call = fit_bad(f2, optimizer = "newton"),
       class = "mixlogit_argument_error", words = c("`optimizer` is \"newton\"", "\"bfgs\"")),
  list(name = "instruments without method = \"msm\"", data = bad, call = fit_bad(f2, instruments = "default"),
       class = "mixlogit_argument_error", words = c("set method = \"msm\"")),
  # the saved form and post-estimation
  list(name = "a saved form without estimates", data = bad,
       call = function(d) shares(corrupt("\"coefficients\" :", "\"coefficientz\" :")),
       class = "mixlogit_engine_spec_error", words = c("$.coefficients is missing")),
  list(name = "a string estimate", data = bad,
       call = function(d) shares(corrupt("\"estimate\" : (-?[0-9.eE+-]+)", "\"estimate\" : \"\\1\"", fixed = FALSE)),
       class = "mixlogit_engine_spec_error", words = c("$.coefficients[0].estimate is \"", "not a finite number")),
  list(name = "a saved form of another version", data = bad,
       call = function(d) shares(corrupt("mixlogit-result/1", "mixlogit-result/0")),
       class = "mixlogit_engine_spec_error", words = c("$.format is \"mixlogit-result/0\"")),
  list(name = "post-estimation on changed estimation data", data = bad,
       call = function(d) {
         fit <- catalogue_fit
         fit$columns$attributes[5] <- fit$columns$attributes[5] + 1
         shares(fit)
       },
       class = "mixlogit_engine_spec_error", words = c("not the data the model was estimated on", "newdata")),
  list(name = "an attribute that is not the model's", data = bad, call = function(d) elasticities(catalogue_fit, "nosuch"),
       class = "mixlogit_argument_error", words = c("`attribute` is \"nosuch\"", "pf, cl, loc")),
  list(name = "new data without the group column", data = bad,
       call = function(d) predict(catalogue_fit, newdata = d[, c("pf", "cl", "loc")]),
       class = "mixlogit_argument_error", words = c("\"chid\"", "not in `newdata`"))
)

for (case in bad_inputs) {
  local({
    case <- case
    test_that(paste("bad input:", case$name), {
      before <- case$data
      d <- case$data
      e <- tryCatch(case$call(d), error = function(e) e)
      expect_s3_class(e, case$class)
      expect_s3_class(e, "mixlogit_error")
      for (word in case$words) {
        expect_match(conditionMessage(e), word, fixed = TRUE)
      }
      expect_false(grepl("java.lang|\tat org\\.", conditionMessage(e)), label = "no Java stack trace")
      expect_identical(d, before)
    })
  })
}

test_that("the catalogue holds at least 15 cases with distinct names", {
  expect_gte(length(bad_inputs), 15)
  expect_false(anyDuplicated(vapply(bad_inputs, `[[`, "", "name")) > 0)
})

test_that("scaling: pf x 1e6 is estimated in the user's units (pf's estimate / 1e6), with standard errors", {
  d <- bad
  scaled <- mixlogit(choice ~ pfm + cl + loc, d, group = "chid", id = "id", threads = 2)
  plain <- catalogue_fit
  expect_identical(d, bad)
  expect_equal(unname(coef(scaled)["pfm"]) * 1e6, unname(coef(plain)["pf"]), tolerance = 1e-6)
  expect_true(all(is.finite(sqrt(diag(vcov(scaled))))))
})

test_that("post-estimation after a fit that did not converge is flagged, and new data are not checked", {
  stopped <- corrupt("\"converged\" : true", "\"converged\" : false")
  expect_warning(s <- shares(stopped), "did not converge")
  expect_match(attr(s, "fit_warning"), "did not converge")
  other <- edited(bad, 5, "pf", bad$pf[5] + 1)
  expect_s3_class(shares(catalogue_fit, newdata = other), "mixlogit_table")
})
