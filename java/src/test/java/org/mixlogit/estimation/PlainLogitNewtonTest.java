package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.Backend;

class PlainLogitNewtonTest {
    private static final ChoiceData DATA = ExampleData.electricity();
    private static final String[] NAMES = {"pf", "cl", "loc", "wk", "tod", "seas"};

    private static int[] columns() {
        int[] c = new int[NAMES.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = DATA.attributeIndex(NAMES[k]);
        }
        return c;
    }

    /** The conditional logit's log-likelihood, written out independently of the Newton passes' sums. */
    private static double logLikelihood(double[] beta) {
        int[] columns = columns();
        int[] st = DATA.situationStartRef();
        int[] chosen = DATA.chosenRowRef();
        int[] dm = DATA.decisionMakerStartRef();
        double ll = 0;
        for (int n = 0; n < DATA.decisionMakerCount(); n++) {
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                double total = 0;
                double vChosen = 0;
                for (int r = st[t]; r < st[t + 1]; r++) {
                    double v = 0;
                    for (int k = 0; k < beta.length; k++) {
                        v += DATA.attribute(r, columns[k]) * beta[k];
                    }
                    total += Math.exp(v);
                    if (r == chosen[t]) {
                        vChosen = v;
                    }
                }
                ll += DATA.weight(n) * (vChosen - Math.log(total));
            }
        }
        return ll;
    }

    @Test
    @DisplayName("Electricity: the fit is where the log-likelihood's central differences vanish, at its value")
    void fitIsTheMaximum() {
        double[] fit = new PlainLogitNewton(DATA, columns(), Backend.local(1)).fit();
        assertNotNull(fit);
        double[] beta = java.util.Arrays.copyOf(fit, NAMES.length);
        double ll = logLikelihood(beta);
        assertEquals(ll, fit[NAMES.length], 1e-9 * Math.abs(ll));
        for (int k = 0; k < beta.length; k++) {
            double h = 1e-5 * Math.max(1, Math.abs(beta[k]));
            double[] up = beta.clone();
            double[] down = beta.clone();
            up[k] += h;
            down[k] -= h;
            double lu = logLikelihood(up);
            double ld = logLikelihood(down);
            // a maximum: both neighbours lower, and the central difference near zero (its truncation error about
            // 1e-6 here, its rounding error eps |LL| / h about 1e-7)
            assertTrue(lu < ll && ld < ll, NAMES[k]);
            assertEquals(0, (lu - ld) / (2 * h), 1e-5, NAMES[k]);
        }
        // the price coefficient of the published conditional logit (Train's electricity data): about -0.62
        assertEquals(-0.62, beta[0], 0.02);
    }

    @Test
    @DisplayName("The same bits on one thread, two threads and two shards")
    void sameBitsOnEveryBackend() {
        double[] one = new PlainLogitNewton(DATA, columns(), Backend.local(1)).fit();
        assertArrayEquals(one, new PlainLogitNewton(DATA, columns(), Backend.local(2)).fit(), 0.0);
        assertArrayEquals(one, new PlainLogitNewton(DATA, columns(), Backend.sharded(2, 1)).fit(), 0.0);
    }

    @Test
    @DisplayName("A collinear attribute (a column twice): no Newton step, so null for the general search")
    void collinearGivesNull() {
        int[] c = columns();
        int[] twice = {c[0], c[1], c[0]};
        assertNull(new PlainLogitNewton(DATA, twice, Backend.local(1)).fit());
    }

    @Test
    @DisplayName("The Newton step solves the information for the gradient (a 2 x 2 case by hand)")
    void newtonStepByHand() {
        // {LL, g, H lower triangle used}: H = [[4, 1], [1, 3]], g = (1, 2): d = H^-1 g = (1/11, 7/11)
        double[] s = {0, 1, 2, 4, 0, 1, 3};
        double[] d = PlainLogitNewton.newtonStep(s, 2);
        assertEquals(1.0 / 11, d[0], 1e-15);
        assertEquals(7.0 / 11, d[1], 1e-15);
    }
}
