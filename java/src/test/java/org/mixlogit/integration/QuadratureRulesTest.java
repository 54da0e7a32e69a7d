package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Gauss-Hermite products and Heiss-Winschel sparse grids integrate normal moments exactly up to their degree. */
class QuadratureRulesTest {

    /** E[prod_k z_k^p_k] for independent standard normals: prod of (p_k - 1)!! for even p_k, 0 if any is odd. */
    private static double moment(int... powers) {
        double m = 1;
        for (int p : powers) {
            if (p % 2 == 1) {
                return 0;
            }
            for (int j = p - 1; j > 0; j -= 2) {
                m *= j;
            }
        }
        return m;
    }

    private static double integrate(IntegrationRule rule, int... powers) {
        int d = rule.dimension();
        int n = rule.nodeCount();
        double[] nodes = new double[n * d];
        double[] weights = new double[n];
        rule.newCursor().fill(3, nodes, weights);
        double sum = 0;
        for (int r = 0; r < n; r++) {
            double f = 1;
            for (int k = 0; k < d; k++) {
                f *= Math.pow(nodes[r * d + k], powers[k]);
            }
            sum += weights[r] * f;
        }
        return sum;
    }

    @Test
    @DisplayName("Gauss-Hermite with 5 points per dimension: exact up to degree 9 in each coordinate")
    void gaussHermiteProduct() {
        IntegrationRule rule = IntegrationRules.create(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 5), 2);
        assertEquals(25, rule.nodeCount());
        int[][] cases = {{0, 0}, {2, 0}, {4, 2}, {8, 0}, {8, 8}, {3, 2}, {9, 1}};
        for (int[] p : cases) {
            assertEquals(moment(p), integrate(rule, p), 1e-9 * Math.max(1, moment(p)), p[0] + "," + p[1]);
        }
        assertTrue(rule.describe().contains("5 points per dimension"));
    }

    @Test
    @DisplayName("sparse grid (nested) level 4 in 3 dimensions: exact to total degree 7; in 6 dimensions far smaller")
    void sparseGrid() {
        IntegrationRule rule = IntegrationRules.create(IntegrationConfig.of(DrawType.SPARSE_GRID, 4), 3);
        int[][] cases = {{0, 0, 0}, {2, 2, 2}, {4, 2, 0}, {6, 0, 0}, {2, 4, 0}, {3, 3, 1}, {0, 0, 6}};
        for (int[] p : cases) {
            assertEquals(moment(p), integrate(rule, p), 1e-9 * Math.max(1, moment(p)),
                    p[0] + "," + p[1] + "," + p[2]);
        }
        // degree 8 in one coordinate is beyond the level's exactness
        assertTrue(Math.abs(integrate(rule, 8, 0, 0) - moment(8, 0, 0)) > 1e-6);
        // in six dimensions the grid is far smaller than the 3^6 = 729-node product of the same exactness
        IntegrationRule six = IntegrationRules.create(IntegrationConfig.of(DrawType.SPARSE_GRID, 3), 6);
        assertTrue(six.nodeCount() < 200, "nodes " + six.nodeCount());
        assertEquals(moment(2, 2, 0, 0, 0, 0), integrate(six, 2, 2, 0, 0, 0, 0), 1e-10);
        assertEquals(moment(0, 0, 0, 0, 0, 4), integrate(six, 0, 0, 0, 0, 0, 4), 1e-10);
    }

    @Test
    @DisplayName("sparse grids have negative weights; node counts merge duplicates; oversized rules are refused")
    void structure() {
        IntegrationRule rule = IntegrationRules.create(IntegrationConfig.of(DrawType.SPARSE_GRID_GH, 3), 2);
        double[] w = ((QuadratureRule) rule).weights();
        double min = 0;
        double total = 0;
        for (double v : w) {
            min = Math.min(min, v);
            total += v;
        }
        assertEquals(1.0, total, 1e-12);
        assertTrue(min < 0, "a Smolyak grid of Gauss-Hermite rules has negative weights");
        assertThrows(org.mixlogit.ResourceLimitException.class,
                () -> IntegrationRules.create(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 20), 6));
        assertEquals(DrawType.GAUSS_HERMITE, DrawType.fromCode("gh"));
        assertEquals(DrawType.SPARSE_GRID, DrawType.fromCode("sparse"));
        assertEquals(DrawType.SPARSE_GRID, DrawType.fromCode("sparse-gk"));
        assertEquals(DrawType.SPARSE_GRID_GH, DrawType.fromCode("sparse-gh"));
    }
}
