package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.spec.ModelSpec;

/** Under-identified MSM problems fail before any optimization with a message naming the cause. */
class MsmIdentificationTest {
    private static final ChoiceData DATA = SimulatedChoices.generate(200, 2, SimulatedChoices.TRUTH, 3);
    private static final ModelSpec SPEC = SimulatedChoices.spec();

    private static String failure(MsmConfig msm, ChoiceData data) {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(1).withMethod(MethodConfig.msm(msm));
        return assertThrows(InvalidSpecificationException.class, () -> new MsmEstimator(config).estimate(data,
                SPEC)).getMessage();
    }

    @Test
    @DisplayName("fewer instruments than parameters: the counts and names are in the message")
    void fewerInstrumentsThanParameters() {
        String m = failure(MsmConfig.defaults().withInstrumentColumns(Arrays.asList("price", "quality", "rare")),
                DATA);
        assertTrue(m.contains("under-identified") && m.contains("3 instrument(s) (price, quality, rare) for 4"
                + " parameters (price, quality, rare, sd.quality)"), m);
    }

    @Test
    @DisplayName("an instrument without variation within situations is named")
    void instrumentWithoutVariation() {
        double[] income = new double[DATA.rowCount()];
        ChoiceData data = withIncome(income);
        String m = failure(MsmConfig.defaults().withInstrumentColumns(Arrays.asList("price", "quality", "rare",
                "income")), data);
        assertTrue(m.contains("Instrument 'income' takes the same value for every alternative within each choice"
                + " situation"), m);
    }

    @Test
    @DisplayName("an instrument that is a combination of others is named")
    void collinearInstrument() {
        ChoiceData data = withIncome(new double[DATA.rowCount()]);
        String m = failure(MsmConfig.defaults().withInstrumentColumns(Arrays.asList("price", "quality", "rare",
                "twice_price")), data);
        assertTrue(m.contains("Instrument 'twice_price' is a linear combination of the instruments before it"
                + " (price, quality, rare)"), m);
    }

    /** DATA with a characteristic "income" (per decision-maker) and attributes twice_price and price_cubed (unused here). */
    private static ChoiceData withIncome(double[] unused) {
        int rows = DATA.rowCount();
        long[] sit = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[] income = new double[rows];
        double[] twice = new double[rows];
        double[] cubed = new double[rows];
        double[] price = DATA.attributeColumn("price");
        int[] dm = DATA.decisionMakerStartRef();
        int[] st = DATA.situationStartRef();
        for (int n = 0; n < DATA.decisionMakerCount(); n++) {
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                for (int i = st[t]; i < st[t + 1]; i++) {
                    sit[i] = t;
                    id[i] = n;
                    income[i] = 1 + n % 7;
                    twice[i] = 2 * price[i];
                    cubed[i] = price[i] * price[i] * price[i];
                }
            }
        }
        for (int c : DATA.chosenRowRef()) {
            chosen[c] = 1;
        }
        return ChoiceData.builder().situations(sit).decisionMakers(id).chosen(chosen).attribute("price", price)
                .attribute("quality", DATA.attributeColumn("quality")).attribute("rare", DATA.attributeColumn("rare"))
                .attribute("twice_price", twice).attribute("price_cubed", cubed).characteristic("income", income)
                .build();
    }
}
