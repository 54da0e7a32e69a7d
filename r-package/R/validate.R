# All argument validation of mixlogit(), in one place, before the estimation is called. The lists of valid codes
# (distributions, draw types, optimizers, covariance types, methods, weightings) and the defaults are the engine's
# own, read once per session (vocabulary.R).

check_flag <- function(x, name) {
  if (!is.logical(x) || length(x) != 1L || is.na(x)) {
    arg_error("`", name, "` must be TRUE or FALSE.")
  }
  x
}

check_count <- function(x, name, min = 1) {
  if (!is.numeric(x) || length(x) != 1L || is.na(x) || x != round(x) || x < min) {
    arg_error("`", name, "` must be a whole number of at least ", min, ", not ", deparse(x), ".")
  }
  if (x > .Machine$integer.max) {
    arg_error("`", name, "` is ", deparse(x), ": it must be a whole number from ", min, " to ",
              .Machine$integer.max, ".")
  }
  as.integer(x)
}

# A seed: a whole number the engine can hold (a 64-bit integer; larger numbers would all become the same seed).
check_seed <- function(seed, allow_null = FALSE) {
  if (is.null(seed) && allow_null) return(NULL)
  if (!is.numeric(seed) || length(seed) != 1L || is.na(seed) || seed != round(seed)) {
    arg_error("`seed` must be a whole number", if (allow_null) " or NULL", ", not ", deparse(seed)[1L], ".")
  }
  if (abs(seed) >= 2^63) {
    arg_error("`seed` is ", deparse(seed), ": it must be a whole number between -2^63 and 2^63 (the engine's",
              " 64-bit seeds; larger ones would all give the same draws).")
  }
  seed
}

# One of `choices` (the codes listed in messages) or of `words` (every accepted word: the codes and their aliases).
check_choice <- function(x, name, choices, words = choices) {
  if (!is.character(x) || length(x) < 1L || is.na(x[1L])) {
    arg_error("`", name, "` must be one of ", paste0('"', choices, '"', collapse = ", "), ".")
  }
  if (length(x) > 1L && !identical(x, choices)) {
    # a function's default vector (as match.arg takes) means its first element; anything else is the user's
    arg_error("`", name, "` must be one value, not ", length(x), " (", paste0('"', x, '"', collapse = ", "),
              "): use one of ", paste0('"', choices, '"', collapse = ", "), ".")
  }
  x <- x[1L]
  if (!x %in% words) {
    arg_error("`", name, "` is \"", x, "\": use one of ", paste0('"', choices, '"', collapse = ", "), ".")
  }
  x
}

# A column argument: one string naming a column of `data` (`where` names the data frame in messages: "data" or
# "newdata"); NULL when allowed.
check_column <- function(x, name, data, allow_null = TRUE, where = "data") {
  if (is.null(x)) {
    if (allow_null) return(NULL)
    arg_error("`", name, "` is required: give the name of a column of `", where, "`.")
  }
  if (!is.character(x) || length(x) != 1L || is.na(x)) {
    arg_error("`", name, "` must be the name of one column of `", where, "` (a string).")
  }
  if (!x %in% names(data)) {
    close <- closest_name(x, names(data))
    arg_error("`", name, "` names column \"", x, "\", which is not in `", where, "`",
              if (!is.null(close)) paste0(" (did you mean \"", close, "\"?)"), ". Columns: ",
              paste(names(data), collapse = ", "), ".")
  }
  x
}

# Validates every argument; returns the normalised settings.
validate_arguments <- function(formula, data, group, id, rpar, correlation, heterogeneity, draws, R, seed,
                               burn, starts, optimizer, vce, cluster, weights, threads, start, level, verbose,
                               alt = NULL, market = NULL, method = "msle", instruments = NULL,
                               weighting = NULL, reflevel = NULL, subset = NULL, proposal = NULL) {
  if (!inherits(formula, "formula") || length(formula) != 3L) {
    arg_error("`formula` must be a two-sided formula such as choice ~ price + time.")
  }
  if (!is.data.frame(data)) {
    arg_error("`data` must be a data frame (tibbles and data.tables are accepted), not ", class(data)[1L], ".")
  }
  unfolded <- unfold_index(data)
  data <- as.data.frame(unfolded$data)
  if (nrow(data) == 0L) {
    data_error("`data` has no rows.")
  }
  if (is.numeric(weights) || is.logical(weights)) {
    data <- weight_column(data, weights)
    weights <- weights_name
  }
  if (!is.null(subset)) {
    data <- subset_rows(data, subset)
  }
  if (is.null(group)) group <- unfolded$group
  if (is.null(id)) id <- unfolded$id
  if (is.null(alt)) alt <- unfolded$alt
  group <- check_column(group, "group", data, allow_null = FALSE)
  id <- check_column(id, "id", data)
  weights <- check_column(weights, "weights", data)
  if (!is.null(weights) && !is.numeric(data[[weights]])) {
    arg_error("`weights` names column \"", weights, "\", which is ", class(data[[weights]])[1L], ": weights must be",
              " numbers (a factor's values would be its level codes); convert the column, e.g. with",
              " as.numeric(as.character(x)).")
  }
  alt <- check_column(alt, "alt", data)
  market <- check_column(market, "market", data)
  check_labels(data, group, alt, market)
  check_group_within_id(data, group, id)
  if (!is.null(rpar)) {
    if (!is.character(rpar) || is.null(names(rpar)) || any(names(rpar) == "")) {
      arg_error("`rpar` must be a named character vector such as c(pf = \"n\", cl = \"ln\").")
    }
    codes <- distribution_codes()
    bad <- rpar[!rpar %in% codes]
    if (length(bad) > 0L) {
      arg_error("`rpar` gives distribution \"", bad[1L], "\" for ", names(bad)[1L], ": use one of ",
                paste(codes, collapse = ", "), ".")
    }
    if (anyDuplicated(names(rpar))) {
      arg_error("`rpar` names ", names(rpar)[anyDuplicated(names(rpar))], " twice.")
    }
  }
  if (is.logical(correlation)) {
    check_flag(correlation, "correlation")
    correlation <- if (correlation) names(rpar) else character(0)
  } else if (is.character(correlation)) {
    missing_rpar <- setdiff(correlation, names(rpar))
    if (length(missing_rpar) > 0L) {
      arg_error("`correlation` names ", missing_rpar[1L], ", which is not a random coefficient in `rpar`.")
    }
  } else {
    arg_error("`correlation` must be TRUE, FALSE or a character vector of random coefficients.")
  }
  if (length(correlation) == 1L) {
    arg_error("`correlation` needs at least two random coefficients.")
  }
  if (!is.null(heterogeneity)) {
    if (!is.list(heterogeneity) || is.null(names(heterogeneity)) ||
        !all(vapply(heterogeneity, is.character, logical(1)))) {
      arg_error("`heterogeneity` must be a named list such as list(cl = c(\"income\", \"age\")).")
    }
    not_random <- setdiff(names(heterogeneity), names(rpar))
    if (length(not_random) > 0L) {
      arg_error("`heterogeneity` is given for ", not_random[1L], ", which is not a random coefficient in `rpar`.")
    }
    unknown <- setdiff(unlist(heterogeneity), names(data))
    if (length(unknown) > 0L) {
      arg_error("`heterogeneity` names column \"", unknown[1L], "\", which is not in `data`.")
    }
    check_characteristic_types(data, unlist(heterogeneity))
  }
  draws <- check_choice(draws, "draws", draw_types(), vocabulary_words("draws"))
  proposal <- check_proposal(proposal, draws)
  R <- check_count(R, "R")
  check_sparse_level(R, draws)
  seed <- check_seed(seed)
  if (!is.null(burn)) burn <- check_count(burn, "burn", min = 0)
  starts <- check_count(starts, "starts")
  optimizer <- check_choice(optimizer, "optimizer", vocabulary_codes("optimizers"))
  method <- check_choice(method, "method", vocabulary_codes("methods"))
  msm <- check_msm(method, instruments, weighting, data)
  vce <- check_vce(vce, method)
  cluster <- check_column(cluster, "cluster", data)
  if (!is.null(cluster) && vce != "cluster") {
    arg_error("`cluster` is given but `vce` is \"", vce, "\": set vce = \"cluster\".")
  }
  check_cluster_within_id(data, cluster, if (is.null(id)) group else id, is.null(id))
  if (is.null(threads)) {
    threads <- max(1L, parallel_cores())
  }
  threads <- check_count(threads, "threads")
  if (!is.null(start) && (!is.numeric(start) || anyNA(start))) {
    arg_error("`start` must be a numeric vector without missing values (one value per parameter).")
  }
  if (!is.null(start) && !all(is.finite(start))) {
    arg_error("`start` has an infinite value (element ", which(!is.finite(start))[1L], "): starting values",
              " must be finite numbers.")
  }
  if (!is.numeric(level) || length(level) != 1L || is.na(level) || level <= 0 || level >= 1) {
    arg_error("`level` must be a confidence level between 0 and 1, such as 0.95.")
  }
  check_flag(verbose, "verbose")
  reflevel <- check_reflevel(reflevel, alt)
  list(data = data, group = group, id = id, rpar = rpar, correlation = correlation,
       heterogeneity = heterogeneity, draws = draws, R = R, seed = seed, burn = burn, starts = starts,
       optimizer = optimizer, vce = vce, cluster = cluster, weights = weights, threads = threads, start = start,
       level = level, verbose = verbose, alt = alt, market = market, method = method,
       instruments = msm$instruments, weighting = msm$weighting, reflevel = reflevel, proposal = proposal)
}

# The sparse grids' accuracy levels exist from 1 to 25 (the engine's Genz-Keister and Gauss-Hermite families, whose
# size the vocabulary calls "level"); above that the engine's memory check would speak of "Infinity nodes".
sparse_level_limit <- 25L

check_sparse_level <- function(R, draws) {
  table <- engine_vocabulary("draws")
  words <- strsplit(paste(table$code, table$aliases, sep = "|"), "|", fixed = TRUE)
  row <- which(vapply(words, function(w) draws %in% w, logical(1)))
  if (length(row) == 1L && identical(table$size[row], "level") && R > sparse_level_limit) {
    arg_error("`R` is ", R, ", but with draws = \"", draws, "\" it is the sparse grid's accuracy level, from 1 to ",
              sparse_level_limit, " (levels 3 to 8 are usual).")
  }
}

# The importance sampler's proposal of draws = "adaptive-halton" or "adaptive-sobol" (the command line's
# --proposal): NULL (the engine's default, Student t with 8 degrees of freedom), "normal", "t", or "tNU" / a number
# NU for a Student t with NU (even, 2 or more) degrees of freedom. Returns the engine's option, the degrees of
# freedom (0 for normal), or NULL.
check_proposal <- function(proposal, draws) {
  if (is.null(proposal)) return(NULL)
  if (!draws %in% c("adaptive-halton", "adaptive-sobol")) {
    arg_error("`proposal` is for draws = \"adaptive-halton\" or \"adaptive-sobol\" (the importance samplers' ",
              "proposal at each posterior mode), not draws = \"", draws, "\": drop `proposal`.")
  }
  bad <- function() {
    arg_error("`proposal` must be \"normal\", \"t\" (Student t with 8 degrees of freedom) or \"tNU\" (or a ",
              "number NU) for a Student t with an even number NU >= 2 of degrees of freedom, such as \"t4\".")
  }
  if (length(proposal) != 1L || is.na(proposal)) bad()
  if (is.character(proposal)) {
    if (proposal == "normal") return(0L)
    if (proposal == "t") return(8L)
    if (!grepl("^t[0-9]+$", proposal)) bad()
    proposal <- as.numeric(substring(proposal, 2L))
  }
  if (!is.numeric(proposal) || proposal != round(proposal) || proposal < 2 || proposal %% 2 != 0) bad()
  as.integer(proposal)
}

# The reference alternative of a multi-part formula: one label, which needs `alt` (checked against the
# alternatives when the design is built).
check_reflevel <- function(reflevel, alt) {
  if (is.null(reflevel)) return(NULL)
  if (!is.atomic(reflevel) || length(reflevel) != 1L || is.na(reflevel)) {
    arg_error("`reflevel` must be one alternative (a label of the `alt` column), such as reflevel = \"2\".")
  }
  if (is.null(alt)) {
    arg_error("`reflevel` is given but `alt` is not: give the alternative column, e.g. alt = \"alt\".")
  }
  as.character(reflevel)
}

# The covariance type, one the estimate of `method` has (the engine's list: the likelihood types, Hessian and
# OPG, do not exist for an MSM estimate and the GMM sandwich not for an MSLE one); NULL is the method's default
# (the Hessian for MSLE, the GMM sandwich for MSM). `name` is the argument named in messages.
check_vce <- function(vce, method, name = "vce") {
  if (is.null(vce)) {
    return(default_vce(method))
  }
  vce <- check_choice(vce, name, vocabulary_codes("vce"))
  allowed <- vce_codes(method)
  if (!vce %in% allowed) {
    having <- Filter(function(m) vce %in% vce_codes(m), vocabulary_codes("methods"))
    arg_error("`", name, "` is \"", vce, "\", which an estimate by method = \"", method, "\" does not have (it is",
              " for ", paste0("method = \"", having, "\"", collapse = " or "), "): use one of ",
              paste0('"', allowed, '"', collapse = ", "),
              if (name == "vce") paste0(" (default \"", default_vce(method), "\")"), ".")
  }
  vce
}

# The method-of-simulated-moments options: `instruments` NULL (optimal), "optimal", "default" or numeric columns
# of `data` without missing values; `weighting` NULL (two-step), "two-step" or "one-step". Both are errors with
# method = "msle". Returns the normalised pair (NULLs for MSLE).
check_msm <- function(method, instruments, weighting, data) {
  if (method == "msle") {
    for (given in c("instruments", "weighting")[c(!is.null(instruments), !is.null(weighting))]) {
      arg_error("`", given, "` is for the method of simulated moments: set method = \"msm\", or drop `", given,
                "`.")
    }
    return(list(instruments = NULL, weighting = NULL))
  }
  defaults <- engine_defaults()
  weighting <- if (is.null(weighting)) {
    defaults$weighting
  } else {
    check_choice(weighting, "weighting", vocabulary_codes("weighting"))
  }
  if (is.null(instruments)) {
    instruments <- defaults$instruments
  }
  keywords <- instrument_keywords()
  if (!is.character(instruments) || length(instruments) == 0L || anyNA(instruments) || any(instruments == "")) {
    arg_error("`instruments` must be ", paste0('"', keywords, '"', collapse = ", "),
              " or a character vector of columns of `data`.")
  }
  if (length(instruments) == 1L && instruments %in% keywords) {
    return(list(instruments = instruments, weighting = weighting))
  }
  keyword <- intersect(instruments, keywords)
  if (length(keyword) > 0L) {
    arg_error("`instruments` mixes \"", keyword[1L], "\" with column names: give \"", keyword[1L],
              "\" alone or only columns of `data`.")
  }
  if (anyDuplicated(instruments)) {
    arg_error("`instruments` names column \"", instruments[anyDuplicated(instruments)], "\" twice.")
  }
  unknown <- setdiff(instruments, names(data))
  if (length(unknown) > 0L) {
    arg_error("`instruments` names column", if (length(unknown) > 1L) "s " else " ",
              paste0("\"", unknown, "\"", collapse = ", "), ", not in `data`. Columns: ",
              paste(names(data), collapse = ", "), ".")
  }
  for (column in instruments) {
    x <- data[[column]]
    if (!is.numeric(x) && !is.logical(x)) {
      arg_error("Instrument column \"", column, "\" is ", class(x)[1L], ": instruments must be numeric columns",
                " (turn a factor into indicator columns first).")
    }
  }
  check_missing(data, instruments)
  list(instruments = instruments, weighting = weighting)
}

# The alternative and market columns: no missing or empty values, each alternative once per situation, one
# market per situation. `data` may be estimation data or new data.
check_labels <- function(data, group, alt, market, where = "data") {
  for (column in c(alt, market)) {
    x <- data[[column]]
    if (!is.atomic(x) || is.null(x) || (!is.numeric(x) && !is.character(x) && !is.factor(x) && !is.logical(x))) {
      arg_error("Column \"", column, "\" must hold numbers or text (the labels of alternatives or markets).")
    }
    bad <- which(is.na(x) | trimws(as.character(x)) == "")
    if (length(bad) > 0L) {
      data_error("Column \"", column, "\" has missing or empty values in row", if (length(bad) > 1L) "s" else "",
                 " ", paste(utils::head(bad, 10L), collapse = ", "), if (length(bad) > 10L) ", ..." else "",
                 if (where != "data") paste0(" of `", where, "`"), ": every row needs its ", if (identical(column, alt)) "alternative" else "market", ".")
    }
  }
  if (!is.null(alt) && !anyNA(data[[group]])) {
    twice <- which(duplicated(data.frame(g = data[[group]], a = as.character(data[[alt]]))))
    if (length(twice) > 0L) {
      row <- twice[1L]
      data_error("Choice situation ", data[[group]][row], " lists alternative \"", data[[alt]][row],
                 "\" twice (row ", row, "): each alternative may appear once per situation.")
    }
  }
  if (!is.null(market) && !anyNA(data[[group]])) {
    labels <- as.character(data[[market]])
    first <- labels[match(data[[group]], data[[group]])]
    changed <- which(labels != first)
    if (length(changed) > 0L) {
      row <- changed[1L]
      data_error("The market changes within choice situation ", data[[group]][row], " (\"", first[row],
                 "\" and \"", labels[row], "\" in row ", row, "): a situation belongs to one market.")
    }
  }
}

# Clusters group whole decision-makers (whole situations in a cross-section): a cluster column that changes within
# one is named as such (the engine checks it as a characteristic and would advise using it as an attribute).
check_cluster_within_id <- function(data, cluster, unit, cross_section) {
  if (is.null(cluster) || anyNA(data[[cluster]]) || anyNA(data[[unit]])) return(invisible(NULL))
  u <- data[[unit]]
  x <- data[[cluster]]
  first <- x[match(u, u)]
  changed <- which(x != first)
  if (length(changed) == 0L) return(invisible(NULL))
  row <- changed[1L]
  what <- if (cross_section) "choice situation" else "decision-maker"
  data_error("The cluster column \"", cluster, "\" changes within ", what, " ", u[row], " (", first[row], " and ",
             x[row], ", row ", row, "): a cluster holds whole ", what, "s, so `cluster` must be constant within",
             " each ", what, ".")
}

# Each choice situation belongs to one decision-maker. A `group` column that numbers the situations within each
# decision-maker (apollo's and Stata's task numbers 1, 2, ... per person) repeats across decision-makers: say so,
# and how to make a situation column, instead of the engine's message about one merged situation.
check_group_within_id <- function(data, group, id, where = "data") {
  if (is.null(id)) return(invisible(NULL))
  g <- data[[group]]
  ids <- data[[id]]
  first <- ids[match(g, g)]
  changed <- which(ids != first)
  if (length(changed) == 0L) return(invisible(NULL))
  row <- changed[1L]
  data_error("Choice situation ", g[row], " (`group` column \"", group, "\") belongs to several decision-makers (",
             id, " ", first[row], " and ", ids[row], ", row ", row, if (where != "data") paste0(" of `", where, "`"),
             "): `group` must identify each choice situation in the whole data. If it numbers the situations within",
             " each decision-maker, make a column that combines both, e.g. ", where, "$", group, " <- paste(", where,
             "$", id, ", ", where, "$", group, "); otherwise check the `id` column.")
}

# The response: 0/1 or logical, without missing values.
check_response <- function(y) {
  if (is.logical(y)) y <- as.numeric(y)
  if (!is.numeric(y)) {
    arg_error("The response of `formula` must be a 0/1 or logical column marking the chosen alternative.")
  }
  bad <- which(is.na(y))
  if (length(bad) > 0L) {
    data_error("The response has missing values in rows ", paste(utils::head(bad, 10L), collapse = ", "),
               ": remove or impute those choice situations before estimating.")
  }
  y
}

# The model matrix: no missing values, at least one attribute besides the intercept. `where` names the data.
check_design <- function(x, where = "data") {
  for (column in colnames(x)) {
    bad <- which(is.na(x[, column]))
    if (length(bad) > 0L) {
      data_error("Variable \"", column, "\" has missing values in rows ",
                 paste(utils::head(bad, 10L), collapse = ", "), if (where != "data") paste0(" of `", where, "`"),
                 ": remove or impute those choice situations before ",
                 if (where == "data") "estimating." else "predicting.")
    }
  }
  if (!any(colnames(x) != "(Intercept)")) {
    arg_error("`formula` has no attributes on its right-hand side.")
  }
  x
}

# Random coefficients must be columns of the model matrix (factor levels appear as e.g. "altb").
check_rpar_columns <- function(rpar, columns) {
  unknown <- setdiff(names(rpar), columns)
  if (length(unknown) > 0L) {
    quoted <- paste0("`", unknown[1L], "`")
    arg_error("`rpar` names ", unknown[1L], ", which is not a column of the model matrix: ",
              paste(columns, collapse = ", "), ".",
              if (quoted %in% columns) paste0(" R's model matrix keeps the backquotes of a name that is not",
                                              " syntactic: name it rpar = c(\"", quoted, "\" = ...), or rename",
                                              " the column of `data`."))
  }
}

# The names the parameters of a one-class model will have, in their order, as R shows them (the engine's
# ParameterLayout: the means of the attributes, the heterogeneity terms "het.x:z", the scales "sd.x" or "spread.x"
# of the independent random coefficients, in the order of the attributes, then the Cholesky elements of the
# correlated block (its members in the order of the attributes), "chol.b:a" as mlogit names them; fitting.R's rename_parameters()). A test keeps them equal to
# the names of fits.
parameter_names <- function(attributes, rpar, correlation, heterogeneity) {
  table <- engine_vocabulary("distributions")
  het <- unlist(lapply(attributes, function(x) {
    if (is.null(heterogeneity[[x]])) character(0) else paste0("het.", x, ":", heterogeneity[[x]])
  }))
  independent <- attributes[attributes %in% setdiff(names(rpar), correlation)]
  scales <- if (length(independent) > 0L) {
    paste0(table$scale[match(rpar[independent], table$code)], ".", independent)
  }
  block <- attributes[attributes %in% correlation]
  chol <- unlist(lapply(seq_along(block), function(a) paste0("chol.", block[seq_len(a)], ":", block[a])))
  c(attributes, het, scales, chol)
}

# The parameters' names must differ: a column of the model matrix named like the scale or another parameter of a
# random coefficient ("sd.pf" beside rpar = c(pf = "n")) would give two parameters one name, and coef(), confint()
# and wtp() by name would find the first.
check_parameter_names <- function(attributes, rpar, correlation, heterogeneity) {
  generated <- parameter_names(attributes, rpar, correlation, heterogeneity)[-seq_along(attributes)]
  clash <- intersect(attributes, generated)
  if (length(clash) > 0L) {
    arg_error("The model matrix has a column named \"", clash[1L], "\", which is also the name of a parameter of",
              " the random coefficients (", paste(generated, collapse = ", "), "): rename that column of `data`.")
  }
}

# Starting values are taken in the order of the parameters. Named ones (coef() of an earlier fit, edited) whose
# names are the parameters' in another order would start each parameter at another's value: an error saying
# the order. Other names are not checked (a wrong length is the engine's error, which lists the parameters).
check_start_names <- function(start, attributes, rpar, correlation, heterogeneity) {
  if (is.null(start) || is.null(names(start))) return(invisible(NULL))
  names <- parameter_names(attributes, rpar, correlation, heterogeneity)
  if (setequal(names(start), names) && length(start) == length(names) && !identical(names(start), names)) {
    arg_error("`start` is named, but not in the order of the parameters, which it is taken in: ",
              paste(names, collapse = ", "), ". Reorder it, e.g. start = start[c(",
              paste0('"', names, '"', collapse = ", "), ")].")
  }
}

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

# Decision-maker characteristics (heterogeneity, membership) go to the engine as numbers: numeric or logical
# columns only (as.numeric() of a factor would give its level codes, of text NA). `where` names the data.
check_characteristic_types <- function(data, columns, where = "data") {
  for (column in unique(as.character(columns))) {
    x <- data[[column]]
    if (!is.numeric(x) && !is.logical(x)) {
      arg_error("Characteristic \"", column, "\" of `", where, "` is ", class(x)[1L], ": characteristics shifting",
                " coefficients must be numeric or logical columns (make indicator columns of a factor first, or",
                " convert numbers stored as text with as.numeric()).")
    }
  }
}

parallel_cores <- function() {
  n <- suppressWarnings(as.integer(Sys.getenv("MIXLOGIT_THREADS", "")))
  if (!is.na(n) && n > 0L) return(n)
  n <- tryCatch(rJava::.jcall(rJava::.jcall("java/lang/Runtime", "Ljava/lang/Runtime;", "getRuntime"),
                              "I", "availableProcessors"), error = function(e) 1L)
  as.integer(n)
}

# Stops with the rows (1-based) of `data` holding missing values in the used columns (`where` names the data).
check_missing <- function(data, columns, where = "data") {
  for (column in columns) {
    bad <- which(is.na(data[[column]]))
    if (length(bad) > 0L) {
      data_error("Column \"", column, "\" has missing values in row", if (length(bad) > 1L) "s" else "", " ",
                 paste(utils::head(bad, 10L), collapse = ", "), if (length(bad) > 10L) ", ..." else "",
                 if (where != "data") paste0(" of `", where, "`"),
                 ": remove or impute those choice situations before ",
                 if (where == "data") "estimating." else "predicting.")
    }
  }
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

weight_column <- function(data, weights) {
  if (!is.numeric(weights) || length(weights) != nrow(data)) {
    arg_error("`weights` must be the name of a column of `data` or a numeric vector with one weight per row of",
              " `data` (", nrow(data), " rows), not ", if (is.numeric(weights)) paste("a vector of length",
              length(weights)) else class(weights)[1L], ".")
  }
  if (weights_name %in% names(data)) {
    arg_error("`data` has a column named \"", weights_name, "\", which vector weights would replace: rename it.")
  }
  data[[weights_name]] <- as.numeric(weights)
  data
}

# The rows of `data` that `subset` keeps: the expression (captured unevaluated by check_call_arguments()) is
# evaluated in `data`, then in the environment mixlogit() was called from, as lm() and mlogit() do; it must give a
# logical vector (NA counts as FALSE) or row numbers. Rows of a situation can be dropped (a smaller choice set), and
# the engine then checks what is left as for any data.
subset_rows <- function(data, subset) {
  keep <- tryCatch(eval(subset$expression, data, subset$env), error = function(e) {
    arg_error("`subset` cannot be evaluated on `data`: ", conditionMessage(e), ".")
  })
  if (is.null(keep)) return(data)
  n <- nrow(data)
  if (is.logical(keep) && length(keep) == n) {
    keep <- which(keep)
  } else if (is.numeric(keep) && !anyNA(keep) && all(keep == round(keep)) && all(keep >= 1 & keep <= n)) {
    keep <- sort(unique(as.integer(keep)))
  } else {
    arg_error("`subset` must give a logical vector with one value per row of `data` (", n, " rows), such as",
              " subset = id <= 100, or row numbers between 1 and ", n, "; `", deparse(subset$expression)[1L],
              "` gives ", if (is.logical(keep) || is.numeric(keep)) paste(class(keep)[1L], "of length",
              length(keep)) else class(keep)[1L], ".")
  }
  if (length(keep) == 0L) {
    data_error("`subset` keeps no rows of `data`.")
  }
  out <- data[keep, , drop = FALSE]
  rownames(out) <- NULL
  out
}

# The arguments of a mixlogit() call before anything is evaluated (`env` is the call's frame, `dots` the
# unevaluated `...`): unknown arguments and unquoted column names become mixlogit_argument_error naming the
# argument, what the package calls it or the closest argument, and the arguments there are (R's own messages would
# be "unused argument" and "object 'chid' not found"). Column arguments that are missing become NULL in `env`;
# `subset` becomes its unevaluated expression with the environment of mixlogit()'s caller (parent.frame(2): this
# function is called by mixlogit() itself), for subset_rows().
check_call_arguments <- function(env, dots, fun = "mixlogit") {
  known <- setdiff(names(formals(fun)), "...")
  if (length(dots) > 0L) {
    given <- names(dots)
    if (is.null(given) || any(given == "")) {
      arg_error(fun, "() was given ", sum(is.null(given) | given == ""), " argument(s) without a name beyond its ",
                "own: give arguments after `data` by name. Arguments: ", paste(known, collapse = ", "), ".")
    }
    arg_error(unknown_argument_message(given[1L], known, fun))
  }
  for (name in c("formula", "data")) {
    if (eval(call("missing", as.name(name)), env)) {
      arg_error("`", name, "` is required: ", fun, "(choice ~ price + time, data, group = \"chid\").")
    }
  }
  tryCatch(get("data", envir = env), error = function(e) {
    arg_error("`data` cannot be evaluated: ", conditionMessage(e), ".")
  })
  if ("subset" %in% known) {
    # captured unevaluated, with the caller's environment: validate_arguments() evaluates it in the data
    assign("subset", if (eval(call("missing", as.name("subset")), env)) NULL else
      list(expression = eval(call("substitute", as.name("subset")), env), env = parent.frame(2L)),
      envir = env)
  }
  for (name in c("group", "id", "alt", "market", "weights", "cluster")) {
    if (!name %in% known) next
    if (eval(call("missing", as.name(name)), env)) {
      assign(name, NULL, envir = env)
      next
    }
    value <- tryCatch(get(name, envir = env), error = function(e) {
      given <- eval(call("substitute", as.name(name)), env)
      if (is.name(given)) {
        arg_error("`", name, "` is ", as.character(given), " without quotes, and no R object has that name: give",
                  " the column's name as a string, ", name, " = \"", as.character(given), "\".")
      }
      arg_error("`", name, "` cannot be evaluated: ", conditionMessage(e), ".")
    })
    assign(name, value, envir = env)
  }
  invisible(NULL)
}

# The `...` of a post-estimation method (predict, shares, rpar, ...), which it has only because its generic does:
# an argument the method does not know is a mixlogit_argument_error naming it, the argument it probably means and
# the method's arguments (R would drop it silently). `fun` is the name users call; the known arguments are those of
# the calling method. The arguments are not evaluated.
check_dots <- function(fun, ...) {
  dots <- substitute(list(...))
  if (length(dots) == 1L) return(invisible(NULL))
  given <- names(dots)[-1L]
  if (is.null(given)) given <- rep("", length(dots) - 1L)
  known <- setdiff(names(formals(sys.function(-1L))), "...")
  if (any(given == "")) {
    arg_error(fun, "() was given ", sum(given == ""), " argument(s) it does not take by position: give its",
              " arguments by name. Arguments: ", paste(known, collapse = ", "), ".")
  }
  usable <- Filter(function(w) w[[1L]] == "" || w[[1L]] %in% known, post_words)
  arg_error(unknown_argument_message(given[1L], known, fun, words = vapply(usable, `[[`, "", 2L)))
}

# Post-estimation arguments of other packages (logitr, mlogit, stats) and what they are called here: the argument
# the advice points to (used only for methods that have it; "" for any method) and the advice.
post_words <- list(
  conf.level = c("level", "use `level`"), se.fit = c("se", "use `se = TRUE`"),
  interval = c("se", "use `se = TRUE` (and `level`)"), ci = c("se", "use `se = TRUE` (and `level`)"),
  returnData = c("format", "format = \"data.frame\" gives the keys `group` and `alt` with the probabilities"),
  data = c("newdata", "give new data as `newdata`"), nsim = c("krinsky_robb", "use `krinsky_robb` (draws)"),
  ndraws = c("krinsky_robb", "use `krinsky_robb` (draws)"), scalePar = c("cost", "the price is `cost`"),
  price = c("cost", "the price is `cost`"),
  digits = c("", "give `digits` to print(), e.g. print(summary(m), digits = 3)"))

# What to say about an argument mixlogit() does not have: the argument it means (other packages' names for it), or
# the closest one, and the list of arguments. `words` replaces the advice for mixlogit()'s own arguments.
unknown_argument_message <- function(name, known, fun, words = NULL) {
  advice <- c(
    iterlim = "max_iterations", maxit = "max_iterations", maxiter = "max_iterations",
    print.level = "verbose", trace = "verbose", nrep = "R", ndraws = "R", rand = "rpar",
    randPars = "rpar", corr = "correlation", correlated = "correlation", ln = "rpar", alt.var = "alt",
    chid.var = "group", id.var = "id", obsID = "group", panelID = "id", altID = "alt", weight = "weights",
    numDraws = "R", drawType = "draws", numMultiStarts = "starts", startValues = "start", numCores = "threads",
    clusterID = "cluster", ranp = "rpar", mvar = "heterogeneity")
  mixlogit_words <- c(
    halton = "Halton draws are the default (draws = \"halton\"); `draws` chooses others",
    haltons = "Halton draws are the default (draws = \"halton\"); `draws` chooses others",
    panel = "panel data follow from `id` (the decision-maker column): give id = \"...\"",
    na.action = "missing values are refused with their rows named: remove those choice situations first",
    shape = "for wide data (one row per situation), reshape with mixlogit_long() first",
    varying = "for wide data (one row per situation), reshape with mixlogit_long() first",
    sep = "for wide data (one row per situation), reshape with mixlogit_long() first",
    choice = "the response is the left-hand side of `formula`",
    outcome = "the response is the left-hand side of `formula`",
    pars = "the attributes are the right-hand side of `formula`",
    robust = "give vce = \"robust\" (every covariance is computed; `vce` chooses the one summary() shows)",
    vcov = "every covariance is computed: vcov(fit, type = \"robust\") gives any, `vce` chooses the default",
    scalePar = "mixlogit estimates in preference space; wtp(fit, attribute, cost) gives willingness to pay",
    modelSpace = "mixlogit estimates in preference space; wtp(fit, attribute, cost) gives willingness to pay")
  if (is.null(words)) words <- mixlogit_words
  hint <- if (name %in% names(words)) {
    paste0(": ", words[[name]], ".")
  } else if (name %in% names(advice) && advice[[name]] %in% known) {
    paste0(": use `", advice[[name]], "`.")
  } else {
    close <- closest_name(name, known)
    if (is.null(close)) "." else paste0(": did you mean `", close, "`?")
  }
  paste0("`", name, "` is not an argument of ", fun, "()", hint, " Arguments: ", paste(known, collapse = ", "), ".")
}

# The latent class arguments of mixlogit() (issue 16): `classes` NULL (one population), one whole number C >= 1 or a
# range of consecutive whole numbers such as 1:5 (a fit for each, lclogit2's model-selection table); `membership`
# NULL, a one-sided formula such as ~ income + age or a character vector naming numeric columns of `data` (the
# characteristics of the class-share logit, constant within decision-maker); `common` NULL or attributes (columns
# of the model matrix, checked once it is built) whose coefficients all classes share. The most classes come from
# the engine's vocabulary. Returns list(classes = integer vector or NULL, membership = character, common =
# character).
check_latent_arguments <- function(classes, membership, common, data, method) {
  if (is.null(classes)) {
    for (given in c("membership", "common")[c(!is.null(membership), !is.null(common))]) {
      arg_error("`", given, "` is an argument of latent class models: give `classes` (the number of classes, e.g.",
                " classes = 3), or drop `", given, "`.")
    }
    return(list(classes = NULL, membership = character(0), common = character(0)))
  }
  most <- latent_class_value("maxClasses")
  if (!is.numeric(classes) || length(classes) < 1L || anyNA(classes) || any(classes != round(classes)) ||
      any(classes < 1) || any(classes > most) || (length(classes) > 1L && any(diff(classes) != 1))) {
    arg_error("`classes` must be a number of latent classes from 1 to ", most, " (classes = 3) or a range of",
              " consecutive numbers (classes = 1:5, a fit for each and the model-selection table), not ",
              deparse(classes)[1L], ".")
  }
  if (identical(method, "msm")) {
    arg_error("Latent class models are estimated by maximum likelihood (EM, then direct maximization): drop",
              " method = \"msm\".")
  }
  if (inherits(membership, "formula")) {
    if (length(membership) != 2L) {
      arg_error("`membership` must be a one-sided formula such as ~ income + age (no response).")
    }
    terms <- stats::terms(membership)
    if (attr(terms, "intercept") == 0L) {
      arg_error("`membership` drops the constant of the class-share logit (", deparse(membership), "): the shares",
                " always have one; remove the 0 or -1.")
    }
    membership <- attr(terms, "term.labels")
    computed <- membership[!membership %in% names(data)]
    if (length(computed) > 0L) {
      arg_error("`membership` term \"", computed[1L], "\" is not a column of `data`: the class-share logit takes",
                " characteristics as columns (make a column first, e.g. data$log_income <- log(data$income)).")
    }
  } else if (!is.null(membership) && (!is.character(membership) || anyNA(membership))) {
    arg_error("`membership` must be a one-sided formula such as ~ income + age, or a character vector of columns.")
  }
  membership <- as.character(membership)
  unknown <- setdiff(membership, names(data))
  if (length(unknown) > 0L) {
    arg_error("`membership` names column \"", unknown[1L], "\", which is not in `data`.")
  }
  for (column in membership) {
    if (!is.numeric(data[[column]]) && !is.logical(data[[column]])) {
      arg_error("`membership` column \"", column, "\" is ", class(data[[column]])[1L], ": the class-share logit",
                " takes numeric characteristics (make indicator columns of a factor first).")
    }
  }
  if (anyDuplicated(membership)) {
    arg_error("`membership` names \"", membership[anyDuplicated(membership)], "\" twice.")
  }
  if (!is.null(common) && (!is.character(common) || anyNA(common) || anyDuplicated(common))) {
    arg_error("`common` must name attributes of the model once each (a character vector such as c(\"pf\")).")
  }
  list(classes = as.integer(classes), membership = membership, common = as.character(common))
}

# `common` must name columns of the model matrix, and not all of them (a class needs a coefficient of its own).
check_common_columns <- function(common, columns) {
  unknown <- setdiff(common, columns)
  if (length(unknown) > 0L) {
    arg_error("`common` names ", unknown[1L], ", which is not a column of the model matrix: ",
              paste(columns, collapse = ", "), ".")
  }
}
