package org.mixlogit.simulation;

import java.util.Locale;
import java.util.function.Supplier;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.ResourceLimitException;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.IntegrationRules;

/**
 * A simulator's nodes before they exist: how many per decision-maker, whether each decision-maker has its own
 * (adaptive quadrature), the node cache's budget and the memory limit. A grid above its cap is refused first
 * ({@link IntegrationRules#checkGridSize}). {@link #store} estimates what the run needs
 * — the rule's node table, each worker's scratch (its node source and kernels, about (D + 1 + levels + 3 J_max +
 * 2 K + K(K+1)/2 + 3 P) doubles per node, and the dense situations' rows ({@link DenseSituations#scratchRows}: 3,
 * or 9 with the Vector API path), times the classes of a latent class model, whose classes share the nodes), and
 * the cache of every decision-maker's nodes, 8 N R (D + 1) bytes —
 * and refuses with a {@link ResourceLimitException} when that passes the limit, before the rule is built or any
 * array allocated. The cache is optional: it holds the nodes of as many decision-makers as fit its budget and
 * what the limit leaves, and the others' are regenerated on demand (identical numbers). Every simulator built from
 * a rule passes here. Immutable.
 */
final class NodePlan {
    private static final long MAX_ARRAY = MemoryLimit.MAX_ARRAY;

    private final double nodes;
    private final boolean perDecisionMaker;
    /** Whether the rule holds its nodes in a table (quadrature) rather than generating them per decision-maker. */
    private final boolean tabled;
    private final long cacheBytes;
    private final long memoryLimit;
    private final Supplier<IntegrationRule> rule;
    private final String advice;

    private NodePlan(double nodes, boolean perDecisionMaker, boolean tabled, long cacheBytes, long memoryLimit,
            Supplier<IntegrationRule> rule, String advice) {
        this.nodes = nodes;
        this.perDecisionMaker = perDecisionMaker;
        this.tabled = tabled;
        this.cacheBytes = cacheBytes;
        this.memoryLimit = memoryLimit;
        this.rule = rule;
        this.advice = advice;
    }

    /**
     * The nodes of {@code config} over {@code dimension} dimensions, built by {@code rule} only after the check.
     *
     * @param perDecisionMaker true when every decision-maker has its own nodes (adaptive quadrature)
     */
    static NodePlan of(IntegrationConfig config, int dimension, boolean perDecisionMaker,
            Supplier<IntegrationRule> rule) {
        IntegrationRules.checkGridSize(config, dimension);
        double count = IntegrationRules.nodesPerDecisionMaker(config, dimension);
        boolean tabled = perDecisionMaker || config.type() == DrawType.GAUSS_HERMITE
                || config.type().isAdaptive() || config.type().isSparseGrid();
        return new NodePlan(count, perDecisionMaker, tabled, config.cacheBytes(), config.memoryLimit(), rule,
                advice(config));
    }

    /** A rule already built (by the caller), checked against the Java heap. */
    static NodePlan of(IntegrationRule rule, long cacheBytes) {
        return new NodePlan(rule.nodeCount(), false, true, cacheBytes, 0, () -> rule, "use fewer draws");
    }

    /** Bytes a simulator may use: the configured limit, or the Java heap's maximum less the margin. */
    long limit() {
        return MemoryLimit.bytes(memoryLimit);
    }

    /** The configured limit (0: the Java heap's). */
    long configuredLimit() {
        return memoryLimit;
    }

    /**
     * Checks the memory the simulator of {@code design} needs, then builds the rule and its node store.
     *
     * @throws ResourceLimitException if the nodes and scratch pass the limit
     */
    VariateStore store(ModelDesign design, DecisionMakerWorkers workers) {
        return store(design, workers, workers.threads(), 1);
    }

    /**
     * Checks the memory the simulator of {@code design} needs, then builds the rule and its node store with
     * {@code workers} (which may be fewer than the simulator's threads).
     *
     * @param threads the simulator's worker threads, each holding scratch for every support point
     * @param pointsPerNode support points per node: a latent class model's classes (every class integrates over
     *                      the same nodes, so the node table and cache are not multiplied, the scratch is), else 1
     * @throws ResourceLimitException if the nodes and scratch pass the limit
     */
    VariateStore store(ModelDesign design, DecisionMakerWorkers workers, int threads, int pointsPerNode) {
        long people = design.data.decisionMakerCount();
        int d = design.d;
        double perNode = d + 1.0;
        double table = tabled ? 8 * nodes * perNode * (perDecisionMaker ? people + 1 : 1) : 0;
        int jmax = design.data.maxAlternatives();
        double points = nodes * pointsPerNode;
        int denseRows = DenseSituations.scratchRows((int) Math.min(Integer.MAX_VALUE, points), design.data.rowCount());
        double scratchPerNode = perNode + design.rows.maxLevels + 3.0 * jmax + 2.0 * design.k
                + design.k * (design.k + 1) / 2.0 + 3.0 * design.p + 7 + denseRows;
        double scratch = 8 * points * scratchPerNode * threads;
        double required = table + scratch;
        long limit = limit();
        boolean tooLong = Math.max(nodes * perNode, points * scratchPerNode) > MAX_ARRAY;
        if (tooLong || required > limit) {
            throw new ResourceLimitException(String.format(Locale.ROOT, "Not enough memory: %s nodes per"
                    + " decision-maker%s (%d decision-makers, %d random dimension(s)) need about %s (%s of node"
                    + " tables and %s of scratch for %d thread(s)), and this run may use %s%s. To fix it: %s; or"
                    + " fewer threads; or " + MemoryLimit.LARGER_HEAP + ". (The optional node cache is not counted:"
                    + " it is dropped when it does not fit.)",
                    count(nodes), pointsPerNode > 1 ? " in each of " + pointsPerNode + " latent classes" : "",
                    people, d, MemoryLimit.format(required), MemoryLimit.format(table),
                    MemoryLimit.format(scratch), threads, MemoryLimit.format(limit),
                    tooLong ? " (and one decision-maker's nodes pass the largest Java array)" : "",
                    advice));
        }
        IntegrationRule built = rule.get();
        if (built.dimension() != d) {
            throw new InvalidSpecificationException("The integration rule has " + built.dimension()
                    + " dimensions; the model has " + d + " random coefficients.");
        }
        // as many decision-makers' nodes as the budget, the memory limit and the largest array allow
        double budget = Math.min(cacheBytes, limit - required);
        double largestArrayPeople = Math.floor(MAX_ARRAY / Math.max(1.0, (double) built.nodeCount() * d));
        budget = Math.min(budget, largestArrayPeople * VariateStore.cacheSize(built, 1));
        return VariateStore.forRule(built, design, (long) Math.max(0, budget), workers);
    }

    private static String advice(IntegrationConfig config) {
        switch (config.type()) {
            case GAUSS_HERMITE:
            case ADAPTIVE_GH:
                return "use fewer points per dimension or a sparse grid";
            case SPARSE_GRID:
            case SPARSE_GRID_GH:
            case ADAPTIVE_SPARSE:
                return "use a lower sparse-grid level";
            default:
                return "use fewer draws (R = " + config.draws() + " now)";
        }
    }

    private static String count(double n) {
        return n < 1e15 ? String.format(Locale.ROOT, "%,d", (long) n) : String.format(Locale.ROOT, "%.3g", n);
    }
}
