package org.mixlogit.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parameter vector's order and names are as documented. */
class ParameterLayoutTest {

    @Test
    @DisplayName("means, heterogeneity, independent scales, then the Cholesky factor row by row")
    void order() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", "n").random("wk", "u").errorComponent("nest")
                .random("loc", "n").random("tod", "n").correlated("tod", "cl", "loc")
                .heterogeneity("loc", "income", "age").build();
        ParameterLayout layout = spec.layout();
        assertEquals(Arrays.asList("pf", "cl", "wk", "loc", "tod", "loc:income", "loc:age", "spread.wk", "sd.nest",
                "chol.cl:cl", "chol.loc:cl", "chol.loc:loc", "chol.tod:cl", "chol.tod:loc", "chol.tod:tod"),
                layout.names());
        assertEquals(-1, layout.meanIndex(3));
        assertEquals(-1, layout.dimension(0));
        assertEquals(4, layout.dimension(5));
        assertEquals(5, layout.heterogeneityStart(4));
        assertEquals(8, layout.scaleIndex(3));
        assertEquals(-1, layout.scaleIndex(1));
        assertArrayEquals(new int[] {1, 4, 5}, layout.blockMembers());
        assertEquals(12, layout.choleskyIndex(2, 0));
        assertEquals(ParameterKind.CHOLESKY, layout.kinds().get(14));
        assertEquals(ParameterKind.HETEROGENEITY, layout.kinds().get(6));
    }

    @Test
    @DisplayName("canonical: free scales in absolute value, each Cholesky column signed by its diagonal (L L' kept),"
            + " means and signed scales as they are")
    void canonical() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("wk", "n").random("cl", "n").random("loc", "n")
                .random("tod", "n").correlated("cl", "loc", "tod").build();
        ParameterLayout layout = spec.layout();
        double[] theta = new double[layout.size()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = 0.1 * (j + 1);
        }
        int sd = layout.scaleIndex(1);
        theta[sd] = -0.7;
        theta[layout.meanIndex(0)] = -2;
        // column 0 (cl) with a negative diagonal: flipped whole; column 1 (loc) positive: kept; column 2 negative
        theta[layout.choleskyIndex(0, 0)] = -1.5;
        theta[layout.choleskyIndex(1, 0)] = 0.4;
        theta[layout.choleskyIndex(2, 0)] = -0.3;
        theta[layout.choleskyIndex(2, 2)] = -0.9;
        double[] c = layout.canonical(theta);
        assertEquals(-2, c[layout.meanIndex(0)], 0.0);
        assertEquals(0.7, c[sd], 0.0);
        assertEquals(1.5, c[layout.choleskyIndex(0, 0)], 0.0);
        assertEquals(-0.4, c[layout.choleskyIndex(1, 0)], 0.0);
        assertEquals(0.3, c[layout.choleskyIndex(2, 0)], 0.0);
        assertEquals(theta[layout.choleskyIndex(1, 1)], c[layout.choleskyIndex(1, 1)], 0.0);
        assertEquals(theta[layout.choleskyIndex(2, 1)], c[layout.choleskyIndex(2, 1)], 0.0);
        assertEquals(0.9, c[layout.choleskyIndex(2, 2)], 0.0);
        // the covariance L L' is the same
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b <= a; b++) {
                double before = 0;
                double after = 0;
                for (int k = 0; k <= b; k++) {
                    before += theta[layout.choleskyIndex(a, k)] * theta[layout.choleskyIndex(b, k)];
                    after += c[layout.choleskyIndex(a, k)] * c[layout.choleskyIndex(b, k)];
                }
                assertEquals(before, after, 1e-15, "cov(" + a + "," + b + ")");
            }
        }
        assertEquals(-0.7, theta[sd], 0.0, "theta is not modified");
    }

    @Test
    @DisplayName("canonical of a latent class layout: each class's Cholesky columns signed by their diagonal")
    void canonicalPerClass() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", "n").random("loc", "n")
                .correlated("cl", "loc").build().withLatentClasses(new LatentClasses(2, List.of(), List.of()));
        ParameterLayout layout = spec.layout();
        ParameterLayout inner = layout.classLayout();
        double[] theta = new double[layout.size()];
        Arrays.fill(theta, 0.3);
        theta[layout.classIndex(0, inner.choleskyIndex(0, 0))] = -1.5;
        theta[layout.classIndex(0, inner.choleskyIndex(1, 0))] = 0.4;
        theta[layout.classIndex(1, inner.choleskyIndex(1, 0))] = -0.2;
        double[] c = layout.canonical(theta);
        assertEquals(1.5, c[layout.classIndex(0, inner.choleskyIndex(0, 0))], 0.0);
        assertEquals(-0.4, c[layout.classIndex(0, inner.choleskyIndex(1, 0))], 0.0);
        assertEquals(-0.2, c[layout.classIndex(1, inner.choleskyIndex(1, 0))], 0.0, "class 2 keeps its signs");
        assertEquals(0.3, c[layout.classIndex(1, inner.choleskyIndex(0, 0))], 0.0);
    }
}
