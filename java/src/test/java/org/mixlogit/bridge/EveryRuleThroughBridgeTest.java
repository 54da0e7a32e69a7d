package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.integration.DrawType;

/**
 * Every integration rule through every path R takes after a fit: fitted probabilities, prediction on new rows,
 * post-estimation on the estimation data and on new data. A rule whose nodes are built differently (adaptive
 * quadrature) once failed here after estimating successfully.
 */
class EveryRuleThroughBridgeTest {
    private static final String[] NAMES = {"pf", "cl", "loc", "wk", "tod", "seas"};
    private static final int PEOPLE = 40;

    /** The first PEOPLE respondents of the Electricity CSV as columns. */
    private static final class Columns {
        final int[] situation;
        final int[] person;
        final double[] chosen;
        final double[] attributes;
        final String[] alternative;
        final int n;

        Columns() {
            String[] lines = MixlogitBridge.electricityCsv().trim().split("\\R");
            int count = 0;
            while (count + 1 < lines.length && Integer.parseInt(lines[count + 1].split(",")[1]) <= PEOPLE) {
                count++;
            }
            n = count;
            situation = new int[n];
            person = new int[n];
            chosen = new double[n];
            alternative = new String[n];
            attributes = new double[n * NAMES.length];
            for (int i = 0; i < n; i++) {
                String[] f = lines[i + 1].split(",");
                chosen[i] = Double.parseDouble(f[0]);
                person[i] = Integer.parseInt(f[1]);
                alternative[i] = f[2];
                for (int k = 0; k < NAMES.length; k++) {
                    attributes[k * n + i] = Double.parseDouble(f[3 + k]);
                }
                situation[i] = Integer.parseInt(f[9]);
            }
        }
    }

    private static final Columns DATA = new Columns();
    private static final String SPEC = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"cl\", \"distribution\": \"n\"}, {\"attribute\": \"loc\", \"distribution\": \"n\"},"
            + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"seas\", \"distribution\": \"f\"}]}";

    private static int size(DrawType type) {
        if (type.isSimulation()) {
            return 30;
        }
        return type.isSparseGrid() ? 3 : 4;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DrawType.class)
    @DisplayName("fit, fitted probabilities, predict and post-estimation work for every rule")
    void everyPath(DrawType type) {
        Columns c = DATA;
        String options = String.format(Locale.ROOT, "{\"draws\": \"%s\", \"R\": %d, \"threads\": 2}", type.code(),
                size(type));
        BridgeFit fit = MixlogitBridge.fit(c.situation, c.person, c.chosen, NAMES, c.attributes, new String[0],
                new double[0], new double[0], SPEC, options);
        assertEquals(1.0, fit.statistics()[7], 0.0, "converged with " + type.code());

        double[] p = fit.fittedProbabilities();
        assertEquals(c.n, p.length);
        for (int s = 0; s < c.n; s += 4) {
            assertEquals(1.0, p[s] + p[s + 1] + p[s + 2] + p[s + 3], 1e-12);
        }

        int rows = 8;
        double[] x = new double[rows * NAMES.length];
        for (int k = 0; k < NAMES.length; k++) {
            System.arraycopy(c.attributes, k * c.n, x, k * rows, rows);
        }
        int[] sit = java.util.Arrays.copyOf(c.situation, rows);
        int[] who = java.util.Arrays.copyOf(c.person, rows);
        double[] predicted = fit.predict(sit, who, NAMES, x, new String[0], new double[0]);
        // the same rows predicted alone give the fitted probabilities of those rows: prediction does not depend on
        // the choices or on the other rows
        for (int i = 0; i < rows; i++) {
            assertEquals(p[i], predicted[i], 1e-12, "row " + i + " with " + type.code());
        }

        BridgePost post = fit.post("");
        double[] shares = post.shares().estimates();
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        assertEquals(1.0, total, 1e-12);
        BridgeTable elasticity = post.elasticities("pf");
        int own = 0;
        for (int i = 0; i < elasticity.estimates().length; i++) {
            if (elasticity.alternatives()[i].equals(elasticity.others()[i])) {
                own++;
                assertTrue(elasticity.estimates()[i] < 0, "own price elasticity " + elasticity.estimates()[i] + " with " + type.code());
            } else {
                assertTrue(elasticity.estimates()[i] > 0, "cross price elasticity " + elasticity.estimates()[i]);
            }
        }
        assertEquals(4, own);
        double[] means = post.conditionalMeans();
        assertEquals(PEOPLE * NAMES.length, means.length);
        assertTrue(Double.isFinite(means[1]));
        if (type.isSimulation()) {
            assertTrue(Double.isFinite(post.wtpSummary("cl", "pf")[0]));
        } else {
            InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                    () -> post.wtpSummary("cl", "pf"));
            assertTrue(e.getMessage().contains("equal weights"), e.getMessage());
        }
        BridgePost fresh = fit.postOn(sit, who, NAMES, x, new String[0], new double[0],
                java.util.Arrays.copyOf(c.alternative, rows), new String[0], "");
        assertEquals(4, fresh.shares().estimates().length);
    }
}
