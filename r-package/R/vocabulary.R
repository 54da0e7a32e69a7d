# The engine's vocabulary: its lists of distribution codes, draw types, optimizers, covariance types, methods,
# weightings and instrument keywords, and the defaults of its estimation options (org.mixlogit.bridge.Vocabulary).
# The package keeps no copies: each list is read from the engine the first time it is needed in a session and kept
# in this environment. The argument checks of validate.R use these lists, before the estimation is called.

vocabulary_cache <- new.env(parent = emptyenv())

# One list of the vocabulary ("distributions", "draws", "optimizers", "vce", "methods", "weighting",
# "instruments", or "defaults") as a data frame of strings, one row per entry (one row for "defaults"); arrays,
# such as the aliases, are joined by "|".
engine_vocabulary <- function(list) {
  table <- vocabulary_cache[[list]]
  if (is.null(table)) {
    check_engine_version()
    fields <- with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "[S", "vocabularyFields", list))
    values <- with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "[S", "vocabularyTable", list))
    table <- as.data.frame(matrix(values, ncol = length(fields), dimnames = list(NULL, fields)),
                           stringsAsFactors = FALSE)
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

# The defaults of the estimation options as a named list, numbers as numbers.
engine_defaults <- function() {
  row <- engine_vocabulary("defaults")
  lapply(as.list(row), function(v) utils::type.convert(v, as.is = TRUE))
}

# One value of the engine's latent class entry ("maxClasses", "starts", "classPrefix", "sharePrefix", "constant",
# "criteria"), read from the vocabulary's JSON once per session.
latent_class_value <- function(name) {
  entry <- vocabulary_cache[["latentClasses"]]
  if (is.null(entry)) {
    check_engine_version()
    document <- with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "S", "vocabulary"))
    entry <- jsonlite::fromJSON(document, simplifyVector = TRUE)$latentClasses
    if (is.null(entry)) {
      mixlogit_abort(paste0("The engine's vocabulary has no latent class entry: the package and its engine jar",
                            " do not match; reinstall the package."), c("mixlogit_engine_failure", "mixlogit_engine_error"))
    }
    assign("latentClasses", entry, envir = vocabulary_cache)
  }
  entry[[name]]
}
