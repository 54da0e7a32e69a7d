/**
 * The simulation core: every integral over the mixing distribution and every sum over decision-makers.
 *
 * <p>A simulator is bound once, through {@link org.mixlogit.simulation.Simulators}, from data, a model and the
 * integration configuration, whose {@link org.mixlogit.simulation.NodeProvider} alone decides between fixed nodes
 * (draws, Gauss-Hermite, sparse grids) and nodes adapted to each decision-maker (adaptive Gauss-Hermite). It gives
 * the simulated log-likelihood with its exact gradient and Hessian ({@link
 * org.mixlogit.simulation.SimulatedLogLikelihood}), simulated shares with their Jacobian for the method of simulated
 * moments ({@link org.mixlogit.simulation.SimulatedShares}), probabilities, substitution patterns and posterior
 * summaries. Each coefficient's distribution is its {@code spec.CoefficientTransform}.
 *
 * <p>Every sum over decision-makers is reduced in the canonical order of {@link
 * org.mixlogit.simulation.BlockPartials} (fixed blocks of decision-makers by their identity ordinal, summed
 * within the block, then block partials in block order), so any thread count and any split of the data into shards
 * of whole blocks ({@link org.mixlogit.simulation.ShardedLikelihood}) give the same numbers to the last bit.
 * Estimators see only {@link org.mixlogit.simulation.LikelihoodEvaluator}, made by a {@link
 * org.mixlogit.simulation.Backend}, and receive P x P, per-cluster and L x P sums, never N x P matrices.
 *
 * <p>The dense situations of the likelihood's kernel have a second implementation on Java 17's incubating Vector
 * API ({@code VectorDenseSituation}, in {@code src/main/java17}, compiled for Java 17), loaded by reflection only
 * where the JVM has {@code jdk.incubator.vector} ({@code DenseSituations}); no class of
 * this source tree refers to it, so the engine runs on Java 11.
 *
 * <p>Depends on {@code data}, {@code spec}, {@code integration} and {@code math}; must not depend on estimation,
 * I/O or any front end.
 */
package org.mixlogit.simulation;
