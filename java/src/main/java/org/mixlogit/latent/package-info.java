/**
 * Latent class models' own algorithms: the EM algorithm of a latent class logit (posterior class probabilities,
 * weighted conditional logits per class and a weighted class-share logit, by exact Newton steps), the starting
 * points of a multi-start search (random partitions of the decision-makers, a k-means-like split and
 * perturbations), the order of classes by share, and the summary of a fit (class shares with delta-method
 * standard errors, the distinct optima, boundaries). The likelihood itself is the simulation package's, with the classes as its mixing support.
 *
 * <p>Depends on {@code data}, {@code spec}, {@code simulation}, {@code optim}, {@code inference} and {@code math};
 * must not depend on {@code estimation} or anything after it (the estimator, {@code estimation.LatentClassEstimator},
 * uses this package as the MSM estimator uses {@code msm}).
 */
package org.mixlogit.latent;
