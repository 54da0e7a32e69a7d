# Loading the package starts the Java virtual machine (rJava::.jpackage) and records which process owns it.
#
# A JVM belongs to the process that started it. A forked child (parallel::mclapply, parallel::mcparallel, a
# "multicore" future) copies the parent's memory but none of the JVM's threads (its garbage collector, compiler and
# the engine's worker threads), so an estimation in the child waits forever for threads that do not exist.
# check_not_forked() therefore refuses every engine call from a process other than the one that loaded the
# package, with a classed error that says what to use instead. It is called where R enters the engine, before any
# Java object is made: with_engine() (conditions.R), check_engine_version() (validate.R) and post_object()
# (postestimation.R). A fit is plain R data, so its R-only methods (coef, vcov, logLik, ...) work in any process.
# Not detected: a JVM that another package started before the fork, with mixlogit loaded only in the child.

jvm_owner <- new.env(parent = emptyenv())

# Java starts with -Xrs (reduced signal use) so that the JVM installs no handler for SIGINT: Ctrl-C stays R's, and
# interrupts a fit (fitting.R) instead of shutting Java down and ending the R session. rJava adds -Xrs itself unless
# it was built with --disable-Xrs; it is added here when the user's java.parameters do not have it. Parameters
# only matter when this call starts the JVM (not when another package started it first).
#
# Two settings of Java's JIT compiler, as the command-line launcher gives them (its comments and docs/benchmarks.md,
# "Session 8", have the measurements): -XX:Tier4BackEdgeThreshold=5000000, so that C2 compiles the engine's loops
# over draws once rather than first on-stack and then again, and -XX:InlineSmallCode=500, so that it does not
# compile them again inside every method that calls them. Each is added unless the user's java.parameters set it;
# neither when the JVM gets the Vector API module (below, or in java.parameters), whose kernel needs Java's defaults,
# nor on a processor where Java has no C2 compiler build to take them (only x86-64 and aarch64 are assumed to).
# A fit's first run (Electricity, R = 500) took 3.0-3.5 s of CPU and 1.7-1.9 s without them, 1.9-2.2 s and
# 1.0-1.3 s with them; the same numbers. They change only when Java's JIT compiles and how much it inlines, for
# every package in this JVM: on-stack compilation by C2 comes later (C1's is unchanged), inlining of methods
# already compiled large stops sooner.
#
# The parallel garbage collector (-XX:+UseParallelGC) unless the user's java.parameters choose a collector. Java's
# default on a machine of two or more cores is G1, whose concurrent work an estimation never needs: it allocates its
# large arrays once and little afterwards. Measured (docs/benchmarks.md, "Session 9"): a fit's first run
# (Electricity, R = 500) took 0.08 s less CPU than with G1 (ten alternating rounds), and the synthetic panel of
# N = 100,000 (5 million rows) 33.4 s and 1.39 GB peak instead of 35.8 s and 1.73 GB. The serial collector, which
# the command-line launcher gives small data, would stop a large fit for seconds at a full collection; the
# parallel one collects with every core. Not with the Vector API module (below): the garbage of its kernel's warm-up
# grew the parallel collector's heap (N = 100,000 from the command line: 2.6 GB peak against G1's 1.5-2.1 GB). The
# same numbers either way.
#
# options(mixlogit.vector = TRUE) before library(mixlogit) (Java 17 or later) also gives the JVM the incubating
# jdk.incubator.vector module, with which the engine runs its Vector API kernel for continuous attributes in
# evaluations of at least 250,000,000 rows x draws (or of any size with -Dmixlogit.vector=true in
# java.parameters): about 15% less CPU per evaluation there, the same numbers to the last bit; the command-line
# launcher adds the module for all but small data. It is not the default: Java 11 refuses to start with a module
# it does not have, and the JVM prints a one-line notice on the standard error that an incubating module is in use.
.onLoad <- function(libname, pkgname) {
  # whether this call starts Java (and so gives it these parameters) or finds it started by another package
  jvm_owner$started_here <- !isTRUE(rJava::.jniInitialized)
  parameters <- jvm_parameters(getOption("java.parameters"), vector = vector_option(getOption("mixlogit.vector")))
  # the class-data-sharing archive of the engine's classes, when an earlier session made one (class-sharing.R; a
  # session's first fit makes or mends it, class_sharing_after_fit())
  jars <- engine_jars(file.path(libname, pkgname, "java"))
  sharing <- if (jvm_owner$started_here) {
    tryCatch(suppressWarnings(class_sharing_parameters(parameters, jars)), error = function(e) NULL)
  }
  rJava::.jpackage(pkgname, lib.loc = libname, parameters = c(parameters, sharing))
  jvm_owner$pid <- Sys.getpid()
  jvm_owner$jars <- jars
  jvm_owner$parameters <- parameters
  jvm_owner$class_sharing <- sharing
}

# The option mixlogit.vector as TRUE or FALSE: unset is FALSE; any other value than a single TRUE or FALSE is
# ignored (FALSE) with a warning that names the option and says what to give instead.
vector_option <- function(value) {
  if (is.null(value)) return(FALSE)
  if (is.logical(value) && length(value) == 1L && !is.na(value)) return(value)
  shown <- paste(utils::capture.output(utils::str(value, give.head = FALSE)), collapse = " ")
  warning(structure(class = c("mixlogit_option_warning", "warning", "condition"), list(message = paste0(
    "options(mixlogit.vector = ) must be TRUE or FALSE; got ", trimws(shown), ", so Java starts without the Vector",
    " API module. Set options(mixlogit.vector = TRUE) before library(mixlogit) in a new R session to use it."),
    call = NULL)))
  FALSE
}

# Java's own option variables, which every JVM that this process starts reads (JNI_CreateJavaVM included).
java_option_variables <- function() Sys.getenv(c("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"))

# `environment`: Java's own option variables, which every JVM of this process reads too (a second collector there
# would stop Java from starting: "Multiple garbage collectors selected").
jvm_parameters <- function(parameters, vector = FALSE, arch = R.version$arch,
                           environment = java_option_variables()) {
  parameters <- as.character(parameters)
  if (!"-Xrs" %in% parameters) parameters <- c(parameters, "-Xrs")
  # the JIT settings: not with the Vector API module, asked for here, in the user's parameters or in Java's
  # environment, and only where Java's builds have C2 (a JVM without it would refuse to start with InlineSmallCode)
  module_wanted <- vector || any(grepl("jdk.incubator.vector", c(parameters, environment), fixed = TRUE))
  jit <- !module_wanted && arch %in% c("x86_64", "aarch64")
  if (jit && !any(grepl("BackEdgeThreshold|OnStackReplacement", parameters))) {
    parameters <- c(parameters, "-XX:Tier4BackEdgeThreshold=5000000")
  }
  if (jit && !any(grepl("InlineSmallCode", parameters, fixed = TRUE))) {
    parameters <- c(parameters, "-XX:InlineSmallCode=500")
  }
  if (!module_wanted && !any(grepl("(^|\\s)-XX:[+-]Use[A-Za-z0-9]*GC(\\s|$)", c(parameters, environment)))) {
    parameters <- c(parameters, "-XX:+UseParallelGC")
  }
  module <- "--add-modules=jdk.incubator.vector"
  if (vector && !module %in% parameters) parameters <- c(parameters, module)
  parameters
}

check_not_forked <- function() {
  if (!identical(jvm_owner$pid, Sys.getpid())) {
    mixlogit_abort(paste0(
      "mixlogit cannot run in a forked R process (parallel::mclapply, mcparallel or a multicore future): the Java",
      " engine belongs to process ", jvm_owner$pid, ", and its threads do not exist in this fork (process ",
      Sys.getpid(), "), so the call would never return. Use a PSOCK cluster, whose workers are separate R",
      " sessions with their own Java: cl <- parallel::makeCluster(2); parallel::clusterEvalQ(cl, library(mixlogit));",
      " parallel::parLapply(cl, ...); parallel::stopCluster(cl)."), "mixlogit_fork_error")
  }
}
