# Class-data sharing for the engine's classes, as the command-line launcher has it (issue 18). A JVM that finds the
# engine's classes (and Jackson's and Commons Math's) in a class-data-sharing archive maps them instead of reading,
# parsing and verifying about 350 classes from the jars: a session's first Electricity fit (R = 500) took about
# 0.13 s less CPU and 0.08 s less time, which brought it level with the command line's same fit
# (docs/benchmarks.md, "Session 9"). The archive never changes a result.
#
# The archive is made once per set of jars and Java installation, in the background, after the first fit of a
# session that started Java without a usable one (org.mixlogit.bridge.ClassSharingArchive: a small training fit lists
# the classes it loads, then java -Xshare:dump archives them; niced on Unix), and used from the next session on. It
# lives in R's cache directory for the package, tools::R_user_dir("mixlogit", "cache"), about 16 MB, named by the
# package version and a checksum of the jars' paths, sizes and times (so that two libraries never share one); the
# three most recent are kept. Next to it: <archive>.java, the Java installation that made it (written by the maker
# after the archive); <archive>.log, why the last attempt failed (tried again after a day); <archive>.lock, the
# directory by which one session claims the making (its owner inside; stale after 25 minutes); <archive>.refused,
# the settings (java.parameters and Java's option variables) with which Java would not use it, e.g. a heap of 32 GB
# or more, without compressed pointers: it is then not given to Java with those settings, and not made again. Two
# Java installations used with one library take turns remaking it (the first fit after a switch makes it anew).
#
# Java uses such an archive only for the class path it was made for, so a session that uses it starts Java with the
# engine's jars on Java's own class path (-Djava.class.path: the jars, then rJava's boot directory, which rJava puts
# there itself), where rJava's class loader finds them first; an archive Java cannot use is ignored silently
# (-Xlog:cds=off) and the session runs as without it.
#
# Not used, and not made: with options(mixlogit.class_sharing = FALSE) before library(mixlogit); when
# java.parameters, JAVA_TOOL_OPTIONS or _JAVA_OPTIONS set -Xshare, -XX:SharedArchiveFile or -Djava.class.path; when
# another package started Java first; in R before 4.0 (no R_user_dir); while a package is installed or checked
# (R CMD INSTALL, R CMD check), unless the option is TRUE.

# Whether this session may use and make archives.
class_sharing_enabled <- function(option = getOption("mixlogit.class_sharing")) {
  if (isFALSE(option) || getRversion() < "4.0.0") return(FALSE)
  isTRUE(option) || !nzchar(paste0(Sys.getenv("_R_CHECK_PACKAGE_NAME_"), Sys.getenv("R_INSTALL_PKG")))
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

# What an archive is for: each jar with its size and time, and rJava's boot directory.
class_sharing_key <- function(jars, boot) {
  info <- file.info(jars)
  c(paste("jar", jars, info$size, format(as.numeric(info$mtime), digits = 15)), paste("boot", boot))
}

# The files of the archive for `key` in `dir` (by default the package's cache directory).
class_sharing_files <- function(key, dir = NULL) {
  if (is.null(dir)) dir <- getExportedValue("tools", "R_user_dir")("mixlogit", which = "cache")
  text <- tempfile("key")
  on.exit(unlink(text), add = TRUE)
  writeLines(key, text)
  name <- paste0("engine-", as.character(utils::packageVersion("mixlogit")), "-",
                 substr(unname(tools::md5sum(text)), 1L, 12L), ".jsa")
  archive <- file.path(dir, name)
  list(dir = dir, archive = archive, java = paste0(archive, ".java"), failure = paste0(archive, ".log"),
       lock = paste0(archive, ".lock"), refused = paste0(archive, ".refused"))
}

# Whether java.parameters or Java's own environment variables already decide class sharing or the class path.
user_sets_class_path <- function(parameters, environment = java_option_variables()) {
  any(grepl("(^|\\s)(-Xshare|-XX:SharedArchiveFile|-Djava\\.class\\.path=)", c(parameters, environment)))
}

# The Java parameters that make a starting JVM use the archive for these jars, or NULL when there is none (or it may
# not be used, or Java refused it with these `parameters`, the others Java gets).
class_sharing_parameters <- function(parameters, jars, boot = rjava_boot_path(), files = NULL,
                                     enabled = class_sharing_enabled()) {
  if (!enabled || is.null(boot) || length(jars) == 0L || user_sets_class_path(parameters)) return(NULL)
  if (is.null(files)) files <- class_sharing_files(class_sharing_key(jars, boot))
  if (!file.exists(files$archive) || !file.exists(files$java)) return(NULL)
  if (file.exists(files$refused) && java_settings(parameters) %in% readLines(files$refused, warn = FALSE)) {
    return(NULL)
  }
  c(paste0("-Djava.class.path=", paste(c(jars, boot), collapse = .Platform$path.sep)),
    paste0("-XX:SharedArchiveFile=", normalizePath(files$archive, winslash = "/", mustWork = FALSE)),
    "-Xshare:auto", "-Xlog:cds=off")
}

# The settings a JVM starts with, as one line of the refusal record: the parameters and Java's option variables.
java_settings <- function(parameters, environment = java_option_variables()) {
  paste(c(as.character(parameters), environment), collapse = "\t")
}

# The age of a file or directory in hours (Inf when it does not exist).
age_hours <- function(path) {
  if (!file.exists(path)) return(Inf)
  as.numeric(difftime(Sys.time(), file.info(path)$mtime, units = "hours"))
}

# After a fit in a session that started Java: makes the archive for these jars and this Java installation in the
# background when there is none (and no attempt failed in the last day or is under way), or records that Java
# refused the one it was given (`used`: the archive's parameters, when given; `parameters`: the others; the refusal
# is recorded for these and Java's option variables, one line per set of settings). `java`:
# this JVM's installation and version; `info`: its java.vm.info, which says "sharing" when it maps an archive.
# `spawn(executable, arguments, wait)` runs the maker. Returns whether it started one (`wait = TRUE`: made it).
refresh_class_sharing <- function(jars, parameters = NULL, used = NULL, boot = rjava_boot_path(), files = NULL,
                                  enabled = class_sharing_enabled(), java = NULL, info = NULL, spawn = spawn_maker,
                                  wait = FALSE) {
  if (!enabled || is.null(boot) || length(jars) == 0L || user_sets_class_path(parameters)) return(FALSE)
  if (is.null(files)) files <- class_sharing_files(class_sharing_key(jars, boot))
  if (is.null(java)) java <- rJava::.jcall("org/mixlogit/bridge/ClassSharingArchive", "S", "currentStamp")
  if (is.null(info)) info <- rJava::.jcall("java/lang/System", "S", "getProperty", "java.vm.info")
  current <- function() {
    file.exists(files$archive) && file.exists(files$java) && identical(readLines(files$java, warn = FALSE), java)
  }
  if (dir.exists(files$dir)) tidy_class_sharing(files)
  if (current()) {
    # made for these jars and this Java: when Java still would not map it, these settings are why
    if (!is.null(used) && !grepl("sharing", info, fixed = TRUE)) {
      settings <- java_settings(parameters)
      known <- if (file.exists(files$refused)) readLines(files$refused, warn = FALSE) else character(0)
      if (!settings %in% known) writeLines(c(known, settings), files$refused)
    }
    return(FALSE)
  }
  if (age_hours(files$failure) < 24) return(FALSE)
  # the making is claimed with a directory (dir.create fails when it exists); a claim older than the maker's
  # longest run (two JVMs of at most ten minutes each) is a stopped maker's
  if (dir.exists(files$lock)) {
    if (age_hours(files$lock) < 25 / 60) return(FALSE)
    unlink(files$lock, recursive = TRUE)
  }
  dir.create(files$dir, recursive = TRUE, showWarnings = FALSE)
  if (!dir.create(files$lock, showWarnings = FALSE)) return(FALSE)
  owner <- paste(Sys.getpid(), format(as.numeric(Sys.time()), digits = 17))
  writeLines(owner, file.path(files$lock, "owner"))
  if (current()) {
    # another session's maker finished in the meantime
    unlink(files$lock, recursive = TRUE)
    return(FALSE)
  }
  unlink(c(files$archive, files$java, files$failure, files$refused))
  executable <- rJava::.jcall("org/mixlogit/bridge/ClassSharingArchive", "S", "currentJava")
  arguments <- c(shQuote(paste0("-Dmixlogit.lock.owner=", owner)), "-cp",
                 shQuote(paste(jars, collapse = .Platform$path.sep)), "org.mixlogit.bridge.ClassSharingArchive",
                 shQuote(files$archive), shQuote(jars))
  # the maker's working directory is the cache directory, which outlives this session's
  owd <- tryCatch(setwd(files$dir), error = function(e) NULL)
  on.exit(if (!is.null(owd)) try(setwd(owd), silent = TRUE), add = TRUE)
  status <- spawn(executable, arguments, wait)
  !wait || identical(status, 0L)
}

# Runs the maker (niced where nice exists); its output goes nowhere (its failure is in <archive>.log).
spawn_maker <- function(executable, arguments, wait) {
  nice <- if (.Platform$OS.type == "unix") Sys.which("nice") else ""
  if (nzchar(nice)) {
    return(system2(nice, c("-n", "19", shQuote(executable), arguments), wait = wait, stdout = FALSE, stderr = FALSE))
  }
  system2(executable, arguments, wait = wait, stdout = FALSE, stderr = FALSE)
}

# Once per session, in the cache directory: the leftovers of makers that were stopped (temporary files and crash
# logs over an hour old) go, and so do all but the two most recent other archives, with their files.
tidy_class_sharing <- function(files) {
  leftovers <- paste0("^(engine-.*\\.[0-9]+\\.(tmp|classes)|engine-.*\\.java\\.[0-9]+|mixlogit-cds.*\\.log",
                      "|hs_err_pid.*\\.log)$")
  old <- list.files(files$dir, pattern = leftovers, full.names = TRUE)
  unlink(old[vapply(old, age_hours, 0) > 1])
  archives <- setdiff(list.files(files$dir, pattern = "^engine-.*\\.jsa$", full.names = TRUE), files$archive)
  archives <- archives[order(file.info(archives)$mtime, decreasing = TRUE)]
  for (archive in archives[-seq_len(min(2L, length(archives)))]) {
    unlink(paste0(archive, c("", ".java", ".log", ".refused")))
    unlink(paste0(archive, ".lock"), recursive = TRUE)
  }
}

# Once per session, after its first fit (so that the maker never competes with it): the archive's upkeep.
class_sharing_after_fit <- function() {
  if (!isTRUE(jvm_owner$started_here) || isTRUE(jvm_owner$class_sharing_checked)) return(invisible(FALSE))
  jvm_owner$class_sharing_checked <- TRUE
  invisible(tryCatch(suppressWarnings(refresh_class_sharing(jvm_owner$jars, parameters = jvm_owner$parameters,
                                                            used = jvm_owner$class_sharing)),
                     error = function(e) FALSE))
}
