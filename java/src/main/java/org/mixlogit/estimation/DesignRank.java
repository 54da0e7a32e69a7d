package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.DataSums;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The rank of the design before estimating. Only variation within a choice situation identifies the coefficients
 * of a conditional (or mixed) logit, so the columns checked are those that enter utility through a location
 * parameter — each located coefficient's attribute and each heterogeneity interaction (characteristic times
 * attribute) — as deviations from their situation means, stacked over all situations. Each column is divided by its
 * norm (so that units do not matter) and the eigenvalues of the resulting Gram matrix (squared singular values) are
 * compared: the design is rank deficient when the smallest is below {@value #RELATIVE_TOLERANCE} times the largest
 * (singular values below 1e-6 of the largest), and the error names the columns with a loading above
 * {@value #LOADING} on a null direction. Scales (standard deviations, Cholesky elements) are not checked here: their
 * identification shows in the Hessian ({@link Certification}).
 */
final class DesignRank {
    /** A Gram eigenvalue below this share of the largest is zero. */
    static final double RELATIVE_TOLERANCE = 1e-12;
    /** A column is named when its loading on a unit null direction exceeds this in absolute value. */
    static final double LOADING = 0.05;

    private DesignRank() {
    }

    /**
     * Checks that the within-situation design of the located coefficients and heterogeneity interactions has full
     * column rank (the Gram matrix's sums on this thread, in canonical block order).
     *
     * @throws InvalidDataException naming the columns of each null direction and what to do
     */
    static void require(ChoiceData data, ModelSpec spec) {
        require(data, spec, Backend.local(1));
    }

    /**
     * As {@link #require(ChoiceData, ModelSpec)}, with the Gram matrix's sums computed by {@code backend} (reduced in
     * block order, so every backend gives the same verdict and message).
     */
    static void require(ChoiceData data, ModelSpec spec, Backend backend) {
        ParameterLayout layout = spec.layout();
        List<String> names = new ArrayList<>();
        List<String> heterogeneityLabels = new ArrayList<>(); // null for an attribute's own column
        List<int[]> columns = new ArrayList<>(); // {attribute index, characteristic index or -1}
        List<CoefficientSpec> cs = spec.coefficients();
        for (int k = 0; k < cs.size(); k++) {
            CoefficientSpec c = cs.get(k);
            if (c.hasZeroMean()) {
                continue;
            }
            int a = data.attributeIndex(c.attribute());
            names.add(layout.names().get(layout.meanIndex(k)));
            heterogeneityLabels.add(null);
            columns.add(new int[] {a, -1});
            for (int h = 0; h < c.heterogeneity().size(); h++) {
                names.add(layout.names().get(layout.heterogeneityStart(k) + h));
                heterogeneityLabels.add(" (" + c.heterogeneity().get(h) + " shifting the mean of " + c.attribute()
                        + ")");
                columns.add(new int[] {a, data.characteristicIndex(c.heterogeneity().get(h))});
            }
        }
        distinguish(names, heterogeneityLabels);
        int q = columns.size();
        if (q == 0) {
            return;
        }
        double[] gram = backend.dataSums(data, q * q, gramTerms(columns.toArray(new int[0][])));
        double[] norm = new double[q];
        for (int i = 0; i < q; i++) {
            norm[i] = Math.sqrt(gram[i * q + i]);
        }
        for (int i = 0; i < q; i++) {
            if (!(norm[i] > 0) || !Double.isFinite(norm[i])) {
                throw new InvalidDataException("The design is rank deficient: " + names.get(i) + " takes the"
                        + " same value for every alternative within each choice situation, so its coefficient is not"
                        + " identified (only differences between alternatives matter). Drop it from the model.");
            }
        }
        double[][] scaled = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < q; k++) {
                scaled[i][k] = gram[i * q + k] / (norm[i] * norm[k]);
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(scaled, false));
        double[] values = e.getRealEigenvalues();
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        List<String> directions = new ArrayList<>();
        Set<String> involved = new LinkedHashSet<>();
        for (int j = 0; j < q; j++) {
            if (values[j] < RELATIVE_TOLERANCE * largest) {
                double[] v = e.getEigenvector(j).toArray();
                List<String> these = new ArrayList<>();
                for (int i = 0; i < q; i++) {
                    if (Math.abs(v[i]) > LOADING) {
                        these.add(names.get(i));
                    }
                }
                involved.addAll(these);
                directions.add(String.join(", ", these));
            }
        }
        if (!directions.isEmpty()) {
            throw new InvalidDataException("The design is rank deficient (rank " + (q - directions.size())
                    + " for " + q + " coefficients): within choice situations the columns of " + String.join(", ",
                    involved) + " are linearly dependent (" + (directions.size() == 1 ? "null direction on: "
                    : "null directions on: ") + String.join("; ", directions) + "), so their coefficients are not"
                    + " identified. Drop one column of each dependent set (for example one alternative-specific"
                    + " constant or one interaction of a full set of alternative dummies with a characteristic), or"
                    + " remove a column that is a multiple or sum of others.");
        }
    }

    /**
     * A heterogeneity term may carry the name of an ordinary column (an interaction {@code cl:income} entered as an
     * attribute, and income shifting cl's mean): such terms get their meaning appended so that a message never
     * lists the same name twice. Modified: {@code names}. Not modified: {@code labels}.
     */
    static void distinguish(List<String> names, List<String> labels) {
        for (int i = 0; i < names.size(); i++) {
            String label = labels.get(i);
            if (label != null && java.util.Collections.frequency(names, names.get(i)) > 1) {
                names.set(i, names.get(i) + label);
            }
        }
    }

    /**
     * The terms of the Gram matrix of the within-situation deviations of the columns (q x q row-major): a
     * decision-maker's situations' deviations' cross-products.
     *
     * @param columns Not modified: {attribute index, characteristic index or -1} per column
     */
    static DataSums gramTerms(int[][] columns) {
        int q = columns.length;
        return (data, n, gram, at) -> {
            int characteristics = data.characteristicCount();
            double[] z = data.characteristicsRef();
            int[] dm = data.decisionMakerStartRef();
            int[] st = data.situationStartRef();
            double[] mean = new double[q];
            double[] row = new double[q];
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                Arrays.fill(mean, 0);
                int j = st[t + 1] - st[t];
                for (int r = st[t]; r < st[t + 1]; r++) {
                    for (int i = 0; i < q; i++) {
                        mean[i] += value(data, z, columns[i], r, n, characteristics) / j;
                    }
                }
                for (int r = st[t]; r < st[t + 1]; r++) {
                    for (int i = 0; i < q; i++) {
                        row[i] = value(data, z, columns[i], r, n, characteristics) - mean[i];
                    }
                    for (int i = 0; i < q; i++) {
                        for (int k = 0; k < q; k++) {
                            gram[at + i * q + k] += row[i] * row[k];
                        }
                    }
                }
            }
        };
    }

    private static double value(ChoiceData data, double[] z, int[] column, int r, int n, int characteristics) {
        double v = data.attribute(r, column[0]);
        return column[1] < 0 ? v : v * z[n * characteristics + column[1]];
    }
}
