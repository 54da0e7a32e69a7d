/**
 * The method of simulated moments: instruments (user columns, defaults, optimal scores), the simulated moments
 * E[(y_tj - s_tj(theta)) z_tj] with their exact Jacobian, the GMM criterion with its analytic gradient, the MSM
 * configuration and the GMM diagnostics of a result. The estimator itself ({@code MsmEstimator}) lives in
 * {@code estimation} beside MSLE.
 *
 * <p>Depends on data, spec, integration, math, simulation (the simulated probabilities and their canonical sums),
 * optim and inference; must not depend on
 * estimation, I/O or any front end.
 */
package org.mixlogit.msm;
