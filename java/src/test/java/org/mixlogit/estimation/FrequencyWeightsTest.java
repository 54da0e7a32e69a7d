package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.io.ExampleData;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.spec.ModelSpec;

/**
 * Frequency weights count identical decision-makers: with them the robust covariance, and the one clustered by
 * decision-maker, are those of the data with every decision-maker repeated w times (each copy its own observation
 * and cluster), while sampling weights put w^2 in the sandwich's meat; the Hessian and OPG covariances and the
 * estimates do not depend on which the weights are.
 */
class FrequencyWeightsTest {
    private static final String[] ATTRIBUTES = {"pf", "cl", "loc", "wk"};
    private static final int PEOPLE = 40;

    /** The first 40 respondents of Electricity, each with weight 1 + id % 3, or repeated that many times. */
    private static ChoiceData data(boolean expanded) {
        return data(expanded, 0);
    }

    /** As {@link #data(boolean)}, each weight plus {@code fraction}. */
    private static ChoiceData data(boolean expanded, double fraction) {
        ChoiceData all = ExampleData.electricity();
        List<long[]> ids = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int[] start = all.situationStartRef();
        int[] dmStart = all.decisionMakerStartRef();
        for (int n = 0; n < PEOPLE; n++) {
            long person = all.decisionMakerId(n);
            int w = 1 + (int) (person % 3);
            for (int copy = 0; copy < (expanded ? w : 1); copy++) {
                for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                    for (int i = start[s]; i < start[s + 1]; i++) {
                        ids.add(new long[] {all.situationId(s) * 10 + copy, person * 10 + copy});
                        double[] row = new double[2 + ATTRIBUTES.length];
                        row[0] = all.chosenRowRef()[s] == i ? 1 : 0;
                        row[1] = expanded ? 1 : w + fraction;
                        for (int a = 0; a < ATTRIBUTES.length; a++) {
                            row[2 + a] = all.attributeColumn(ATTRIBUTES[a])[i];
                        }
                        values.add(row);
                    }
                }
            }
        }
        int rows = ids.size();
        long[] situation = new long[rows];
        long[] person = new long[rows];
        double[] chosen = new double[rows];
        double[] weight = new double[rows];
        double[][] x = new double[ATTRIBUTES.length][rows];
        for (int r = 0; r < rows; r++) {
            situation[r] = ids.get(r)[0];
            person[r] = ids.get(r)[1];
            chosen[r] = values.get(r)[0];
            weight[r] = values.get(r)[1];
            for (int a = 0; a < ATTRIBUTES.length; a++) {
                x[a][r] = values.get(r)[2 + a];
            }
        }
        ChoiceDataBuilder b = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen);
        if (!expanded) {
            b.weights(weight);
        }
        for (int a = 0; a < ATTRIBUTES.length; a++) {
            b.attribute(ATTRIBUTES[a], x[a]);
        }
        return b.build();
    }

    private static ModelSpec plain() {
        ModelSpec.Builder spec = ModelSpec.builder();
        for (String a : ATTRIBUTES) {
            spec.fixed(a);
        }
        return spec.build();
    }

    /** The fit's covariances evaluated at theta (no iterations), so that every data set is compared at one point. */
    private static EstimationResult at(ChoiceData data, double[] theta, boolean frequency) {
        EstimatorConfig c = EstimatorConfig.defaults().withThreads(2);
        c = c.withSearch(c.search().withStart(theta).withOptimizer(c.search().optimizer().withMaxIterations(0)))
                .withInference(c.inference().withFrequencyWeights(frequency));
        return new MsleEstimator(c).estimate(data, plain());
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.abs(expected[i]) + 1e-15, what + " element " + i);
        }
    }

    @Test
    @DisplayName("fweights: the robust covariance equals the expanded data's; Hessian and OPG equal either way;"
            + " sampling weights' robust covariance differs")
    void robustCovarianceOfTheExpandedData() {
        ChoiceData weighted = data(false);
        ChoiceData expanded = data(true);
        EstimatorConfig c = EstimatorConfig.defaults().withThreads(2);
        double[] theta = new MsleEstimator(c).estimate(weighted, plain()).estimates();
        EstimationResult frequency = at(weighted, theta, true);
        EstimationResult sampling = at(weighted, theta, false);
        EstimationResult copies = at(expanded, theta, false);
        assertEquals(copies.logLikelihood(), frequency.logLikelihood(), 1e-9 * Math.abs(copies.logLikelihood()));
        // clustered by decision-maker, each copy is its own cluster, as in the expanded data
        for (CovarianceType t : new CovarianceType[] {CovarianceType.ROBUST, CovarianceType.HESSIAN,
            CovarianceType.OPG, CovarianceType.CLUSTER}) {
            assertClose(copies.covariance(t), frequency.covariance(t), 1e-9, t.code());
        }
        assertClose(frequency.covariance(CovarianceType.HESSIAN), sampling.covariance(CovarianceType.HESSIAN), 1e-12,
                "hessian");
        double[] r = frequency.covariance(CovarianceType.ROBUST);
        double[] s = sampling.covariance(CovarianceType.ROBUST);
        for (int j = 0; j < ATTRIBUTES.length; j++) {
            int d = j * ATTRIBUTES.length + j;
            assertTrue(s[d] > 1.2 * r[d], "sampling weights up to 3 inflate the meat: " + s[d] + " vs " + r[d]);
        }
    }

    @Test
    @DisplayName("frequency weights must be whole numbers: a fractional one is refused naming the decision-maker")
    void wholeNumbers() {
        ChoiceData fractional = data(false, 0.5);
        EstimatorConfig c = EstimatorConfig.defaults().withThreads(1);
        org.mixlogit.InvalidDataException e = assertThrows(org.mixlogit.InvalidDataException.class,
                () -> new MsleEstimator(c.withInference(c.inference().withFrequencyWeights(true)))
                        .estimate(fractional, plain()));
        assertTrue(e.getMessage().contains("must be a whole number") && e.getMessage().contains("has weight 2.5"),
                e.getMessage());
    }

    @Test
    @DisplayName("MSM refuses frequency weights on weighted data, naming what to do")
    void msmRefusesFrequencyWeights() {
        EstimatorConfig c = EstimatorConfig.defaults().withThreads(1);
        EstimatorConfig msm = c.withMethod(MethodConfig.msm(MsmConfig.defaults()))
                .withInference(c.inference().withFrequencyWeights(true));
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> new MsmEstimator(msm).estimate(data(false), plain()));
        assertTrue(e.getMessage().contains("Frequency weights are not available with the method of simulated"
                + " moments") && e.getMessage().contains("expand the data"), e.getMessage());
    }
}
