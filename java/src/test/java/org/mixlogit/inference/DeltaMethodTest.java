package org.mixlogit.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The delta method against analytic Jacobians. */
class DeltaMethodTest {

    @Test
    @DisplayName("lognormal mean exp(m + s^2/2): variance = J V J' with J = mean * (1, s)")
    void lognormalMean() {
        double m = -0.4;
        double s = 0.7;
        double[] v = {0.04, 0.01, 0.01, 0.09};
        double mean = Math.exp(m + 0.5 * s * s);
        double[] j = {mean, mean * s};
        double expected = j[0] * j[0] * v[0] + 2 * j[0] * j[1] * v[1] + j[1] * j[1] * v[3];
        double[] out = DeltaMethod.covariance(t -> new double[] {Math.exp(t[0] + 0.5 * t[1] * t[1])},
                new double[] {m, s}, v);
        assertEquals(expected, out[0], 1e-9 * expected);
    }
}
