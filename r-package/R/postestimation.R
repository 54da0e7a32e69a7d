# Post-estimation economics: shares, elasticities, diversion, conditional coefficients and willingness to pay,
# computed by the engine on the estimation data or on new data (BridgePost) and returned as R data frames.

post_class <- "Lorg/mixlogit/bridge/BridgePost;"

# The engine's post-estimation object, rebuilt from the fit's saved form (a character string) and the estimation
# data the fit holds (newdata NULL; the engine checks them against the saved fingerprint) or new data (not checked;
# labels FALSE for data without alternative and market columns). It lives for one call: the fit keeps no engine
# object, so it survives saveRDS/readRDS. After a fit that did not converge or is not certified it warns.
post_object <- function(object, newdata = NULL, options = "{}", labels = TRUE) {
  check_not_forked()
  check_fit(object)
  if (is.null(newdata)) {
    x <- lapply(object$columns, rJava::.jarray)
    chosen <- x$chosen
    weights <- x$weights
  } else {
    x <- newdata_columns(object, newdata, labels = labels)
    if (!labels) {
      x$alternatives <- rJava::.jarray(character(0))
      x$markets <- rJava::.jarray(character(0))
    }
    chosen <- rJava::.jarray(numeric(0))
    weights <- rJava::.jarray(numeric(0))
  }
  post <- with_engine(rJava::.jcall(
    "org/mixlogit/bridge/MixlogitBridge", post_class, "postSaved", object$saved, x$situation, x$decision_maker,
    chosen, x$attribute_names, x$attributes, x$characteristic_names, x$characteristics, weights, x$alternatives,
    x$markets, is.null(newdata), as.integer(object$threads), options))
  doubt <- rJava::.jcall(post, "S", "fitWarning")
  if (nzchar(doubt)) {
    warning(structure(class = c(if (isFALSE(object$converged)) "mixlogit_convergence_warning",
                                "mixlogit_fit_warning", "warning", "condition"),
                      list(message = paste0("mixlogit: ", doubt, "."), call = NULL)))
  }
  post
}

# A post-estimation table (BridgePost.start: shares, elasticities, removalDiversion, marginalDiversion,
# wtpInference) computed in the engine's own thread and polled, so that Ctrl-C returns at once (a table with
# Krinsky-Robb draws or replicates takes many evaluations): the engine's computation is stopped and a classed
# "mixlogit_interrupt" raised.
post_table <- function(post, table, attribute = "", cost = "") {
  job <- with_engine(rJava::.jcall(post, "Lorg/mixlogit/bridge/BridgeTableJob;", "start", table, attribute, cost))
  finished <- FALSE
  on.exit(if (!finished) rJava::.jcall(job, "V", "stop"), add = TRUE)
  withCallingHandlers({
    repeat {
      done <- rJava::.jcall(job, "Z", "await", 100L)
      # tests: options(mixlogit.interrupt_post = TRUE) signals an interrupt at the first poll, as Ctrl-C does
      if (isTRUE(getOption("mixlogit.interrupt_post"))) {
        signalCondition(structure(class = c("interrupt", "condition"), list(message = "", call = NULL)))
      }
      if (done) break
    }
  }, interrupt = function(e) {
    rJava::.jcall(job, "V", "stop")
    stopped <- rJava::.jcall(job, "Z", "await", 1000L)
    stop(structure(class = c("mixlogit_interrupt", "interrupt", "condition"), list(
      message = paste0("mixlogit: ", table, " interrupted; no table is returned",
                       if (stopped) "." else " (the engine is finishing its current step in the background)."),
      call = NULL)))
  })
  finished <- TRUE
  with_engine(rJava::.jcall(job, "Lorg/mixlogit/bridge/BridgeTable;", "result"))
}

# Marks a post-estimation result of a doubtful fit (not converged, not certified) with the attribute "fit_warning".
flag_fit <- function(result, post) {
  doubt <- rJava::.jcall(post, "S", "fitWarning")
  if (nzchar(doubt)) {
    attr(result, "fit_warning") <- doubt
  }
  result
}

# A BridgeTable as a data frame of class "mixlogit_table": market, alternative (shares) or from/to (matrices),
# the estimate and its uncertainty columns. NaN from the engine (undefined, not computed) becomes NA.
table_frame <- function(table, kind, post) {
  get_d <- function(method) {
    v <- rJava::.jcall(table, "[D", method)
    v[is.nan(v)] <- NA_real_
    v
  }
  keys <- data.frame(market = rJava::.jcall(table, "[S", "markets"),
                     alternative = rJava::.jcall(table, "[S", "alternatives"), stringsAsFactors = FALSE)
  if (kind != "shares") {
    keys <- data.frame(market = keys$market, from = keys$alternative, to = rJava::.jcall(table, "[S", "others"),
                       stringsAsFactors = FALSE)
  }
  out <- cbind(keys, data.frame(
    estimate = get_d("estimates"), std_error = get_d("standardErrors"), lower = get_d("lower"),
    upper = get_d("upper"), kr_sd = get_d("krinskyRobbSd"), kr_lower = get_d("krinskyRobbLower"),
    kr_upper = get_d("krinskyRobbUpper"), sim_error = get_d("simulationErrors")))
  flag_fit(structure(out, class = c("mixlogit_table", "data.frame"), kind = kind,
                     title = rJava::.jcall(table, "S", "title"), notes = rJava::.jcall(table, "S", "notes"),
                     level = rJava::.jcall(table, "D", "level") / 100), post)
}

# Generics -------------------------------------------------------------------------------------------------

shares <- function(object, ...) UseMethod("shares")
elasticities <- function(object, ...) UseMethod("elasticities")
diversion <- function(object, ...) UseMethod("diversion")
conditionals <- function(object, ...) UseMethod("conditionals")
wtp <- function(object, ...) UseMethod("wtp")

# For anything but a fit: a classed error rather than R's "no applicable method".
post_default <- function(object, ...) {
  check_fit(object)  # a model-selection result: says to give one of its fits
  arg_error("`object` must be a fit returned by mixlogit(), not ", class(object)[1L], ".")
}
shares.default <- post_default
elasticities.default <- post_default
diversion.default <- post_default
conditionals.default <- post_default
wtp.default <- post_default

# Methods for "mixlogit" fits ------------------------------------------------------------------------------

shares.mixlogit <- function(object, newdata = NULL, krinsky_robb = 0, replicates = 5, seed = NULL, ...) {
  check_dots("shares", ...)
  check_fit(object)
  options <- post_options_json(krinsky_robb, replicates, seed)
  post <- post_object(object, newdata, options)
  table_frame(post_table(post, "shares"), "shares", post)
}

elasticities.mixlogit <- function(object, attribute, newdata = NULL, krinsky_robb = 0, replicates = 5,
                                  seed = NULL, ...) {
  check_dots("elasticities", ...)
  check_fit(object)
  if (missing(attribute)) {
    arg_error("`attribute` is required: the attribute whose change the elasticities are with respect to, one of ",
              paste(object$attributes, collapse = ", "), ".")
  }
  attribute <- check_attribute(attribute, "attribute", object)
  options <- post_options_json(krinsky_robb, replicates, seed)
  post <- post_object(object, newdata, options)
  table_frame(post_table(post, "elasticities", attribute), "elasticities", post)
}

diversion.mixlogit <- function(object, attribute = NULL, type = c("removal", "marginal"), newdata = NULL,
                               krinsky_robb = 0, replicates = 5, seed = NULL, decomposition = FALSE, ...) {
  check_dots("diversion", ...)
  check_fit(object)
  type <- check_choice(type, "type", c("removal", "marginal"))
  check_flag(decomposition, "decomposition")
  if (!is.null(attribute)) {
    attribute <- check_attribute(attribute, "attribute", object)
  } else if (type == "marginal") {
    arg_error("Marginal diversion is for a change in one attribute: give `attribute`, one of ",
              paste(object$attributes, collapse = ", "), ".")
  }
  options <- post_options_json(krinsky_robb, replicates, seed)
  post <- post_object(object, newdata, options)
  if (decomposition) {
    return(flag_fit(decomposition_frame(post, attribute, object$attributes[1L]), post))
  }
  table <- if (type == "removal") {
    post_table(post, "removalDiversion")
  } else {
    post_table(post, "marginalDiversion", attribute)
  }
  table_frame(table, paste0(type, "_diversion"), post)
}

# The per-situation decomposition; without an attribute the marginal columns (which depend on one) are dropped.
decomposition_frame <- function(post, attribute, fallback) {
  csv <- with_engine(rJava::.jcall(post, "S", "decompositionCsv", if (is.null(attribute)) fallback else attribute))
  out <- utils::read.csv(text = csv, colClasses = c(market = "character", from = "character", to = "character"))
  if (is.null(attribute)) {
    out$marginal <- NULL
    out$marginal_weight <- NULL
  }
  out
}

conditionals.mixlogit <- function(object, ...) {
  check_dots("conditionals", ...)
  check_fit(object)
  post <- post_object(object)
  names <- with_engine(rJava::.jcall(post, "[S", "coefficientNames"))
  means <- with_engine(rJava::.jcall(post, "[D", "conditionalMeans"))
  sds <- with_engine(rJava::.jcall(post, "[D", "conditionalSds"))
  ids <- decision_maker_ids(object, with_engine(rJava::.jcall(post, "[D", "decisionMakerIds")))
  n <- length(ids)
  means <- matrix(means, n, length(names), dimnames = list(NULL, names))
  sds <- matrix(sds, n, length(names), dimnames = list(NULL, names))
  out <- data.frame(id = ids, stringsAsFactors = FALSE)
  for (k in names) {
    out[[paste0(k, ".mean")]] <- means[, k]
    out[[paste0(k, ".sd")]] <- sds[, k]
  }
  flag_fit(out, post)
}

# Willingness to pay for `attribute` in units of `cost`: -b(attribute) / b(cost), the change in cost that leaves
# utility unchanged when the attribute rises by one unit (a positive WTP for a liked attribute when cost enters
# utility with a negative coefficient). With a cost variable entered negated (npf = -price, as for a lognormal
# price coefficient), negated_cost = TRUE gives b(attribute) / b(npf), the WTP in units of the price.
wtp.mixlogit <- function(object, attribute, cost, negated_cost = FALSE, krinsky_robb = 0, replicates = 0,
                         seed = NULL, level = object$level, ...) {
  check_dots("wtp", ...)
  check_fit(object)
  if (missing(attribute) || missing(cost)) {
    arg_error("`attribute` and `cost` are required: willingness to pay for `attribute` in units of `cost`.")
  }
  attribute <- check_attribute(attribute, "attribute", object)
  cost <- check_attribute(cost, "cost", object)
  if (attribute == cost) {
    arg_error("`attribute` and `cost` are both \"", cost, "\": willingness to pay needs two different attributes.")
  }
  check_flag(negated_cost, "negated_cost")
  check_level(level)
  if (is_latent(object)) {
    if (!identical(krinsky_robb, 0) || !identical(replicates, 0)) {
      arg_error("`krinsky_robb` and `replicates` are for a mixed logit's willingness to pay; per latent class it has",
                " delta-method standard errors: drop them.")
    }
    return(class_wtp(object, attribute, cost, negated_cost, level))
  }
  if (!negated_cost) warn_positive_cost(object, cost)
  post <- post_object(object, options = post_options_json(krinsky_robb, replicates, seed))
  table <- post_table(post, "wtpInference", attribute, cost)
  population <- wtp_frame(table, level)
  individual <- with_engine(rJava::.jcall(post, "[D", "wtpIndividual", attribute, cost))
  if (negated_cost) {
    population <- negate_wtp(population)
    individual <- -individual
  }
  ids <- decision_maker_ids(object, with_engine(rJava::.jcall(post, "[D", "decisionMakerIds")))
  flag_fit(structure(list(attribute = attribute, cost = cost, negated_cost = negated_cost,
                          population = stats::setNames(population$estimate, population$statistic),
                          table = population, level = level,
                          notes = rJava::.jcall(table, "S", "notes"),
                          individual = data.frame(id = ids, wtp = individual, stringsAsFactors = FALSE)),
                     class = "mixlogit_wtp"), post)
}

# The engine's willingness-to-pay table as a data frame: statistic, estimate, std_error, interval at `level`, and
# the Krinsky-Robb and simulation-error columns that were computed.
wtp_frame <- function(table, level) {
  get_d <- function(method) {
    v <- rJava::.jcall(table, "[D", method)
    v[is.nan(v)] <- NA_real_
    v
  }
  z <- stats::qnorm(1 - (1 - level) / 2)
  e <- get_d("estimates")
  s <- get_d("standardErrors")
  out <- data.frame(statistic = rJava::.jcall(table, "[S", "alternatives"), estimate = e, std_error = s,
                    lower = e - z * s, upper = e + z * s, stringsAsFactors = FALSE)
  kr <- get_d("krinskyRobbSd")
  if (!all(is.na(kr))) {
    out$kr_sd <- kr
    out$kr_lower <- get_d("krinskyRobbLower")
    out$kr_upper <- get_d("krinskyRobbUpper")
  }
  sim <- get_d("simulationErrors")
  if (!all(is.na(sim))) out$sim_error <- sim
  out
}

# The distribution of -W from that of W: means and medians change sign, the q-quantile becomes minus the
# (1-q)-quantile, intervals flip; standard errors stay.
negate_wtp <- function(x) {
  mirror <- c(mean = "mean", median = "median", q05 = "q95", q25 = "q75", q75 = "q25", q95 = "q05")
  out <- x[match(mirror[x$statistic], x$statistic), , drop = FALSE]
  out$statistic <- x$statistic
  out$estimate <- -out$estimate
  lower <- out$lower
  out$lower <- -out$upper
  out$upper <- -lower
  if (!is.null(out$kr_lower)) {
    lower <- out$kr_lower
    out$kr_lower <- -out$kr_upper
    out$kr_upper <- -lower
  }
  rownames(out) <- NULL
  out
}

# WTP = -b(attribute)/b(cost) assumes cost enters utility with a negative coefficient. When the cost coefficient
# is mostly positive (always for a lognormal), the variable is probably a negated price: say so, classed.
warn_positive_cost <- function(object, cost) {
  code <- object$settings$rpar[cost]
  code <- if (is.null(code) || is.na(code)) "f" else code[[1L]]
  share <- if (code == "f") as.numeric(coef(object)[[cost]] > 0) else {
    p <- distribution_parameters(object, cost)
    distribution_summary(code, p[["location"]], p[["scale"]])[["above0"]]
  }
  if (share > 0.5) {
    warning(structure(class = c("mixlogit_wtp_sign_warning", "warning", "condition"), list(message = paste0(
      "mixlogit: the coefficient of the cost variable \"", cost, "\" is positive", if (code == "ln") " (lognormal)"
      else if (code != "f") sprintf(" for %.0f%% of the population", 100 * share) else "",
      ", so -b(attribute)/b(", cost, ") has the opposite sign of a willingness to pay. If ", cost, " is a negated",
      " price (", cost, " = -price), set negated_cost = TRUE."), call = NULL)))
  }
}

print.mixlogit_wtp <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  formula <- if (isTRUE(x$negated_cost)) sprintf("b(%s) / b(%s), %s entered negated", x$attribute, x$cost, x$cost)
    else sprintf("-b(%s) / b(%s)", x$attribute, x$cost)
  cat(sprintf("Willingness to pay for %s in units of %s: %s\n\n", x$attribute, x$cost, formula))
  cat("Population distribution:\n")
  table <- x$table
  if (is.null(table)) {
    print.default(format(x$population, digits = digits), print.gap = 2L, quote = FALSE)
  } else {
    shown <- table[, vapply(table, function(v) !is.numeric(v) || !all(is.na(v)), logical(1)), drop = FALSE]
    print(shown, digits = digits, row.names = FALSE)
    cat(sprintf("Interval: %s%%, delta method. %s\n", format(100 * x$level), if (is.null(x$notes)) "" else x$notes))
  }
  v <- x$individual$wtp
  cat(sprintf("\nConditional means of %d decision-makers: mean %s, range [%s, %s] (component `individual`)\n",
              length(v), format(mean(v), digits = digits), format(min(v), digits = digits),
              format(max(v), digits = digits)))
  invisible(x)
}

# Decision-maker ids in the user's coding (the engine returns the integer codes made by id_codes()).
decision_maker_ids <- function(object, codes) {
  lookup <- object$decision_makers
  lookup$values[match(codes, lookup$codes)]
}

# The mixlogit_table class ---------------------------------------------------------------------------------

print.mixlogit_table <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
  cat(attr(x, "title"), "\n", sep = "")
  shown <- as.data.frame(unclass(x), stringsAsFactors = FALSE)
  if (length(unique(shown$market)) == 1L) shown$market <- NULL
  numbers <- vapply(shown, is.numeric, logical(1))
  empty <- numbers & vapply(shown, function(v) all(is.na(v)), logical(1))
  shown <- shown[, !empty, drop = FALSE]
  print(shown, digits = digits, row.names = FALSE, ...)
  notes <- attr(x, "notes")
  if (!is.null(notes) && nzchar(notes)) cat(notes, "\n", sep = "")
  invisible(x)
}

as.matrix.mixlogit_table <- function(x, market = NULL, value = "estimate", ...) {
  columns <- c("estimate", "std_error", "lower", "upper", "kr_sd", "kr_lower", "kr_upper", "sim_error")
  value <- check_choice(value, "value", columns)
  markets <- unique(x$market)
  if (!is.null(market)) {
    market <- as.character(market)
    unknown <- setdiff(market, markets)
    if (length(unknown) > 0L) {
      arg_error("`market` \"", unknown[1L], "\" is not in the table; its markets are ",
                paste(markets, collapse = ", "), ".")
    }
    markets <- market
  }
  if (!"from" %in% names(x)) {
    alternatives <- label_order(x$alternative)
    out <- matrix(NA_real_, length(markets), length(alternatives), dimnames = list(markets, alternatives))
    rows <- x$market %in% markets
    out[cbind(match(x$market[rows], markets), match(x$alternative[rows], alternatives))] <- x[[value]][rows]
    return(out)
  }
  alternatives <- label_order(c(x$from, x$to))
  one <- function(m) {
    rows <- x$market == m
    out <- matrix(NA_real_, length(alternatives), length(alternatives),
                  dimnames = list(from = alternatives, to = alternatives))
    out[cbind(match(x$from[rows], alternatives), match(x$to[rows], alternatives))] <- x[[value]][rows]
    out
  }
  if (length(markets) == 1L) {
    return(one(markets))
  }
  stats::setNames(lapply(markets, one), markets)
}

# Alternatives in the engine's order, which does not depend on the order of the rows: numeric labels
# numerically (spellings of one number by their text), other labels by their text in C-locale (byte) order.
label_order <- function(labels) {
  labels <- unique(as.character(labels))
  numbers <- suppressWarnings(as.numeric(labels))
  if (!anyNA(numbers) && all(is.finite(numbers))) {
    return(labels[order(numbers, labels, method = "radix")])
  }
  labels[order(labels, method = "radix")]
}
