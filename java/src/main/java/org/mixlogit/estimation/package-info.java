/**
 * Estimators: maximum simulated likelihood (MSLE) with default and multiple starting values, the method of
 * simulated moments (MSM, built on {@code msm}), certification of the optimum, inference and the immutable
 * {@link org.mixlogit.estimation.EstimationResult}.
 *
 * <p>Depends on data, spec, integration, likelihood, msm, optim and inference; front ends depend on it, never the
 * other way round.
 */
package org.mixlogit.estimation;
