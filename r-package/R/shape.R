# Data as users hold them: dfidx and mlogit.data objects (the index unfolded into columns) and wide data (one row
# per choice situation, reshaped to one row per alternative by mixlogit_long()).

# Unfolds the index of a dfidx object (its column of class "idx": the first index and its nesting variable, the
# second index, told apart by the "ids" attribute) or of an mlogit.data object (its "index" attribute: chid, alt,
# and id when given) into ordinary columns. Returns the plain data frame and the names of the situation,
# decision-maker and alternative columns the index holds (NULL when it holds none). A data frame without an index
# comes back unchanged. Index columns that are factors of whole numbers become numbers (as dfidx keeps its first
# index), so that ids are coded as in the long data; the alternative keeps its levels. `where` names the data in
# messages ("data" or "newdata").
unfold_index <- function(data, where = "data") {
  index <- index_of(data, where)
  if (is.null(index)) {
    return(list(data = data, group = NULL, id = NULL, alt = NULL))
  }
  plain <- data
  attr(plain, "index") <- NULL
  plain <- as.data.frame(unclass_frame(plain))
  if (!is.null(index$column)) plain[[index$column]] <- NULL
  for (name in names(index$columns)) {
    value <- index$columns[[name]]
    if (name != index$alt) value <- whole_numbers(value)
    if (!is.null(plain[[name]])) {
      if (!identical(as.character(plain[[name]]), as.character(value))) {
        data_error("`", where, "` has a column \"", name, "\" and an index of the same name with other values:",
                   " rename the column.")
      }
      next
    }
    plain[[name]] <- value
  }
  list(data = plain, group = index$group, id = index$id, alt = index$alt)
}

# The index of a dfidx or mlogit.data object as columns and the roles of its names; NULL for other data.
index_of <- function(data, where = "data") {
  idx_columns <- which(vapply(data, function(v) inherits(v, "idx"), logical(1)))
  if (length(idx_columns) > 1L) {
    data_error("`", where, "` has ", length(idx_columns), " index (\"idx\") columns: a dfidx object has one.")
  }
  if (length(idx_columns) == 1L) {
    idx <- data[[idx_columns]]
    ids <- attr(idx, "ids")
    columns <- as.list(as.data.frame(unclass_frame(idx)))
    if (is.null(ids) || length(ids) != length(columns) || !all(c(1, 2) %in% ids)) {
      data_error("The index column \"", names(data)[idx_columns], "\" of `", where, "` has no valid \"ids\" attribute:",
                 " it is not a dfidx index. Give a plain data frame with `group` and `alt` instead.")
    }
    first <- names(columns)[ids == 1]
    return(list(columns = columns, column = names(data)[idx_columns], group = first[1L],
                id = if (length(first) > 1L) first[2L] else NULL, alt = names(columns)[ids == 2][1L]))
  }
  index <- attr(data, "index")
  if (inherits(data, "mlogit.data") && is.data.frame(index) && all(c("chid", "alt") %in% names(index))) {
    if (nrow(index) != nrow(data)) {
      data_error("The \"index\" attribute of `", where, "` (an mlogit.data object) has ", nrow(index), " rows but `",
                 where, "` has ", nrow(data), ".")
    }
    columns <- as.list(index)
    return(list(columns = columns, column = NULL, group = "chid", id = if ("id" %in% names(index)) "id" else NULL,
                alt = "alt"))
  }
  NULL
}

# A data frame (or idx) as a plain data.frame, whatever extra classes it carries.
unclass_frame <- function(x) {
  class(x) <- "data.frame"
  x
}

# A factor or text of whole numbers as numbers; anything else unchanged.
whole_numbers <- function(x) {
  if (!is.factor(x) && !is.character(x)) return(x)
  numbers <- suppressWarnings(as.numeric(as.character(x)))
  if (anyNA(numbers[!is.na(x)]) || any(numbers != round(numbers), na.rm = TRUE)) return(x)
  numbers
}

# Wide data ------------------------------------------------------------------------------------------------------

mixlogit_long <- function(data, varying, sep = ".", choice = NULL, group = "chid", alt = "alt",
                          alternatives = NULL) {
  if (!is.data.frame(data)) {
    arg_error("`data` must be a data frame with one row per choice situation, not ", class(data)[1L], ".")
  }
  data <- as.data.frame(data)
  if (nrow(data) == 0L) data_error("`data` has no rows.")
  varying <- varying_names(varying, data)
  if (!is.character(sep) || length(sep) != 1L || is.na(sep)) {
    arg_error("`sep` must be one string: the separator between a variable's name and the alternative (\"\"",
              " when the alternative is the trailing number, as in pf1).")
  }
  for (name in c("group", "alt")) {
    value <- get(name)
    if (!is.character(value) || length(value) != 1L || is.na(value) || value == "") {
      arg_error("`", name, "` must be one column name (a string).")
    }
  }
  split <- split_varying(varying, sep, alternatives)
  levels <- split$alternatives
  variables <- unique(split$variable)
  missing_pairs <- expand.grid(variable = variables, alternative = levels, stringsAsFactors = FALSE)
  found <- paste(split$variable, split$alternative, sep = "\r")
  absent <- which(!paste(missing_pairs$variable, missing_pairs$alternative, sep = "\r") %in% found)
  if (length(absent) > 0L) {
    k <- absent[1L]
    arg_error("`varying` has no column for variable \"", missing_pairs$variable[k], "\" and alternative \"",
              missing_pairs$alternative[k], "\": every variable needs one column per alternative (alternatives ",
              paste(levels, collapse = ", "), "); give a column of NA where an alternative does not have it.")
  }
  if (anyDuplicated(found)) {
    k <- anyDuplicated(found)
    arg_error("`varying` has two columns for variable \"", split$variable[k], "\" and alternative \"",
              split$alternative[k], "\".")
  }
  fixed <- setdiff(names(data), varying)
  clash <- intersect(c(variables, alt), fixed)
  if (length(clash) > 0L) {
    arg_error("Column \"", clash[1L], "\" of `data` does not vary over alternatives, but the long data would have",
              " a column of that name from `varying` or `alt`: rename it.")
  }
  if (!is.null(choice)) {
    choice <- check_column(choice, "choice", data)
    if (choice %in% varying) arg_error("`choice` names column \"", choice, "\", which is in `varying`.")
  }
  n <- nrow(data)
  situations <- if (group %in% names(data)) data[[group]] else seq_len(n)
  if (anyDuplicated(situations)) {
    k <- anyDuplicated(situations)
    data_error("Column \"", group, "\" (`group`) has the value ", situations[k], " twice (row ", k, "): in wide",
               " data it must identify the row, one choice situation each.")
  }
  J <- length(levels)
  rows <- rep(seq_len(n), each = J)
  long <- data[rows, fixed, drop = FALSE]
  long[[group]] <- situations[rows]
  long[[alt]] <- alternative_values(rep(levels, n))
  for (v in variables) {
    columns <- varying[split$variable == v][match(levels, split$alternative[split$variable == v])]
    long[[v]] <- as.vector(t(as.matrix(data[, columns, drop = FALSE])))
  }
  if (!is.null(choice)) {
    named <- as.character(data[[choice]])
    unknown <- which(!is.na(named) & !named %in% levels)
    if (length(unknown) > 0L) {
      data_error("Column \"", choice, "\" (`choice`) is \"", named[unknown[1L]], "\" in row ", unknown[1L],
                 ", which is not an alternative: the alternatives are ", paste(levels, collapse = ", "), ".")
    }
    long[[choice]] <- named[rows] == as.character(long[[alt]])
  }
  available <- rowSums(!is.na(long[variables])) > 0L
  if (!is.null(choice)) {
    dropped <- which(!available & long[[choice]] %in% TRUE)
    if (length(dropped) > 0L) {
      k <- rows[dropped[1L]]
      data_error("Row ", k, " of `data` chooses alternative \"", long[[alt]][dropped[1L]], "\", whose variables",
                 " are all missing.")
    }
  }
  long <- long[available, , drop = FALSE]
  rownames(long) <- NULL
  front <- c(group, alt, if (!is.null(choice)) choice)
  long[c(front, setdiff(names(long), front))]
}

# `varying` as column names: names or positions of columns of `data`.
varying_names <- function(varying, data) {
  if (missing(varying) || is.null(varying) || length(varying) == 0L) {
    arg_error("`varying` is required: the columns that vary over alternatives, by name or position (as in",
              " mlogit's dfidx(), e.g. varying = 3:26).")
  }
  if (is.numeric(varying)) {
    bad <- varying[is.na(varying) | varying < 1 | varying > ncol(data) | varying != round(varying)]
    if (length(bad) > 0L) {
      arg_error("`varying` holds position ", bad[1L], ", but `data` has ", ncol(data), " columns.")
    }
    return(names(data)[varying])
  }
  if (!is.character(varying) || anyNA(varying)) {
    arg_error("`varying` must name columns of `data` or give their positions.")
  }
  unknown <- setdiff(varying, names(data))
  if (length(unknown) > 0L) {
    arg_error("`varying` names column \"", unknown[1L], "\", which is not in `data`. Columns: ",
              paste(names(data), collapse = ", "), ".")
  }
  unique(varying)
}

# Splits the varying column names into variable and alternative: at the last `sep`; with sep = "" the alternative
# is the trailing number (pf1: pf and 1), or the given label the name ends with when `alternatives` is set. The
# alternatives come back in the order of `alternatives`, or numerically when all are numbers, or in their first
# appearance order.
split_varying <- function(names, sep, alternatives = NULL) {
  if (!is.null(alternatives)) {
    alternatives <- as.character(alternatives)
    pieces <- lapply(names, function(nm) {
      ends <- alternatives[endsWith(nm, paste0(sep, alternatives))]
      if (length(ends) == 0L) {
        arg_error("`varying` column \"", nm, "\" does not end in ", if (nzchar(sep)) paste0("\"", sep, "\" and "),
                  "one of the alternatives ", paste(alternatives, collapse = ", "), ".")
      }
      ends <- ends[which.max(nchar(ends))]
      c(substr(nm, 1L, nchar(nm) - nchar(ends) - nchar(sep)), ends)
    })
  } else {
    pieces <- lapply(names, function(nm) {
      if (nzchar(sep)) {
        at <- gregexpr(sep, nm, fixed = TRUE)[[1L]]
        at <- at[length(at)]
        if (at < 0L) {
          arg_error("`varying` column \"", nm, "\" has no separator \"", sep, "\" between the variable and the",
                    " alternative: set `sep` (\"\" for names such as pf1).")
        }
        return(c(substr(nm, 1L, at - 1L), substr(nm, at + nchar(sep), nchar(nm))))
      }
      match <- regmatches(nm, regexec("^(.*[^0-9])([0-9]+)$", nm))[[1L]]
      if (length(match) == 0L) {
        arg_error("`varying` column \"", nm, "\" does not end in the alternative's number: with sep = \"\" names",
                  " are like pf1; otherwise set `sep` or `alternatives`.")
      }
      match[2:3]
    })
  }
  variable <- vapply(pieces, `[`, "", 1L)
  alternative <- vapply(pieces, `[`, "", 2L)
  empty <- which(variable == "" | alternative == "")
  if (length(empty) > 0L) {
    arg_error("`varying` column \"", names[empty[1L]], "\" splits into an empty variable or alternative name.")
  }
  if (is.null(alternatives)) {
    alternatives <- unique(alternative)
    numbers <- suppressWarnings(as.numeric(alternatives))
    if (!anyNA(numbers)) alternatives <- alternatives[order(numbers)]
  }
  list(variable = variable, alternative = alternative, alternatives = alternatives)
}

# Alternative labels as numbers when all are numbers, as text otherwise.
alternative_values <- function(x) {
  numbers <- suppressWarnings(as.numeric(x))
  if (anyNA(numbers)) x else numbers
}
