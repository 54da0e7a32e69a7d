# The class-data-sharing archive of the engine's classes (class-sharing.R): when a session may use one, which Java
# parameters it adds, when one is made or left alone, and that a session started with one loads the engine's classes
# from it and fits the same numbers to the last bit.

# Two fake jars and an archive's files for them in a fresh cache directory.
sharing_setup <- function() {
  dir <- file.path(tempfile("cds"), "R", "mixlogit")
  dir.create(dir, recursive = TRUE)
  jars <- file.path(dir, c("a.jar", "b.jar"))
  for (jar in jars) writeLines("x", jar)
  boot <- normalizePath(tempdir(), winslash = "/")
  list(root = dirname(dirname(dir)), jars = jars, boot = boot,
       files = mixlogit:::class_sharing_files(mixlogit:::class_sharing_key(jars, boot), dir))
}

test_that("the archive's parameters are added only for an archive made for these jars and not refused", {
  s <- sharing_setup()
  on.exit(unlink(s$root, recursive = TRUE), add = TRUE)
  p <- function(parameters = "-Xrs", enabled = TRUE, jars = s$jars, files = s$files) {
    mixlogit:::class_sharing_parameters(parameters, jars, boot = s$boot, files = files, enabled = enabled)
  }
  expect_match(basename(s$files$archive), "^engine-[0-9.]+-[0-9a-f]{12}\\.jsa$")
  expect_null(p(), label = "no archive yet")
  writeLines("archive", s$files$archive)
  expect_null(p(), label = "an archive without the stamp its maker writes after it")
  writeLines("/jdk 17", s$files$java)
  expect_equal(p(), c(
    paste0("-Djava.class.path=", paste(c(s$jars, s$boot), collapse = .Platform$path.sep)),
    paste0("-XX:SharedArchiveFile=", normalizePath(s$files$archive, winslash = "/")), "-Xshare:auto",
    "-Xlog:cds=off"))
  # the user's own class-sharing or class-path options win; so does the option mixlogit.class_sharing = FALSE
  expect_null(p(c("-Xrs", "-Xshare:off")))
  expect_null(p(c("-XX:SharedArchiveFile=/x.jsa", "-Xrs")))
  expect_null(p("-Djava.class.path=/x.jar"))
  expect_null(p(enabled = FALSE))
  expect_true(mixlogit:::user_sets_class_path("-Xrs", environment = c("-Xmx2g -Xshare:off", "")))
  expect_false(mixlogit:::user_sets_class_path("-Xrs", environment = c("-Xmx2g", "")))
  # Java refused it with these settings (parameters and Java's option variables): not given again with them,
  # given with others
  writeLines(c(mixlogit:::java_settings(c("-Xmx40g", "-Xrs")), mixlogit:::java_settings("-Xss4m")), s$files$refused)
  expect_null(p(c("-Xmx40g", "-Xrs")))
  expect_null(p("-Xss4m"))
  expect_length(p(c("-Xmx4g", "-Xrs")), 4L)
  expect_false(identical(mixlogit:::java_settings("-Xrs", c("-Xmx40g", "")),
                         mixlogit:::java_settings("-Xrs", c("", ""))))
  # other jars (another build, one jar more) have an archive of another name
  touched <- mixlogit:::class_sharing_files(mixlogit:::class_sharing_key(s$jars[1], s$boot), s$files$dir)
  expect_false(identical(touched$archive, s$files$archive))
  Sys.setFileTime(s$jars[2], Sys.time() - 3600)
  again <- mixlogit:::class_sharing_files(mixlogit:::class_sharing_key(s$jars, s$boot), s$files$dir)
  expect_false(identical(again$archive, s$files$archive))
  expect_null(mixlogit:::class_sharing_parameters("-Xrs", s$jars, boot = NULL, files = s$files, enabled = TRUE))
})

test_that("an archive is made when missing or for another Java, not while one is made or after a recent failure", {
  s <- sharing_setup()
  on.exit(unlink(s$root, recursive = TRUE), add = TRUE)
  calls <- 0L
  spawn <- function(executable, arguments, wait) {
    calls <<- calls + 1L
    expect_true(any(grepl("ClassSharingArchive", arguments, fixed = TRUE)))
    0L
  }
  refresh <- function(used = NULL, info = "mixed mode, sharing", java = "/jdk 17.0.1") {
    mixlogit:::refresh_class_sharing(s$jars, parameters = "-Xrs", used = used, boot = s$boot, files = s$files,
                                     enabled = TRUE, java = java, info = info, spawn = spawn)
  }
  expect_true(refresh())
  expect_equal(calls, 1L)
  expect_true(dir.exists(s$files$lock), label = "the making is claimed (the maker removes the lock)")
  expect_true(file.exists(file.path(s$files$lock, "owner")), label = "by its owner")
  expect_false(refresh(), label = "another session while the maker runs")
  Sys.setFileTime(s$files$lock, Sys.time() - 20 * 60)
  expect_false(refresh(), label = "a maker may take 20 minutes")
  Sys.setFileTime(s$files$lock, Sys.time() - 26 * 60)
  expect_true(refresh(), label = "a lock over 25 minutes old is a stopped maker's")
  unlink(s$files$lock, recursive = TRUE)
  writeLines("mixlogit: the dump failed", s$files$failure)
  expect_false(refresh(), label = "a failure in the last day")
  Sys.setFileTime(s$files$failure, Sys.time() - 25 * 3600)
  expect_true(refresh(), label = "a failure more than a day old")
  expect_false(file.exists(s$files$failure))
  unlink(s$files$lock, recursive = TRUE)
  # made for this Java: left alone; made for another: made again
  writeLines("archive", s$files$archive)
  writeLines("/jdk 17.0.1", s$files$java)
  calls <- 0L
  expect_false(refresh())
  expect_false(refresh(used = "-Xshare:auto"))
  expect_false(file.exists(s$files$refused))
  expect_true(refresh(java = "/other-jdk 21"))
  expect_false(file.exists(s$files$archive), label = "the other Java's archive is removed before it is remade")
  unlink(s$files$lock, recursive = TRUE)
  # Java would not map it (it says no "sharing"): the parameters are recorded, nothing is made again
  writeLines("archive", s$files$archive)
  writeLines("/jdk 17.0.1", s$files$java)
  calls <- 0L
  expect_false(refresh(used = "-Xshare:auto", info = "mixed mode"))
  expect_equal(readLines(s$files$refused), mixlogit:::java_settings("-Xrs"))
  expect_false(refresh(used = "-Xshare:auto", info = "mixed mode"))
  expect_equal(readLines(s$files$refused), mixlogit:::java_settings("-Xrs"), label = "recorded once")
  expect_equal(calls, 0L)
  # stopped makers' leftovers over an hour old, and all but the two newest other archives, are removed
  others <- file.path(s$files$dir, paste0("engine-0.0.", 1:3, "-000000000000.jsa"))
  for (i in seq_along(others)) {
    for (f in c(others[i], paste0(others[i], ".java"))) writeLines("x", f)
    Sys.setFileTime(others[i], Sys.time() - i * 3600)
  }
  leftovers <- file.path(s$files$dir, c("engine-0.0.9-000000000000.jsa.123.tmp", "hs_err_pid77.log",
                                        "engine-0.0.9-000000000000.jsa.124.classes"))
  for (f in leftovers) writeLines("x", f)
  Sys.setFileTime(leftovers[1:2], Sys.time() - 2 * 3600)
  Sys.setFileTime(leftovers[3], Sys.time() - 5 * 60)
  mixlogit:::tidy_class_sharing(s$files)
  expect_equal(file.exists(others), c(TRUE, TRUE, FALSE))
  expect_false(file.exists(paste0(others[3], ".java")))
  expect_equal(file.exists(leftovers), c(FALSE, FALSE, TRUE), label = "a running maker's files are kept")
  expect_true(file.exists(s$files$archive), label = "the current archive is kept")
})

test_that("archives are used and made unless switched off, and not while installing or checking unless asked for", {
  expect_false(mixlogit:::class_sharing_enabled(FALSE))
  expect_true(mixlogit:::class_sharing_enabled(TRUE))
  saved <- Sys.getenv(c("_R_CHECK_PACKAGE_NAME_", "R_INSTALL_PKG"), unset = NA)
  on.exit(for (n in names(saved)) {
    if (is.na(saved[[n]])) Sys.unsetenv(n) else do.call(Sys.setenv, stats::setNames(list(saved[[n]]), n))
  }, add = TRUE)
  Sys.unsetenv(c("_R_CHECK_PACKAGE_NAME_", "R_INSTALL_PKG"))
  expect_true(mixlogit:::class_sharing_enabled(NULL))
  Sys.setenv(`_R_CHECK_PACKAGE_NAME_` = "mixlogit")
  expect_false(mixlogit:::class_sharing_enabled(NULL))
  expect_true(mixlogit:::class_sharing_enabled(TRUE))
  Sys.unsetenv("_R_CHECK_PACKAGE_NAME_")
  Sys.setenv(R_INSTALL_PKG = "mixlogit")
  expect_false(mixlogit:::class_sharing_enabled(NULL))
})

# A real archive, made by the engine with this session's Java (waiting for it), then a child session that finds it
# in its cache directory (R_USER_CACHE_DIR): Java says it shares classes, the engine's classes come from the
# archive, and a fit gives the same log-likelihood and estimates, to the last bit, as this session's.
test_that("a session started with the archive loads the engine from it and fits the same numbers", {
  skip_on_cran()
  boot <- mixlogit:::rjava_boot_path()
  skip_if(is.null(boot), "rJava's boot directory is not where the package expects it")
  skip_if(mixlogit:::user_sets_class_path("-Xrs"), "Java's option variables set class sharing or the class path")
  cache <- tempfile("cache")
  on.exit(unlink(cache, recursive = TRUE), add = TRUE)
  jars <- mixlogit:::engine_jars(system.file("java", package = "mixlogit"))
  files <- mixlogit:::class_sharing_files(mixlogit:::class_sharing_key(jars, boot), file.path(cache, "R", "mixlogit"))
  expect_true(mixlogit:::refresh_class_sharing(jars, parameters = "-Xrs", files = files, enabled = TRUE,
                                               wait = TRUE),
              label = paste(c("the archive was made", if (file.exists(files$failure)) readLines(files$failure)),
                            collapse = "\n"))
  expect_true(file.exists(files$archive))
  expect_false(file.exists(files$failure))
  expect_false(dir.exists(files$lock), label = "the maker removed its lock")
  expect_equal(readLines(files$java), rJava::.jcall("org/mixlogit/bridge/ClassSharingArchive", "S", "currentStamp"))

  fit_lines <- c(
    "d <- electricity_data(); d <- d[d$id <= 40, ]",
    "m <- mixlogit(choice ~ pf + cl + loc, d, group = 'chid', id = 'id', rpar = c(pf = 'n', cl = 'n'), R = 20,",
    "  threads = 2)",
    "cat('FIT', sprintf('%a', c(m$logLik, coef(m))), '\\n')")
  dir <- tempfile("child")
  on.exit(unlink(dir, recursive = TRUE), add = TRUE)
  classes_log <- file.path(dir, "classes.log")
  field <- child_session(c(
    sprintf("Sys.setenv(R_USER_CACHE_DIR = %s)", deparse(cache)),
    sprintf("options(mixlogit.class_sharing = TRUE, java.parameters = c('-Xmx512m', %s))",
            deparse(paste0("-Xlog:class+load=info:file=", classes_log))),
    "suppressPackageStartupMessages(library(mixlogit))",
    "cat('SHARING', length(mixlogit:::jvm_owner$class_sharing), '\\n')",
    "cat('INFO', rJava::.jcall('java/lang/System', 'S', 'getProperty', 'java.vm.info'), '\\n')",
    fit_lines,
    sprintf("cat('REFUSED', file.exists(%s), '\\n')", deparse(files$refused))), dir)
  expect_equal(field("SHARING"), "4")
  expect_match(field("INFO"), "sharing", fixed = TRUE)
  expect_equal(field("REFUSED"), "FALSE", label = "the child's first fit found its archive mapped")
  classes <- readLines(classes_log, warn = FALSE)
  shared <- function(class) any(grepl(paste0(" ", class, " source: shared objects file"), classes, fixed = TRUE))
  expect_true(shared("org.mixlogit.bridge.MixlogitBridge"))
  expect_true(shared("org.mixlogit.simulation.DrawLogitKernel"))
  expect_true(shared("com.fasterxml.jackson.core.JsonFactory"))
  here <- capture.output(eval(parse(text = fit_lines), envir = new.env()))
  expect_equal(field("FIT"), trimws(sub("^FIT ", "", grep("^FIT ", here, value = TRUE))))
})
