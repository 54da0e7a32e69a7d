package org.mixlogit.postestimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Willingness to pay per latent class against closed forms: with coefficients fixed within classes, -b_a / b_c and
 * its delta-method error; with a normal attribute coefficient within classes (b_a ~ N(m_c, s_c), fixed cost b_c),
 * each class's ratio is N(-m_c / b_c, s_c / |b_c|): the simulated mean, median and quantiles over the draws, and
 * the mean's delta-method error, sqrt(V_m / b^2 + m^2 V_b / b^4 - 2 m C_mb / b^3).
 */
class ClassWillingnessToPayTest {
    private static final ChoiceData DATA = ExampleData.electricity();
    private static final IntegrationConfig DRAWS = IntegrationConfig.of(DrawType.HALTON, 500);

    /** A covariance with variances v on the diagonal and covariance cov between parameters i and j. */
    private static double[] covariance(double[] v, int i, int j, double cov) {
        int p = v.length;
        double[] m = new double[p * p];
        for (int k = 0; k < p; k++) {
            m[k * p + k] = v[k];
        }
        m[i * p + j] = cov;
        m[j * p + i] = cov;
        return m;
    }

    @Test
    @DisplayName("fixed within classes: -b_a / b_c per class, the delta method's closed form")
    void fixedCoefficients() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").fixed("loc").latentClasses(2, List.of(), List.of())
                .build();
        assertEquals(List.of("class1.pf", "class1.loc", "class2.pf", "class2.loc", "share2._cons"),
                spec.layout().names());
        double[] theta = {-0.5, 2.0, -1.2, 0.6, -0.2};
        double[] v = {0.01, 0.04, 0.02, 0.03, 0.05};
        FittedModel model = new FittedModel(spec, theta, covariance(v, 0, 1, 0.005), "hessian", DRAWS, 95, 1);
        ClassWillingnessToPay w = new PostEstimation(model, DATA, PostEstimationOptions.defaults())
                .classWillingnessToPay("loc", "pf");
        assertFalse(w.isDistribution());
        assertEquals(List.of("mean"), w.statistics());
        assertArrayEquals(new double[] {4.0, 0.5}, w.estimates(), 1e-12);
        // w = -a / b: dw/da = -1/b, dw/db = a/b^2; var = V_a/b^2 + a^2 V_b/b^4 + 2 (-1/b)(a/b^2) C_ab
        double se1 = Math.sqrt(0.04 / 0.25 + 4.0 * 0.01 / 0.0625 + 2 * (-1 / -0.5) * (2.0 / 0.25) * 0.005);
        double se2 = Math.sqrt(0.03 / 1.44 + 0.36 * 0.02 / (1.44 * 1.44));
        assertArrayEquals(new double[] {se1, se2}, w.standardErrors(), 1e-6);
        assertArrayEquals(w.estimates(), w.table(), 0.0);
    }

    @Test
    @DisplayName("a normal coefficient within classes: each class's N(-m/b, s/|b|) by simulation, the mean's delta method")
    void randomWithinClasses() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("loc", Distribution.NORMAL)
                .latentClasses(2, List.of(), List.of()).build();
        assertEquals(List.of("class1.pf", "class1.loc", "class1.sd.loc", "class2.pf", "class2.loc", "class2.sd.loc",
                "share2._cons"), spec.layout().names());
        double[] theta = {-0.5, 2.0, 1.0, -1.2, 0.6, 0.3, -0.2};
        double[] v = {0.01, 0.04, 0.02, 0.02, 0.03, 0.01, 0.05};
        FittedModel model = new FittedModel(spec, theta, covariance(v, 0, 1, 0.005), "hessian", DRAWS, 95, 2);
        ClassWillingnessToPay w = new PostEstimation(model, DATA, PostEstimationOptions.defaults())
                .classWillingnessToPay("loc", "pf");
        assertTrue(w.isDistribution());
        assertEquals(List.of("mean", "median", "q05", "q25", "q75", "q95"), w.statistics());
        double[] t = w.table();
        double[] se = w.tableStandardErrors();
        double[][] normal = {{4.0, 2.0}, {0.5, 0.25}};
        double[] z = {0, 0, -1.6448536269514722, -0.6744897501960817, 0.6744897501960817, 1.6448536269514722};
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < 6; s++) {
                double expected = normal[c][0] + z[s] * normal[c][1];
                // 361 x 500 Halton draws: the quantiles to about 0.2% of the spread
                assertEquals(expected, t[c * 6 + s], 3e-3 * normal[c][1], "class " + (c + 1) + " " + s);
            }
        }
        assertArrayEquals(new double[] {t[0], t[6]}, w.estimates(), 0.0);
        double se1 = Math.sqrt(0.04 / 0.25 + 4.0 * 0.01 / 0.0625 + 2 * (-1 / -0.5) * (2.0 / 0.25) * 0.005);
        double se2 = Math.sqrt(0.03 / 1.44 + 0.36 * 0.02 / (1.44 * 1.44));
        assertEquals(se1, se[0], 1e-3 * se1);
        assertEquals(se2, se[6], 1e-3 * se2);
        // the median moves with the mean and the quantiles with the scale too: q95's error includes s's
        double q95 = Math.sqrt(0.04 / 0.25 + 1.6448536269514722 * 1.6448536269514722 * 0.02 / 0.25
                + Math.pow((2.0 + 1.6448536269514722) / 0.25, 2) * 0.01
                + 2 * (-1 / -0.5) * ((2.0 + 1.6448536269514722) / 0.25) * 0.005);
        assertEquals(q95, se[5], 1e-2 * q95);
    }

    @Test
    @DisplayName("a model without classes is refused, naming the alternative")
    void notLatent() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").fixed("loc").build();
        FittedModel model = new FittedModel(spec, new double[] {-0.5, 2.0}, new double[4], "hessian", DRAWS, 95, 1);
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> new PostEstimation(model, DATA, PostEstimationOptions.defaults())
                        .classWillingnessToPay("loc", "pf"));
        assertTrue(e.getMessage().contains("willingness to pay of the mixed logit"), e.getMessage());
    }
}
