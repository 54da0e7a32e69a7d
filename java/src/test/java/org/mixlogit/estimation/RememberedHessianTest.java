package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The search's last exact Hessian serves inference only at bit for bit its point and for its own likelihood: then it
 * is the Hessian computed afresh there, bit for bit; one ulp away, or for another likelihood, it is not offered. The
 * same for the score sums of the search's last evaluation, whose value and gradient are those of the plain
 * evaluation to the last bit.
 */
class RememberedHessianTest {
    /** A point of the model below: pf's mean and sd, cl's coefficient. */
    private static final double[] THETA = {-0.9, 0.3, 0.2};

    /** Electricity with pf normal and cl fixed, 50 Halton draws, two threads. */
    private static SimulatedLogLikelihood likelihood() {
        ModelSpec spec = ModelSpec.builder().random("pf", Distribution.NORMAL).fixed("cl").build();
        return Simulators.likelihood(ExampleData.electricity(), spec, IntegrationConfig.of(DrawType.HALTON, 50), 2);
    }

    @Test
    @DisplayName("the remembered Hessian equals a fresh one at its point and is withheld one ulp away")
    void onlyAtItsPoint() {
        double[] theta = THETA.clone();
        try (SimulatedLogLikelihood ll = likelihood(); SimulatedLogLikelihood other = likelihood()) {
            NegativeLogLikelihood objective = new NegativeLogLikelihood(ll);
            assertNull(objective.rememberedHessian(ll, theta), "nothing computed yet");
            double[] minus = objective.hessian(theta.clone());
            double[] fresh = ll.hessian(theta);
            double[] remembered = objective.rememberedHessian(ll, theta);
            assertArrayEquals(fresh, remembered, 0.0);
            for (int i = 0; i < fresh.length; i++) {
                assertEquals(-fresh[i], minus[i], 0.0, "the objective's Hessian is that of -LL");
            }
            double[] near = theta.clone();
            near[1] = Math.nextUp(near[1]);
            assertNull(objective.rememberedHessian(ll, near));
            assertNull(objective.rememberedHessian(other, theta), "another likelihood's");
            remembered[0] = 42;
            assertArrayEquals(fresh, objective.rememberedHessian(ll, theta), 0.0, "handed out as a copy");
        }
    }

    @Test
    @DisplayName("the remembered score sums equal fresh ones at their point, with the plain evaluation's value and"
            + " gradient bit for bit, and are withheld one ulp away")
    void scoresOnlyAtTheirPoint() {
        double[] theta = THETA.clone();
        try (SimulatedLogLikelihood ll = likelihood(); SimulatedLogLikelihood other = likelihood()) {
            NegativeLogLikelihood objective = NegativeLogLikelihood.keepingScores(ll);
            assertNull(objective.rememberedScores(ll, theta), "nothing computed yet");
            double[] gradient = new double[3];
            double value = objective.valueAndGradient(theta.clone(), gradient);
            double[] plain = new double[3];
            assertEquals(Double.doubleToLongBits(-ll.valueAndGradient(theta, plain)), Double.doubleToLongBits(value));
            for (int i = 0; i < 3; i++) {
                assertEquals(Double.doubleToLongBits(-plain[i]), Double.doubleToLongBits(gradient[i]), "gradient " + i);
            }
            ScoreSums fresh = ll.scoreSums(theta, null);
            ScoreSums remembered = objective.rememberedScores(ll, theta);
            assertEquals(fresh.logLikelihood(), remembered.logLikelihood(), 0.0);
            assertArrayEquals(fresh.gradient(), remembered.gradient(), 0.0);
            assertArrayEquals(fresh.information(), remembered.information(), 0.0);
            assertArrayEquals(fresh.meat(), remembered.meat(), 0.0);
            double[] near = theta.clone();
            near[2] = Math.nextDown(near[2]);
            assertNull(objective.rememberedScores(ll, near));
            assertNull(objective.rememberedScores(other, theta), "another likelihood's");
            assertNull(new NegativeLogLikelihood(ll).rememberedScores(ll, theta), "not kept by default");
        }
    }

    @Test
    @DisplayName("a gradient array of the wrong length is refused, whether the score sums are kept or not")
    void gradientLength() {
        try (SimulatedLogLikelihood ll = likelihood()) {
            for (NegativeLogLikelihood objective : new NegativeLogLikelihood[] {
                    NegativeLogLikelihood.keepingScores(ll), new NegativeLogLikelihood(ll)}) {
                for (int length : new int[] {2, 4}) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> objective.valueAndGradient(THETA.clone(), new double[length]));
                    assertEquals("gradient has length " + length + ", expected 3", e.getMessage());
                }
            }
        }
    }
}
