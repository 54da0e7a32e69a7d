package org.mixlogit.simulation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.NodeCursor;
import org.mixlogit.spec.Distribution;

/**
 * Standard variates and weights for every decision-maker. The decision-makers whose nodes fit the cache budget (the
 * first ones in index order: all of them when the whole table fits) have them computed once (the draws do not
 * depend on the parameters) and shared read-only; for the others every worker regenerates one decision-maker at a
 * time into its own scratch space. Both give identical numbers, so a budget trades memory for the regeneration
 * time of the decision-makers it holds (at R = 200 and five dimensions, 9.6 KB each). A decision-maker's nodes are keyed by its ordinal ({@link
 * ChoiceData#decisionMakerOrdinal}), its position in the id order of the whole data, not by its index here.
 */
final class VariateStore {
    private final IntegrationRule rule;
    private final ChoiceData data;
    private final Distribution[] distributions;
    private final int dims;
    private final int nodes;
    private final double[] cachedVariates;
    private final double[] cachedWeights;
    /** Decision-makers 0 .. cachedPeople-1 have their nodes in the cache. */
    private final int cachedPeople;

    private VariateStore(IntegrationRule rule, ChoiceData data, Distribution[] distributions, int cachedPeople,
            double[] variates, double[] weights) {
        this.rule = rule;
        this.data = data;
        this.distributions = distributions.clone();
        this.dims = rule.dimension();
        this.nodes = rule.nodeCount();
        this.cachedVariates = variates;
        this.cachedWeights = weights;
        this.cachedPeople = cachedPeople;
    }

    /**
     * The nodes of every decision-maker: computed once by the workers for as many decision-makers as fit
     * {@code cacheBytes} (none when negative), the others regenerated on demand per evaluation (identical numbers
     * either way).
     */
    static VariateStore forRule(IntegrationRule rule, ModelDesign design, long cacheBytes,
            DecisionMakerWorkers workers) {
        int decisionMakers = design.data.decisionMakerCount();
        long perPerson = cacheSize(rule, 1);
        int people = (int) Math.min(decisionMakers, Math.max(0, cacheBytes) / Math.max(1, perPerson));
        if (people == 0) {
            return onDemand(rule, design.data, design.dimensionDistribution);
        }
        VariateStore store = cached(rule, design.data, design.dimensionDistribution, people);
        Source[] fillers = new Source[workers.threads()];
        for (int w = 0; w < fillers.length; w++) {
            fillers[w] = store.newSource();
        }
        workers.run(people, (worker, from, to) -> store.fillCache(from, to, fillers[worker]));
        return store;
    }

    /** Bytes a full cache of {@code decisionMakers} decision-makers would take. */
    static long cacheSize(IntegrationRule rule, int decisionMakers) {
        return 8L * decisionMakers * rule.nodeCount() * (rule.dimension() + 1L);
    }

    /** A store that regenerates nodes on demand. */
    static VariateStore onDemand(IntegrationRule rule, ChoiceData data, Distribution[] distributions) {
        return new VariateStore(rule, data, distributions, 0, null, null);
    }

    /** A store holding the variates of the first {@code people} decision-makers, filled by {@link #fillCache}. */
    private static VariateStore cached(IntegrationRule rule, ChoiceData data, Distribution[] distributions,
            int people) {
        int size = rule.nodeCount() * rule.dimension();
        return new VariateStore(rule, data, distributions, people, new double[people * size],
                new double[people * rule.nodeCount()]);
    }

    /** The rule in words. */
    String describe() {
        return rule.describe();
    }

    /** True when every decision-maker's nodes are in the cache. */
    boolean isCached() {
        return cachedVariates != null && cachedPeople == data.decisionMakerCount();
    }

    int dimension() {
        return dims;
    }

    int nodeCount() {
        return nodes;
    }

    /** Computes the cached entries of decision-makers from..to-1 with the given worker's source. */
    void fillCache(int from, int to, Source scratch) {
        for (int n = from; n < to; n++) {
            scratch.generate(n);
            System.arraycopy(scratch.variates, 0, cachedVariates, n * nodes * dims, nodes * dims);
            System.arraycopy(scratch.weights, 0, cachedWeights, n * nodes, nodes);
        }
    }

    /** A per-worker view; not thread-safe. */
    Source newSource() {
        return new Source();
    }

    /**
     * Where one decision-maker's variates are after {@link #load(int)}: {@code variates[variateOffset + r * D + k]}
     * and {@code weights[weightOffset + r]}. The arrays are read-only for the caller.
     */
    final class Source {
        private final NodeCursor cursor = rule.newCursor();
        private final double[] ownVariates = new double[Math.max(1, nodes * dims)];
        private final double[] ownWeights = new double[nodes];
        double[] variates;
        double[] weights;
        int variateOffset;
        int weightOffset;

        void load(int decisionMaker) {
            if (decisionMaker < cachedPeople) {
                variates = cachedVariates;
                weights = cachedWeights;
                variateOffset = decisionMaker * nodes * dims;
                weightOffset = decisionMaker * nodes;
            } else {
                generate(decisionMaker);
            }
        }

        private void generate(int decisionMaker) {
            cursor.fill(data.decisionMakerOrdinal(decisionMaker), ownVariates, ownWeights);
            StandardVariates.transform(distributions, ownVariates, 0, nodes);
            variates = ownVariates;
            weights = ownWeights;
            variateOffset = 0;
            weightOffset = 0;
        }
    }
}
