package org.mixlogit.estimation;

import org.mixlogit.likelihood.Contributions;
import org.mixlogit.likelihood.SimulatedLogLikelihood;
import org.mixlogit.optim.ScoredObjective;

/** The simulated log-likelihood turned into an objective to minimize, with weighted per-decision-maker scores. */
final class NegativeLogLikelihood implements ScoredObjective {
    private final SimulatedLogLikelihood likelihood;

    NegativeLogLikelihood(SimulatedLogLikelihood likelihood) {
        this.likelihood = likelihood;
    }

    @Override
    public int dimension() {
        return likelihood.parameterCount();
    }

    @Override
    public int observations() {
        return likelihood.data().decisionMakerCount();
    }

    @Override
    public double value(double[] x) {
        return -likelihood.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double v = likelihood.valueAndGradient(x, gradient);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = -gradient[i];
        }
        return -v;
    }

    @Override
    public double valueGradientAndScores(double[] x, double[] gradient, double[] scores) {
        Contributions c = likelihood.contributions(x);
        int p = gradient.length;
        double[] g = c.gradient();
        for (int j = 0; j < p; j++) {
            gradient[j] = -g[j];
        }
        double[] s = c.scoresRef();
        for (int n = 0; n < c.decisionMakerCount(); n++) {
            double w = c.weight(n);
            for (int j = 0; j < p; j++) {
                scores[n * p + j] = -w * s[n * p + j];
            }
        }
        return -c.logLikelihood();
    }
}
