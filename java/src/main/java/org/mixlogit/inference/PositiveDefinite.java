package org.mixlogit.inference;

/** Public door to the small symmetric-matrix operations the estimators need (row-major {@code double[]}). */
public final class PositiveDefinite {
    private PositiveDefinite() {
    }

    /**
     * Inverse of a symmetric positive definite n x n matrix, or null when it is singular or indefinite.
     *
     * @param a Not modified
     */
    public static double[] inverse(double[] a, int n) {
        return Matrices.inverseOfPositiveDefinite(Matrices.symmetrize(a, n), n);
    }

    /** Eigenvalues of a symmetric matrix, ascending. */
    public static double[] eigenvalues(double[] a, int n) {
        return Matrices.eigenvalues(Matrices.symmetrize(a, n), n);
    }

    /** Unit eigenvector of the smallest eigenvalue of a symmetric matrix. */
    public static double[] smallestEigenvector(double[] a, int n) {
        org.apache.commons.math3.linear.EigenDecomposition e =
                new org.apache.commons.math3.linear.EigenDecomposition(Matrices.of(Matrices.symmetrize(a, n), n));
        double[] values = e.getRealEigenvalues();
        int min = 0;
        for (int i = 1; i < n; i++) {
            if (values[i] < values[min]) {
                min = i;
            }
        }
        return e.getEigenvector(min).toArray();
    }

    /** Largest over smallest eigenvalue of a symmetric matrix (infinite when the smallest is not positive). */
    public static double conditionNumber(double[] a, int n) {
        double[] e = eigenvalues(a, n);
        if (n == 0) {
            return 1.0;
        }
        return e[0] > 0 ? e[n - 1] / e[0] : Double.POSITIVE_INFINITY;
    }
}
