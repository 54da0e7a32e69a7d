package org.mixlogit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.ModelSpec;

/**
 * Conditional logits of shared/data/README.md against the published log-likelihoods, estimates and standard
 * errors (R 4.2.2 survival::clogit on the same files; Biogeme, mlogit and Apollo print the same numbers). These are
 * deterministic, so the tolerances are only those of the printed digits and the optimizer: the log-likelihood to
 * 1e-5 (published to 8 or more decimals, our gradient tolerance leaves it within 1e-8), estimates and standard
 * errors to a relative 5e-5 plus half a unit of the last printed digit (published with 6 or 7 significant digits;
 * our Hessian standard errors agree with clogit's to 1e-5 relative on every set, which is 4+ significant digits).
 */
class ConditionalLogitReferenceTest {

    private static EstimationResult fit(ChoiceData data, String... attributes) {
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : attributes) {
            b.fixed(a);
        }
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)).estimate(data, b.build());
        assertTrue(r.isConverged(), r.message());
        assertTrue(r.isCertified(), r.certification());
        return r;
    }

    /** Asserts LL, then estimates and standard errors (in the attributes' order) each to its printed precision. */
    private static void assertPublished(EstimationResult r, double logLikelihood, String[] names, double[] estimates,
            double[] errors, double lastDigit) {
        assertEquals(logLikelihood, r.logLikelihood(), 1e-5);
        List<CoefficientEstimate> c = r.coefficients();
        assertEquals(names.length, c.size());
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], c.get(i).name());
            assertEquals(estimates[i], c.get(i).estimate(), 5e-5 * Math.abs(estimates[i]) + lastDigit, names[i]);
            assertEquals(errors[i], c.get(i).standardError(), 5e-5 * errors[i] + lastDigit, names[i] + " s.e.");
        }
    }

    @Test
    @DisplayName("traindata100 (Hole's traindata.dta): LL -1356.38665835 and clogit's estimates")
    void traindata100() {
        String[] names = {"pf", "cl", "loc", "wk", "tod", "seas"};
        EstimationResult r = fit(ReferenceData.traindata100(), names);
        assertEquals(100, r.decisionMakers());
        assertPublished(r, -1356.38665835, names,
                new double[] {-0.635485, -0.139640, 1.430578, 1.054535, -5.698954, -5.899944},
                new double[] {0.043952, 0.016189, 0.096383, 0.086482, 0.349402, 0.354850}, 5e-7);
    }

    @Test
    @DisplayName("Fishing, price + catch, no constants: LL -1311.97961711 (xlogit -1311.9796171079972)")
    void fishing() {
        String[] names = {"price", "catch"};
        EstimationResult r = fit(ExampleData.fishing(), names);
        assertPublished(r, -1311.97961711, names, new double[] {-0.020477, 0.953099},
                new double[] {0.001223, 0.089413}, 5e-7);
    }

    @Test
    @DisplayName("Yogurt, brand constants + price + feat: LL -2656.88787845")
    void yogurt() {
        String[] names = {"price", "feat", "hiland", "weight", "yoplait"};
        ChoiceData data = ReferenceData.read("yogurt_long.csv.gz", CsvLayout.of("chid", "choice", names));
        assertPublished(fit(data, names), -2656.88787845, names,
                new double[] {-0.366584, 0.491434, -3.715600, -0.641184, 0.734571},
                new double[] {0.024366, 0.120063, 0.145419, 0.054498, 0.080644}, 5e-7);
    }

    @Test
    @DisplayName("car100, price/10000, opcost/10, range, ev, hybrid, hiperf, medhiperf: LL -1399.19321202")
    void car100() {
        String[] names = {"price10k", "opcost10", "range", "ev", "hybrid", "hiperf", "medhiperf"};
        ChoiceData data = ReferenceData.read("car100_long.csv.gz", CsvLayout.of("choice_id", "choice", names));
        assertPublished(fit(data, names), -1399.19321202, names,
                new double[] {-0.416684, -0.128795, 0.477045, -1.392353, 0.355466, 0.109906, 0.384110},
                new double[] {0.033159, 0.035308, 0.176483, 0.276639, 0.121812, 0.083824, 0.085452}, 5e-7);
    }

    @Test
    @DisplayName("Heating, ic + oc, no constants: LL -1095.23712533 (mlogit Exercise 1 prints -1095.2)")
    void heating() {
        String[] names = {"ic", "oc"};
        ChoiceData data = ReferenceData.read("heating_long.csv.gz", CsvLayout.of("idcase", "choice", names));
        assertPublished(fit(data, names), -1095.23712533, names, new double[] {-0.00623187, -0.00458008},
                new double[] {0.00035277, 0.00032216}, 5e-9);
    }

    @Test
    @DisplayName("xlogit's artificial data, 10 attributes: LL -2414.40041719")
    void artificial() {
        String[] names = {"price", "time", "conven", "comfort", "meals", "petfr", "emipp", "nonsig1", "nonsig2",
            "nonsig3"};
        ChoiceData data = ReferenceData.read("artificial_long.csv.gz", CsvLayout.of("id", "choice", names));
        // only the log-likelihood is published for this model
        assertEquals(-2414.40041719, fit(data, names).logLikelihood(), 1e-5);
    }

    @Test
    @DisplayName("Swissmetro, Biogeme b01a (asc_train, asc_car, cost, time): LL -5331.252007")
    void swissmetro() {
        String[] names = {"asc_train", "asc_car", "cost", "time"};
        ChoiceData data = ReferenceData.read("swissmetro_long.csv.gz", CsvLayout.of("gid", "choice", names));
        EstimationResult r = fit(data, names);
        assertEquals(6768, r.situations());
        assertPublished(r, -5331.25200692, names, new double[] {-0.701187, -0.154632, -1.083791, -1.277860},
                new double[] {0.054874, 0.043235, 0.051830, 0.056883}, 5e-7);
    }

    @Test
    @DisplayName("Dutch Train data, mlogit vignette scaling, no constant: LL -1724.15002716")
    void dutchTrain() {
        String[] names = {"price", "time", "change", "comfort"};
        ChoiceData data = ReferenceData.read("train_dutch_long.csv.gz", CsvLayout.of("choiceid", "choice", names));
        assertPublished(fit(data, names), -1724.15002716, names,
                new double[] {-0.06735806, -1.72055174, -0.32634098, -0.94572569},
                new double[] {0.00339325, 0.16035170, 0.05948915, 0.06494546}, 5e-9);
    }

    @Test
    @DisplayName("TravelMode, ASCs (air the base) + gcost + wait: LL -199.976623112")
    void travelMode() {
        String[] names = {"asc_train", "asc_bus", "asc_car", "gcost", "wait"};
        ChoiceData data = ReferenceData.read("travelmode_long.csv.gz", CsvLayout.of("individual", "choice", names));
        assertPublished(fit(data, names), -199.976623112, names,
                new double[] {-1.85335764, -2.56562416, -5.77635888, -0.01578375, -0.09709052},
                new double[] {0.37009248, 0.38432506, 0.65591872, 0.00438279, 0.01043509}, 5e-9);
    }
}
