package org.mixlogit.inference;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Small dense symmetric-matrix operations on row-major {@code double[]} through Commons Math. */
final class Matrices {
    /**
     * An eigenvalue at most this fraction of the largest makes a symmetric matrix singular: Commons Math's
     * {@link EigenDecomposition} solver's own threshold, so that whatever passes here it inverts.
     */
    static final double SINGULAR_RATIO = 1e-12;

    private Matrices() {
    }

    static RealMatrix of(double[] rowMajor, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowMajor, i * n, a[i], 0, n);
        }
        return new Array2DRowRealMatrix(a, false);
    }

    static double[] flat(RealMatrix m) {
        int n = m.getRowDimension();
        int c = m.getColumnDimension();
        double[] out = new double[n * c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = m.getEntry(i, j);
            }
        }
        return out;
    }

    /**
     * Inverse of a symmetric positive definite matrix via its eigen-decomposition, or null when an eigenvalue is
     * not positive relative to the largest at unit diagonal (then the matrix is singular or indefinite).
     */
    static double[] inverseOfPositiveDefinite(double[] a, int n) {
        if (n == 0) {
            return new double[0];
        }
        // equilibrated: A^-1 = D (D A D)^-1 D with D = diag(1 / sqrt(A_ii)), so that the singularity test and the
        // inverse do not depend on the parameters' units (an attribute in millions or millionths)
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double aii = a[i * n + i];
            if (!(aii > 0) || !Double.isFinite(aii)) {
                return null;
            }
            d[i] = 1 / Math.sqrt(aii);
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                c[i * n + k] = a[i * n + k] * d[i] * d[k];
            }
        }
        EigenDecomposition e = new EigenDecomposition(of(c, n));
        double[] values = e.getRealEigenvalues();
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        for (double v : values) {
            // the solver's own test (|v| / max <= 1e-12 is singular): a smaller threshold here let it throw
            if (!(v > 0) || v / max <= SINGULAR_RATIO) {
                return null;
            }
        }
        double[] inv = flat(e.getSolver().getInverse());
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                inv[i * n + k] *= d[i] * d[k];
            }
        }
        return symmetrize(inv, n);
    }

    /** Eigenvalues of a symmetric matrix, ascending. */
    static double[] eigenvalues(double[] a, int n) {
        if (n == 0) {
            return new double[0];
        }
        double[] v = new EigenDecomposition(of(a, n)).getRealEigenvalues();
        java.util.Arrays.sort(v);
        return v;
    }

    static double[] symmetrize(double[] a, int n) {
        double[] out = a.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a[i * n + j] + a[j * n + i]);
                out[i * n + j] = m;
                out[j * n + i] = m;
            }
        }
        return out;
    }

    /** A B A for symmetric A and B. */
    static double[] sandwich(double[] a, double[] b, int n) {
        RealMatrix am = of(a, n);
        return symmetrize(flat(am.multiply(of(b, n)).multiply(am)), n);
    }
}
