package org.mixlogit.spark;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * One partition's engine state, built once where the partition runs and kept in executor memory across the
 * optimizer's iterations (a cached RDD element, never serialized): its shard as choice data and a simulator
 * over it on the cores one task holds ({@code spark.task.cpus}, by default one: the executors' cores are Spark's
 * tasks). Rebuilt from the partition's lineage if the
 * executor is lost; the rebuilt engine gives the same numbers.
 */
final class LikelihoodEngine {
    final ChoiceData data;
    final SimulatedLogLikelihood simulator;

    /**
     * @param conditional true for the likelihood of the observed choices (adaptive rules centred at {@code centre}),
     *                    false for quantities unconditional on them (post-estimation)
     * @param threads the simulator's threads: the cores a task holds ({@link SparkBackend#partThreads})
     */
    LikelihoodEngine(Shard shard, ModelSpec spec, IntegrationConfig integration, double[] centre,
            boolean conditional, int threads) {
        this.data = shard.build();
        this.simulator = conditional ? Simulators.likelihood(data, spec, integration, centre, threads)
                : Simulators.unconditional(data, spec, integration, threads);
    }

    /** An engine of a simulator built otherwise (the method of simulated scores' posterior draws). */
    LikelihoodEngine(ChoiceData data, SimulatedLogLikelihood simulator) {
        this.data = data;
        this.simulator = simulator;
    }
}
