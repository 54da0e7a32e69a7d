package org.mixlogit.simulation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.ModelSpec;

/**
 * Where the sums over decision-makers run: the factory of an estimator's {@link LikelihoodEvaluator}s. The local
 * backend evaluates on worker threads of this process; {@link #sharded(int, int)} splits the data into shards of whole
 * reduction blocks, each built as its own data object (the shape of a distributed backend, in process). All
 * backends reduce in the canonical order of {@link BlockPartials}, so they give the same numbers to the last bit.
 */
public interface Backend {
    /**
     * A simulated log-likelihood of {@code data} (whose choices are observed) under {@code integration}.
     *
     * @param centre Not modified: where adaptive nodes are centred; may be null for rules that do not adapt
     */
    LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration, double[] centre);

    /** Local worker threads (1 or more): the default backend. */
    static Backend local(int threads) {
        return (data, spec, integration, centre) -> Simulators.likelihood(data, spec, integration, centre, threads);
    }

    /**
     * In-process shards of whole reduction blocks, each its own data object and simulator on {@code threads}
     * threads: the reference a distributed backend must match bit for bit.
     */
    static Backend sharded(int shards, int threads) {
        return (data, spec, integration, centre) -> ShardedLikelihood.split(data, spec, integration, centre, shards,
                threads);
    }
}
