# The engine's vocabulary: its lists of distribution codes, draw types, optimizers, covariance types, methods,
# weightings and instrument keywords, and the defaults of its estimation options (org.mixlogit.bridge.Vocabulary).
# The package keeps no hand-written copies. The build that makes the engine jar writes its vocabulary next to it,
# to inst/vocabulary.json (java/pom.xml; the same document as ./mixlogit vocabulary), and the package reads that
# file once per session: its argument checks (validate.R) then need no call into Java, which a session's first fit
# paid for (about 0.05 s of CPU). When the file is missing, unreadable or written by another version of the engine
# than this package's, the document is asked of the engine itself (MixlogitBridge.vocabulary()).

vocabulary_cache <- new.env(parent = emptyenv())

# The vocabulary as a list (jsonlite, simplifyVector = FALSE), read once per session.
vocabulary_document <- function() {
  document <- vocabulary_cache[[".document"]]
  if (is.null(document)) {
    document <- packaged_vocabulary(system.file("vocabulary.json", package = "mixlogit"))
    if (is.null(document)) {
      check_engine_version()
      document <- jsonlite::fromJSON(
        with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "S", "vocabulary")), simplifyVector = FALSE)
    }
    assign(".document", document, envir = vocabulary_cache)
  }
  document
}

# The vocabulary the engine's build wrote into the package, or NULL when `file` is "" (absent), does not parse, or
# is not the vocabulary of this package's version of the engine.
packaged_vocabulary <- function(file) {
  if (!nzchar(file) || !file.exists(file)) return(NULL)
  document <- tryCatch(jsonlite::fromJSON(file, simplifyVector = FALSE), error = function(e) NULL)
  if (!is.list(document) || !identical(document$format, "mixlogit-vocabulary/1") ||
      !identical(document$engine, as.character(utils::packageVersion("mixlogit")))) {
    return(NULL)
  }
  document
}

# One list of the vocabulary ("distributions", "draws", "optimizers", "vce", "methods", "weighting",
# "instruments", or "defaults") as a data frame of strings, one row per entry (one row for "defaults"), one column
# per field in order of first appearance; logical values are "true"/"false", arrays (such as the aliases) are
# joined by "|", absent fields are "".
engine_vocabulary <- function(list) {
  table <- vocabulary_cache[[list]]
  if (is.null(table)) {
    document <- vocabulary_document()
    entries <- if (identical(list, "defaults")) document["defaults"] else document[[list]]
    if (!is.list(entries) || length(entries) == 0L || !is.null(names(entries)) && !identical(list, "defaults")) {
      mixlogit_abort(paste0("The engine's vocabulary has no list '", list, "': the package and its engine do not",
                            " match; reinstall the package."), c("mixlogit_engine_failure", "mixlogit_engine_error"))
    }
    fields <- unique(unlist(lapply(entries, names)))
    cell <- function(value) {
      if (is.null(value)) return("")
      if (is.list(value)) return(paste(vapply(value, cell, ""), collapse = "|"))
      if (is.logical(value)) return(if (value) "true" else "false")
      as.character(value)
    }
    columns <- lapply(stats::setNames(fields, fields), function(f) vapply(entries, function(e) cell(e[[f]]), ""))
    table <- data.frame(columns, stringsAsFactors = FALSE, check.names = FALSE)
    rownames(table) <- NULL
    assign(list, table, envir = vocabulary_cache)
  }
  table
}

# The codes of a list, in the engine's order.
vocabulary_codes <- function(list) engine_vocabulary(list)$code

# Every word the engine accepts for a list: the codes and their aliases.
vocabulary_words <- function(list) {
  table <- engine_vocabulary(list)
  aliases <- if (is.null(table$aliases)) character(0) else unlist(strsplit(table$aliases, "|", fixed = TRUE))
  unique(c(table$code, aliases))
}

# The distribution codes of random coefficients (for `rpar`): "n", "ln", ...
distribution_codes <- function() {
  table <- engine_vocabulary("distributions")
  table$code[table$random == "true"]
}

# The draw types (codes) for `draws`.
draw_types <- function() vocabulary_codes("draws")

# The covariance types an estimate by `method` has, and the one it reports by default.
vce_codes <- function(method) {
  table <- engine_vocabulary("vce")
  table$code[vapply(strsplit(table$methods, "|", fixed = TRUE), function(m) method %in% m, logical(1))]
}

default_vce <- function(method) {
  table <- engine_vocabulary("methods")
  table$vce[table$code == method]
}

# The instrument choices typed as one word ("optimal", "default").
instrument_keywords <- function() {
  table <- engine_vocabulary("instruments")
  table$code[table$keyword == "true"]
}

# The defaults of the estimation options as a named list, numbers as numbers (as the document has them).
engine_defaults <- function() {
  vocabulary_document()$defaults
}

# One value of the engine's latent class entry ("maxClasses", "starts", "classPrefix", "sharePrefix", "constant",
# "criteria"); arrays as character vectors.
latent_class_value <- function(name) {
  entry <- vocabulary_document()$latentClasses
  if (is.null(entry)) {
    mixlogit_abort(paste0("The engine's vocabulary has no latent class entry: the package and its engine jar",
                          " do not match; reinstall the package."), c("mixlogit_engine_failure", "mixlogit_engine_error"))
  }
  value <- entry[[name]]
  if (is.list(value)) unlist(value) else value
}
