package org.mixlogit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BFGS adopts an objective's exact Hessian once, near the optimum: the same optimum in fewer iterations; a Hessian
 * that is not positive definite is ignored, and offered again once the gradient has fallen tenfold; L-BFGS and BHHH
 * do not use it.
 */
class ExactHessianTest {
    private static final double[] TRUTH = {0.3, -1.0, 0.5, 2.0, -0.7, 1.2};

    /** The binary logit with its exact Hessian sum_r p_r (1 - p_r) x_r x_r', times {@code sign}. */
    private static class WithHessian extends TestProblems.BinaryLogit {
        private final double sign;
        int hessians;

        WithHessian(double sign) {
            super(3000, TRUTH, 11);
            this.sign = sign;
        }

        @Override
        public double[] hessian(double[] b) {
            hessians++;
            int k = b.length;
            double[] h = new double[k * k];
            for (double[] row : x) {
                double u = 0;
                for (int j = 0; j < k; j++) {
                    u += row[j] * b[j];
                }
                double p = 1 / (1 + Math.exp(-u));
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        h[i * k + j] += sign * p * (1 - p) * row[i] * row[j];
                    }
                }
            }
            return h;
        }
    }

    private static Optimum bfgs(Objective f) {
        return Optimizer.of(OptimizerConfig.of(Algorithm.BFGS).withGradientTolerance(1e-10).withObjectiveTolerance(0))
                .optimize(f, new double[TRUTH.length]);
    }

    @Test
    @DisplayName("with the exact Hessian BFGS reaches Newton's estimate in fewer iterations")
    void fewerIterations() {
        TestProblems.BinaryLogit plain = new TestProblems.BinaryLogit(3000, TRUTH, 11);
        WithHessian exact = new WithHessian(1);
        Optimum without = bfgs(plain);
        Optimum with = bfgs(exact);
        assertTrue(without.isConverged() && with.isConverged(), without + " / " + with);
        assertEquals(1, exact.hessians);
        double[] newton = plain.newton();
        for (int j = 0; j < TRUTH.length; j++) {
            assertEquals(newton[j], with.point()[j], 1e-9, "coefficient " + j);
            assertEquals(newton[j], without.point()[j], 1e-7, "coefficient " + j);
        }
        assertTrue(with.iterations() + 2 <= without.iterations(), with.iterations() + " against "
                + without.iterations());
    }

    @Test
    @DisplayName("a Hessian that is not positive definite leaves the iterations exactly as without one")
    void indefiniteIgnored() {
        Optimum without = bfgs(new TestProblems.BinaryLogit(3000, TRUTH, 11));
        WithHessian wrong = new WithHessian(-1);
        Optimum with = bfgs(wrong);
        assertTrue(wrong.hessians >= 1);
        assertEquals(without.iterations(), with.iterations());
        assertArrayEquals(without.point(), with.point(), 0.0);
    }

    @Test
    @DisplayName("a refused Hessian is offered again below a tenth of the scaled gradient where it was refused")
    void refusedThenOfferedAgain() {
        List<Double> offeredAt = new ArrayList<>();
        WithHessian firstIndefinite = new WithHessian(1) {
            @Override
            public double[] hessian(double[] b) {
                double[] g = new double[b.length];
                double f = valueAndGradient(b, g);
                offeredAt.add(QuasiNewtonMinimizer.scaledGradient(b, g, f));
                double[] h = super.hessian(b);
                if (offeredAt.size() == 1) {
                    for (int i = 0; i < h.length; i++) {
                        h[i] = -h[i];
                    }
                }
                return h;
            }
        };
        Optimum o = bfgs(firstIndefinite);
        assertTrue(o.isConverged(), o.toString());
        assertEquals(2, firstIndefinite.hessians, "refused once, then adopted");
        assertTrue(offeredAt.get(0) < QuasiNewtonMinimizer.HESSIAN_SWITCH, offeredAt.toString());
        assertTrue(offeredAt.get(1) < QuasiNewtonMinimizer.HESSIAN_RETRY * offeredAt.get(0), offeredAt.toString());
        double[] newton = new TestProblems.BinaryLogit(3000, TRUTH, 11).newton();
        for (int j = 0; j < TRUTH.length; j++) {
            assertEquals(newton[j], o.point()[j], 1e-9, "coefficient " + j);
        }
    }

    @Test
    @DisplayName("L-BFGS and BHHH never ask for it")
    void onlyBfgs() {
        for (Algorithm a : new Algorithm[] {Algorithm.LBFGS, Algorithm.BHHH}) {
            WithHessian exact = new WithHessian(1);
            Optimum o = Optimizer.of(OptimizerConfig.of(a)).optimize(exact, new double[TRUTH.length]);
            assertTrue(o.isConverged(), o.toString());
            assertEquals(0, exact.hessians, a.toString());
        }
    }
}
