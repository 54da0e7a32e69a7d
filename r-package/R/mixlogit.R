# mixlogit(): validates, builds the model matrix, calls the engine once, collects the result.
mixlogit <- function(formula, data, group, id = NULL, rpar = NULL, correlation = FALSE, heterogeneity = NULL,
                     draws = "halton", R = 100, seed = 12345, burn = NULL, starts = 1, optimizer = "bfgs",
                     vce = NULL, cluster = NULL, weights = NULL, subset = NULL, threads = NULL, start = NULL,
                     level = 0.95, verbose = FALSE, alt = NULL, market = NULL, method = c("msle", "msm", "mss"),
                     instruments = NULL, weighting = NULL, max_iterations = NULL, tolerance = NULL,
                     integration_check = 0, reestimate = 0, reflevel = NULL, classes = NULL, membership = NULL,
                     common = NULL, proposal = NULL, weight_type = "sampling", ...) {
  call <- match.call()
  check_call_arguments(environment(), match.call(expand.dots = FALSE)$...)
  if (missing(method)) method <- "msle"
  controls <- check_fit_controls(max_iterations, tolerance, integration_check, reestimate, method)
  a <- validate_arguments(formula, data, group, id, rpar, correlation, heterogeneity, draws, R, seed, burn,
                          starts, optimizer, vce, cluster, weights, threads, start, level, verbose, alt, market,
                          method = method, instruments = instruments, weighting = weighting, reflevel = reflevel,
                          subset = subset, proposal = proposal)
  a$frequency_weights <- check_weight_type(weight_type, a$weights)
  data <- a$data
  lc <- check_latent_arguments(classes, membership, common, data, a$method)
  check_engine_version()
  design <- model_design(formula, data, a)
  check_rpar_columns(a$rpar, colnames(design$x))
  check_parameter_names(colnames(design$x), a$rpar, a$correlation, a$heterogeneity)
  if (is.null(lc$classes)) check_start_names(a$start, colnames(design$x), a$rpar, a$correlation, a$heterogeneity)
  check_common_columns(lc$common, colnames(design$x))
  columns <- attribute_columns(design$x, data, a$instruments)
  characteristics <- unique(c(unlist(a$heterogeneity), a$cluster, lc$membership))
  check_missing(data, c(a$group, a$id, a$weights, characteristics))
  labels <- row_labels(data, a)
  spec <- spec_json(colnames(design$x), a$rpar, a$correlation, a$heterogeneity)
  options <- add_fit_controls(options_json(a), controls)
  engine_columns <- list(
    situation = id_codes(data[[a$group]]),
    decision_maker = if (is.null(a$id)) integer(0) else id_codes(data[[a$id]]),
    chosen = as.numeric(design$y),
    attribute_names = colnames(columns),
    attributes = as.numeric(columns),
    characteristic_names = as.character(characteristics),
    characteristics = as.numeric(unlist(lapply(characteristics, function(v) characteristic_values(data[[v]])))),
    weights = if (is.null(a$weights)) numeric(0) else as.numeric(data[[a$weights]]),
    alternatives = labels$alternatives,
    markets = labels$markets)
  # one estimation: the engine's fit copied into the R fit (with its latent class part when it has classes)
  estimate <- function(spec, classes = NULL, common = lc$common) {
    fit <- run_fit(engine_columns, spec, options, verbose = a$verbose, msm = a$method == "msm")
    result <- with_engine(finish_fit(collect_fit(fit, a), fit, controls))
    if (!is.null(classes)) {
      result$latent <- with_engine(latent_result(fit, result, classes, lc$membership, common))
      if (length(lc$classes) > 1L) {
        # one fit of a range: its call refits it alone
        call$classes <- classes
        if (length(common) == 0L) call$common <- NULL
      }
    }
    complete_fit(result, call, formula, design, data, a, characteristics, labels, engine_columns)
  }
  if (is.null(lc$classes)) {
    return(estimate(spec))
  }
  if (length(lc$classes) == 1L) {
    return(estimate(latent_spec(spec, lc$classes, lc$membership, lc$common), lc$classes))
  }
  select_classes(estimate, spec, lc, verbose = a$verbose)
}

# The R fit's own fields besides the engine's results: the data columns post-estimation rebuilds the engine from,
# the call and formula, the design, the settings and the lookups of ids and labels.
complete_fit <- function(result, call, formula, design, data, a, characteristics, labels, engine_columns) {
  result$columns <- engine_columns
  result$call <- call
  result$formula <- formula
  result$terms <- design$terms
  result$xlevels <- design$xlevels
  result$contrasts <- design$contrasts
  result$design <- design$spec
  result$y <- design$y
  result$situation <- data[[a$group]]
  result$settings <- c(a[setdiff(names(a), "data")],
                       list(classes = result$latent$classes, membership = result$latent$membership,
                            common = result$latent$common))
  result$characteristics <- characteristics
  result$attributes <- colnames(design$x)
  result$alternatives <- labels$alternatives
  result$markets <- labels$markets
  result$decision_makers <- decision_maker_lookup(data, a)
  result$characteristic_means <- characteristic_means(data, a)
  result
}

# The attribute columns passed to the engine: the model matrix and, for MSM, the instrument columns of `data` that
# are not already among its columns (the engine takes instruments from the attributes; the model uses only the
# columns its specification names).
attribute_columns <- function(x, data, instruments) {
  extra <- setdiff(instruments, instrument_keywords())
  for (column in intersect(extra, colnames(x))) {
    if (!isTRUE(all.equal(as.numeric(data[[column]]), unname(x[, column]), tolerance = 0))) {
      arg_error("Instrument \"", column, "\" is both a column of `data` and a different column of the model",
                " matrix: rename the data column.")
    }
  }
  extra <- setdiff(extra, colnames(x))
  if (length(extra) == 0L) return(x)
  z <- vapply(extra, function(v) as.numeric(data[[v]]), numeric(nrow(x)))
  cbind(x, matrix(z, nrow(x), dimnames = list(NULL, extra)))
}

# Integer codes of an id column. The engine orders decision-makers (and situations) by these codes and gives the
# k-th decision-maker the k-th draws, so the codes depend only on the values, never on the order of the rows:
# whole numbers within the integer range are their own codes; other numbers are ranked in ascending numeric
# order; anything else (text, factors by their labels, logicals) is ranked by its text in C-locale (byte) order.
id_codes <- function(x) {
  if (is.numeric(x) && all(x == round(x)) && all(abs(x) < .Machine$integer.max)) {
    return(as.integer(x))
  }
  if (is.numeric(x)) {
    return(match(x, sort(unique(x))))
  }
  x <- as.character(x)
  match(x, sort(unique(x), method = "radix"))
}

# A characteristic column as the engine takes it: numbers as they are; a cluster column of factor labels by their
# level codes (as before), of text or other labels by the codes of id_codes() (heterogeneity and membership columns
# are numeric or logical, validate.R).
characteristic_values <- function(x) {
  if (is.numeric(x) || is.logical(x) || is.factor(x)) as.numeric(x) else as.numeric(id_codes(x))
}

# Text labels of the alternative and market columns (character(0) when not given), as the engine takes them.
row_labels <- function(data, a) {
  list(alternatives = if (is.null(a$alt)) character(0) else label_strings(data[[a$alt]]),
       markets = if (is.null(a$market)) character(0) else label_strings(data[[a$market]]))
}

# Whole numbers without exponents ("100000", not "1e+05"); factors by their labels.
label_strings <- function(x) {
  if (is.numeric(x) && all(x == round(x))) {
    return(sprintf("%.0f", x))
  }
  as.character(x)
}

# The engine numbers decision-makers by the integer codes of id_codes(); this maps codes back to the user's ids.
decision_maker_lookup <- function(data, a) {
  values <- data[[if (is.null(a$id)) a$group else a$id]]
  keep <- !duplicated(values)
  list(codes = id_codes(values)[keep], values = values[keep])
}

# Means of the heterogeneity characteristics over decision-makers (one row each), for plotting distributions.
characteristic_means <- function(data, a) {
  characteristics <- unique(as.character(unlist(a$heterogeneity)))
  if (length(characteristics) == 0L) return(numeric(0))
  first <- !duplicated(data[[if (is.null(a$id)) a$group else a$id]])
  vapply(stats::setNames(characteristics, characteristics), function(v) mean(as.numeric(data[[v]][first])), 0)
}

# The model specification in the engine's shared JSON format (json.R builds and escapes it).
spec_json <- function(attributes, rpar, correlation, heterogeneity) {
  coefficients <- lapply(unname(attributes), function(a) {
    entry <- list(attribute = json_scalar(a), distribution = json_scalar(if (a %in% names(rpar)) rpar[[a]] else "f"))
    if (!is.null(heterogeneity[[a]])) {
      entry$heterogeneity <- as.character(heterogeneity[[a]])
    }
    entry
  })
  out <- list(coefficients = coefficients)
  if (length(correlation) > 0L) {
    out$correlated <- as.character(correlation)
  }
  to_json(out)
}

# The estimation options in the engine's JSON format.
options_json <- function(a) {
  fields <- list(draws = json_scalar(a$draws), R = json_number(a$R), seed = json_number(a$seed),
                 starts = json_number(a$starts), optimizer = json_scalar(a$optimizer), vce = json_scalar(a$vce),
                 threads = json_number(a$threads), level = json_number(100 * a$level),
                 method = json_scalar(a$method))
  if (a$method == "msm") {
    fields$instruments <- if (length(a$instruments) == 1L && a$instruments %in% instrument_keywords()) {
      json_scalar(a$instruments)
    } else {
      as.character(a$instruments)
    }
    fields$weighting <- json_scalar(a$weighting)
  }
  if (!is.null(a$proposal)) fields$proposal <- json_number(a$proposal)
  if (!is.null(a$burn)) fields$burn <- json_number(a$burn)
  if (!is.null(a$cluster)) fields$cluster <- json_scalar(a$cluster)
  if (isTRUE(a$frequency_weights)) fields$weights <- json_scalar("frequency")
  if (!is.null(a$start)) fields$start <- json_number(a$start, array = TRUE)
  to_json(fields)
}

# Copies everything the R methods need out of the Java result, the saved form of the fit (docs/result-schema.md)
# among it: post-estimation rebuilds the engine's side from it, so the fit survives saveRDS/readRDS. The fitted
# probabilities are not copied: fitted_probabilities() computes them when asked for.
collect_fit <- function(fit, a) {
  call_d <- function(method, ...) rJava::.jcall(fit, "[D", method, ...)
  names <- rJava::.jcall(fit, "[S", "names")
  p <- length(names)
  estimates <- stats::setNames(call_d("estimates"), names)
  types <- stats::setNames(vocabulary_codes("vce"), vocabulary_codes("vce"))
  covariance <- lapply(types, function(t) {
    matrix(call_d("covariance", t), p, p, dimnames = list(names, names))
  })
  stats <- named_result(fit, "statistics", "statisticNames")
  text <- stats::setNames(rJava::.jcall(fit, "[S", "descriptions"), rJava::.jcall(fit, "[S", "descriptionNames"))
  trace <- matrix(call_d("trace"), ncol = 3L, byrow = TRUE,
                  dimnames = list(NULL, c("iteration", "logLik", "gradient")))
  derived <- data.frame(estimate = call_d("derivedEstimates"), std.error = call_d("derivedStandardErrors"),
                        row.names = rJava::.jcall(fit, "[S", "derivedNames"))
  derived_se <- lapply(types, function(t) call_d("derivedStandardErrors", t))
  out <- list(
    coefficients = estimates,
    kinds = rJava::.jcall(fit, "[S", "kinds"),
    covariance = covariance,
    vce = rJava::.jcall(fit, "S", "vce"),
    method = tolower(rJava::.jcall(fit, "S", "method")),
    gmm = gmm_diagnostics(fit),
    derived = derived,
    derived_se = derived_se,
    trace = as.data.frame(trace),
    level = a$level,
    saved = rJava::.jcall(fit, "S", "json")
  )
  structure(c(out, fit_statistics(stats, text)), class = "mixlogit")
}

# The fit's statistics and descriptions, read by name from the engine's named vectors (their order and any
# statistic added later do not matter).
fit_statistics <- function(stats, text) {
  list(
    logLik = stat(stats, "logLik"), null.logLik = stat(stats, "nullLogLik"),
    logit.logLik = stat(stats, "plainLogitLogLik"),
    n = c(decision.makers = stat(stats, "decisionMakers"), situations = stat(stats, "situations"),
          rows = stat(stats, "rows")),
    df = as.integer(stat(stats, "parameters")), converged = stat(stats, "converged") == 1,
    iterations = as.integer(stat(stats, "iterations")), evaluations = as.integer(stat(stats, "evaluations")),
    seconds = stat(stats, "seconds"), gradient.norm = stat(stats, "gradientNorm"),
    certified = stat(stats, "certified") == 1,
    hessian.eigen = c(stat(stats, "hessianMinEigenvalue"), stat(stats, "hessianMaxEigenvalue")),
    draws = as.integer(stat(stats, "draws")), threads = as.integer(stat(stats, "threads")),
    panel = stat(stats, "panel") == 1,
    status = stat(text, "status"), message = stat(text, "message"), certification = stat(text, "certification"),
    integration = stat(text, "integration"), optimizer = stat(text, "optimizer")
  )
}

# A numeric result of the engine as a named vector: the values of `values` named by `names` (the engine's
# results are read by name, never by position, so that a new statistic cannot shift the others).
named_result <- function(object, values, names) {
  stats::setNames(rJava::.jcall(object, "[D", values), rJava::.jcall(object, "[S", names))
}

# One element of a named result; a name the engine does not return is an error rather than a silent NA.
stat <- function(x, name) {
  if (!name %in% names(x)) {
    mixlogit_abort(paste0("The engine returned no result named \"", name, "\" (it returned ",
                          paste(names(x), collapse = ", "), "): the package and its engine jar do not match;",
                          " reinstall the package."), c("mixlogit_engine_failure", "mixlogit_engine_error"))
  }
  unname(x[[name]])
}

# The MSM diagnostics of a fit (NULL for MSLE): criterion, Hansen's J with df and p-value (NA when exactly
# identified or one-step), weighting, instruments and the weighting matrix's condition number.
gmm_diagnostics <- function(fit) {
  if (rJava::.jcall(fit, "S", "method") != "MSM") return(NULL)
  g <- named_result(fit, "gmmStatistics", "gmmStatisticNames")
  g[is.nan(g)] <- NA_real_
  list(criterion = stat(g, "criterion"), J = stat(g, "J"), df = as.integer(stat(g, "df")), p.value = stat(g, "p"),
       weighting = if (isTRUE(stat(g, "twoStep") == 1)) "two-step" else "one-step",
       instruments = rJava::.jcall(fit, "[S", "instruments"), condition = stat(g, "weightingCondition"))
}

# For MSM the trace holds the first-step MSLE (optimal instruments: log-likelihoods) and then the MSM steps
# (minus the GMM criterion), each stage counting its iterations from 1.
print_trace <- function(trace, msm = FALSE) {
  for (i in seq_len(nrow(trace))) {
    cat(sprintf(if (msm) "iteration %4d  objective %.6g  scaled gradient %.3g\n" else
                  "iteration %4d  log-likelihood %.6f  scaled gradient %.3g\n",
                trace$iteration[i], trace$logLik[i], trace$gradient[i]))
  }
}

# The bundled Electricity data: long, read from the engine jar, or wide (mlogit's layout), read from the package.
electricity_data <- function(shape = c("long", "wide")) {
  shape <- check_choice(shape, "shape", c("long", "wide"))
  if (shape == "wide") {
    return(utils::read.csv(system.file("extdata", "electricity_wide.csv.gz", package = "mixlogit", mustWork = TRUE)))
  }
  text <- with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "S", "electricityCsv"))
  utils::read.csv(text = text)
}
