# Resource and internal failures are their own condition classes under mixlogit_error, with a clean message.

small <- electricity[electricity$id <= 20, ]
f <- choice ~ pf + cl + loc + wk + tod + seas

test_that("a billion draws are refused before allocating: mixlogit_resource_error with the figure and advice", {
  e <- tryCatch(mixlogit(f, small, group = "chid", id = "id", rpar = c(pf = "n", cl = "n"), R = 1e9, threads = 1),
                error = function(e) e)
  expect_s3_class(e, "mixlogit_resource_error")
  expect_s3_class(e, "mixlogit_error")
  expect_match(conditionMessage(e), "Not enough memory: 1,000,000,000 nodes per decision-maker", fixed = TRUE)
  expect_match(conditionMessage(e), "options(java.parameters = \"-Xmx8g\") before library(mixlogit)",
               fixed = TRUE)
})

test_that("a sparse grid of level 25 in six dimensions is refused at once: mixlogit_resource_error", {
  started <- Sys.time()
  e <- tryCatch(mixlogit(f, small, group = "chid", id = "id",
                         rpar = c(pf = "n", cl = "n", loc = "n", wk = "n", tod = "n", seas = "n"),
                         draws = "sparse", R = 25, threads = 1), error = function(e) e)
  expect_s3_class(e, "mixlogit_resource_error")
  expect_match(conditionMessage(e), "level 25 in 6 dimensions", fixed = TRUE)
  expect_lt(as.numeric(difftime(Sys.time(), started, units = "secs")), 20)
})

test_that("a Java OutOfMemoryError becomes mixlogit_resource_error with the heap and how to enlarge it", {
  e <- tryCatch(mixlogit:::with_engine(rJava::.jnew("java/util/ArrayList", as.integer(2e9))),
                error = function(e) e)
  expect_s3_class(e, "mixlogit_resource_error")
  expect_s3_class(e, "mixlogit_error")
  expect_match(conditionMessage(e), "^Out of memory: the Java heap \\(at most [0-9]+ MiB\\) is full")
  expect_match(conditionMessage(e), "java.parameters", fixed = TRUE)
  expect_false(grepl("java.lang", conditionMessage(e), fixed = TRUE))
})

test_that("an exception that is not the engine's is mixlogit_internal_error, naming it as a bug", {
  e <- tryCatch(mixlogit:::with_engine(rJava::.jcall("java/lang/Integer", "I", "parseInt", "x")),
                error = function(e) e)
  expect_s3_class(e, "mixlogit_internal_error")
  expect_s3_class(e, "mixlogit_engine_failure")
  expect_s3_class(e, "mixlogit_error")
  expect_match(conditionMessage(e), "Internal error in the engine (NumberFormatException: For input string",
               fixed = TRUE)
  expect_match(conditionMessage(e), "bug in mixlogit", fixed = TRUE)
})
