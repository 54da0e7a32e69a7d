# The class-data-sharing archive of the engine's classes (class-sharing.R): when a session may use one, which Java
# parameters it adds, and that a session started with one loads the engine's classes from it and fits the same
# numbers to the last bit.

# A package version's archive files in a fresh directory, and a stamp for `jars` made as the maker writes it.
sharing_files <- function() mixlogit:::class_sharing_files(file.path(tempfile("cds"), "R", "mixlogit"))

test_that("the archive's parameters are added only for an archive made for these jars", {
  files <- sharing_files()
  dir.create(files$dir, recursive = TRUE)
  on.exit(unlink(dirname(dirname(files$dir)), recursive = TRUE), add = TRUE)
  jars <- file.path(files$dir, c("a.jar", "b.jar"))
  for (jar in jars) writeLines("x", jar)
  boot <- normalizePath(tempdir(), winslash = "/")
  p <- function(parameters = "-Xrs", enabled = TRUE, jar_list = jars) {
    mixlogit:::class_sharing_parameters(parameters, jar_list, boot = boot, files = files, enabled = enabled)
  }
  expect_null(p(), label = "no archive yet")
  writeLines(c(mixlogit:::class_sharing_key(jars, boot), "java /jdk 17"), files$stamp)
  expect_null(p(), label = "a stamp but no archive")
  writeLines("archive", files$archive)
  expect_equal(p(), c(
    paste0("-Djava.class.path=", paste(c(jars, boot), collapse = .Platform$path.sep)),
    paste0("-XX:SharedArchiveFile=", normalizePath(files$archive, winslash = "/")), "-Xshare:auto",
    "-Xlog:cds=off"))
  # the user's own class-sharing or class-path options win; so does the option mixlogit.class_sharing = FALSE
  expect_null(p(c("-Xrs", "-Xshare:off")))
  expect_null(p(c("-XX:SharedArchiveFile=/x.jsa", "-Xrs")))
  expect_null(p("-Djava.class.path=/x.jar"))
  expect_null(p(enabled = FALSE))
  # other jars (another build, or one jar more) or another rJava: the archive is not for them
  expect_null(p(jar_list = jars[1]))
  Sys.setFileTime(jars[2], Sys.time() - 3600)
  expect_null(p())
  expect_null(mixlogit:::class_sharing_parameters("-Xrs", jars, boot = NULL, files = files, enabled = TRUE))
})

test_that("archives are used and made unless switched off, and not during R CMD check unless asked for", {
  expect_false(mixlogit:::class_sharing_enabled(FALSE))
  expect_true(mixlogit:::class_sharing_enabled(TRUE))
  checking <- Sys.getenv("_R_CHECK_PACKAGE_NAME_", unset = NA)
  on.exit(if (is.na(checking)) Sys.unsetenv("_R_CHECK_PACKAGE_NAME_") else
    Sys.setenv(`_R_CHECK_PACKAGE_NAME_` = checking), add = TRUE)
  Sys.setenv(`_R_CHECK_PACKAGE_NAME_` = "mixlogit")
  expect_false(mixlogit:::class_sharing_enabled(NULL))
  expect_true(mixlogit:::class_sharing_enabled(TRUE))
  Sys.unsetenv("_R_CHECK_PACKAGE_NAME_")
  expect_true(mixlogit:::class_sharing_enabled(NULL))
})

# A real archive, made by the engine with this session's Java (waiting for it), then a child session that finds it
# in its cache directory (R_USER_CACHE_DIR): Java says it shares classes, the engine's classes come from the
# archive, and a fit gives the same log-likelihood and estimates, to the last bit, as this session's.
test_that("a session started with the archive loads the engine from it and fits the same numbers", {
  skip_on_cran()
  boot <- mixlogit:::rjava_boot_path()
  skip_if(is.null(boot), "rJava's boot directory is not where the package expects it")
  cache <- tempfile("cache")
  on.exit(unlink(cache, recursive = TRUE), add = TRUE)
  files <- mixlogit:::class_sharing_files(file.path(cache, "R", "mixlogit"))
  jars <- mixlogit:::engine_jars(system.file("java", package = "mixlogit"))
  expect_true(mixlogit:::refresh_class_sharing(jars, files = files, enabled = TRUE, wait = TRUE),
              label = paste(c("the archive was made", if (file.exists(files$failure)) readLines(files$failure)),
                            collapse = "\n"))
  expect_true(file.exists(files$archive))
  expect_false(file.exists(files$failure))
  java <- paste(rJava::.jcall("java/lang/System", "S", "getProperty", "java.home"),
                rJava::.jcall("java/lang/System", "S", "getProperty", "java.vm.version"))
  expect_equal(readLines(files$stamp), mixlogit:::class_sharing_key(jars, boot, java))
  # made for these jars and this Java (and, with its parameters, mapped by Java): not made again
  expect_false(mixlogit:::refresh_class_sharing(jars, files = files, enabled = TRUE))
  skip_if_not(grepl("sharing", rJava::.jcall("java/lang/System", "S", "getProperty", "java.vm.info"), fixed = TRUE),
              "this session's Java runs without class-data sharing")
  expect_false(mixlogit:::refresh_class_sharing(jars, files = files, enabled = TRUE, used = "-Xshare:auto"))
  expect_false(file.exists(files$started))

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
    fit_lines), dir)
  expect_equal(field("SHARING"), "4")
  expect_match(field("INFO"), "sharing", fixed = TRUE)
  classes <- readLines(classes_log, warn = FALSE)
  shared <- function(class) any(grepl(paste0(" ", class, " source: shared objects file"), classes, fixed = TRUE))
  expect_true(shared("org.mixlogit.bridge.MixlogitBridge"))
  expect_true(shared("org.mixlogit.simulation.DrawLogitKernel"))
  expect_true(shared("com.fasterxml.jackson.core.JsonFactory"))
  here <- capture.output(eval(parse(text = fit_lines), envir = new.env()))
  expect_equal(field("FIT"), trimws(sub("^FIT ", "", grep("^FIT ", here, value = TRUE))))
})
