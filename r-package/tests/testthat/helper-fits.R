# Fits shared by the tests (computed once per test run).
electricity <- electricity_data()
attributes <- c("pf", "cl", "loc", "wk", "tod", "seas")
all_normal <- stats::setNames(rep("n", 6), attributes)

plain_fit <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, electricity, group = "chid", id = "id",
                      threads = 2)
mixed_fit <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, electricity, group = "chid", id = "id",
                      rpar = all_normal, R = 100, threads = 2)

# Absolute tolerance, element by element (testthat's tolerance is relative).
expect_close <- function(actual, expected, tolerance) {
  actual <- unname(as.numeric(actual))
  expected <- unname(as.numeric(expected))
  expect_equal(length(actual), length(expected))
  difference <- max(abs(actual - expected))
  expect_true(difference <= tolerance,
              label = sprintf("largest absolute difference %.3g (tolerance %.3g)", difference, tolerance))
}

# Runs `lines` in a child R session (Rscript --vanilla, this session's library paths, files in `dir`), expects it to
# end without error, and returns a function that gives the rest of its output line that starts with a key and a
# space ("FIT -0x1.e6p+11 ..." -> field("FIT")).
child_session <- function(lines, dir) {
  dir.create(dir, recursive = TRUE, showWarnings = FALSE)
  files <- file.path(dir, c("child.R", "out", "err"))
  writeLines(c(sprintf(".libPaths(%s)", paste(deparse(.libPaths()), collapse = "")), lines), files[1])
  status <- system2(file.path(R.home("bin"), "Rscript"), c("--vanilla", shQuote(files[1])),
                    stdout = files[2], stderr = files[3])
  out <- readLines(files[2], warn = FALSE)
  expect_equal(status, 0L, label = paste(c(out, readLines(files[3], warn = FALSE)), collapse = "\n"))
  function(key) trimws(sub(paste0("^", key, " "), "", grep(paste0("^", key, " "), out, value = TRUE)))
}
