package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** The derived quantities' names and closed forms for every kind of coefficient, block members included. */
class DerivedQuantitiesTest {

    @Test
    @DisplayName("abs() only for unidentified signs; moments of non-normal coefficients, in and out of the block")
    void namesAndClosedForms() {
        ModelSpec spec = ModelSpec.builder().random("x", Distribution.NORMAL).random("y", Distribution.LOGNORMAL)
                .random("p", Distribution.EXPONENTIAL).random("u", Distribution.UNIFORM)
                .random("c", Distribution.CENSORED_NORMAL).correlated("x", "y", "c").build();
        // x, y, p, u, c, sd.p, spread.u, chol.x:x, chol.y:x, chol.y:y, chol.c:x, chol.c:y, chol.c:c
        double[] theta = {0.5, -0.3, -0.2, 1.0, 0.1, -1.5, -0.6, -0.9, 0.4, 0.5, 0.2, -0.3, 0.7};
        assertEquals(theta.length, spec.layout().size());
        DerivedQuantities d = new DerivedQuantities(spec);
        assertEquals(List.of("abs(spread.u)", "mean(y)", "median(y)", "sd(y)", "mean(p)", "median(p)", "sd(p)",
                "mean(u)", "median(u)", "sd(u)", "mean(c)", "median(c)", "sd(c)", "cov(x,x)", "cov(log(y),x)",
                "cov(log(y),log(y))", "cov(uncensored(c),x)", "cov(uncensored(c),log(y))",
                "cov(uncensored(c),uncensored(c))", "sd(x)", "sd(log(y))", "sd(uncensored(c))", "cor(log(y),x)",
                "cor(uncensored(c),x)", "cor(uncensored(c),log(y))"), d.names());
        double[] v = d.apply(theta);
        double varY = 0.4 * 0.4 + 0.5 * 0.5;
        double varC = 0.2 * 0.2 + 0.3 * 0.3 + 0.7 * 0.7;
        double[] expected = {0.6,
            Math.exp(-0.3 + varY / 2), Math.exp(-0.3), Math.sqrt(Math.expm1(varY) * Math.exp(-0.6 + varY)),
            -0.2 - 1.5, -0.2 - 1.5 * Math.log(2), 1.5,
            1.0, 1.0, 0.6 / Math.sqrt(3),
            Distribution.CENSORED_NORMAL.mean(0.1, Math.sqrt(varC)), 0.1,
            Distribution.CENSORED_NORMAL.standardDeviation(0.1, Math.sqrt(varC)),
            0.81, -0.9 * 0.4, varY, -0.9 * 0.2, 0.4 * 0.2 - 0.5 * 0.3, varC,
            0.9, Math.sqrt(varY), Math.sqrt(varC),
            -0.36 / (0.9 * Math.sqrt(varY)), -0.18 / (0.9 * Math.sqrt(varC)),
            (0.08 - 0.15) / Math.sqrt(varY * varC)};
        assertEquals(expected.length, v.length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(expected[i], v[i], 1e-14, d.names().get(i));
        }
    }
}
