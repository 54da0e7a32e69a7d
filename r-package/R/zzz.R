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
# options(mixlogit.vector = TRUE) before library(mixlogit) (Java 17 or later) also gives the JVM the incubating
# jdk.incubator.vector module, with which the engine runs its Vector API kernel for continuous attributes in
# evaluations of at least 250,000,000 rows x draws (or of any size with -Dmixlogit.vector=true in
# java.parameters): about 15% less CPU per evaluation there, the same numbers to the last bit; the command-line
# launcher adds the module for all but small data. It is not the default: Java 11 refuses to start with a module
# it does not have, and the JVM prints a one-line notice on the standard error that an incubating module is in use.
.onLoad <- function(libname, pkgname) {
  rJava::.jpackage(pkgname, lib.loc = libname, parameters = jvm_parameters(getOption("java.parameters"),
    vector = isTRUE(getOption("mixlogit.vector"))))
  jvm_owner$pid <- Sys.getpid()
}

jvm_parameters <- function(parameters, vector = FALSE) {
  parameters <- as.character(parameters)
  if (!"-Xrs" %in% parameters) parameters <- c(parameters, "-Xrs")
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
