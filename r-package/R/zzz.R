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

.onLoad <- function(libname, pkgname) {
  rJava::.jpackage(pkgname, lib.loc = libname)
  jvm_owner$pid <- Sys.getpid()
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
