/**
 * Estimators: maximum simulated likelihood (MSLE) with default and multiple starting values, the method of
 * simulated moments (MSM, built on {@code msm}), the method of simulated scores (MSS, over exact posterior draws),
 * certification of the optimum, inference and the immutable
 * {@link org.mixlogit.estimation.EstimationResult}.
 *
 * <p>An estimator is configured by {@link org.mixlogit.estimation.EstimatorConfig}, one small validated part per
 * concern (integration, {@link org.mixlogit.estimation.SearchConfig search},
 * {@link org.mixlogit.estimation.InferenceConfig inference}, {@link org.mixlogit.estimation.DiagnosticsConfig
 * diagnostics}, {@link org.mixlogit.estimation.MethodConfig method}, {@link org.mixlogit.estimation.ExecutionConfig
 * execution}). Every estimator ends in the shared {@code ResultAssembler}, which describes the data, certifies the
 * optimum, runs the integration check and the simulation-noise study and builds the result once; a new estimator
 * adds its own diagnostics as an optional part of the result rather than a copy of that tail.
 *
 * <p>Depends on data, spec, integration, math, simulation, msm, optim and inference; front ends depend on it, never the
 * other way round.
 */
package org.mixlogit.estimation;
