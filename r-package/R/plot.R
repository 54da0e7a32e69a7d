# Plots in base graphics: the estimated distributions of random coefficients (plot.mixlogit), a heat map of a
# matrix table with its colour key or bars of shares with their intervals (plot.mixlogit_table), and willingness
# to pay (plot.mixlogit_wtp). Titles wrap rather than clip.

plot.mixlogit <- function(x, type = c("distribution", "conditional", "classes"), coefficients = NULL, ...) {
  check_fit(x)
  if (is_latent(x) && missing(type)) type <- "classes"
  type <- check_choice(type, "type", c("distribution", "conditional", "classes"))
  if (type == "classes") {
    check_latent(x, "plot(type = \"classes\")")
    return(plot_classes(x, coefficients, ...))
  }
  if (is_latent(x)) {
    arg_error("The distributions of a latent class model are per class: plot(type = \"classes\") shows the",
              " coefficients of every class.")
  }
  rpar <- x$settings$rpar
  if (length(rpar) == 0L) {
    arg_error("The model has no random coefficients: there is no distribution to plot.")
  }
  if (is.null(coefficients)) {
    coefficients <- names(rpar)
  } else if (!is.character(coefficients) || !all(coefficients %in% names(rpar))) {
    arg_error("`coefficients` must name random coefficients of the model: ", paste(names(rpar), collapse = ", "),
              ".")
  }
  conditional <- if (type == "conditional") conditionals(x) else NULL
  n <- length(coefficients)
  columns <- ceiling(sqrt(n))
  old <- graphics::par(mfrow = c(ceiling(n / columns), columns))
  on.exit(graphics::par(old))
  for (k in coefficients) {
    p <- distribution_parameters(x, k)
    means <- if (is.null(conditional)) NULL else conditional[[paste0(k, ".mean")]]
    plot_distribution(k, rpar[[k]], p[["location"]], p[["scale"]], means, ...)
  }
  invisible(x)
}

# Location (with heterogeneity at the decision-makers' mean characteristics) and scale of a random coefficient at
# the parameters theta (by default the estimates; names as the engine gives them, see r_names()); a member of the
# correlated block has the marginal scale sqrt(sum of its Cholesky row squared), the sd of its underlying normal.
# The scale's name and whether its sign matters come from the engine's vocabulary.
distribution_parameters <- function(x, k, theta = coef(x)) {
  engine <- if (is.null(x$engine.names)) names(theta) else x$engine.names
  b <- stats::setNames(as.numeric(theta), engine)
  location <- b[[k]]
  for (z in x$settings$heterogeneity[[k]]) {
    location <- location + b[[paste0(k, ":", z)]] * x$characteristic_means[[z]]
  }
  chol <- startsWith(engine, paste0("chol.", k, ":"))
  info <- distribution_info(x$settings$rpar[[k]])
  scale <- if (any(chol)) {
    sqrt(sum(b[chol]^2))
  } else {
    s <- b[[paste0(info$scale, ".", k)]]
    if (identical(info$signIdentified, "true")) s else abs(s)
  }
  c(location = location, scale = scale)
}

# The vocabulary's row of a distribution code.
distribution_info <- function(code) {
  table <- engine_vocabulary("distributions")
  as.list(table[table$code == code, , drop = FALSE])
}

# The engine's curve of a coefficient's distribution: x values, the density at each (of the continuous part when
# the distribution has an atom at zero) and the probability of exactly zero.
distribution_curve <- function(code, m, s, points = 401L) {
  out <- with_engine(rJava::.jcall("org/mixlogit/bridge/MixlogitBridge", "[D", "distributionCurve", code,
                                   as.double(m), as.double(s), as.integer(points)))
  list(x = out[seq_len(points)], density = out[points + seq_len(points)], mass = out[2L * points + 1L])
}

plot_distribution <- function(k, code, m, s, means = NULL, ...) {
  main <- sprintf("%s (%s)", k, distribution_info(code)$label)
  if (!is.finite(s) || s == 0) {
    curve <- distribution_curve(code, m, 0, 2L)
    value <- curve$x[1L]
    graphics::plot(value, 1, type = "h", xlab = k, ylab = "density", ...)
    fitted_title(paste(main, "- no spread"))
    return(invisible())
  }
  curve <- distribution_curve(code, m, s)
  v <- curve$x
  density <- curve$density
  mass <- curve$mass
  top <- max(density[is.finite(density)])
  histogram <- NULL
  if (!is.null(means)) {
    histogram <- graphics::hist(means, plot = FALSE)
    top <- max(top, histogram$density)
  }
  xlim <- if (is.null(means)) range(v) else range(v, means)
  # head room for the legend and the atom's label above the curves
  graphics::plot(v, density, type = "n", xlim = xlim, ylim = c(0, top * if (is.null(means)) 1.12 else 1.35),
                 xlab = k, ylab = "density", ...)
  fitted_title(main)
  if (!is.null(histogram)) {
    graphics::plot(histogram, freq = FALSE, add = TRUE, col = "grey85", border = "grey60")
  }
  graphics::lines(v, density, lwd = 2)
  if (mass > 0) {
    graphics::segments(0, 0, 0, top, lwd = 3, col = "firebrick")
    graphics::text(0, top * 1.06, sprintf("P(0) = %.2f", mass), pos = 4, col = "firebrick", cex = 0.8)
  }
  graphics::abline(v = 0, lty = 3, col = "grey50")
  if (!is.null(histogram)) {
    graphics::legend("topright", legend = c("population distribution", "conditional means of individuals"),
                     lwd = c(2, NA), col = c("black", NA), fill = c(NA, "grey85"), border = c(NA, "grey60"),
                     bty = "n", cex = 0.75, inset = 0.01)
  }
  invisible()
}

# A title that fits the figure: wrapped onto a second line, and then shrunk, rather than clipped at the edges.
fitted_title <- function(main, cex = graphics::par("cex.main"), ...) {
  if (is.null(main) || !nzchar(main)) return(invisible())
  width <- graphics::par("fin")[1L] * 0.96
  need <- function(text, cex) max(graphics::strwidth(text, units = "inches", cex = cex, font = 2))
  text <- main
  if (need(text, cex) > width) {
    chars <- max(10L, floor(nchar(main) * width / need(main, cex)))
    lines <- strwrap(main, width = chars)
    if (length(lines) > 2L) lines <- strwrap(main, width = ceiling(nchar(main) / 2) + 5L)
    cex <- cex * min(1, width / need(lines, cex))
    text <- paste(lines, collapse = "\n")
  }
  graphics::title(main = text, cex.main = cex, ...)
  invisible()
}

plot.mixlogit_table <- function(x, market = NULL, value = "estimate", numbers = TRUE, col = NULL,
                                main = NULL, ...) {
  markets <- unique(x$market)
  if (is.null(market)) market <- markets[1L]
  if (length(market) != 1L) {
    arg_error("`market` must name one market of the table: ", paste(markets, collapse = ", "), ".")
  }
  z <- as.matrix(x, market = market, value = value)
  if (is.null(main)) {
    main <- paste0(attr(x, "title"), if (length(markets) > 1L) paste0(", market ", market) else "")
  }
  if (!"from" %in% names(x)) {
    share_bars(x, market, value, col, main, ...)
    return(invisible(x))
  }
  heat_map(z, numbers = numbers, col = col, main = main, ...)
  invisible(x)
}

# Shares as bars with their delta-method intervals (when the table has them and the estimates are shown).
share_bars <- function(x, market, value, col, main, ...) {
  z <- as.matrix(x, market = market, value = value)[1L, ]
  low <- if (value == "estimate") as.matrix(x, market = market, value = "lower")[1L, ] else NULL
  high <- if (value == "estimate") as.matrix(x, market = market, value = "upper")[1L, ] else NULL
  intervals <- !is.null(low) && any(is.finite(low) & is.finite(high))
  top <- max(c(z, if (intervals) high), na.rm = TRUE)
  centres <- graphics::barplot(z, names.arg = names(z), ylab = value, ylim = c(0, top * 1.08),
                               col = if (is.null(col)) "grey70" else col, ...)
  fitted_title(main)
  if (intervals) {
    ok <- is.finite(low) & is.finite(high)
    graphics::arrows(centres[ok], low[ok], centres[ok], high[ok], angle = 90, code = 3, length = 0.05)
    graphics::mtext(sprintf("bars: %s%% intervals (delta method)", format(100 * attr(x, "level"))), side = 3,
                    line = 0.2, cex = 0.75)
  }
  invisible(centres)
}

# The colour scale of a heat map: diverging and symmetric about 0 when the values take both signs, otherwise
# sequential from 0 to the largest magnitude (anchored at 0, so near-equal values look alike).
heat_scale <- function(finite, col = NULL) {
  diverging <- min(finite) < 0 && max(finite) > 0
  limits <- if (diverging) {
    c(-1, 1) * max(abs(finite))
  } else if (max(finite) <= 0 && min(finite) < 0) {
    c(min(finite), 0)
  } else {
    c(0, max(finite))
  }
  if (limits[1L] == limits[2L]) limits <- limits + c(-1, 1) * max(1e-8, abs(limits[1L]) / 10)
  if (is.null(col)) {
    col <- if (diverging) {
      grDevices::hcl.colors(21, "Blue-Red 3")
    } else if (limits[2L] <= 0) {
      grDevices::hcl.colors(20, "Blues 3")
    } else {
      grDevices::hcl.colors(20, "YlOrRd", rev = TRUE)
    }
  }
  list(limits = limits, col = col, diverging = diverging)
}

# A matrix as an image: rows ('from') top to bottom, columns ('to') left to right, values in the cells, and a
# colour key on the right.
heat_map <- function(z, numbers = TRUE, col = NULL, main = "", ...) {
  j <- nrow(z)
  finite <- z[is.finite(z)]
  if (length(finite) == 0L) finite <- 0
  scale <- heat_scale(finite, col)
  limits <- scale$limits
  old <- graphics::par(mar = pmax(graphics::par("mar"), c(0, 0, 0, 6)))
  on.exit(graphics::par(old))
  graphics::image(seq_len(ncol(z)), seq_len(j), t(z[j:1, , drop = FALSE]), zlim = limits, col = scale$col,
                  axes = FALSE, xlab = "to", ylab = "from", ...)
  fitted_title(main)
  graphics::axis(1, at = seq_len(ncol(z)), labels = colnames(z), tick = FALSE)
  graphics::axis(2, at = seq_len(j), labels = rev(rownames(z)), las = 1, tick = FALSE)
  graphics::box()
  if (numbers) {
    cells <- which(is.finite(z), arr.ind = TRUE)
    position <- (z[cells] - limits[1L]) / (limits[2L] - limits[1L])
    dark <- if (scale$diverging) abs(position - 0.5) > 0.3 else position > 0.6
    graphics::text(cells[, 2], j + 1 - cells[, 1], formatC(z[cells], digits = 3, format = "g"), cex = 0.8,
                   col = ifelse(dark, "white", "black"))
  }
  colour_key(limits, scale$col)
}

# A vertical colour key in the right margin of the current plot (which heat_map() widens to 6 lines), labelled at
# pretty values within the limits; placed in inches from the plot's edge so that its labels fit the margin.
colour_key <- function(limits, col) {
  usr <- graphics::par("usr")
  inch <- (usr[2L] - usr[1L]) / graphics::par("pin")[1L]
  x0 <- usr[2L] + 0.15 * inch
  x1 <- x0 + 0.2 * inch
  breaks <- seq(usr[3L], usr[4L], length.out = length(col) + 1L)
  old <- graphics::par(xpd = NA)
  on.exit(graphics::par(old))
  graphics::rect(x0, breaks[-length(breaks)], x1, breaks[-1L], col = col, border = NA)
  graphics::rect(x0, usr[3L], x1, usr[4L], border = "grey40")
  ticks <- pretty(limits)
  ticks <- ticks[ticks >= limits[1L] - 1e-12 * diff(limits) & ticks <= limits[2L] + 1e-12 * diff(limits)]
  at <- usr[3L] + (ticks - limits[1L]) / (limits[2L] - limits[1L]) * (usr[4L] - usr[3L])
  graphics::segments(x1, at, x1 + 0.05 * inch, at, col = "grey40")
  graphics::text(x1 + 0.08 * inch, at, format(ticks, trim = TRUE), adj = c(0, 0.5), cex = 0.75)
}

# Willingness to pay: the decision-makers' conditional means as a histogram, with the population mean (and its
# interval) and median from the estimates.
plot.mixlogit_wtp <- function(x, main = NULL, xlab = NULL, ...) {
  v <- x$individual$wtp
  pop <- x$population
  table <- x$table
  if (is.null(main)) main <- sprintf("Willingness to pay for %s (in units of %s)", x$attribute, x$cost)
  if (is.null(xlab)) xlab <- sprintf("willingness to pay (%s)", x$cost)
  h <- graphics::hist(v, plot = FALSE, breaks = "Sturges")
  interval <- if (is.null(table)) c(NA, NA) else unlist(table[table$statistic == "mean", c("lower", "upper")])
  band <- all(is.finite(interval))
  xlim <- range(c(h$breaks, pop[c("mean", "median")], interval), finite = TRUE)
  graphics::plot(h, freq = FALSE, col = "grey85", border = "grey60", main = NULL, xlab = xlab, xlim = xlim,
                 ylim = c(0, max(h$density) * 1.3), ...)
  fitted_title(main)
  shade <- grDevices::adjustcolor("steelblue", 0.25)
  if (band) {
    graphics::rect(interval[1L], 0, interval[2L], graphics::par("usr")[4L], col = shade, border = NA)
  }
  graphics::abline(v = pop[["mean"]], col = "steelblue", lwd = 2)
  graphics::abline(v = pop[["median"]], col = "darkorange", lwd = 2, lty = 2)
  keep <- c(TRUE, TRUE, band, TRUE)
  graphics::legend("topright", bty = "n", cex = 0.75, inset = 0.01,
                   legend = c("conditional means of individuals", "population mean",
                              sprintf("%s%% interval of the mean", format(100 * x$level)),
                              "population median")[keep],
                   fill = c("grey85", NA, shade, NA)[keep], border = c("grey60", NA, NA, NA)[keep],
                   lwd = c(NA, 2, NA, 2)[keep], lty = c(NA, 1, NA, 2)[keep],
                   col = c(NA, "steelblue", NA, "darkorange")[keep])
  invisible(x)
}
