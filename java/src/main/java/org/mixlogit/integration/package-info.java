/**
 * Integration rules for the mixing distribution: for each decision-maker, a set of standard normal nodes in D
 * dimensions and their weights. Simulation draws (pseudo-random, Halton, scrambled Halton, MLHS, Sobol) have
 * equal weights 1/R; quadrature rules (Gauss-Hermite products, Smolyak sparse grids of nested Genz-Keister or of
 * Gauss-Hermite rules) join behind the same {@link org.mixlogit.integration.IntegrationRule} interface.
 *
 * <p>Depends only on the root exception types, {@code math} and Commons Math; must not depend on {@code data},
 * {@code spec} or {@code simulation}.
 */
package org.mixlogit.integration;
