package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** A rank-deficient design is refused before estimating, by every estimator, naming the dependent columns. */
class DesignRankTest {
    private static final ChoiceData DATA = new DesignData()
            .with("twice_price", (i, n, j, d) -> 2 * d.attribute(i, d.attributeIndex("price")))
            .with("asc0", (i, n, j, d) -> j == 0 ? 1 : 0)
            .with("asc1", (i, n, j, d) -> j == 1 ? 1 : 0)
            .with("asc2", (i, n, j, d) -> j == 2 ? 1 : 0)
            .with("asc3", (i, n, j, d) -> j == 3 ? 1 : 0)
            .with("inc0", (i, n, j, d) -> j == 0 ? 1 + n % 7 : 0)
            .with("inc1", (i, n, j, d) -> j == 1 ? 1 + n % 7 : 0)
            .with("inc2", (i, n, j, d) -> j == 2 ? 1 + n % 7 : 0)
            .with("inc3", (i, n, j, d) -> j == 3 ? 1 + n % 7 : 0)
            .with("asc1:income", (i, n, j, d) -> j == 1 ? 1 + n % 7 : 0)
            .build();

    private static String refusal(ModelSpec spec, EstimatorConfig config) {
        return assertThrows(InvalidDataException.class, () -> Estimator.of(config).estimate(DATA, spec))
                .getMessage();
    }

    private static EstimatorConfig msle() {
        return EstimatorConfig.defaults().withThreads(1).withDiagnostics(DiagnosticsConfig.defaults());
    }

    @Test
    @DisplayName("pf2 = 2 pf: the plain logit (MSLE without random coefficients) names both columns")
    void collinearPlainLogit() {
        String m = refusal(ModelSpec.builder().fixed("price").fixed("quality").fixed("twice_price").build(), msle());
        assertTrue(m.contains("rank deficient") && m.contains("null direction on: price, twice_price"), m);
        assertTrue(!m.contains("quality"), m);
    }

    @Test
    @DisplayName("pf2 = 2 pf with a random coefficient, by MSLE and by MSM")
    void collinearMixed() {
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
                .fixed("twice_price").build();
        assertTrue(refusal(spec, msle()).contains("null direction on: price, twice_price"));
        EstimatorConfig msm = msle().withMethod(MethodConfig.msm(MsmConfig.defaults()));
        assertTrue(refusal(spec, msm).contains("null direction on: price, twice_price"));
    }

    @Test
    @DisplayName("factor(alt):income, one column too many: the four interactions are named")
    void oneTooManyInteractions() {
        String m = refusal(ModelSpec.builder().fixed("price").fixed("inc0").fixed("inc1").fixed("inc2")
                .fixed("inc3").build(), msle());
        assertTrue(m.contains("rank 4 for 5 coefficients") && m.contains("inc0, inc1, inc2, inc3"), m);
        assertTrue(!m.contains("price,"), m);
    }

    @Test
    @DisplayName("a full set of alternative constants and a heterogeneity interaction are checked too")
    void dummiesAndHeterogeneity() {
        String m = refusal(ModelSpec.builder().fixed("price").fixed("asc0").fixed("asc1").fixed("asc2")
                .fixed("asc3").build(), msle());
        assertTrue(m.contains("null direction on: asc0, asc1, asc2, asc3"), m);
        // rare is the dummy of the fourth alternative
        assertTrue(refusal(ModelSpec.builder().fixed("rare").fixed("asc3").build(), msle())
                .contains("null direction on: rare, asc3"));
        // inc1 = asc1 x income: the heterogeneity of asc1's mean duplicates the column inc1
        ModelSpec het = ModelSpec.builder().fixed("price").random("asc1", Distribution.NORMAL)
                .heterogeneity("asc1", "income").fixed("inc1").build();
        String h = refusal(het, msle());
        assertTrue(h.contains("inc1") && h.contains("income"), h);
    }

    @Test
    @DisplayName("an interaction column named like a heterogeneity term: the message tells the two apart")
    void heterogeneityNamedLikeAColumn() {
        ModelSpec het = ModelSpec.builder().fixed("price").random("asc1", Distribution.NORMAL)
                .heterogeneity("asc1", "income").fixed("asc1:income").build();
        String m = refusal(het, msle());
        int heterogeneityName = het.layout().names().indexOf("asc1:income");
        assertTrue(heterogeneityName >= 0, het.layout().names().toString());
        assertTrue(m.contains("asc1:income (income shifting the mean of asc1)"), m);
        assertTrue(!m.contains("asc1:income, asc1:income,") && !m.endsWith("asc1:income, asc1:income"), m);
    }

    @Test
    @DisplayName("a full-rank design passes")
    void fullRank() {
        assertDoesNotThrow(() -> DesignRank.require(DATA, ModelSpec.builder().fixed("price").fixed("asc1")
                .fixed("asc2").fixed("asc3").fixed("inc1").fixed("inc2").fixed("inc3").fixed("quality").build()));
    }
}
