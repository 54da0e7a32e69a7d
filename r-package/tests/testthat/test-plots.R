# Plots: colour keys and a scale anchored at 0 on heat maps, titles that wrap instead of clipping, a legend on the
# conditional-means histograms, error bars on shares, a plot method for willingness to pay, and autoplot() methods
# when ggplot2 is installed. The PNGs go to a temporary directory (look at them by setting MIXLOGIT_PLOT_DIR).

plot_dir <- Sys.getenv("MIXLOGIT_PLOT_DIR", file.path(tempdir(), "mixlogit-plots"))
dir.create(plot_dir, showWarnings = FALSE, recursive = TRUE)
plot_small <- electricity[electricity$id <= 40, ]
plot_fit <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, plot_small, group = "chid", id = "id",
                     rpar = c(pf = "n", cl = "n", loc = "cn"), R = 30, threads = 2, alt = "alt")

# Draws into a PNG file and returns its path; the file must exist and not be empty.
png_of <- function(name, expr, width = 900, height = 600) {
  path <- file.path(plot_dir, paste0(name, ".png"))
  grDevices::png(path, width = width, height = height)
  tryCatch(force(expr), finally = grDevices::dev.off())
  expect_gt(file.size(path), 1000)
  path
}

test_that("heat maps are anchored at 0 (or symmetric about it) and carry a colour key", {
  s <- mixlogit:::heat_scale(c(0.293, 0.31, 0.38))
  expect_equal(s$limits, c(0, 0.38))
  expect_false(s$diverging)
  d <- mixlogit:::heat_scale(c(-2, 0.5))
  expect_equal(d$limits, c(-2, 2))
  expect_true(d$diverging)
  expect_equal(mixlogit:::heat_scale(c(-3, -1))$limits, c(-3, 0))
  keyed <- 0
  trace(mixlogit:::colour_key, function() keyed <<- keyed + 1, print = FALSE, where = asNamespace("mixlogit"))
  on.exit(untrace(mixlogit:::colour_key, where = asNamespace("mixlogit")))
  png_of("diversion", plot(diversion(plot_fit, replicates = 0)))
  png_of("elasticities", plot(elasticities(plot_fit, "pf", replicates = 0)))
  expect_equal(keyed, 2)
})

test_that("long titles wrap onto two lines and shrink rather than clip", {
  title <- NULL
  record <- function(x) title <<- x
  trace(graphics::title, bquote(.(record)(main)), print = FALSE)
  on.exit(untrace(graphics::title))
  png_of("narrow", plot(elasticities(plot_fit, "pf", replicates = 0)), width = 400, height = 400)
  expect_true(grepl("\n", title, fixed = TRUE))
  expect_lte(length(strsplit(title, "\n", fixed = TRUE)[[1L]]), 2L)
})

test_that("shares get error bars; conditional histograms a legend; WTP a plot", {
  drawn <- 0
  trace(graphics::arrows, function() drawn <<- drawn + 1, print = FALSE)
  legends <- list()
  record <- function(x) legends[[length(legends) + 1L]] <<- x
  trace(graphics::legend, bquote(.(record)(legend)), print = FALSE)
  on.exit({
    untrace(graphics::arrows)
    untrace(graphics::legend)
  })
  png_of("shares", plot(shares(plot_fit, replicates = 0)))
  expect_equal(drawn, 1)
  png_of("conditional", plot(plot_fit, type = "conditional"))
  expect_true(any(vapply(legends, function(l) "conditional means of individuals" %in% l, logical(1))))
  w <- wtp(plot_fit, "cl", "pf")
  png_of("wtp", expect_identical(plot(w), w))
  expect_true(any(vapply(legends, function(l) "population median" %in% l, logical(1))))
})

test_that("autoplot methods draw with ggplot2", {
  skip_if_not_installed("ggplot2")
  for (p in list(ggplot2::autoplot(plot_fit), ggplot2::autoplot(plot_fit, type = "conditional"),
                 ggplot2::autoplot(shares(plot_fit, replicates = 0)),
                 ggplot2::autoplot(diversion(plot_fit, replicates = 0)), ggplot2::autoplot(wtp(plot_fit, "cl", "pf")))) {
    expect_s3_class(p, "ggplot")
    png_of("autoplot", print(p))
  }
})
