# ggplot2 versions of the plots, registered as autoplot() methods when ggplot2 is installed (NAMESPACE:
# S3method(ggplot2::autoplot, ...), which R registers when ggplot2 is loaded). ggplot2 is only suggested: every
# function here checks for it first.

need_ggplot2 <- function() {
  if (!requireNamespace("ggplot2", quietly = TRUE)) {
    mixlogit_abort("autoplot() needs the ggplot2 package: install.packages(\"ggplot2\"), or use plot().",
                   "mixlogit_argument_error")
  }
}

# The population densities of the random coefficients, one facet each; with type = "conditional" the
# conditional means of the decision-makers as histograms behind them.
autoplot.mixlogit <- function(object, type = c("distribution", "conditional"), coefficients = NULL, ...) {
  need_ggplot2()
  check_fit(object)
  if (is_latent(object)) {
    arg_error("autoplot() draws one population's distributions; for a latent class model use plot(), which",
              " shows the coefficients of every class.")
  }
  type <- check_choice(type, "type", c("distribution", "conditional"))
  rp <- object$settings$rpar
  if (length(rp) == 0L) {
    arg_error("The model has no random coefficients: there is no distribution to plot.")
  }
  if (is.null(coefficients)) coefficients <- names(rp)
  curves <- do.call(rbind, lapply(coefficients, function(k) {
    p <- distribution_parameters(object, k)
    curve <- distribution_curve(rp[[k]], p[["location"]], p[["scale"]])
    data.frame(coefficient = sprintf("%s (%s)", k, distribution_info(rp[[k]])$label), x = curve$x,
               density = curve$density, stringsAsFactors = FALSE)
  }))
  plot <- ggplot2::ggplot(curves, ggplot2::aes(x = .data$x, y = .data$density))
  if (type == "conditional") {
    conditional <- conditionals(object)
    means <- do.call(rbind, lapply(coefficients, function(k) {
      data.frame(coefficient = sprintf("%s (%s)", k, distribution_info(rp[[k]])$label),
                 x = conditional[[paste0(k, ".mean")]], stringsAsFactors = FALSE)
    }))
    plot <- plot + ggplot2::geom_histogram(data = means, ggplot2::aes(x = .data$x, y = ggplot2::after_stat(density),
                                                                     fill = "conditional means of individuals"),
                                           bins = 30, colour = "grey60", inherit.aes = FALSE) +
      ggplot2::scale_fill_manual(name = NULL, values = "grey85")
  }
  plot + ggplot2::geom_line(ggplot2::aes(linetype = "population distribution"), linewidth = 0.8) +
    ggplot2::scale_linetype_manual(name = NULL, values = "solid") +
    ggplot2::geom_vline(xintercept = 0, linetype = "dotted", colour = "grey50") +
    ggplot2::facet_wrap(~coefficient, scales = "free") +
    ggplot2::labs(x = NULL, y = "density") + ggplot2::theme(legend.position = "bottom")
}

# Shares as bars with their intervals; matrices (elasticities, diversion) as tiles with a colour key, anchored
# at 0 (diverging about 0 when the values take both signs).
autoplot.mixlogit_table <- function(object, market = NULL, value = "estimate", ...) {
  need_ggplot2()
  markets <- unique(object$market)
  if (is.null(market)) market <- markets[1L]
  d <- as.data.frame(unclass(object), stringsAsFactors = FALSE)
  d <- d[d$market == market, , drop = FALSE]
  d$value <- d[[value]]
  title <- paste0(attr(object, "title"), if (length(markets) > 1L) paste0(", market ", market) else "")
  if (!"from" %in% names(d)) {
    d$alternative <- factor(d$alternative, levels = label_order(d$alternative))
    plot <- ggplot2::ggplot(d, ggplot2::aes(x = .data$alternative, y = .data$value)) +
      ggplot2::geom_col(fill = "grey70")
    if (value == "estimate" && any(is.finite(d$lower))) {
      plot <- plot + ggplot2::geom_errorbar(ggplot2::aes(ymin = .data$lower, ymax = .data$upper), width = 0.2)
    }
    return(plot + ggplot2::labs(title = title, x = NULL, y = value))
  }
  levels <- label_order(c(d$from, d$to))
  d$from <- factor(d$from, levels = rev(levels))
  d$to <- factor(d$to, levels = levels)
  scale <- heat_scale(d$value[is.finite(d$value)])
  ggplot2::ggplot(d, ggplot2::aes(x = .data$to, y = .data$from, fill = .data$value)) + ggplot2::geom_tile() +
    ggplot2::geom_text(ggplot2::aes(label = formatC(.data$value, digits = 3, format = "g")), size = 3) +
    ggplot2::scale_fill_gradientn(colours = scale$col, limits = scale$limits, name = value) +
    ggplot2::labs(title = title, x = "to", y = "from") + ggplot2::theme(plot.title = ggplot2::element_text(size = 10))
}

# Willingness to pay: the conditional means of the decision-makers, with the population mean and median.
autoplot.mixlogit_wtp <- function(object, ...) {
  need_ggplot2()
  d <- data.frame(wtp = object$individual$wtp)
  lines <- data.frame(statistic = c("population mean", "population median"),
                      value = unname(object$population[c("mean", "median")]), stringsAsFactors = FALSE)
  ggplot2::ggplot(d, ggplot2::aes(x = .data$wtp)) +
    ggplot2::geom_histogram(bins = 30, fill = "grey85", colour = "grey60") +
    ggplot2::geom_vline(data = lines, ggplot2::aes(xintercept = .data$value, colour = .data$statistic),
                        linewidth = 0.8) +
    ggplot2::labs(title = sprintf("Willingness to pay for %s (in units of %s)", object$attribute, object$cost),
                  x = sprintf("conditional mean willingness to pay (%s)", object$cost), y = "decision-makers",
                  colour = NULL) +
    ggplot2::theme(legend.position = "bottom")
}

# ggplot2's data pronoun and computed variables, which R CMD check would otherwise report as undefined globals.
utils::globalVariables(c(".data", "density"))
