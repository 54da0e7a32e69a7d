/**
 * mixlogit: a mixed (random-coefficients) logit estimation engine.
 *
 * <p>This root package holds only the exception hierarchy shared by every other package. Sub-packages:
 * {@code math} (special functions), {@code data} (choice data), {@code spec} (model specification),
 * {@code integration} (draws and quadrature nodes), {@code likelihood} (simulated log-likelihood and its
 * gradient), {@code io} (CSV), {@code bench} (the benchmark command). The core never prints and never exits the JVM.
 */
package org.mixlogit;
