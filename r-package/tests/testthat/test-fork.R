# Forked children cannot use the JVM of the process that loaded the package: every engine call in one raises a
# mixlogit_fork_error at once (before any Java call, so it cannot hang); PSOCK workers, which are separate R
# sessions with their own JVM, estimate normally.

small_formula <- choice ~ pf + cl + loc + wk + tod + seas

expect_fork_error <- function(e) {
  expect_s3_class(e, c("mixlogit_fork_error", "mixlogit_error", "error", "condition"), exact = TRUE)
  expect_match(conditionMessage(e), "forked R process", fixed = TRUE)
  expect_match(conditionMessage(e), "parallel::makeCluster", fixed = TRUE)
}

# Runs f() in a forked child (parallel::mcparallel) and waits at most `timeout` seconds: list(done, value). A child
# still running then is killed, so that a regression fails this test instead of hanging it.
run_in_fork <- function(f, timeout = 60) {
  job <- parallel::mcparallel(f())
  value <- parallel::mccollect(job, wait = FALSE, timeout = timeout)
  if (is.null(value)) {
    tools::pskill(job$pid, tools::SIGKILL)
    parallel::mccollect(job, wait = FALSE)
    return(list(done = FALSE, value = NULL))
  }
  list(done = TRUE, value = value[[1]])
}

catch <- function(expr) tryCatch(expr, error = function(e) e)

test_that("engine calls in a forked child raise mixlogit_fork_error at once; R-only methods still work there", {
  skip_on_cran()
  skip_on_os("windows")  # no forking on Windows
  child <- run_in_fork(function() {
    list(fit = catch(mixlogit(small_formula, electricity, group = "chid", id = "id")),
         predict = catch(predict(plain_fit, newdata = electricity[1:8, ])),
         data = catch(electricity_data()),
         coef = coef(plain_fit))
  })
  expect_true(child$done, label = "the forked child returned within 60 s")
  skip_if_not(child$done)
  expect_fork_error(child$value$fit)
  expect_fork_error(child$value$predict)
  expect_fork_error(child$value$data)
  expect_identical(child$value$coef, coef(plain_fit))
  # The parent keeps its JVM: it still estimates, with the same numbers as before the fork.
  expect_identical(coef(mixlogit(small_formula, electricity, group = "chid", id = "id", threads = 2)),
                   coef(plain_fit))
})

test_that("mixlogit() under parallel::mclapply(mc.cores = 2) returns the classed error in every child", {
  skip_on_cran()
  skip_on_os("windows")
  probe <- run_in_fork(function() catch(mixlogit(small_formula, electricity, group = "chid", id = "id")))
  expect_true(probe$done, label = "a forked mixlogit() returned within 60 s")
  skip_if_not(probe$done)  # mclapply would hang: the failure above says so
  out <- parallel::mclapply(1:2, function(i) catch(mixlogit(small_formula, electricity, group = "chid",
                                                            id = "id")), mc.cores = 2)
  expect_length(out, 2L)
  for (e in out) expect_fork_error(e)
})

test_that("a PSOCK cluster worker estimates the same fit as this session", {
  skip_on_cran()
  cl <- parallel::makeCluster(1L)
  on.exit(parallel::stopCluster(cl))
  parallel::clusterCall(cl, function(paths) .libPaths(paths), .libPaths())
  worker <- function(i, data, formula) {
    library(mixlogit)
    m <- mixlogit(stats::as.formula(formula), data, group = "chid", id = "id", threads = 2)
    list(coef = coef(m), logLik = as.numeric(logLik(m)))
  }
  environment(worker) <- globalenv()  # send the function alone, not this test's environment
  fits <- parallel::parLapply(cl, 1L, worker, data = electricity, formula = deparse(small_formula))
  expect_identical(fits[[1]]$coef, coef(plain_fit))
  expect_close(fits[[1]]$logLik, -4958.649119, 1e-5)
})
