package org.mixlogit.msm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.MsmEstimator;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The instruments are chosen from sums over decision-makers on the backend and their values computed where the rows
 * live: on in-process shards of whole blocks the chosen instruments, their values shard by shard and whole MSM fits
 * (default and optimal instruments) equal the local engine's to the last bit; the choice keeps the rules of the
 * instruments (a 0/1 dummy's square dropped, a column listed twice rejected by name).
 */
class InstrumentsOnBackendTest {
    private static final ChoiceData DATA = ExampleData.electricity();

    private static ModelSpec spec() {
        return ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").build();
    }

    @Test
    @DisplayName("Default instruments: the same choice on shards, and each shard's values are the local rows'")
    void defaultsOnShards() {
        Instruments local = Instruments.defaults(DATA, spec());
        Instruments split = Instruments.defaults(DATA, spec(), Backend.sharded(3, 1));
        assertEquals(local.names(), split.names());
        assertEquals(local.dropped(), split.dropped());
        // loc, wk, tod and seas take the values 0 and 1 here: their squares add nothing
        assertTrue(local.dropped().containsAll(List.of("loc^2", "wk^2")), local.dropped().toString());
        int l = local.count();
        double[] whole = local.valuesRef();
        double[] rebuilt = new double[0];
        for (int[] range : org.mixlogit.simulation.ShardedLikelihood.ranges(DATA.decisionMakerCount(), 3)) {
            double[] part = split.part().values(DATA.slice(range[0], range[1]));
            double[] joined = Arrays.copyOf(rebuilt, rebuilt.length + part.length);
            System.arraycopy(part, 0, joined, rebuilt.length, part.length);
            rebuilt = joined;
        }
        assertEquals(DATA.rowCount() * l, rebuilt.length);
        assertArrayEquals(whole, rebuilt, 0.0);
    }

    @Test
    @DisplayName("User instruments: the same names on shards and the same values as the local rows'")
    void columnsOnShards() {
        List<String> columns = List.of("pf", "cl", "loc", "wk", "tod", "seas");
        Instruments local = Instruments.columns(DATA, columns);
        Instruments split = Instruments.columns(DATA, columns, Backend.sharded(2, 1));
        assertEquals(columns, split.names());
        assertArrayEquals(local.valuesRef(), split.part().values(DATA), 0.0);
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> Instruments.columns(DATA, List.of("pf", "pf"), Backend.sharded(2, 1)));
        assertTrue(e.getMessage().contains("'pf' is listed twice"), e.getMessage());
    }

    @Test
    @DisplayName("MSM with default and optimal instruments on shards equals the local fit bit for bit")
    void msmOnShards() {
        EstimatorConfig base = EstimatorConfig.defaults().withIntegration(IntegrationConfig.of(DrawType.HALTON, 10))
                .withThreads(2).withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0));
        for (MsmConfig mc : List.of(MsmConfig.defaults(), MsmConfig.defaults()
                .withInstruments(InstrumentChoice.OPTIMAL))) {
            EstimatorConfig config = base.withMethod(MethodConfig.msm(mc));
            EstimationResult expected = new MsmEstimator(config).estimate(DATA, spec());
            EstimationResult actual = new MsmEstimator(config, Backend.sharded(3, 1)).estimate(DATA, spec());
            assertArrayEquals(expected.estimates(), actual.estimates(), 0.0, mc.toString());
            assertArrayEquals(expected.standardErrors(), actual.standardErrors(), 0.0, mc.toString());
            assertEquals(expected.gmm().orElseThrow().objective(), actual.gmm().orElseThrow().objective(), 0.0);
        }
    }
}
