# Checks of post-estimation calls: the engine's version, new data, the options of the engine's post-estimation,
# and the fit object (a fit whose estimates were changed after estimation is refused).

# The engine jar in inst/java must belong to this version of the package (it is refreshed by every Maven build).
check_engine_version <- function() {
  check_not_forked()
  engine <- rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "S", "version")
  package <- as.character(utils::packageVersion("mixlogit"))
  if (!identical(engine, package)) {
    mixlogit_abort(paste0("The engine jar is version ", engine, " but the R package is ", package,
                          ": rebuild the engine (mvn package) and reinstall the package."),
                   c("mixlogit_engine_version_error", "mixlogit_engine_error"))
  }
}

# New data for predict(): a data frame with the group, id and heterogeneity columns, none missing.
# With labels = TRUE (post-estimation tables) also the alternative and market columns of the fit.
# A dfidx or mlogit.data object is unfolded first; messages name `newdata`.
check_newdata <- function(newdata, settings, labels = FALSE) {
  if (!is.data.frame(newdata)) {
    arg_error("`newdata` must be a data frame with the model's attributes and the group column.")
  }
  newdata <- as.data.frame(unfold_index(newdata, "newdata")$data)
  if (nrow(newdata) == 0L) {
    data_error("`newdata` has no rows.")
  }
  check_column(settings$group, "group", newdata, allow_null = FALSE, where = "newdata")
  if (!is.null(settings$id)) check_column(settings$id, "id", newdata, where = "newdata")
  if (labels) {
    check_column(settings$alt, "alt", newdata, where = "newdata")
    check_column(settings$market, "market", newdata, where = "newdata")
    check_missing(newdata, settings$group, where = "newdata")
    check_labels(newdata, settings$group, settings$alt, settings$market, where = "newdata")
  }
  characteristics <- unique(as.character(unlist(settings$heterogeneity)))
  for (column in characteristics) {
    check_column(column, "heterogeneity", newdata, allow_null = FALSE, where = "newdata")
  }
  for (column in setdiff(as.character(settings$membership), characteristics)) {
    check_column(column, "membership", newdata, allow_null = FALSE, where = "newdata")
  }
  characteristics <- unique(c(characteristics, as.character(settings$membership)))
  check_characteristic_types(newdata, characteristics, where = "newdata")
  check_missing(newdata, c(settings$group, settings$id, characteristics), where = "newdata")
  check_group_within_id(newdata, settings$group, settings$id, where = "newdata")
  newdata
}

# Post-estimation options as the engine's JSON: Krinsky-Robb draws, replicate draw sets, seed (NULL: the engine's).
post_options_json <- function(krinsky_robb, replicates, seed) {
  krinsky_robb <- check_count(krinsky_robb, "krinsky_robb", min = 0)
  replicates <- check_count(replicates, "replicates", min = 0)
  if (krinsky_robb == 1L) {
    arg_error("`krinsky_robb` is 1: use 0 (no Krinsky-Robb simulation) or at least 2 draws (say 500).")
  }
  if (replicates == 1L) {
    arg_error("`replicates` is 1: use 0 (no simulation error) or at least 2 independent draw sets.")
  }
  fields <- list(krinskyRobb = json_number(krinsky_robb), replicates = json_number(replicates))
  if (!is.null(seed)) {
    fields$seed <- json_number(check_seed(seed, allow_null = TRUE))
  }
  to_json(fields)
}

# An attribute of the model (a column of its model matrix), given as one string.
check_attribute <- function(x, name, object) {
  if (!is.character(x) || length(x) != 1L || is.na(x)) {
    arg_error("`", name, "` must name one attribute of the model (a string): ",
              paste(object$attributes, collapse = ", "), ".")
  }
  if (!x %in% object$attributes) {
    arg_error("`", name, "` is \"", x, "\", which is not an attribute of the model: ",
              paste(object$attributes, collapse = ", "), ".")
  }
  x
}

# Post-estimation needs the saved form of the fit and the estimation columns it holds (both survive saveRDS).
check_fit <- function(object) {
  if (inherits(object, "mixlogit_selection")) {
    arg_error("`object` is a model-selection result (classes ", paste(names(object$fits), collapse = ", "),
              "): give one of its fits, e.g. object$fits[[\"", object$best, "\"]], the one with the smallest BIC.")
  }
  if (!inherits(object, "mixlogit")) {
    arg_error("`object` must be a fit returned by mixlogit(), not ", class(object)[1L], ".")
  }
  if (!is.character(object$saved) || length(object$saved) != 1L || is.null(object$columns)) {
    arg_error("This fit holds no saved form (it was made by an older version of the package, or changed):",
              " refit it, e.g. with update().")
  }
  check_saved_estimates(object)
  object
}

# Post-estimation evaluates the estimates of the saved form, not `coefficients`: a fit whose coefficients were
# changed after estimation (fit$coefficients["pf"] <- 0, for a counterfactual) would be evaluated at its estimates
# all the same, so it is an error naming the changed parameters.
check_saved_estimates <- function(object) {
  saved <- tryCatch(jsonlite::fromJSON(object$saved, simplifyVector = TRUE)$coefficients$estimate,
                    error = function(e) NULL)
  b <- unname(as.numeric(object$coefficients))
  if (!is.numeric(saved) || length(saved) != length(b)) return(invisible(NULL))  # the engine judges the form
  changed <- which(!(abs(b - saved) <= 1e-12 * pmax(1, abs(saved))))
  if (length(changed) > 0L) {
    arg_error("The fit's coefficients differ from its estimates (", paste(names(object$coefficients)[changed],
              collapse = ", "), "), which post-estimation uses (they are kept in the fit's saved form): it would",
              " ignore the change. Restore the coefficients (or refit): post-estimation is at the estimates.")
  }
  invisible(NULL)
}

# Weights given as a vector (one per row of `data`) become the column "(weights)" of the data, as in model.frame();
# the checks on weights (positive, constant within decision-makers) are those of a weights column.
weights_name <- "(weights)"
