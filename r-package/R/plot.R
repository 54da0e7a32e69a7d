# Plots: the estimated distributions of random coefficients (plot.mixlogit) and a heat map of a matrix table
# (plot.mixlogit_table), in base graphics.

plot.mixlogit <- function(x, type = c("distribution", "conditional"), coefficients = NULL, ...) {
  check_fit(x)
  type <- check_choice(type, "type", c("distribution", "conditional"))
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

# Location (with heterogeneity at the decision-makers' mean characteristics) and scale of a random coefficient;
# a member of the correlated block has the marginal scale sqrt(sum of its Cholesky row squared), the sd of its
# underlying normal. The scale's name and whether its sign matters come from the engine's vocabulary.
distribution_parameters <- function(x, k) {
  b <- coef(x)
  location <- b[[k]]
  for (z in x$settings$heterogeneity[[k]]) {
    location <- location + b[[paste0(k, ":", z)]] * x$characteristic_means[[z]]
  }
  chol <- startsWith(names(b), paste0("chol.", k, ":"))
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
    graphics::plot(value, 1, type = "h", xlab = k, ylab = "density", main = paste(main, "- no spread"), ...)
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
  graphics::plot(v, density, type = "n", xlim = xlim, ylim = c(0, top * 1.05), xlab = k, ylab = "density",
                 main = main, ...)
  if (!is.null(histogram)) {
    graphics::plot(histogram, freq = FALSE, add = TRUE, col = "grey85", border = "grey60")
  }
  graphics::lines(v, density, lwd = 2)
  if (mass > 0) {
    graphics::segments(0, 0, 0, top, lwd = 3, col = "firebrick")
    graphics::text(0, top, sprintf("P(0) = %.2f", mass), pos = 4, col = "firebrick", cex = 0.8)
  }
  graphics::abline(v = 0, lty = 3, col = "grey50")
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
    graphics::barplot(z[1L, ], names.arg = colnames(z), ylab = value, main = main,
                      col = if (is.null(col)) "grey70" else col, ...)
    return(invisible(x))
  }
  heat_map(z, numbers = numbers, col = col, main = main, ...)
  invisible(x)
}

# A matrix as an image: rows ('from') top to bottom, columns ('to') left to right, values in the cells.
heat_map <- function(z, numbers = TRUE, col = NULL, main = "", ...) {
  j <- nrow(z)
  finite <- z[is.finite(z)]
  if (length(finite) == 0L) finite <- 0
  if (is.null(col)) {
    col <- if (min(finite) < 0 && max(finite) > 0) {
      grDevices::hcl.colors(21, "Blue-Red 3")
    } else {
      grDevices::hcl.colors(20, "YlOrRd", rev = TRUE)
    }
  }
  diverging <- min(finite) < 0 && max(finite) > 0
  limits <- range(finite)
  if (diverging) limits <- c(-1, 1) * max(abs(finite))
  if (limits[1L] == limits[2L]) limits <- limits + c(-1, 1) * max(1e-8, abs(limits[1L]) / 10)
  graphics::image(seq_len(ncol(z)), seq_len(j), t(z[j:1, , drop = FALSE]), zlim = limits, col = col,
                  axes = FALSE, xlab = "to", ylab = "from", main = main, ...)
  graphics::axis(1, at = seq_len(ncol(z)), labels = colnames(z), tick = FALSE)
  graphics::axis(2, at = seq_len(j), labels = rev(rownames(z)), las = 1, tick = FALSE)
  graphics::box()
  if (numbers) {
    cells <- which(is.finite(z), arr.ind = TRUE)
    position <- (z[cells] - limits[1L]) / (limits[2L] - limits[1L])
    dark <- if (diverging) abs(position - 0.5) > 0.3 else position > 0.6
    graphics::text(cells[, 2], j + 1 - cells[, 1], formatC(z[cells], digits = 3, format = "g"), cex = 0.8,
                   col = ifelse(dark, "white", "black"))
  }
}
