package org.mixlogit.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A matrix whose smallest eigenvalue is between 1e-13 and 1e-12 of its largest: Commons Math's eigen solver calls it
 * singular and throws, so the covariances must call it singular too and report the type unavailable, rather than let
 * SingularMatrixException escape from the estimator (found through the command line: a correlated normal-lognormal
 * block on 40 Electricity respondents with 4 Gauss-Hermite points, whose outer product of the scores is that close
 * to singular). The test is made at unit diagonal, so the matrices here are correlated ones, [[1, r], [r, 1]] with
 * eigenvalues 1 +- r; a diagonal matrix in extreme units is inverted.
 */
class NearlySingularCovarianceTest {
    /** [[1, r], [r, 1]] whose smallest over largest eigenvalue is {@code ratio} (diag(1, ratio) when not positive). */
    private static double[] nearlySingular(double ratio) {
        if (!(ratio > 0)) {
            return new double[] {1, 0, 0, ratio};
        }
        double r = (1 - ratio) / (1 + ratio);
        return new double[] {1, r, r, 1};
    }

    @ParameterizedTest(name = "smallest eigenvalue ratio {0}")
    @ValueSource(doubles = {5e-13, 0.9e-12, 0.0, -1e-3})
    void nearlySingularInformationIsUnavailable(double ratio) {
        double[] hessian = {-2, 0.5, 0.5, -1};
        double[] information = nearlySingular(ratio);
        Covariances c = Covariances.fromSums(hessian, information, information, information, 1, 2);
        assertFalse(c.isAvailable(CovarianceType.OPG));
        assertEquals("the outer product of the scores is singular", c.problem(CovarianceType.OPG));
        assertTrue(c.isAvailable(CovarianceType.HESSIAN));
        // the Hessian's inverse: [[1, 0.5], [0.5, 2]] / 1.75
        assertEquals(2 / 1.75, c.matrix(CovarianceType.HESSIAN)[3], 1e-15);
    }

    @ParameterizedTest(name = "smallest eigenvalue ratio {0}")
    @ValueSource(doubles = {5e-13, 0.9e-12})
    void nearlySingularHessianIsUnavailable(double ratio) {
        double[] hessian = nearlySingular(ratio);
        for (int i = 0; i < 4; i++) {
            hessian[i] = -hessian[i];
        }
        double[] information = {1, 0, 0, 1};
        Covariances c = Covariances.fromSums(hessian, information, information, information, 1, 2);
        assertFalse(c.isAvailable(CovarianceType.HESSIAN));
        assertFalse(c.isAvailable(CovarianceType.ROBUST));
        assertEquals(1.0, c.matrix(CovarianceType.OPG)[0], 0.0);
    }

    @ParameterizedTest(name = "smallest eigenvalue ratio {0}")
    @ValueSource(doubles = {2e-12, 1e-6})
    void wellAboveTheThresholdIsInverted(double ratio) {
        double[] information = nearlySingular(ratio);
        Covariances c = Covariances.fromSums(new double[] {-1, 0, 0, -1}, information, information, information, 1,
                2);
        double r = information[1];
        assertEquals(1 / (1 - r * r), c.matrix(CovarianceType.OPG)[3], 1e-3 / (1 - r * r));
    }

    @ParameterizedTest(name = "diag(1, {0}): units do not make a matrix singular")
    @ValueSource(doubles = {1e-13, 1e-20, 1e20})
    void extremeUnitsAreInverted(double scale) {
        double[] information = {1, 0, 0, scale};
        Covariances c = Covariances.fromSums(new double[] {-1, 0, 0, -scale}, information, information, information,
                1, 2);
        assertEquals(1 / scale, c.matrix(CovarianceType.OPG)[3], 1e-12 / scale);
        assertEquals(1 / scale, c.matrix(CovarianceType.HESSIAN)[3], 1e-12 / scale);
    }
}
