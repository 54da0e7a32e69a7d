# Argument validation of mixlogit(), before the estimation is called (the data's checks are in validate-data.R,
# post-estimation's in validate-post.R). The lists of valid codes (distributions, draw types, optimizers, covariance
# types, methods, weightings) and the defaults are the engine's own, read once per session (vocabulary.R).

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
# `weight_type`: "sampling" (the default) or "frequency" (counts of identical decision-makers), the latter only
# with `weights`. TRUE for frequency weights.
check_weight_type <- function(weight_type, weights) {
  type <- check_choice(weight_type, "weight_type", c("sampling", "frequency"))
  if (type == "frequency" && is.null(weights)) {
    arg_error("`weight_type = \"frequency\"` describes `weights`, which are not given: add `weights`, or drop",
              " `weight_type`.")
  }
  type == "frequency"
}

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

parallel_cores <- function() {
  n <- suppressWarnings(as.integer(Sys.getenv("MIXLOGIT_THREADS", "")))
  if (!is.na(n) && n > 0L) return(n)
  n <- tryCatch(rJava::.jcall(rJava::.jcall("java/lang/Runtime", "Ljava/lang/Runtime;", "getRuntime"),
                              "I", "availableProcessors"), error = function(e) 1L)
  as.integer(n)
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
