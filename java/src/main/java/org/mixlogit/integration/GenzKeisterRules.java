package org.mixlogit.integration;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Nested one-dimensional rules for the standard normal density: the Genz-Keister (Kronrod-Patterson type)
 * extensions 1 -> 3 -> 9 -> 19 -> 35 points, with the intermediate rules of Heiss and Winschel's "KPN" family, so
 * that accuracy level l = 1, 2, ..., 25 has 1, 3, 3, 7, 9, 9, 9, 9, 17, 19 (levels 10-15), 31, 33, 35 (levels
 * 18-25) points and integrates polynomials of degree at least 2l - 1 exactly. Every level's nodes are a subset
 * of the next level's, so a Smolyak grid built from them shares nodes across its tensor products.
 *
 * <p>The node generators are the published ones; the weights are computed here, not copied: for the symmetric
 * nodes 0, +-x_1, ..., +-x_m actually used (doubles), the m + 1 weights solve the moment equations
 * sum_i w_i x_i^(2j) = E[Z^(2j)] = (2j - 1)!! for j = 0..m, in 100-digit decimal arithmetic, and are then
 * rounded to double. These interpolatory weights make the 2m + 1 point rule exact to degree 2m + 1 whatever the
 * nodes; the Genz-Keister nodes make the full 9-, 19- and 35-point rules exact to degrees 15, 29 and 51 (checked
 * by the tests to the generators' 17 digits).
 *
 * <p>Sources: A. Genz and B. D. Keister, "Fully symmetric interpolatory rules for multiple integrals over
 * infinite regions with Gaussian weight", J. Comput. Appl. Math. 71 (1996) 299-309 (generators for the weight
 * exp(-x^2), multiplied here by sqrt 2 for the standard normal); F. Heiss and V. Winschel, "Likelihood
 * approximation by numerical integration on sparse grids", J. Econometrics 144 (2008) 62-80 (the level
 * sequence and which generators the intermediate 7-, 17-, 31- and 33-point rules leave out).
 */
final class GenzKeisterRules {
    /** Highest accuracy level (35 points, degree 51). */
    static final int MAX_LEVEL = 25;

    private static final MathContext MC = new MathContext(100);

    /**
     * Positive generators for the weight exp(-x^2) (Genz and Keister 1996), in the order in which the level
     * sequence takes them in: sqrt(3/2) for 3 points; then the 9-point extension without 2.0232... (7 points);
     * 2.0232... (9 points); the 19-point extension without 2.2665... (17 points); 2.2665... (19 points); the
     * 35-point extension without 3.3491... and 4.0292... (31 points); 4.0292... (33 points); 3.3491... (35).
     */
    private static final String[] GENERATORS = {
        "1.2247448713915889",
        "0.52403354748695763", "2.9592107790638380",
        "2.0232301911005157",
        "0.87004089535290285", "1.8357079751751868", "3.6677742159463378", "4.4995993983103881",
        "2.2665132620567876",
        "0.17606414208200893", "1.5794121348467671", "2.5705583765842968", "5.0360899444730940",
        "5.6432578578857449", "6.3759392709822356",
        "4.0292201405043713",
        "3.3491639537131945",
    };

    /** Number of positive generators used at levels 1..25 (index 0 unused). */
    private static final int[] POSITIVE_NODES = {
        -1, 0, 1, 1, 3, 4, 4, 4, 4, 8, 9, 9, 9, 9, 9, 9, 15, 16, 17, 17, 17, 17, 17, 17, 17, 17,
    };

    /** Polynomial degree up to which the rule of 2m + 1 points is exact, by number of points. */
    private static final int[][] DEGREE = {{1, 1}, {3, 5}, {7, 7}, {9, 15}, {17, 17}, {19, 29}, {31, 31},
        {33, 33}, {35, 51}};

    private GenzKeisterRules() {
    }

    /** Number of points of the rule of accuracy level {@code level} (1 to 25). */
    static int points(int level) {
        return 2 * POSITIVE_NODES[checked(level)] + 1;
    }

    /** The highest polynomial degree integrated exactly at {@code level}; at least 2 level - 1. */
    static int degree(int level) {
        int n = points(level);
        for (int[] d : DEGREE) {
            if (d[0] == n) {
                return d[1];
            }
        }
        throw new IllegalStateException("No degree recorded for the " + n + "-point rule.");
    }

    /**
     * The rule of accuracy level {@code level}: {nodes, weights}, nodes in increasing order; weights sum to one
     * (some are negative from level 9 on).
     */
    static double[][] rule(int level) {
        int m = POSITIVE_NODES[checked(level)];
        BigDecimal sqrt2 = BigDecimal.valueOf(2).sqrt(MC);
        double[] positive = new double[m];
        for (int i = 0; i < m; i++) {
            positive[i] = new BigDecimal(GENERATORS[i]).multiply(sqrt2, MC).doubleValue();
        }
        java.util.Arrays.sort(positive);
        BigDecimal[] w = momentWeights(positive);
        double[] nodes = new double[2 * m + 1];
        double[] weights = new double[2 * m + 1];
        nodes[m] = 0.0;
        weights[m] = w[0].doubleValue();
        for (int i = 0; i < m; i++) {
            nodes[m + 1 + i] = positive[i];
            nodes[m - 1 - i] = -positive[i];
            weights[m + 1 + i] = w[i + 1].doubleValue();
            weights[m - 1 - i] = w[i + 1].doubleValue();
        }
        return new double[][] {nodes, weights};
    }

    /**
     * Weights of the symmetric rule with nodes 0 and +-positive[i] that integrates 1, z^2, ..., z^(2m) exactly
     * against the standard normal: {weight at 0, weight at each of +-positive[0], ...}.
     */
    static BigDecimal[] momentWeights(double[] positive) {
        int m = positive.length;
        int n = m + 1;
        BigDecimal[][] a = new BigDecimal[n][n + 1];
        BigDecimal[] squares = new BigDecimal[m];
        for (int i = 0; i < m; i++) {
            BigDecimal x = new BigDecimal(positive[i]);
            squares[i] = x.multiply(x, MC);
        }
        BigDecimal moment = BigDecimal.ONE;
        for (int j = 0; j < n; j++) {
            a[j][0] = j == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            for (int i = 0; i < m; i++) {
                a[j][i + 1] = BigDecimal.valueOf(2).multiply(squares[i].pow(j, MC), MC);
            }
            a[j][n] = moment;
            moment = moment.multiply(BigDecimal.valueOf(2L * j + 1), MC);
        }
        return solve(a);
    }

    /** Gaussian elimination with partial pivoting on the augmented n x (n + 1) matrix (modified). */
    private static BigDecimal[] solve(BigDecimal[][] a) {
        int n = a.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (a[r][c].abs().compareTo(a[pivot][c].abs()) > 0) {
                    pivot = r;
                }
            }
            BigDecimal[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            if (a[c][c].signum() == 0) {
                throw new IllegalStateException("Singular moment system: two generators coincide.");
            }
            for (int r = c + 1; r < n; r++) {
                BigDecimal f = a[r][c].divide(a[c][c], MC);
                for (int k = c; k <= n; k++) {
                    a[r][k] = a[r][k].subtract(f.multiply(a[c][k], MC), MC);
                }
            }
        }
        BigDecimal[] x = new BigDecimal[n];
        for (int r = n - 1; r >= 0; r--) {
            BigDecimal s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s = s.subtract(a[r][k].multiply(x[k], MC), MC);
            }
            x[r] = s.divide(a[r][r], MC);
        }
        return x;
    }

    private static int checked(int level) {
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("Genz-Keister level " + level + ": it must be 1 to " + MAX_LEVEL
                    + ".");
        }
        return level;
    }
}
