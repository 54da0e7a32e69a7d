package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.optim.Optimum;
import org.mixlogit.spec.ParameterLayout;

/**
 * The starts logic every maximum-likelihood search shares (MSLE's perturbed starts, a latent class model's EM
 * starts): the user's start, checked against the layout; the best of the runs; and the runs grouped into distinct
 * optima, each with the number of starts that led to it. One place, so the estimators report their starts alike.
 */
final class Starts {
    private Starts() {
    }

    /** The user's start from the search configuration, checked against the layout; null when none was given. */
    static double[] user(EstimatorConfig config, ParameterLayout layout) {
        double[] start = config.search().start();
        return start == null ? null : StartValidation.checked(start, layout);
    }

    /**
     * The best converged run, or the best of all when none converged (finite values only); {@code fallback} when no
     * run has a finite value.
     */
    static Optimum best(List<Optimum> runs, Optimum fallback) {
        Optimum best = null;
        for (Optimum o : runs) {
            boolean better = best == null
                    || (o.isConverged() && !best.isConverged())
                    || (o.isConverged() == best.isConverged() && o.value() < best.value());
            if (better && Double.isFinite(o.value())) {
                best = o;
            }
        }
        return best != null ? best : fallback;
    }

    /**
     * The runs' optima grouped when their log-likelihoods agree to {@link MsleEstimator#OPTIMA_LOGLIK_TOLERANCE} and
     * their parameters to {@link MsleEstimator#OPTIMA_PARAMETER_TOLERANCE} (scales in absolute value,
     * {@link MsleEstimator#close}), best first.
     *
     * @param starts per run, the number of starts that led to it
     */
    static List<LocalOptimum> distinct(List<Optimum> runs, int[] starts, ParameterLayout layout) {
        List<LocalOptimum> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Optimum o = runs.get(i);
            double ll = -o.value();
            boolean merged = false;
            for (int j = 0; j < out.size() && !merged; j++) {
                LocalOptimum known = out.get(j);
                if (Math.abs(known.logLikelihood() - ll) < MsleEstimator.OPTIMA_LOGLIK_TOLERANCE
                        && MsleEstimator.close(known.point(), o.point(), layout)) {
                    LocalOptimum more = known;
                    for (int s = 0; s < starts[i]; s++) {
                        more = more.plusOne();
                    }
                    out.set(j, more);
                    merged = true;
                }
            }
            if (!merged) {
                out.add(new LocalOptimum(ll, starts[i], o.gradientNorm(), o.isConverged(), o.point()));
            }
        }
        out.sort((a, b) -> Double.compare(b.logLikelihood(), a.logLikelihood()));
        return Collections.unmodifiableList(out);
    }
}
