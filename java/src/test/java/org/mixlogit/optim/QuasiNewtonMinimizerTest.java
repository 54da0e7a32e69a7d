package org.mixlogit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.InvalidSpecificationException;

/** BFGS, L-BFGS and BHHH on standard problems with known minima. */
class QuasiNewtonMinimizerTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Algorithm.class, names = {"BFGS", "LBFGS"})
    @DisplayName("Rosenbrock in 2 and 10 dimensions from the standard start reaches all ones")
    void rosenbrock(Algorithm algorithm) {
        for (int n : new int[] {2, 10}) {
            double[] start = new double[n];
            for (int i = 0; i < n; i += 2) {
                start[i] = -1.2;
                start[i + 1] = 1.0;
            }
            Optimum o = Optimizer.of(OptimizerConfig.of(algorithm).withGradientTolerance(1e-10))
                    .optimize(TestProblems.rosenbrock(n), start);
            assertTrue(o.isConverged(), o.toString());
            for (double v : o.point()) {
                assertEquals(1.0, v, 1e-6, o.toString());
            }
            assertTrue(o.value() < 1e-12, o.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Algorithm.class, names = {"BFGS", "LBFGS"})
    @DisplayName("an ill-conditioned quadratic (20 dimensions; condition 1e6 for BFGS, 1e4 for L-BFGS) is solved")
    void illConditionedQuadratic(Algorithm algorithm) {
        double condition = algorithm == Algorithm.BFGS ? 1e6 : 1e4;
        Optimum o = Optimizer.of(OptimizerConfig.of(algorithm).withGradientTolerance(1e-8).withObjectiveTolerance(0)
                .withMaxIterations(5000)).optimize(TestProblems.illConditionedQuadratic(20, condition),
                new double[20]);
        assertEquals(OptimizerStatus.CONVERGED_GRADIENT, o.status(), o.toString());
        assertTrue(o.isConverged(), o.toString());
        double[] x = o.point();
        for (int i = 0; i < 20; i++) {
            assertEquals(i, x[i], 1e-4 * Math.max(1, i), "x" + i + " " + o);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Algorithm.class)
    @DisplayName("the binary logit's maximum-likelihood estimate equals Newton's")
    void plainLogit(Algorithm algorithm) {
        TestProblems.BinaryLogit logit = new TestProblems.BinaryLogit(2000, new double[] {0.3, -1.0, 0.5, 2.0}, 7);
        double[] newton = logit.newton();
        Optimum o = Optimizer.of(OptimizerConfig.of(algorithm)).optimize(logit, new double[4]);
        assertTrue(o.isConverged(), o.toString());
        double[] b = o.point();
        for (int j = 0; j < 4; j++) {
            assertEquals(newton[j], b[j], 1e-5, "coefficient " + j + ": " + o);
        }
        assertEquals(logit.value(newton), o.value(), 1e-8);
    }

    @Test
    @DisplayName("the listener sees every iteration and can cancel")
    void listenerCancels() {
        List<IterationReport> seen = new ArrayList<>();
        Optimum o = Optimizer.of(OptimizerConfig.of(Algorithm.BFGS)).optimize(TestProblems.rosenbrock(2),
                new double[] {-1.2, 1}, r -> {
                    seen.add(r);
                    return r.iteration() < 3;
                });
        assertEquals(OptimizerStatus.CANCELLED, o.status());
        assertFalse(o.isConverged());
        assertEquals(3, seen.size());
        assertEquals(3, o.iterations());
        assertEquals(seen.get(2).value(), o.value(), 0.0);
        assertTrue(seen.get(2).value() < seen.get(0).value());
    }

    @Test
    @DisplayName("hitting the iteration limit is not convergence")
    void iterationLimit() {
        Optimum o = Optimizer.of(OptimizerConfig.of(Algorithm.BFGS).withMaxIterations(3))
                .optimize(TestProblems.rosenbrock(2), new double[] {-1.2, 1});
        assertEquals(OptimizerStatus.MAX_ITERATIONS, o.status());
        assertTrue(o.message().contains("3 iterations"), o.message());
    }

    @Test
    @DisplayName("a non-smooth function makes the line search fail or stall, never converge")
    void nonSmoothIsNotConvergence() {
        // f(x) = |x1| + |x2| + 10 * floor(x1 * 1e3) / 1e3: a staircase, gradient nowhere informative
        Objective staircase = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return valueAndGradient(x, new double[2]);
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                g[0] = -1.0;
                g[1] = -1.0;
                return Math.floor(x[0]) + Math.floor(x[1]);
            }
        };
        Optimum o = Optimizer.of(OptimizerConfig.of(Algorithm.BFGS)).optimize(staircase, new double[] {0.5, 0.5});
        assertFalse(o.isConverged(), o.toString());
        assertTrue(Arrays.asList(OptimizerStatus.LINE_SEARCH_FAILED, OptimizerStatus.STALLED).contains(o.status()),
                o.toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Algorithm.class, names = {"BFGS", "BHHH"})
    @DisplayName("the start's outer product of the scores comes with its value and gradient, and every call counts")
    void startEvaluatedOnce(Algorithm algorithm) {
        List<String> calls = new ArrayList<>();
        TestProblems.BinaryLogit counted = new TestProblems.BinaryLogit(500, new double[] {0.3, -1.0, 0.5}, 11) {
            @Override
            public double valueAndGradient(double[] b, double[] g) {
                calls.add("gradient at " + Arrays.toString(b));
                return super.valueGradientAndOuterProduct(b, g, new double[b.length * b.length]);
            }

            @Override
            public double valueGradientAndOuterProduct(double[] b, double[] g, double[] outer) {
                calls.add("scores at " + Arrays.toString(b));
                return super.valueGradientAndOuterProduct(b, g, outer);
            }
        };
        Optimum o = Optimizer.of(OptimizerConfig.of(algorithm)).optimize(counted, new double[3]);
        assertTrue(o.isConverged(), o.toString());
        // BFGS and BHHH start from the outer product at the start: one evaluation there, not two
        assertEquals("scores at [0.0, 0.0, 0.0]", calls.get(0));
        assertEquals(1, calls.stream().filter(c -> c.endsWith("[0.0, 0.0, 0.0]")).count(), calls.toString());
        assertEquals(calls.size(), o.evaluations(), calls.toString());
    }

    @Test
    @DisplayName("a non-finite start and BHHH without scores are reported")
    void badStarts() {
        Objective nan = TestProblems.rosenbrock(2);
        Optimum o = Optimizer.of(OptimizerConfig.of(Algorithm.BFGS)).optimize(nan, new double[] {Double.NaN, 0});
        assertEquals(OptimizerStatus.NON_FINITE_START, o.status());
        assertThrows(InvalidSpecificationException.class, () -> Optimizer.of(OptimizerConfig.of(Algorithm.BHHH))
                .optimize(nan, new double[] {0, 0}));
    }
}
