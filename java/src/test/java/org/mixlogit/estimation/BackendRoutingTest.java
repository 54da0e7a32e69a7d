package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.SimulatedShares;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Every sum over decision-makers of an estimation runs on the estimator's backend, not only the optimizer's: the
 * plain-logit start, the integration check's replicate draw sets and its more accurate rule, and the method of
 * simulated moments' first step and moments (whose shards compute their rows' optimal instruments). A recording backend over in-process shards
 * lists what it was asked for, and the results, checks included, equal the local backend's bit for bit.
 */
class BackendRoutingTest {
    private static final ChoiceData DATA = ExampleData.electricity();
    private static final IntegrationConfig DRAWS = IntegrationConfig.of(DrawType.HALTON, 10);

    /** Shards of whole blocks (two, one thread each) that record each simulator's model and draws. */
    private static final class Recording implements Backend {
        final Backend shards = Backend.sharded(2, 1);
        final List<String> calls = new ArrayList<>();

        private static String describe(ModelSpec spec, IntegrationConfig integration) {
            return (spec.randomDimension() == 0 ? "logit" : "mixed") + " " + integration.type().code() + " "
                    + integration.draws() + " seed " + integration.seed();
        }

        @Override
        public LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
                double[] centre) {
            calls.add("likelihood " + describe(spec, integration));
            return shards.likelihood(data, spec, integration, centre);
        }

        /** The data-only sums (the checks, the plain logit's Newton passes) run on the shards, unrecorded. */
        @Override
        public List<BlockPartials> dataPartials(ChoiceData data, int width, DataSums terms) {
            return shards.dataPartials(data, width, terms);
        }

        @Override
        public LikelihoodEvaluator unconditional(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
            calls.add("unconditional " + describe(spec, integration));
            return shards.unconditional(data, spec, integration);
        }

        @Override
        public List<SimulatedShares> shares(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
            calls.add("shares " + describe(spec, integration));
            return shards.shares(data, spec, integration);
        }

        @Override
        public LikelihoodEvaluator posteriorDraws(ChoiceData data, ModelSpec spec, double[] centre, int draws,
                long seed, int[] proposals, double[] bounds) {
            calls.add("posterior " + draws + " seed " + seed);
            return shards.posteriorDraws(data, spec, centre, draws, seed, proposals, bounds);
        }
    }

    private static ModelSpec spec() {
        return ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).random("loc", Distribution.NORMAL)
                .fixed("wk").fixed("tod").fixed("seas").build();
    }

    @Test
    @DisplayName("MSLE: the plain logit, the estimation and the integration check's likelihoods are the backend's")
    void msleChecksRunOnTheBackend() {
        EstimatorConfig config = EstimatorConfig.defaults().withIntegration(DRAWS).withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(2));
        EstimationResult local = new MsleEstimator(config).estimate(DATA, spec());
        Recording backend = new Recording();
        EstimationResult split = new MsleEstimator(config, backend).estimate(DATA, spec());
        long seed = DRAWS.seed();
        // the plain logit is data sums (Newton on its closed form), not a likelihood
        assertEquals(List.of("likelihood mixed halton 10 seed " + seed,
                "likelihood mixed shalton 10 seed " + (seed + 7919),
                "likelihood mixed shalton 10 seed " + (seed + 2 * 7919),
                "likelihood mixed halton 40 seed " + seed), backend.calls);
        assertTrue(local.isConverged(), local.message());
        assertArrayEquals(local.estimates(), split.estimates(), 0.0);
        assertEquals(local.plainLogitLogLikelihood(), split.plainLogitLogLikelihood(), 0.0);
        IntegrationCheck a = local.integrationCheck().orElseThrow();
        IntegrationCheck b = split.integrationCheck().orElseThrow();
        assertArrayEquals(a.replicates(), b.replicates(), 0.0);
        assertEquals(a.accurateLogLikelihood(), b.accurateLogLikelihood(), 0.0);
        assertEquals(a.accurateRule(), b.accurateRule());
    }

    @Test
    @DisplayName("MSM with optimal instruments: the moments and first step are the backend's, and the fit is local's")
    void msmFirstStepRunsOnTheBackend() {
        EstimatorConfig config = EstimatorConfig.defaults().withIntegration(DRAWS).withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withMethod(MethodConfig.msm(MsmConfig.defaults().withInstruments(InstrumentChoice.OPTIMAL)));
        EstimationResult local = new MsmEstimator(config).estimate(DATA, spec());
        Recording backend = new Recording();
        EstimationResult split = new MsmEstimator(config, backend).estimate(DATA, spec());
        long seed = DRAWS.seed();
        // the MSLE first step's likelihood (the plain logits are data sums), the moments (each shard computes its rows'
        // optimal instruments from the first step's row shares on an independent draw set, as the choice of
        // instruments' sums do where the rows live), the likelihood at the estimate
        assertEquals(List.of("likelihood mixed halton 10 seed " + seed, "shares mixed halton 10 seed " + seed,
                "likelihood mixed halton 10 seed " + seed), backend.calls);
        assertTrue(local.isConverged(), local.message());
        assertArrayEquals(local.estimates(), split.estimates(), 0.0);
        assertArrayEquals(local.standardErrors(), split.standardErrors(), 0.0);
        assertEquals(local.gmm().orElseThrow().objective(), split.gmm().orElseThrow().objective(), 0.0);
    }

    /**
     * MSS: the plain logit, the MSLE start, every round's posterior draws (made per shard, each decision-maker's
     * keyed by its ordinal, the accept-reject state recorded per shard) and the likelihood at the estimate run on the
     * backend; estimates, sandwich standard errors and log-likelihood equal the local engine's bit for bit, with the
     * decision-makers' per-round draw counts (and so the padding of the node tables) differing between shards.
     */
    @Test
    @DisplayName("MSS: every sum, the posterior draws included, is the backend's, and the fit is local's bit for bit")
    void mssRunsOnTheBackend() {
        // a short panel (Electricity's 12 choices per person make accept-reject impractical)
        ModelSpec spec = SimulatedChoices.spec();
        ChoiceData data = SimulatedChoices.generate(150, 5, SimulatedChoices.TRUTH, 7);
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withIntegration(IntegrationConfig.of(DrawType.PSEUDO_RANDOM, 10))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withMethod(MethodConfig.of(EstimationMethod.MSS));
        EstimationResult local = new MssEstimator(config).estimate(data, spec);
        Recording backend = new Recording();
        EstimationResult split = new MssEstimator(config, backend).estimate(data, spec);
        long seed = config.integration().seed();
        assertEquals("likelihood logit random 1 seed " + seed, backend.calls.get(0));
        assertTrue(backend.calls.contains("posterior 10 seed " + seed), backend.calls.toString());
        assertEquals("likelihood mixed random 10 seed " + seed, backend.calls.get(backend.calls.size() - 1));
        assertTrue(local.isConverged(), local.message());
        assertArrayEquals(local.estimates(), split.estimates(), 0.0);
        assertArrayEquals(local.standardErrors(), split.standardErrors(), 0.0);
        assertEquals(local.logLikelihood(), split.logLikelihood(), 0.0);
        assertEquals(local.iterations(), split.iterations());
    }
}
