# The model formula and the model matrix it makes.
#
# A formula without `|` is the package's own: its right-hand side lists attributes, expanded by model.matrix()
# (factors, interactions), without intercepts. A formula with `|` has mlogit's meaning,
#   choice ~ generic | individual-specific | alternative-specific,
# and needs the alternative column (`alt`):
#   part 1  variables with one (generic) coefficient;
#   part 2  variables that are the same for every alternative of a situation (income, age) and the intercept, each
#           with a coefficient per alternative except the reference (the first level of `alt`, or `reflevel`);
#           `0` or `-1` drops the intercepts, which part 2 has by default (so does an empty or absent part 2 when
#           part 3 is given); a `0`/`1` in part 1 or 3 is ignored, as in mlogit;
#   part 3  variables with a coefficient for every alternative.
# Columns are named as mlogit names them: "(Intercept):2", "income:2", "x:1", with the alternative's label
# after the colon, in mlogit's order: intercepts, part 1, part 2 (variable by variable, alternatives in level
# order), part 3. The formula is split into its parts as an expression and never evaluated as a whole (R would
# read `|` as a logical or).

# The parts of a formula: the response (an expression, or NULL) and the right-hand side split at the top-level `|`
# (a list of expressions, left to right). `a + b | c | d` parses as `(a + b | c) | d`.
formula_parts <- function(formula) {
  rhs <- formula[[length(formula)]]
  parts <- list()
  while (is.call(rhs) && identical(rhs[[1L]], as.name("|"))) {
    parts <- c(list(rhs[[3L]]), parts)
    rhs <- rhs[[2L]]
  }
  list(response = if (length(formula) == 3L) formula[[2L]] else NULL, parts = c(list(rhs), parts))
}

# A one-sided formula `~ part` with the environment of `formula` (variables not in the data are looked up there).
part_formula <- function(part, formula) {
  f <- stats::as.formula(call("~", part), env = environment(formula))
  environment(f) <- environment(formula)
  f
}

# The model matrix of `data` for `formula` and the response. `a` holds the validated settings (group, alt,
# reflevel, the name of the data in messages: where). Returns y (0/1), x (the attribute columns), and `spec`, which
# model_columns() uses to build the same columns on new data; plus terms, xlevels and contrasts (those of the whole
# formula for a one-part formula, NULL otherwise).
model_design <- function(formula, data, a) {
  parts <- formula_parts(formula)
  if (length(parts$parts) > 3L) {
    arg_error("`formula` has ", length(parts$parts), " parts separated by `|`: it takes at most three, as in mlogit",
              " (choice ~ generic | individual-specific | alternative-specific).")
  }
  check_formula_variables(formula, data, "data")
  if (length(parts$parts) == 2L && is_constant_part(parts$parts[[2L]]) && !part_has_intercept(parts$parts[[2L]])) {
    # `choice ~ x | 0` (mlogit's way of saying: no intercepts) is the one-part formula `choice ~ x`
    formula <- stats::as.formula(call("~", parts$response, parts$parts[[1L]]), env = environment(formula))
    parts$parts <- parts$parts[1L]
  }
  if (length(parts$parts) == 1L) {
    design <- one_part_design(formula, data)
    y <- chosen_indicator(design$y, data, a)
    return(list(y = as.numeric(y), x = design$x, terms = design$terms, xlevels = design$xlevels, contrasts = design$contrasts,
                spec = list(kind = "one-part", terms = design$terms, xlevels = design$xlevels,
                            contrasts = design$contrasts)))
  }
  if (is.null(a$alt)) {
    arg_error("`formula` has parts separated by `|` (mlogit's choice ~ generic | individual-specific |",
              " alternative-specific), which need the alternative column: give `alt`, e.g. alt = \"alt\".")
  }
  y <- chosen_indicator(formula_response(parts$response, formula, data), data, a)
  spec <- multipart_spec(parts$parts, formula, data, a)
  list(y = as.numeric(y), x = multipart_columns(spec, data, "data"), terms = NULL, xlevels = NULL, contrasts = NULL,
       spec = spec)
}

# The response and model matrix of a formula on estimation data, without the settings (no alternative column):
# model_design() for callers that have only a formula and data.
design_matrix <- function(formula, data) {
  model_design(formula, data, list(group = NULL, alt = NULL, reflevel = NULL))[c("y", "x", "terms", "xlevels",
                                                                               "contrasts")]
}

# The attribute columns of new data (or of any data) for a fit: the columns it was estimated with, built the same
# way (stored factor levels and contrasts, the same reference alternative). `where` names the data in messages.
model_columns <- function(object, data, where = "newdata") {
  spec <- object$design
  if (is.null(spec)) {
    spec <- list(kind = "one-part", terms = object$terms, xlevels = object$xlevels, contrasts = object$contrasts)
  }
  if (identical(spec$kind, "one-part")) {
    rhs <- delete.response(spec$terms)
    check_formula_variables(rhs, data, where)
    mf <- frame_of(rhs, data, where, xlev = spec$xlevels)
    x <- model.matrix(rhs, mf, contrasts.arg = spec$contrasts)
    return(check_design(x[, colnames(x) != "(Intercept)", drop = FALSE], where))
  }
  check_formula_variables(spec$formula, data, where, response = FALSE)
  alt <- object$settings$alt
  if (is.null(data[[alt]])) {
    arg_error("`", where, "` has no column \"", alt, "\" (the alternatives, `alt`), which the fit's formula needs.",
              " Columns: ", paste(names(data), collapse = ", "), ".")
  }
  multipart_columns(spec, data, where)
}

# The response and model matrix of a one-part formula (factors and interactions expanded, intercept dropped).
# A term that is itself a logical or (`(pf + cl | inc)`, parentheses hiding mlogit's parts) would be one TRUE/FALSE
# column: an error (I(a | b) says a logical column is meant).
one_part_design <- function(formula, data) {
  mf <- frame_of(formula, data, "data")
  terms <- terms(mf)
  for (label in attr(terms, "term.labels")) {
    term <- str2lang(label)
    while (is.call(term) && identical(term[[1L]], as.name("("))) term <- term[[2L]]
    if (is.call(term) && (identical(term[[1L]], as.name("|")) || identical(term[[1L]], as.name("||")))) {
      arg_error("`formula` has the term `", label, "`, a logical or of its sides (one TRUE/FALSE column). mlogit's",
                " parts are separated by | outside parentheses: choice ~ generic | individual-specific |",
                " alternative-specific; write I(", label, ") for a logical column.")
    }
  }
  x <- check_design(model.matrix(terms, mf))
  keep <- colnames(x) != "(Intercept)"
  list(y = stats::model.response(mf), x = x[, keep, drop = FALSE], terms = terms,
       xlevels = stats::.getXlevels(terms, mf), contrasts = attr(x, "contrasts"))
}

# The response of a multi-part formula, evaluated on the data alone.
formula_response <- function(response, formula, data) {
  if (is.null(response)) {
    arg_error("`formula` must be two-sided, such as choice ~ price + time.")
  }
  f <- stats::as.formula(call("~", response, 1), env = environment(formula))
  stats::model.response(frame_of(f, data, "data"))
}

# model.frame() with missing values kept (they are reported by row later), its errors as classed conditions.
# On new data (the fit's terms, with the classes of its variables), a variable of another type than in the estimation
# data (numbers where a factor or logical was, text where numbers were) is an argument error naming it; R would warn
# "is not a factor" and fail in model.matrix(), or make dummies of text numbers.
frame_of <- function(formula, data, where, xlev = NULL) {
  classes <- if (where != "data") attr(formula, "dataClasses") else NULL
  mf <- withCallingHandlers(
    tryCatch(model.frame(formula, data, na.action = na.pass, xlev = xlev), error = function(e) {
      message <- conditionMessage(e)
      if (grepl("has new levels?", message)) {
        data_error("`", where, "` has levels the fit did not see: ", message, ". Use the levels of the estimation",
                   " data.")
      }
      arg_error("`formula` cannot be evaluated on `", where, "`: ", message)
    }),
    warning = function(w) {
      if (!is.null(classes) && grepl("is not a factor", conditionMessage(w))) invokeRestart("muffleWarning")
    })
  if (!is.null(classes)) {
    tryCatch(stats::.checkMFClasses(classes, mf), error = function(e) {
      arg_error("`", where, "` does not match the estimation data: ", conditionMessage(e), ". Give each variable",
                " the type it had when the model was fitted.")
    })
  }
  mf
}

# Stops when the formula uses variables that are neither columns of the data nor objects visible from the
# formula's environment, naming them, the closest column and the columns there are.
check_formula_variables <- function(formula, data, where, response = TRUE) {
  variables <- all.vars(if (response) formula else formula[[length(formula)]])
  env <- environment(formula)
  if (is.null(env)) env <- globalenv()
  visible <- vapply(variables, function(v) {
    exists(v, envir = env, inherits = TRUE) && !is.function(get(v, envir = env, inherits = TRUE))
  }, logical(1))
  unknown <- variables[!variables %in% names(data) & !visible]
  if (length(unknown) == 0L) return(invisible(NULL))
  hints <- vapply(unknown, function(v) {
    close <- closest_name(v, names(data))
    if (is.null(close)) "" else paste0(" (did you mean \"", close, "\"?)")
  }, "")
  names <- paste0('"', unknown, '"', hints, collapse = ", ")
  if (where != "data") {
    arg_error("`", where, "` has no column ", names, ", which the model uses. Columns: ",
              paste(names(data), collapse = ", "), ".")
  }
  arg_error("`formula` names ", names, ", which ", if (length(unknown) > 1L) "are not columns" else "is not a column",
            " of `data`. Columns: ", paste(names(data), collapse = ", "), ".")
}

# The name among `choices` closest to `x` (edit distance at most a third of its length, at least 1), or NULL.
closest_name <- function(x, choices) {
  if (length(choices) == 0L) return(NULL)
  d <- as.vector(utils::adist(tolower(x), tolower(choices)))
  best <- which.min(d)
  if (d[best] <= max(1, floor(nchar(x) / 3))) choices[best] else NULL
}

# Multi-part formulas ------------------------------------------------------------------------------------------

# What a multi-part formula makes of the data: per part its terms, factor levels and contrasts (so that new data
# are coded the same way), whether there are intercepts, and the alternatives in level order, reference first.
multipart_spec <- function(parts, formula, data, a) {
  levels <- alternative_levels(data[[a$alt]], a$reflevel)
  if (length(levels) < 2L) {
    data_error("Column \"", a$alt, "\" (`alt`) has one alternative, \"", levels, "\": a choice needs at least two.")
  }
  intercept <- if (length(parts) >= 2L) part_has_intercept(parts[[2L]]) else TRUE
  frames <- lapply(seq_along(parts), function(k) {
    if (k == 1L || !is_constant_part(parts[[k]])) part_terms(parts[[k]], formula, data) else NULL
  })
  list(kind = "multi-part", formula = formula, parts = frames, intercept = intercept, levels = levels,
       alt = a$alt)
}

# The columns of a multi-part formula on `data`, in mlogit's order and with its names.
multipart_columns <- function(spec, data, where) {
  alt <- as.character(data[[spec$alt]])
  unknown <- setdiff(unique(alt), spec$levels)
  if (length(unknown) > 0L) {
    data_error("`", where, "` has alternative", if (length(unknown) > 1L) "s " else " ",
               paste0('"', utils::head(unknown, 5L), '"', collapse = ", "), " in column \"", spec$alt,
               "\", which the fit does not have: its alternatives are ", paste(spec$levels, collapse = ", "), ".")
  }
  reference <- spec$levels[1L]
  others <- spec$levels[-1L]
  blocks <- list()
  if (spec$intercept) {
    blocks$intercepts <- indicator_columns(matrix(1, length(alt), 1L, dimnames = list(NULL, "(Intercept)")), alt,
                                           others)
  }
  columns <- lapply(spec$parts, function(p) if (is.null(p)) NULL else part_matrix(p, data, where))
  blocks$generic <- columns[[1L]]
  if (length(columns) >= 2L && !is.null(columns[[2L]])) {
    blocks$individual <- indicator_columns(columns[[2L]], alt, others)
  }
  if (length(columns) >= 3L && !is.null(columns[[3L]])) {
    blocks$alternative <- indicator_columns(columns[[3L]], alt, spec$levels)
  }
  x <- do.call(cbind, unname(blocks[!vapply(blocks, is.null, logical(1))]))
  if (is.null(x) || ncol(x) == 0L) {
    arg_error("`formula` has no attributes on its right-hand side (and no intercepts).")
  }
  if (anyDuplicated(colnames(x))) {
    arg_error("`formula` makes the column \"", colnames(x)[anyDuplicated(colnames(x))], "\" twice: a variable",
              " appears in two parts.")
  }
  check_design(x, where)
}

# Each column of `m` times the indicator of each alternative in `levels`, named "column:alternative", column by
# column.
indicator_columns <- function(m, alt, levels) {
  out <- matrix(0, nrow(m), ncol(m) * length(levels))
  names <- character(ncol(out))
  k <- 0L
  for (j in seq_len(ncol(m))) {
    for (level in levels) {
      k <- k + 1L
      out[, k] <- m[, j] * (alt == level)
      names[k] <- paste0(colnames(m)[j], ":", level)
    }
  }
  colnames(out) <- names
  out
}

# Terms, factor levels and contrasts of one part, from the estimation data.
part_terms <- function(part, formula, data) {
  f <- part_formula(part, formula)
  mf <- frame_of(f, data, "data")
  terms <- terms(mf)
  x <- model.matrix(terms, mf)
  list(terms = terms, xlevels = stats::.getXlevels(terms, mf), contrasts = attr(x, "contrasts"))
}

# The columns of one part on `data`, without the intercept (NULL when the part has no variables).
part_matrix <- function(p, data, where) {
  mf <- frame_of(p$terms, data, where, xlev = p$xlevels)
  x <- model.matrix(p$terms, mf, contrasts.arg = p$contrasts)
  x <- x[, colnames(x) != "(Intercept)", drop = FALSE]
  if (ncol(x) == 0L) NULL else x
}

# Whether part 2 keeps the intercepts: not when it holds 0 or -1 (as a term: `0`, `-1`, `income - 1`, `0 + x`).
part_has_intercept <- function(part) {
  attr(stats::terms(stats::as.formula(call("~", part))), "intercept") == 1L
}

# A part of only 0, 1 or -1 (no variables).
is_constant_part <- function(part) {
  length(all.vars(part)) == 0L
}

# The alternatives in level order, reference first: a factor's levels (those present), otherwise numbers in
# numeric order and labels in C-locale (byte) order; `reflevel` moves one level to the front.
alternative_levels <- function(x, reflevel = NULL) {
  levels <- if (is.factor(x)) {
    levels(droplevels(x))
  } else if (is.numeric(x)) {
    as.character(sort(unique(x)))
  } else {
    sort(unique(as.character(x)), method = "radix")
  }
  if (!is.null(reflevel)) {
    reflevel <- as.character(reflevel)
    if (!reflevel %in% levels) {
      arg_error("`reflevel` is \"", reflevel, "\", which is not an alternative: use one of ",
                paste(levels, collapse = ", "), ".")
    }
    levels <- c(reflevel, setdiff(levels, reflevel))
  }
  levels
}

# The response as 0/1: from 0/1 numbers, logicals, the texts "0"/"1", "FALSE"/"TRUE", "no"/"yes", or a factor or
# text naming the chosen alternative (a value of the `alt` column; the same value on every row of a situation).
chosen_indicator <- function(y, data, a) {
  if (is.null(y)) {
    arg_error("`formula` must be two-sided, such as choice ~ price + time.")
  }
  if (is.matrix(y) || is.data.frame(y)) {
    arg_error("The response of `formula` must be one column marking or naming the chosen alternative.")
  }
  if (is.logical(y)) return(check_response(as.numeric(y)))
  if (is.numeric(y)) return(check_numeric_response(check_response(y), data, a))
  if (!is.factor(y) && !is.character(y)) {
    arg_error("The response of `formula` is ", class(y)[1L], ": it must be 0/1, logical, or a factor or text",
              " naming the chosen alternative.")
  }
  missing_rows <- which(is.na(y))
  if (length(missing_rows) > 0L) check_response(replace(rep(0, length(y)), missing_rows, NA))
  text <- as.character(y)
  if (!is.null(a$alt)) {
    labels <- as.character(data[[a$alt]])
    if (all(text %in% labels)) return(named_choice(text, labels, data, a))
  }
  words <- tolower(trimws(text))
  codes <- list(c("0", "1"), c("false", "true"), c("no", "yes"))
  for (code in codes) {
    if (all(words %in% code)) return(as.numeric(words == code[2L]))
  }
  values <- unique(text)
  arg_error("The response of `formula` is ", if (is.factor(y)) "a factor" else "text", " with values ",
            paste0('"', utils::head(values, 5L), '"', collapse = ", "), if (length(values) > 5L) ", ..." else "",
            ": it must name the chosen alternative (a value of the `alt` column",
            if (is.null(a$alt)) ", so give `alt`" else paste0(" \"", a$alt, "\""), ") or be 0/1, TRUE/FALSE or",
            " yes/no.")
}

# A response naming the chosen alternative on every row of a situation: the row whose alternative it names is
# chosen. The name must be the same on all rows of a situation and be one of the situation's alternatives.
named_choice <- function(text, labels, data, a) {
  situation <- data[[a$group]]
  first <- text[match(situation, situation)]
  changed <- which(text != first)
  if (length(changed) > 0L) {
    row <- changed[1L]
    data_error("The response names the chosen alternative but changes within choice situation ", situation[row],
               " (\"", first[row], "\" and \"", text[row], "\" in row ", row, "): it must name the same",
               " alternative on every row of a situation.")
  }
  chosen <- text == labels
  found <- tapply(chosen, situation, sum)
  none <- names(found)[found == 0L]
  if (length(none) > 0L) {
    row <- match(none[1L], as.character(situation))
    data_error("The response names alternative \"", text[row], "\" as chosen in choice situation ", none[1L],
               " (row ", row, "), which does not list that alternative in column \"", a$alt, "\".")
  }
  as.numeric(chosen)
}

# A numeric response that is not 0/1 but holds the labels of the alternatives (the chosen alternative's number, as
# in wide data) is refused with that hint; other values are left to the engine, which names the row.
check_numeric_response <- function(y, data, a) {
  bad <- which(y != 0 & y != 1)
  if (length(bad) == 0L || is.null(a$alt) || !all(as.character(y) %in% as.character(data[[a$alt]]))) return(y)
  data_error("The response is ", format(y[bad[1L]]), " in row ", bad[1L], ": it must be 1 for the chosen",
             " alternative and 0 for the others. Its values look like the chosen alternative's label (column \"",
             a$alt, "\"): give the response as a factor, e.g. factor(choice), or as choice == ", a$alt, ".")
}
