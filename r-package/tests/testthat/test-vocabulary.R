# The package keeps no copies of the engine's lists: the codes it accepts, the codes its messages list and its
# defaults are the engine's vocabulary (MixlogitBridge.vocabulary(), a JSON document read here with jsonlite).

engine_json <- function() {
  skip_if_not_installed("jsonlite")
  jsonlite::fromJSON(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "S", "vocabulary"),
                     simplifyVector = FALSE)
}

codes_of <- function(entries, keep = function(e) TRUE) {
  vapply(Filter(keep, entries), function(e) e$code, "")
}

test_that("the package's code lists are the engine's", {
  v <- engine_json()
  expect_identical(v$format, "mixlogit-vocabulary/1")
  expect_identical(mixlogit:::distribution_codes(), codes_of(v$distributions, function(e) isTRUE(e$random)))
  expect_true(all(c("n", "ln", "t", "u", "cn", "tn") %in% mixlogit:::distribution_codes()))
  expect_identical(mixlogit:::draw_types(), codes_of(v$draws))
  expect_identical(mixlogit:::vocabulary_codes("optimizers"), codes_of(v$optimizers))
  expect_identical(mixlogit:::vocabulary_codes("vce"), codes_of(v$vce))
  expect_identical(mixlogit:::vocabulary_codes("methods"), codes_of(v$methods))
  expect_identical(mixlogit:::vocabulary_codes("weighting"), codes_of(v$weighting))
  expect_identical(mixlogit:::instrument_keywords(), codes_of(v$instruments, function(e) isTRUE(e$keyword)))
  for (m in v$methods) {
    expect_identical(mixlogit:::vce_codes(m$code),
                     codes_of(v$vce, function(e) m$code %in% unlist(e$methods)))
    expect_identical(mixlogit:::check_vce(NULL, m$code), m$vce)
  }
  # every word the engine accepts for a draw type is accepted (the aliases, such as "sparse-gk", too)
  aliases <- unlist(lapply(v$draws, function(e) unlist(e$aliases)))
  expect_true("sparse-gk" %in% aliases)
  expect_setequal(mixlogit:::vocabulary_words("draws"), c(codes_of(v$draws), aliases))
  # read once per session, then kept
  expect_true(exists("draws", envir = mixlogit:::vocabulary_cache, inherits = FALSE))
})

# The build writes the engine's vocabulary into the package (inst/vocabulary.json), which the package reads instead
# of calling Java; it must be the engine's own document, and any other file is not used.
test_that("the package's vocabulary file is the engine's document, and a wrong one falls back to the engine", {
  file <- system.file("vocabulary.json", package = "mixlogit")
  expect_true(nzchar(file), label = "the installed package has inst/vocabulary.json")
  expect_identical(mixlogit:::packaged_vocabulary(file), engine_json())
  expect_identical(mixlogit:::vocabulary_document(), engine_json())
  expect_null(mixlogit:::packaged_vocabulary(""))
  expect_null(mixlogit:::packaged_vocabulary(file.path(tempdir(), "no-such-vocabulary.json")))
  other <- tempfile(fileext = ".json")
  on.exit(unlink(other), add = TRUE)
  text <- readLines(file, warn = FALSE)
  writeLines(sub('"engine" : "[^"]*"', '"engine" : "0.0.1"', text), other)
  expect_null(mixlogit:::packaged_vocabulary(other))
  writeLines(text[-length(text)], other)
  expect_null(mixlogit:::packaged_vocabulary(other))
  writeLines(text, other)
  expect_identical(mixlogit:::packaged_vocabulary(other), engine_json())
  expect_error(mixlogit:::engine_vocabulary("colours"), "no list 'colours'", class = "mixlogit_engine_error")
  d <- engine_json()$defaults
  expect_identical(mixlogit:::engine_defaults(), d)
  expect_identical(mixlogit:::latent_class_value("criteria"), unlist(engine_json()$latentClasses$criteria))
})

test_that("an unknown code is refused in R with a message listing the engine's codes", {
  v <- engine_json()
  message_of <- function(...) {
    e <- tryCatch(mixlogit(choice ~ pf + cl, electricity[electricity$id <= 5, ], group = "chid", ...),
                  error = function(e) e)
    expect_s3_class(e, "mixlogit_argument_error")
    conditionMessage(e)
  }
  expect_true(grepl(paste(codes_of(v$distributions, function(e) isTRUE(e$random)), collapse = ", "),
                    message_of(rpar = c(pf = "weibull")), fixed = TRUE))
  listed <- function(codes) paste0('"', codes, '"', collapse = ", ")
  expect_true(grepl(listed(codes_of(v$draws)), message_of(draws = "quasi"), fixed = TRUE))
  expect_true(grepl(listed(codes_of(v$optimizers)), message_of(optimizer = "newton"), fixed = TRUE))
  expect_true(grepl(listed(codes_of(v$vce)), message_of(vce = "jackknife"), fixed = TRUE))
  expect_true(grepl(listed(codes_of(v$methods)), message_of(method = "gmm"), fixed = TRUE))
  expect_true(grepl(listed(codes_of(v$weighting)), message_of(method = "msm", weighting = "three-step"),
                    fixed = TRUE))
  msm_vce <- codes_of(v$vce, function(e) "msm" %in% unlist(e$methods))
  expect_true(grepl(listed(msm_vce), message_of(method = "msm", vce = "hessian"), fixed = TRUE))
})

test_that("the defaults in mixlogit()'s signature are the engine's", {
  d <- engine_json()$defaults
  f <- formals(mixlogit)
  expect_identical(f$draws, d$draws)
  expect_equal(f$R, d$R)
  expect_equal(f$seed, d$seed)
  expect_equal(f$starts, d$starts)
  expect_identical(f$optimizer, d$optimizer)
  expect_equal(100 * f$level, d$level)
  methods <- eval(f$method)
  expect_identical(methods[1L], d$method)
  expect_setequal(methods, mixlogit:::vocabulary_codes("methods"))
  expect_null(f$vce)
  expect_identical(mixlogit:::check_vce(NULL, d$method), d$vce)
  msm <- mixlogit:::check_msm("msm", NULL, NULL, electricity)
  expect_identical(msm$weighting, d$weighting)
  expect_identical(msm$instruments, d$instruments)
  expect_identical(mixlogit:::engine_defaults()[names(d)], d)
})

test_that("every covariance of the engine is collected, by its code", {
  expect_identical(names(mixed_fit$covariance), mixlogit:::vocabulary_codes("vce"))
})
