package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.DataFingerprint;
import org.mixlogit.data.DataSummary;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The estimators' data checks are sums over decision-makers on the estimator's backend, reduced in block order: the
 * design's rank, the attributes' spreads (internal scaling), the null log-likelihood and the separation test give
 * the same numbers and messages on the local backend and on in-process shards of whole blocks (the reference a
 * distributed backend matches), so no check needs the whole data in one place.
 */
class ChecksOnBackendTest {
    /** 200 decision-makers: 7 reduction blocks, so 2, 3 and 7 shards split them differently. */
    private static final ChoiceData DATA = new DesignData()
            .with("twice_price", (i, n, j, d) -> 2 * d.attribute(i, d.attributeIndex("price")))
            .with("big", (i, n, j, d) -> 3e6 * d.attribute(i, d.attributeIndex("quality")))
            .with("signal", (i, n, j, d) -> d.chosenRowRef()[i / 4] == i ? 1 : 0)
            .with("flag", (i, n, j, d) -> n < 50 && d.chosenRowRef()[i / 4] == i ? 1 : 0)
            .build();

    private static String refusal(Backend backend, ModelSpec spec) {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(1)
                .withDiagnostics(DiagnosticsConfig.defaults());
        return assertThrows(InvalidDataException.class,
                () -> new MsleEstimator(config, backend).estimate(DATA, spec)).getMessage();
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {2, 3, 7})
    @DisplayName("design rank: the same refusal on shards as locally")
    void designRank(int shards) {
        ModelSpec spec = ModelSpec.builder().fixed("price").fixed("quality").fixed("twice_price").build();
        String local = refusal(Backend.local(1), spec);
        assertTrue(local.contains("null direction on: price, twice_price"), local);
        assertEquals(local, refusal(Backend.sharded(shards, 1), spec));
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {2, 3, 7})
    @DisplayName("separation (complete and quasi-complete): the same certificate and message on shards")
    void separation(int shards) {
        ModelSpec complete = ModelSpec.builder().fixed("price").fixed("quality").fixed("signal").build();
        String local = refusal(Backend.local(1), complete);
        assertTrue(local.contains("Complete separation: signal (+) predicts every one of the 400 choices"), local);
        assertEquals(local, refusal(Backend.sharded(shards, 1), complete));
        ModelSpec quasi = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL).fixed("flag")
                .build();
        String q = refusal(Backend.local(1), quasi);
        assertTrue(q.contains("Quasi-complete separation: flag (+) predicts the choice exactly in 100 of the 400"),
                q);
        assertEquals(q, refusal(Backend.sharded(shards, 1), quasi));
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {2, 3, 7})
    @DisplayName("internal scaling: the same factors on shards (a spread between 2^21 and 2^22 scaled by 2^-21)")
    void scaling(int shards) {
        ModelSpec spec = ModelSpec.builder().random("big", Distribution.NORMAL).fixed("price").build();
        double[] local = Rescaling.of(DATA, spec, Backend.local(1)).factors();
        assertEquals(Math.scalb(1.0, -21), local[spec.layout().indexOf("big")], 0.0);
        assertEquals(1.0, local[spec.layout().indexOf("price")], 0.0);
        assertArrayEquals(local, Rescaling.of(DATA, spec, Backend.sharded(shards, 1)).factors(), 0.0);
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 5})
    @DisplayName("null log-likelihood: 4308 log(1/4) on Electricity, bit for bit on shards")
    void nullLogLikelihood(int shards) {
        ChoiceData electricity = ExampleData.electricity();
        double local = ResultAssembler.nullLogLikelihood(electricity, Backend.local(2));
        assertEquals(4308 * Math.log(0.25), local, 1e-9);
        assertEquals(Double.doubleToLongBits(local), Double.doubleToLongBits(
                ResultAssembler.nullLogLikelihood(electricity, Backend.sharded(shards, 1))));
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 5})
    @DisplayName("the data's fingerprint from the shards' checksum inputs in ordinal order equals the whole's")
    void fingerprint(int shards) {
        ChoiceData electricity = ExampleData.electricity();
        List<String> attributes = List.of("pf", "cl", "loc");
        DataFingerprint whole = DataFingerprint.of(electricity, attributes, List.of());
        assertEquals(whole, Backend.sharded(shards, 1).fingerprint(electricity, attributes, List.of()));
        assertEquals(64, whole.sha256().length());
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a driver's summary answers counts, names and labels, and refuses every row")
    void summary() {
        ChoiceData electricity = ExampleData.electricity();
        ChoiceData summary = ChoiceData.of(DataSummary.of(electricity));
        assertTrue(summary.isSummary());
        assertEquals(electricity.rowCount(), summary.rowCount());
        assertEquals(electricity.situationCount(), summary.situationCount());
        assertEquals(electricity.decisionMakerCount(), summary.decisionMakerCount());
        assertEquals(electricity.maxAlternatives(), summary.maxAlternatives());
        assertEquals(electricity.alternativeLabels(), summary.alternativeLabels());
        assertEquals(electricity.attributeNames(), summary.attributeNames());
        assertThrows(IllegalStateException.class, summary::situationStartRef);
        assertThrows(IllegalStateException.class, () -> summary.attribute(0, 0));
        assertThrows(IllegalStateException.class, () -> summary.weight(0));
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {2, 7})
    @DisplayName("a data-only sum's block partials cover the blocks once, in order, whatever the split")
    void partials(int shards) {
        List<BlockPartials> parts = Backend.sharded(shards, 1).dataPartials(DATA, 1,
                (part, n, sums, at) -> sums[at] += 1);
        long next = 0;
        double total = 0;
        for (BlockPartials p : parts) {
            assertEquals(next, p.firstBlock());
            next += p.blockCount();
            for (int b = 0; b < p.blockCount(); b++) {
                total += p.get(b, 0);
            }
        }
        assertEquals(7, next);
        assertEquals(200, total, 0.0);
    }
}
