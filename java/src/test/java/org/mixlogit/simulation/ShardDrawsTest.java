package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.testdata.SharpPanel;

/**
 * A decision-maker takes the nodes of its ordinal (its place in the id order of the whole data), so a shard made
 * by {@link ChoiceData#slice} gives each of its decision-makers the log-likelihood contribution and score it has
 * in the whole data, bit for bit, whatever the draw type and whether nodes are cached or regenerated.
 */
class ShardDrawsTest {
    private static final ModelSpec SPEC = ModelSpec.builder().random("x", Distribution.NORMAL).fixed("z").build();
    private static final double[] THETA = {1.0, 0.5, 2.5};
    private static final ChoiceData WHOLE = SharpPanel.create(9, 6, 1.0, 2.5, 3);

    private static Contributions contributions(ChoiceData data, IntegrationConfig config) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, SPEC, config, 2)) {
            return ll.contributions(THETA);
        }
    }

    private static void assertSameContributions(Contributions whole, Contributions shard, int from) {
        for (int n = 0; n < shard.decisionMakerCount(); n++) {
            assertEquals(whole.logLikelihood(from + n), shard.logLikelihood(n), 0.0, "decision-maker " + (from + n));
            for (int j = 0; j < THETA.length; j++) {
                assertEquals(whole.score(from + n, j), shard.score(n, j), 0.0, "score " + j + " of " + (from + n));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DrawType.class, names = {"PSEUDO_RANDOM", "HALTON", "SCRAMBLED_HALTON", "MLHS", "SOBOL"})
    void shardsTakeTheirOrdinalsDraws(DrawType type) {
        IntegrationConfig config = IntegrationConfig.of(type, 16);
        Contributions whole = contributions(WHOLE, config);
        int[][] ranges = {{0, 4}, {4, 5}, {5, 9}};
        for (int[] r : ranges) {
            ChoiceData shard = WHOLE.slice(r[0], r[1]);
            assertSameContributions(whole, contributions(shard, config), r[0]);
            // regenerated on demand instead of cached: the same nodes
            assertSameContributions(whole, contributions(shard, config.withCacheBytes(0)), r[0]);
        }
        // the same rows built as data of their own, ordinals from 0, take decision-maker 0's draws instead
        ChoiceData unkeyed = rebuilt(WHOLE.slice(4, 5));
        assertEquals(0, unkeyed.firstOrdinal());
        assertNotEquals(whole.logLikelihood(4), contributions(unkeyed, config).logLikelihood(0));
    }

    /** The rows of some data built again without a first ordinal. */
    private static ChoiceData rebuilt(ChoiceData data) {
        int rows = data.rowCount();
        long[] situation = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            for (int s = data.decisionMakerStartRef()[n]; s < data.decisionMakerStartRef()[n + 1]; s++) {
                for (int i = data.situationStartRef()[s]; i < data.situationStartRef()[s + 1]; i++) {
                    situation[i] = data.situationId(s);
                    id[i] = data.decisionMakerId(n);
                }
                chosen[data.chosenRowRef()[s]] = 1.0;
            }
        }
        return ChoiceData.builder().situations(situation).decisionMakers(id).chosen(chosen)
                .attribute("x", data.attributeColumn("x")).attribute("z", data.attributeColumn("z")).build();
    }

    @ParameterizedTest(name = "adaptive Gauss-Hermite, {0} points")
    @ValueSource(ints = {3, 5})
    void adaptiveQuadratureOnShards(int points) {
        Contributions whole;
        try (SimulatedLogLikelihood ll = new SimulatedLogLikelihood(WHOLE, SPEC,
                AdaptiveQuadrature.rule(WHOLE, SPEC, THETA, points), 1L << 30, 2)) {
            whole = ll.contributions(THETA);
        }
        ChoiceData shard = WHOLE.slice(3, 7);
        // nodes centred on the shard itself, and the whole data's nodes used for the shard: both key by ordinal
        try (SimulatedLogLikelihood own = new SimulatedLogLikelihood(shard, SPEC,
                AdaptiveQuadrature.rule(shard, SPEC, THETA, points), 0L, 1);
                SimulatedLogLikelihood global = new SimulatedLogLikelihood(shard, SPEC,
                        AdaptiveQuadrature.rule(WHOLE, SPEC, THETA, points), 1L << 30, 1)) {
            assertSameContributions(whole, own.contributions(THETA), 3);
            assertSameContributions(whole, global.contributions(THETA), 3);
        }
    }
}
