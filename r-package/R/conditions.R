# Classed conditions: every error the package raises inherits from "mixlogit_error".
#   mixlogit_argument_error  an argument is invalid (checked in R before any Java call)
#   mixlogit_data_error      the data are unusable (missing values, unknown columns, ...)
#   mixlogit_engine_error    the Java engine refused (subclasses mirror its exception types:
#                            mixlogit_engine_data_error, mixlogit_engine_spec_error,
#                            mixlogit_engine_numerical_error, and mixlogit_engine_failure for any
#                            other engine exception)

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
  tryCatch(expr, Exception = function(e) {
    jobj <- e$jobj
    message <- if (!is.null(jobj)) rJava::.jcall(jobj, "S", "getMessage") else conditionMessage(e)
    kind <- if (!is.null(jobj)) rJava::.jcall(rJava::.jcall(jobj, "Ljava/lang/Class;", "getClass"),
                                               "S", "getSimpleName") else ""
    sub <- switch(kind,
                  InvalidDataException = "mixlogit_engine_data_error",
                  InvalidSpecificationException = "mixlogit_engine_spec_error",
                  NumericalFailureException = "mixlogit_engine_numerical_error",
                  "mixlogit_engine_failure")
    mixlogit_abort(if (is.null(message)) kind else message, c(sub, "mixlogit_engine_error"))
  })
}
