# Long fits: live progress, a working interrupt (simulated: the internal option mixlogit.interrupt_after signals
# an interrupt, as Ctrl-C does, once the fit has reported that many iterations), the command line's fit controls,
# and warnings for fits that did not converge.

long_small <- electricity[electricity$id <= 30, ]
long_fit <- function(...) {
  mixlogit(choice ~ pf + cl + loc + wk + tod + seas, long_small, group = "chid", id = "id", rpar = c(cl = "n"),
           R = 30, threads = 2, ...)
}

test_that("an interrupt cancels the Java fit and raises mixlogit_interrupt; the progress was printed before", {
  old <- options(mixlogit.interrupt_after = 2)
  on.exit(options(old))
  caught <- NULL
  out <- capture.output(caught <- tryCatch(long_fit(verbose = TRUE), mixlogit_interrupt = function(e) e))
  expect_s3_class(caught, "mixlogit_interrupt")
  expect_s3_class(caught, "interrupt")
  expect_false(inherits(caught, "error"), label = "a loop's tryCatch(error = ) must not swallow Ctrl-C")
  expect_gte(caught$iterations, 2L)
  expect_match(conditionMessage(caught), "interrupted after")
  expect_true(any(grepl("^iteration +1 ", out)), label = "iterations are printed while the fit runs")
  options(old)
  full <- long_fit()
  expect_true(full$converged, label = "the engine works normally after an interrupted fit")
  expect_gt(full$iterations, caught$iterations)
})

test_that("an interrupt during a post-estimation table stops the engine's work and raises mixlogit_interrupt", {
  old <- options(mixlogit.interrupt_post = TRUE)
  on.exit(options(old))
  caught <- tryCatch(elasticities(plain_fit, "pf", krinsky_robb = 2000), mixlogit_interrupt = function(e) e)
  expect_s3_class(caught, "mixlogit_interrupt")
  expect_false(inherits(caught, "error"), label = "a loop's tryCatch(error = ) must not swallow Ctrl-C")
  expect_match(conditionMessage(caught), "elasticities interrupted; no table is returned")
  options(old)
  e <- elasticities(plain_fit, "pf", replicates = 0)
  expect_true(nrow(e) > 0, label = "post-estimation works normally after an interrupted table")
})

test_that("verbose = TRUE prints every iteration once, as the trace holds them", {
  out <- capture.output(m <- long_fit(verbose = TRUE))
  lines <- grep("^iteration", out, value = TRUE)
  expect_equal(length(lines), nrow(m$trace))
  expect_equal(as.integer(sub("^iteration +([0-9]+) .*", "\\1", lines)), as.integer(m$trace$iteration))
})

test_that("max_iterations stops the fit with a classed warning; post-estimation on it warns too", {
  expect_warning(m <- long_fit(max_iterations = 2), class = "mixlogit_convergence_warning")
  expect_false(m$converged)
  expect_equal(m$iterations, 2L)
  expect_warning(summary(m), class = "mixlogit_convergence_warning")
  expect_warning(predict(m), class = "mixlogit_convergence_warning")
  expect_warning(rpar(m), class = "mixlogit_convergence_warning")
  expect_warning(suppressWarnings(wtp(m, "cl", "pf"), classes = "mixlogit_wtp_sign_warning"),
                 class = "mixlogit_convergence_warning")
})

test_that("tolerance, integration_check and reestimate reach the engine and are reported", {
  # a loose tolerance stops where the certification's gradient test fails: a classed warning says so
  expect_warning(loose <- long_fit(tolerance = 1e-2), class = "mixlogit_certification_warning")
  tight <- long_fit()
  expect_lt(loose$iterations, tight$iterations)
  expect_equal(loose$controls$tolerance, 1e-2)
  m <- long_fit(integration_check = 3, reestimate = 2)
  expect_equal(names(m$integration.check), c("replicateSd", "replicates", "accurateLogLik", "accurateDifference"))
  expect_equal(m$integration.check[["replicates"]], 3)
  expect_gt(m$integration.check[["replicateSd"]], 0)
  expect_equal(m$logLik, tight$logLik)
  expect_true(all(c("cl", "sd.cl") %in% rownames(m$simulation.noise)))
  expect_true(all(m$simulation.noise$estimate_sd >= 0))
  text <- capture.output(print(summary(m)))
  expect_true(any(grepl("Integration check", text)))
  expect_true(any(grepl("Simulation noise over 2 re-estimations", text)))
})

test_that("bad fit controls are classed argument errors", {
  expect_error(long_fit(max_iterations = 0), class = "mixlogit_argument_error")
  expect_error(long_fit(max_iterations = 2.5), class = "mixlogit_argument_error")
  expect_error(long_fit(tolerance = -1), class = "mixlogit_argument_error")
  expect_error(long_fit(integration_check = -1), class = "mixlogit_argument_error")
  expect_error(long_fit(reestimate = 1), class = "mixlogit_argument_error", regexp = "at least 2")
})

# A real Ctrl-C: SIGINT to a child Rscript (started with SIGINT's default disposition: a shell starts background
# jobs with SIGINT ignored) while its long fit runs. The fit must stop at once with mixlogit_interrupt, its Java
# thread must end within the second stop_fit() waits (no "still finishing" in the message), and R must go on and
# fit again. The JVM must run with -Xrs, so that Java has no SIGINT handler of its own.
test_that("a real SIGINT stops a long fit with mixlogit_interrupt and leaves R and the engine working", {
  skip_on_cran()
  skip_on_os("windows")
  skip_if_not(identical(suppressWarnings(system2("env", c("--default-signal=INT", "true"))), 0L),
              "env --default-signal (coreutils 8.31 or newer) is not available")
  dir <- tempfile("sigint")
  dir.create(dir)
  on.exit(unlink(dir, recursive = TRUE), add = TRUE)
  files <- file.path(dir, c("child.R", "pid", "out", "err"))
  writeLines(c(
    sprintf(".libPaths(%s)", paste(deparse(.libPaths()), collapse = "")),
    "suppressPackageStartupMessages(library(mixlogit))",
    "arguments <- rJava::.jcall(rJava::.jcall('java/lang/management/ManagementFactory',",
    "  'Ljava/lang/management/RuntimeMXBean;', 'getRuntimeMXBean'), 'Ljava/util/List;', 'getInputArguments')",
    "cat('XRS', grepl('-Xrs', rJava::.jcall(arguments, 'S', 'toString'), fixed = TRUE), '\\n')",
    "d <- electricity_data()",
    sprintf("writeLines(as.character(Sys.getpid()), %s)", deparse(files[2])),
    "r <- tryCatch(mixlogit(choice ~ pf + cl + loc + wk + tod + seas, d, group = 'chid', id = 'id',",
    "  rpar = c(pf = 'n', cl = 'n', loc = 'n', wk = 'n', tod = 'n', seas = 'n'), correlation = TRUE, R = 1000,",
    "  threads = 2, verbose = TRUE), interrupt = function(e) e)",
    "cat('CAUGHT', sprintf('%.3f', as.numeric(Sys.time())), '\\n')",
    "cat('CLASS', class(r), '\\n')",
    "cat('MESSAGE', conditionMessage(r), '\\n')",
    "m <- mixlogit(choice ~ pf + cl, d[d$id <= 20, ], group = 'chid', id = 'id')",
    "cat('AFTER', m$converged, '\\n')"), files[1])
  rscript <- file.path(R.home("bin"), "Rscript")
  system2("env", c("--default-signal=INT", shQuote(rscript), "--vanilla", shQuote(files[1])),
          stdout = files[3], stderr = files[4], wait = FALSE)
  read_out <- function() if (file.exists(files[3])) readLines(files[3], warn = FALSE) else character(0)
  wait_for <- function(pattern, seconds) {
    for (i in seq_len(10 * seconds)) {
      if (any(grepl(pattern, read_out()))) return(TRUE)
      Sys.sleep(0.1)
    }
    FALSE
  }
  started <- wait_for("^iteration +1 ", 300)
  pid <- if (file.exists(files[2])) as.integer(readLines(files[2])) else NA_integer_
  on.exit(if (!is.na(pid)) tools::pskill(pid, tools::SIGKILL), add = TRUE)
  expect_true(started, label = paste(c("the child fit printed its first iteration", read_out(),
                                       readLines(files[4], warn = FALSE)), collapse = "\n"))
  skip_if_not(started && !is.na(pid))
  sent <- as.numeric(Sys.time())
  tools::pskill(pid, tools::SIGINT)
  expect_true(wait_for("^AFTER", 120), label = paste(c("the child went on after Ctrl-C", read_out(),
                                                       readLines(files[4], warn = FALSE)), collapse = "\n"))
  out <- read_out()
  field <- function(key) sub(paste0("^", key, " "), "", grep(paste0("^", key, " "), out, value = TRUE))
  expect_equal(trimws(field("XRS")), "TRUE")
  expect_match(field("CLASS"), "mixlogit_interrupt interrupt condition", fixed = TRUE)
  expect_match(field("MESSAGE"), "interrupted after [0-9]+ iteration")
  expect_false(grepl("still finishing", field("MESSAGE")), label = "the Java thread ended within a second")
  expect_lt(as.numeric(field("CAUGHT")) - sent, 10)
  expect_equal(trimws(field("AFTER")), "TRUE")
})

test_that("the JVM parameters get -Xrs, the JIT settings and the parallel collector unless the user gave them", {
  jit <- c("-XX:Tier4BackEdgeThreshold=5000000", "-XX:InlineSmallCode=500")
  gc <- "-XX:+UseParallelGC"
  p <- function(..., environment = c("", "")) mixlogit:::jvm_parameters(..., arch = "x86_64", environment = environment)
  expect_equal(p("-Xmx4g"), c("-Xmx4g", "-Xrs", jit, gc))
  expect_equal(p(c("-Xrs", "-Xmx4g")), c("-Xrs", "-Xmx4g", jit, gc))
  expect_equal(p(NULL), c("-Xrs", jit, gc))
  expect_equal(p(c("-XX:InlineSmallCode=2500", "-Xrs")), c("-XX:InlineSmallCode=2500", "-Xrs", jit[1], gc))
  expect_equal(p(c("-XX:Tier4BackEdgeThreshold=40000", "-Xrs")),
               c("-XX:Tier4BackEdgeThreshold=40000", "-Xrs", jit[2], gc))
  expect_equal(p(c("-XX:-UseOnStackReplacement", "-Xrs")), c("-XX:-UseOnStackReplacement", "-Xrs", jit[2], gc))
  # a collector the user chose is kept, and no other is added; an option that only mentions GC is not a choice
  expect_equal(p(c("-Xrs", "-XX:+UseG1GC")), c("-Xrs", "-XX:+UseG1GC", jit))
  expect_equal(p(c("-Xrs", "-XX:+UseZGC")), c("-Xrs", "-XX:+UseZGC", jit))
  expect_equal(p(c("-Xrs", "-XX:+UseSerialGC", "-XX:InlineSmallCode=500")),
               c("-Xrs", "-XX:+UseSerialGC", "-XX:InlineSmallCode=500", jit[1]))
  expect_equal(p(c("-Xrs", "-Xlog:gc")), c("-Xrs", "-Xlog:gc", jit, gc))
  # a collector chosen in Java's own environment variables (a second one would stop Java from starting)
  expect_equal(p("-Xrs", environment = c("-XX:+UseG1GC -Xss4m", "")), c("-Xrs", jit))
  expect_equal(p("-Xrs", environment = c("", "-Xmx2g -XX:+UseSerialGC")), c("-Xrs", jit))
  expect_equal(p("-Xrs", environment = c("-Xlog:gc", "")), c("-Xrs", jit, gc))
  # and the Vector API module there: neither the JIT settings nor the collector
  expect_equal(p("-Xrs", environment = c("--add-modules=jdk.incubator.vector", "")), "-Xrs")
  # the Vector API kernel needs Java's default inlining: neither JIT setting with the module, asked for either way,
  # and Java's default collector (the warm-up's garbage grew the parallel one's heap)
  expect_equal(p("-Xmx4g", vector = TRUE), c("-Xmx4g", "-Xrs", "--add-modules=jdk.incubator.vector"))
  expect_equal(p(c("--add-modules=jdk.incubator.vector", "-Xrs"), vector = TRUE),
    c("--add-modules=jdk.incubator.vector", "-Xrs"))
  expect_equal(p(c("--add-modules=jdk.incubator.vector", "-Dmixlogit.vector=true")),
    c("--add-modules=jdk.incubator.vector", "-Dmixlogit.vector=true", "-Xrs"))
  # and neither where Java's builds may lack the C2 compiler
  expect_equal(mixlogit:::jvm_parameters("-Xmx4g", arch = "armv7l", environment = ""), c("-Xmx4g", "-Xrs", gc))
})

# The JVM of this session has the parameters .onLoad gave it, when loading the package started it (as in R CMD
# check, where nothing else starts Java first).
test_that("the JVM that the package started runs with the parameters it chose", {
  skip_if_not(isTRUE(mixlogit:::jvm_owner$started_here), "another package started Java before mixlogit")
  bean <- rJava::J("java.lang.management.ManagementFactory")$getRuntimeMXBean()
  arguments <- rJava::.jcall(bean, "Ljava/util/List;", "getInputArguments")
  arguments <- vapply(seq_len(rJava::.jcall(arguments, "I", "size")) - 1L,
                      function(i) rJava::.jcall(arguments, "Ljava/lang/Object;", "get", i)$toString(), "")
  expected <- mixlogit:::jvm_parameters(getOption("java.parameters"),
                                        vector = isTRUE(getOption("mixlogit.vector")))
  expect_true(length(expected) >= 1L)
  for (parameter in expected) expect_true(parameter %in% arguments, label = parameter)
})

test_that("options(mixlogit.vector) other than TRUE or FALSE is ignored with a warning naming it", {
  expect_false(mixlogit:::vector_option(NULL))
  expect_true(mixlogit:::vector_option(TRUE))
  expect_false(mixlogit:::vector_option(FALSE))
  for (bad in list("TRUE", 1, NA, c(TRUE, TRUE))) {
    expect_warning(result <- mixlogit:::vector_option(bad), "options\\(mixlogit.vector = \\) must be TRUE or FALSE",
                   class = "mixlogit_option_warning")
    expect_false(result)
  }
  expect_warning(mixlogit:::vector_option("yes"), "got \"yes\"", fixed = TRUE)
})

# options(mixlogit.vector = TRUE) before library(mixlogit): a child R session whose JVM has the Vector API module
# (and -Dmixlogit.vector=true, so that this small fit gets it too) runs the engine's Vector API kernel for
# continuous attributes and gets the same log-likelihood and estimates, to the last bit, as this session (which
# runs without the option, so the portable kernel).
test_that("mixlogit.vector = TRUE runs the Vector API kernel with the same numbers", {
  skip_on_cran()
  java_feature <- rJava::.jcall(rJava::.jcall("java/lang/Runtime", "Ljava/lang/Runtime$Version;", "version"),
                                "I", "feature")
  skip_if(java_feature < 17, "the Vector API kernel needs Java 17 or later")
  skip_if_not(identical(R.version$arch, "x86_64"), "the Vector API kernel needs SIMD registers of four doubles")
  kernel <- function() rJava::.jcall("org/mixlogit/simulation/Simulators", "S", "denseKernel", rJava::.jlong(540),
                                     50L)
  fit_lines <- c(
    "old <- get0('.Random.seed', globalenv()); set.seed(7)",
    "n <- 60; t <- 3; j <- 3",
    "d <- data.frame(id = rep(seq_len(n), each = t * j), chid = rep(seq_len(n * t), each = j),",
    "  x1 = round(runif(n * t * j, -2, 2), 3), x2 = round(runif(n * t * j, -2, 2), 3))",
    "u <- d$x1 * 1 - d$x2 * 0.5 - log(-log(runif(nrow(d))))",
    "d$choice <- ave(u, d$chid, FUN = function(v) as.numeric(v == max(v)))",
    "m <- mixlogit(choice ~ x1 + x2, d, group = 'chid', id = 'id', rpar = c(x1 = 'n', x2 = 'n'), R = 50,",
    "  threads = 2)",
    "cat('FIT', sprintf('%a', c(m$logLik, coef(m))), '\\n')",
    "if (is.null(old)) rm('.Random.seed', envir = globalenv()) else assign('.Random.seed', old, envir = globalenv())")
  dir <- tempfile("vector")
  on.exit(unlink(dir, recursive = TRUE), add = TRUE)
  field <- child_session(c(
    "options(mixlogit.vector = TRUE, java.parameters = '-Dmixlogit.vector=true')",
    "suppressPackageStartupMessages(library(mixlogit))",
    "cat('KERNEL', rJava::.jcall('org/mixlogit/simulation/Simulators', 'S', 'denseKernel', rJava::.jlong(540), 50L),",
    "  '\\n')",
    "bean <- rJava::J('java.lang.management.ManagementFactory')$getRuntimeMXBean()",
    "arguments <- rJava::.jcall(rJava::.jcall(bean, 'Ljava/util/List;', 'getInputArguments'), 'S', 'toString')",
    "cat('JIT', grepl('InlineSmallCode', arguments, fixed = TRUE), '\\n')",
    fit_lines), dir)
  expect_equal(field("KERNEL"), "Vector API")
  expect_equal(field("JIT"), "FALSE", label = "the JIT settings left out with the Vector API module")
  expect_true(startsWith(kernel(), "portable"), label = kernel())
  here <- capture.output(eval(parse(text = fit_lines), envir = new.env()))
  expect_equal(field("FIT"), trimws(sub("^FIT ", "", grep("^FIT ", here, value = TRUE))))
})
