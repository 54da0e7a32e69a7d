# Class-data sharing for the engine's classes, as the command-line launcher has it (issue 18). A JVM that finds the
# engine's classes (and Jackson's and Commons Math's) in a class-data-sharing archive maps them instead of reading,
# parsing and verifying about 350 classes from the jars: a session's first Electricity fit (R = 500) took about
# 0.13 s less CPU and 0.08 s less time, which brought it level with the command line's same fit
# (docs/benchmarks.md, "Session 9"). The archive never changes a result.
#
# The archive is made once per package version and Java installation, in the background, by the first session
# that starts Java without a usable one (org.mixlogit.bridge.ClassSharingArchive: a small training fit lists the
# classes it loads, then java -Xshare:dump archives them; with nice on Unix), and used from the next session on. It
# lives in R's cache directory for the package, tools::R_user_dir("mixlogit", "cache") (about 20 MB; archives of
# other package versions are removed there when a new one is made). Java uses such an archive only for the class
# path it was made for, so a session that uses it starts Java with the engine's jars on Java's own class path
# (-Djava.class.path: the jars, then rJava's boot directory, which rJava puts there itself), where rJava's class
# loader finds them first; a Java installation that cannot use the archive ignores it silently (-Xlog:cds=off).
#
# Not used, and not made: with options(mixlogit.class_sharing = FALSE) before library(mixlogit); when the user's
# java.parameters set -Xshare, -XX:SharedArchiveFile or -Djava.class.path; when another package started Java
# first; in R before 4.0 (no R_user_dir); during R CMD check (unless the option is TRUE).

# The files of this package version's archive in `dir` (by default the package's cache directory).
class_sharing_files <- function(dir = NULL) {
  if (is.null(dir)) dir <- tools::R_user_dir("mixlogit", which = "cache")
  name <- paste0("engine-", as.character(utils::packageVersion("mixlogit")))
  list(dir = dir, archive = file.path(dir, paste0(name, ".jsa")), stamp = file.path(dir, paste0(name, ".stamp")),
       failure = file.path(dir, paste0(name, ".log")), started = file.path(dir, paste0(name, ".making")))
}

# Whether this session may use and make archives.
class_sharing_enabled <- function(option = getOption("mixlogit.class_sharing")) {
  if (isFALSE(option) || getRversion() < "4.0.0") return(FALSE)
  isTRUE(option) || !nzchar(Sys.getenv("_R_CHECK_PACKAGE_NAME_"))
}

# The engine's jars in `dir`, in the order of the archive's class path (by name).
engine_jars <- function(dir) {
  sort(normalizePath(list.files(dir, pattern = "\\.jar$", full.names = TRUE), winslash = "/", mustWork = FALSE))
}

# rJava's boot directory, which rJava gives Java as its class path (it holds RJavaClassLoader); NULL when it is
# not where this package expects it, so that the class path is never changed without it.
rjava_boot_path <- function() {
  boot <- file.path(system.file(package = "rJava"), "java", "boot")
  if (!file.exists(file.path(boot, "RJavaClassLoader.class"))) return(NULL)
  normalizePath(boot, winslash = "/", mustWork = FALSE)
}

# What an archive is for, as the lines of its stamp: each jar with its size and time, rJava's boot directory, and
# (`java`, after Java started) the Java installation and its version.
class_sharing_key <- function(jars, boot, java = NULL) {
  info <- file.info(jars)
  c(paste("jar", jars, info$size, format(as.numeric(info$mtime), digits = 15)), paste("boot", boot),
    if (!is.null(java)) paste("java", java))
}

# The Java parameters that make a starting JVM use this package version's archive, or NULL when there is none for
# these jars (or it may not be used). `parameters` are the ones Java gets otherwise.
class_sharing_parameters <- function(parameters, jars, boot = rjava_boot_path(), files = class_sharing_files(),
                                     enabled = class_sharing_enabled()) {
  if (!enabled || is.null(boot) || length(jars) == 0L ||
      any(grepl("^-Xshare|SharedArchiveFile|^-Djava\\.class\\.path=", parameters))) {
    return(NULL)
  }
  if (!file.exists(files$archive) || !file.exists(files$stamp)) return(NULL)
  stamp <- readLines(files$stamp, warn = FALSE)
  key <- class_sharing_key(jars, boot)
  if (!identical(stamp[seq_along(key)], key)) return(NULL)
  c(paste0("-Djava.class.path=", paste(c(jars, boot), collapse = .Platform$path.sep)),
    paste0("-XX:SharedArchiveFile=", normalizePath(files$archive, winslash = "/")), "-Xshare:auto", "-Xlog:cds=off")
}

# After Java started in this session: when there is no archive for these jars and this Java installation (and no
# attempt failed in the last day or is under way), or Java refused the one it was given (`used`: the parameters it got; it then
# runs without class sharing), one is made in the background for the next sessions. Returns whether it started
# one (`wait = TRUE`: made it, waiting; for tests).
refresh_class_sharing <- function(jars, boot = rjava_boot_path(), files = class_sharing_files(),
                                  enabled = class_sharing_enabled(), used = NULL, wait = FALSE) {
  if (!enabled || is.null(boot) || length(jars) == 0L) return(FALSE)
  system_property <- function(name) rJava::.jcall("java/lang/System", "S", "getProperty", name)
  java <- c(system_property("java.home"), system_property("java.vm.version"))
  key <- class_sharing_key(jars, boot, paste(java, collapse = " "))
  stamp <- if (file.exists(files$stamp)) readLines(files$stamp, warn = FALSE) else character(0)
  refused <- !is.null(used) && !grepl("sharing", system_property("java.vm.info"), fixed = TRUE)
  current <- identical(stamp, key) && !refused
  # a failed attempt is tried again after a day (it may have been stopped from outside)
  failed <- file.exists(files$failure) &&
    difftime(Sys.time(), file.info(files$failure)$mtime, units = "hours") < 24
  if (current && (file.exists(files$archive) || failed)) {
    unlink(files$started)
    return(FALSE)
  }
  if (current && file.exists(files$started) &&
      difftime(Sys.time(), file.info(files$started)$mtime, units = "mins") < 10) {
    return(FALSE)
  }
  made <- tryCatch({
    dir.create(files$dir, recursive = TRUE, showWarnings = FALSE)
    old <- list.files(files$dir, pattern = "^engine-.*\\.(jsa|stamp|log|making)$", full.names = TRUE)
    unlink(old)
    writeLines(key, files$stamp)
    writeLines(format(Sys.time()), files$started)
    executable <- rJava::.jcall("org/mixlogit/bridge/ClassSharingArchive", "S", "currentJava")
    arguments <- c("-cp", shQuote(paste(jars, collapse = .Platform$path.sep)),
                   "org.mixlogit.bridge.ClassSharingArchive", shQuote(files$archive), shQuote(files$failure),
                   shQuote(jars))
    # the maker's working directory is the cache directory, which outlives this session's
    owd <- tryCatch(setwd(files$dir), error = function(e) NULL)
    on.exit(if (!is.null(owd)) try(setwd(owd), silent = TRUE), add = TRUE)
    nice <- if (.Platform$OS.type == "unix") Sys.which("nice") else ""
    if (nzchar(nice)) {
      status <- system2(nice, c("-n", "19", shQuote(executable), arguments), wait = wait, stdout = FALSE,
                        stderr = FALSE)
    } else {
      status <- system2(executable, arguments, wait = wait, stdout = FALSE, stderr = FALSE)
    }
    !wait || identical(status, 0L)
  }, error = function(e) FALSE)
  isTRUE(made)
}
