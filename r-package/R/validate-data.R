# Checks of the data mixlogit() and predict() are given: labels, responses, designs, identifiers, clusters,
# missing values, weights, subsets, and the parameter names the model's columns make (validate.R checks the
# arguments).

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
                 if (where != "data") paste0(" of `", where, "`"), ": every row needs its ",
                 if (identical(column, alt)) "alternative" else "market", ".")
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

# The first row whose `x` differs from `x` at the first row of the same `key`; NA when `x` is constant within keys.
first_change <- function(key, x) {
  changed <- which(x != x[match(key, key)])
  if (length(changed) == 0L) NA_integer_ else changed[1L]
}

# Clusters group whole decision-makers (whole situations in a cross-section): a cluster column that changes within
# one is named as such (the engine checks it as a characteristic and would advise using it as an attribute).
check_cluster_within_id <- function(data, cluster, unit, cross_section) {
  if (is.null(cluster) || anyNA(data[[cluster]]) || anyNA(data[[unit]])) return(invisible(NULL))
  u <- data[[unit]]
  x <- data[[cluster]]
  row <- first_change(u, x)
  if (is.na(row)) return(invisible(NULL))
  what <- if (cross_section) "choice situation" else "decision-maker"
  data_error("The cluster column \"", cluster, "\" changes within ", what, " ", u[row], " (", x[match(u[row], u)],
             " and ", x[row], ", row ", row, "): a cluster holds whole ", what, "s, so `cluster` must be constant",
             " within each ", what, ".")
}

# Each choice situation belongs to one decision-maker. A `group` column that numbers the situations within each
# decision-maker (apollo's and Stata's task numbers 1, 2, ... per person) repeats across decision-makers: say so,
# and how to make a situation column, instead of the engine's message about one merged situation.
check_group_within_id <- function(data, group, id, where = "data") {
  if (is.null(id)) return(invisible(NULL))
  g <- data[[group]]
  ids <- data[[id]]
  row <- first_change(g, ids)
  if (is.na(row)) return(invisible(NULL))
  data_error("Choice situation ", g[row], " (`group` column \"", group, "\") belongs to several decision-makers (",
             id, " ", ids[match(g[row], g)], " and ", ids[row], ", row ", row, if (where != "data") paste0(" of `", where, "`"),
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
# correlated block (its members in the order of the attributes), "chol.b:a" as mlogit names them; fitting.R's
# rename_parameters()). A test keeps them equal to the names of fits.
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

# `common` must name columns of the model matrix, and not all of them (a class needs a coefficient of its own).
check_common_columns <- function(common, columns) {
  unknown <- setdiff(common, columns)
  if (length(unknown) > 0L) {
    arg_error("`common` names ", unknown[1L], ", which is not a column of the model matrix: ",
              paste(columns, collapse = ", "), ".")
  }
}
