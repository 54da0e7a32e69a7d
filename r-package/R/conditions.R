# Classed conditions: every error the package raises inherits from "mixlogit_error".
#   mixlogit_argument_error  an argument is invalid (checked in R before any Java call)
#   mixlogit_data_error      the data are unusable (missing values, unknown columns, ...)
#   mixlogit_engine_error    the Java engine refused (subclasses mirror its exception types:
#                            mixlogit_engine_data_error, mixlogit_engine_spec_error,
#                            mixlogit_engine_numerical_error, and mixlogit_engine_failure for any
#                            other engine exception)
#   mixlogit_resource_error  not enough memory, or an integration grid above its cap: the engine's
#                            ResourceLimitException (refused before allocating) or a Java OutOfMemoryError;
#                            the message says what to change (fewer draws, a larger Java heap)
#   mixlogit_internal_error  an exception that is not the engine's own (a bug in mixlogit); also a
#                            mixlogit_engine_failure

mixlogit_abort <- function(message, class, call = NULL) {
  cond <- structure(
    class = c(class, "mixlogit_error", "error", "condition"),
    list(message = message, call = call)
  )
  stop(cond)
}

arg_error <- function(...) {
  mixlogit_abort(paste0(...), "mixlogit_argument_error")
}

data_error <- function(...) {
  mixlogit_abort(paste0(...), "mixlogit_data_error")
}

# Runs a Java call and turns an engine exception into a classed R condition with its clean message.
with_engine <- function(expr) {
  check_not_forked()
  tryCatch(expr, Exception = function(e) {
    jobj <- e$jobj
    if (inherits(e, "OutOfMemoryError")) {
      mixlogit_abort(out_of_memory_message(), c("mixlogit_resource_error", "mixlogit_engine_error"))
    }
    message <- tryCatch(if (!is.null(jobj)) rJava::.jcall(jobj, "S", "getMessage") else conditionMessage(e),
                        error = function(x) conditionMessage(e))
    kind <- class(e)[1]
    if (inherits(e, "ResourceLimitException")) {
      mixlogit_abort(message, c("mixlogit_resource_error", "mixlogit_engine_error"))
    }
    if (!inherits(e, "MixlogitException")) {
      mixlogit_abort(paste0("Internal error in the engine (", kind, if (!is.null(message)) paste0(": ", message),
                            "). This is a bug in mixlogit, not in your data: please report it with the call."),
                     c("mixlogit_internal_error", "mixlogit_engine_failure", "mixlogit_engine_error"))
    }
    sub <- switch(kind,
                  InvalidDataException = "mixlogit_engine_data_error",
                  InvalidSpecificationException = "mixlogit_engine_spec_error",
                  NumericalFailureException = "mixlogit_engine_numerical_error",
                  "mixlogit_engine_failure")
    mixlogit_abort(if (is.null(message)) kind else message, c(sub, "mixlogit_engine_error"))
  })
}

# What to do when Java's heap is full: the heap's size and how to give Java more.
out_of_memory_message <- function() {
  heap <- tryCatch(rJava::.jcall(rJava::.jcall("java/lang/Runtime", "Ljava/lang/Runtime;", "getRuntime"), "J",
                                 "maxMemory") / 2^20, error = function(e) NA)
  paste0("Out of memory: the Java heap", if (!is.na(heap)) sprintf(" (at most %.0f MiB)", heap), " is full. Use",
         " fewer draws (R), points or a lower level, or fewer threads; or give Java a larger heap:",
         " options(java.parameters = \"-Xmx8g\") before library(mixlogit), in a new R session.")
}
