# Peer fits of latent class conditional logits on the Electricity data by R's flexmix (FLXMRcondlogit), the
# numbers java/src/test/resources/org/mixlogit/peers/flexmix_electricity.json holds and
# org.mixlogit.estimation.FlexmixPeerTest compares the engine with. Not run in CI (CI does not install flexmix).
#
#   apt-get install -y --no-install-recommends r-cran-flexmix r-cran-survival r-cran-jsonlite
#   Rscript tests/peers/flexmix_electricity.R            (from the repository root; about 10 CPU minutes)
#
# The model is the engine's: flexmix's grouping `| id` puts all of a decision-maker's situations in one component
# (FLXMRcondlogit's log-likelihood of a row is its situation's log-probability divided by the situation's number of
# rows, so the rows of a group add up to the panel log-likelihood log sum_c pi_c prod_t P_nt(beta_c)), strata = chid
# makes each situation a conditional logit (M-step: survival::coxph.fit, method "exact"), and the concomitant model
# FLXPmultinom is the class-share logit with component 1 the base. minprior = 0 keeps small components.
#
# Each model: NREP EM runs from flexmix's random posterior starts (tolerance 1e-8), then the best run's EM carried on
# from its posterior to a relative change below 1e-13. The log-likelihood is recomputed here from the estimates
# (independent of flexmix's bookkeeping). Components are relabelled as the engine reports classes: by share at the
# decision-makers' mean characteristics, largest first, the share logit re-based on the new class 1.
suppressPackageStartupMessages({
  library(flexmix)
  library(jsonlite)
})

NREP <- as.integer(Sys.getenv("FLEXMIX_NREP", "40"))
args <- commandArgs(trailingOnly = TRUE)
csv <- if (length(args) >= 1) args[1] else "java/src/main/resources/org/mixlogit/io/electricity_long.csv"
out <- if (length(args) >= 2) args[2] else "java/src/test/resources/org/mixlogit/peers/flexmix_electricity.json"

d <- read.csv(csv)
attributes <- c("pf", "cl", "loc", "wk", "tod", "seas")
# A membership characteristic constant within decision-maker (Electricity has none): the mean contract length the
# decision-maker was offered over all alternatives of all their situations (a feature of the experimental design).
d$mcl <- ave(d$cl, d$id)
form <- as.formula(paste("choice ~", paste(attributes, collapse = " + "), "| id"))

# The panel log-likelihood at per-class coefficients beta (K x C) and per-decision-maker shares pi (N x C).
panel_loglik <- function(beta, shares) {
  ids <- sort(unique(d$id))
  x <- as.matrix(d[, attributes])
  logp <- matrix(0, length(ids), ncol(beta))
  for (c in seq_len(ncol(beta))) {
    v <- drop(x %*% beta[, c])
    m <- ave(v, d$chid, FUN = max)
    lse <- log(ave(exp(v - m), d$chid, FUN = sum)) + m
    chosen <- d$choice == 1
    logp[, c] <- tapply((v - lse)[chosen], d$id[chosen], sum)[as.character(ids)]
  }
  a <- log(shares) + logp
  mx <- apply(a, 1, max)
  sum(mx + log(rowSums(exp(a - mx))))
}

fit_model <- function(k, concomitant) {
  runs <- vector("list", NREP)
  for (s in seq_len(NREP)) {
    set.seed(s)
    runs[[s]] <- tryCatch(
      if (is.null(concomitant)) {
        flexmix(form, data = d, k = k, model = FLXMRcondlogit(strata = ~ chid),
                control = list(minprior = 0, iter.max = 2000, tolerance = 1e-8))
      } else {
        flexmix(form, data = d, k = k, model = FLXMRcondlogit(strata = ~ chid), concomitant = concomitant,
                control = list(minprior = 0, iter.max = 2000, tolerance = 1e-8))
      }, error = function(e) NULL)
  }
  ll <- sapply(runs, function(f) if (is.null(f) || f@k < k) NA else as.numeric(logLik(f)))
  best <- runs[[which.max(ll)]]
  refined <- if (is.null(concomitant)) {
    flexmix(form, data = d, cluster = posterior(best), model = FLXMRcondlogit(strata = ~ chid),
            control = list(minprior = 0, iter.max = 100000, tolerance = 1e-13))
  } else {
    flexmix(form, data = d, cluster = posterior(best), model = FLXMRcondlogit(strata = ~ chid),
            concomitant = concomitant, control = list(minprior = 0, iter.max = 100000, tolerance = 1e-13))
  }
  beta <- parameters(refined)
  rownames(beta) <- sub("^coef\\.", "", rownames(beta))
  beta <- beta[attributes, , drop = FALSE]
  persons <- d[!duplicated(d$id), ]
  persons <- persons[order(persons$id), ]
  if (is.null(concomitant)) {
    gamma <- matrix(log(prior(refined) / prior(refined)[1]), nrow = 1)
    z <- matrix(1, nrow(persons), 1)
  } else {
    gamma <- parameters(refined, which = "concomitant")
    z <- cbind(1, persons$mcl)
  }
  eta <- z %*% gamma
  shares <- exp(eta - apply(eta, 1, max))
  shares <- shares / rowSums(shares)
  zbar <- colMeans(z)
  at_mean <- exp(drop(zbar %*% gamma) - max(drop(zbar %*% gamma)))
  at_mean <- at_mean / sum(at_mean)
  order_c <- order(-at_mean)
  gamma <- gamma[, order_c, drop = FALSE] - gamma[, order_c[1]]
  beta <- beta[, order_c, drop = FALSE]
  membership <- if (is.null(concomitant)) character(0) else "mcl"
  names <- c(as.vector(outer(attributes, seq_len(k), function(a, c) paste0("class", c, ".", a))),
             as.vector(t(outer(2:k, c("_cons", membership), function(c, v) paste0("share", c, ".", v)))))
  estimates <- c(as.vector(beta), as.vector(gamma[, -1, drop = FALSE]))
  list(classes = k, membership = membership,
       logLik = as.numeric(logLik(refined)),
       logLikRecomputed = panel_loglik(beta, shares[, order_c, drop = FALSE]),
       emIterations = refined@iter, converged = refined@converged,
       startLogLik = ll, names = names, estimates = estimates,
       sharesAtMean = at_mean[order_c])
}

models <- list(
  fit_model(2, NULL),
  fit_model(3, NULL),
  fit_model(2, FLXPmultinom(~ mcl)))
fixture <- list(
  source = "tests/peers/flexmix_electricity.R",
  peer = paste0("flexmix ", packageVersion("flexmix"), " (FLXMRcondlogit), survival ",
                packageVersion("survival"), ", ", R.version.string),
  data = "electricity_long.csv (Huber and Train), 361 decision-makers, 4308 situations",
  membershipCharacteristic = "mcl: the decision-maker's mean of cl over all rows",
  starts = NREP,
  models = models)
dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(fixture, auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat("wrote", out, "\n")
for (m in models) {
  cat(sprintf("C = %d%s: LL %.6f (recomputed %.6f), EM iterations %d\n", m$classes,
              if (length(m$membership)) " with membership mcl" else "", m$logLik, m$logLikRecomputed,
              m$emIterations))
  print(table(round(m$startLogLik, 2), useNA = "ifany"))
}
