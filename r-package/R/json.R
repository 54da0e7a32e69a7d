# JSON for the engine (specification, estimation and post-estimation options), written by jsonlite: strings are
# escaped by it (quotes, backslashes, control characters) and characters beyond ASCII become \uXXXX escapes, so
# the text is plain ASCII whatever the session's encoding. Numbers are written by json_number() so that every
# double reaches the engine exactly (jsonlite's own digits = NA keeps only 15 significant digits).

# A list as a JSON object: vectors are arrays unless marked with json_scalar() or json_number().
to_json <- function(x) {
  text <- as.character(jsonlite::toJSON(x, auto_unbox = FALSE, json_verbatim = TRUE, null = "null",
                                        na = "null"))
  ascii_json(text)
}

# One string (or other atomic value) written as a JSON scalar rather than an array of length one.
json_scalar <- function(x) {
  if (length(x) != 1L) {
    stop("internal: json_scalar() takes one value, not ", length(x))
  }
  jsonlite::unbox(x)
}

# Numbers as JSON text that reads back to the same doubles: whole numbers up to 2^53 without a decimal point or
# exponent, other numbers with 17 significant digits. A vector is an array with array = TRUE (even of length one).
json_number <- function(x, array = FALSE) {
  x <- as.numeric(x)
  if (any(!is.finite(x))) {
    stop("internal: json_number() takes finite numbers")
  }
  text <- ifelse(x == round(x) & abs(x) <= 2^53, formatC(x, format = "f", digits = 0L),
                 sprintf("%.17g", x))
  if (array || length(x) != 1L) {
    text <- paste0("[", paste(text, collapse = ","), "]")
  }
  structure(text, class = "json")
}

# Characters beyond ASCII as \uXXXX escapes (UTF-16 surrogate pairs above U+FFFF). They can only occur inside
# strings of the JSON text, where the escapes mean the same characters.
ascii_json <- function(text) {
  codes <- utf8ToInt(enc2utf8(text))
  if (length(codes) == 0L || all(codes < 128L)) return(text)
  wide <- codes >= 128L
  escaped <- vapply(codes[wide], function(code) {
    if (code < 65536L) return(sprintf("\\u%04x", code))
    code <- code - 65536L
    sprintf("\\u%04x\\u%04x", 55296L + code %/% 1024L, 56320L + code %% 1024L)
  }, "")
  pieces <- character(length(codes))
  pieces[!wide] <- vapply(codes[!wide], intToUtf8, "")
  pieces[wide] <- escaped
  paste(pieces, collapse = "")
}
