/**
 * mixlogit: a mixed (random-coefficients) logit estimation engine.
 *
 * <p>This root package holds only the exception hierarchy shared by every other package. Sub-packages, each
 * depending only on those before it (docs/architecture.md; enforced by a test): {@code math} (special functions),
 * {@code data} (choice data), {@code optim} (quasi-Newton minimizers), {@code spec} (model specification and one
 * transform per distribution), {@code integration} (draws and quadrature nodes), {@code inference} (covariances and
 * the delta method), {@code io} (CSV and JSON), {@code simulation} (simulators, backends and the canonical
 * reduction), {@code msm} (simulated moments), {@code latent} (latent classes: EM, starts, class order and
 * summary), {@code estimation} (estimators and results),
 * {@code postestimation} (shares, elasticities, diversion, conditionals, WTP), {@code report} (tables and JSON);
 * then the front ends {@code bridge} (R and Stata), {@code bench} (benchmarks) and {@code cli} (the
 * command-line tool). The core never prints and never exits the JVM.
 */
package org.mixlogit;
