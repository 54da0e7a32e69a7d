# predict(): probabilities as mlogit and logitr users expect them. format = "matrix" (the default without
# standard errors, like mlogit's predict) gives situations x alternatives; "data.frame" a keyed table (`group`,
# `alt`, `probability`, and with se = TRUE `std_error`, `lower`, `upper`, as logitr's predict); "vector" the
# probabilities in the rows' order (what fitted(type = "all") gives).

predict.mixlogit <- function(object, newdata = NULL, type = c("prob", "share", "conditional"), format = NULL,
                             se = FALSE, level = object$level, krinsky_robb = 0, replicates = 0, seed = NULL, ...) {
  check_dots("predict", ...)
  if (is.data.frame(newdata)) {
    newdata <- as.data.frame(unfold_index(newdata, "newdata")$data)  # a dfidx's group and alt key the result
  }
  type <- check_choice(type, "type", c("prob", "share", "conditional"))
  if (type == "share") {
    if (!missing(se) || !missing(format) || !missing(level)) {
      arg_error("predict(type = \"share\") gives the table of shares(), with standard errors and intervals at",
                " the fit's level: `se`, `format` and `level` are for probabilities.")
    }
    return(shares(object, newdata = newdata, krinsky_robb = krinsky_robb,
                  replicates = if (missing(replicates)) 5 else replicates, seed = seed))
  }
  check_flag(se, "se")
  format <- check_choice(if (is.null(format)) if (se) "data.frame" else "matrix" else format, "format",
                         c("matrix", "data.frame", "vector"))
  if (se && format != "data.frame") {
    arg_error("Standard errors come as columns of a data frame: use format = \"data.frame\" (the default with",
              " se = TRUE).")
  }
  if (se && type == "conditional") {
    arg_error("Standard errors are available for type = \"prob\" (unconditional probabilities), not for",
              " conditional ones.")
  }
  check_level(level)
  if (se) {
    table <- probability_table(object, newdata, post_options_json(krinsky_robb, replicates, seed), level)
    p <- table$probability
  } else {
    p <- if (type == "conditional") conditional_probabilities(object, newdata) else
      unconditional_probabilities(object, newdata)
    table <- NULL
  }
  keys <- prediction_keys(object, newdata)
  out <- switch(format,
    vector = p,
    matrix = probability_matrix(p, keys),
    data.frame = cbind(data.frame(group = keys$group, alt = keys$alt, stringsAsFactors = FALSE),
                       if (is.null(table)) data.frame(probability = p) else table))
  if (!is.null(attr(p, "fit_warning"))) attr(out, "fit_warning") <- attr(p, "fit_warning")
  out
}

check_level <- function(level) {
  if (!is.numeric(level) || length(level) != 1L || is.na(level) || !(level > 0 && level < 1)) {
    arg_error("`level` must be one number strictly between 0 and 1 (say 0.95), not ", deparse(level)[1L], ".")
  }
  level
}

# Unconditional probabilities in the rows' order (of the estimation data, or of newdata).
unconditional_probabilities <- function(object, newdata) {
  if (is.null(newdata)) {
    warn_unconverged(object)
    return(fitted_probabilities(object))
  }
  post <- post_object(object, newdata, labels = FALSE)
  flag_fit(with_engine(rJava::.jcall(post, "[D", "probabilities")), post)
}

# The integrated probabilities of the estimation data's rows (their order), computed when first asked for by
# fitted(), residuals() or predict() without newdata rather than by every fit: they cost one more simulation pass
# of a kernel the estimation did not use, about a tenth of a small fit's time, which most fits never need. The
# engine rebuilds the fit from its saved form (as all post-estimation does), so this works after saveRDS too; a fit
# made by an earlier version holds them already. The fit's doubts were reported when it was made (and predict()
# repeats them), so the rebuild's warning is not repeated here.
fitted_probabilities <- function(object) {
  if (!is.null(object$probabilities)) return(object$probabilities)
  post <- withCallingHandlers(post_object(object),
                              mixlogit_fit_warning = function(w) invokeRestart("muffleWarning"))
  with_engine(rJava::.jcall(post, "[D", "probabilities"))
}

# Probabilities conditional on each decision-maker's observed choices in the estimation data.
conditional_probabilities <- function(object, newdata) {
  post <- post_object(check_fit(object))
  if (is.null(newdata)) {
    return(flag_fit(with_engine(rJava::.jcall(post, "[D", "conditionalProbabilities")), post))
  }
  x <- newdata_columns(object, newdata, labels = FALSE)
  newdata <- unfold_index(newdata)$data
  key <- if (is.null(object$settings$id)) object$settings$group else object$settings$id
  lookup <- object$decision_makers
  codes <- lookup$codes[match(newdata[[key]], lookup$values)]
  if (anyNA(codes)) {
    unknown <- unique(newdata[[key]][is.na(codes)])
    data_error("predict(type = \"conditional\") needs decision-makers of the estimation data; `", key, "` ",
               paste(utils::head(unknown, 5), collapse = ", "), if (length(unknown) > 5) ", ..." else "",
               " in `newdata` has no observed choices to condition on. Use type = \"prob\" for them.")
  }
  flag_fit(with_engine(rJava::.jcall(post, "[D", "conditionalProbabilitiesOn", x$situation,
                                     rJava::.jarray(as.integer(codes)), x$attribute_names, x$attributes,
                                     x$characteristic_names, x$characteristics)), post)
}

# Probabilities with their delta-method standard errors (the engine differentiates them with the estimation's
# nodes held fixed), an interval at `level`, and Krinsky-Robb and simulation errors when asked for.
probability_table <- function(object, newdata, options, level) {
  post <- post_object(object, newdata, options, labels = FALSE)
  table <- with_engine(rJava::.jcall(post, "Lorg/mixlogit/bridge/BridgeTable;", "probabilityTable"))
  get_d <- function(method) {
    v <- rJava::.jcall(table, "[D", method)
    v[is.nan(v)] <- NA_real_
    v
  }
  p <- get_d("estimates")
  s <- get_d("standardErrors")
  z <- stats::qnorm(1 - (1 - level) / 2)
  out <- data.frame(probability = p, std_error = s, lower = pmax(0, p - z * s), upper = pmin(1, p + z * s))
  kr <- get_d("krinskyRobbSd")
  if (!all(is.na(kr))) {
    out$kr_sd <- kr
    out$kr_lower <- get_d("krinskyRobbLower")
    out$kr_upper <- get_d("krinskyRobbUpper")
  }
  sim <- get_d("simulationErrors")
  if (!all(is.na(sim))) out$sim_error <- sim
  flag_fit(out, post)
}

# The situation and alternative of every row: the group column, and the alt column when the model has one
# (otherwise the row's position within its situation).
prediction_keys <- function(object, newdata) {
  s <- object$settings
  if (!is.null(newdata)) newdata <- unfold_index(newdata)$data
  group <- if (is.null(newdata)) object$situation else newdata[[s$group]]
  alt <- if (!is.null(s$alt) && (is.null(newdata) || !is.null(newdata[[s$alt]]))) {
    if (is.null(newdata)) object$alternatives else label_strings(newdata[[s$alt]])
  } else {
    as.character(stats::ave(seq_along(group), match(group, unique(group)), FUN = seq_along))
  }
  list(group = group, alt = as.character(alt))
}

# Situations (in order of first appearance) x alternatives; NA where a situation lacks the alternative.
probability_matrix <- function(p, keys) {
  situations <- unique(keys$group)
  alternatives <- label_order(keys$alt)
  out <- matrix(NA_real_, length(situations), length(alternatives),
                dimnames = list(as.character(situations), alternatives))
  out[cbind(match(keys$group, situations), match(keys$alt, alternatives))] <- as.numeric(p)
  out
}
