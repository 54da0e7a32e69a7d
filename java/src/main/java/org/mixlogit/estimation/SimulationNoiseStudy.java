package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Re-estimates a model with K independent draw sets by the main estimate's method (started at the main estimate,
 * so each lands on the optimum its own draws define) and summarises, per parameter and derived quantity, the spread
 * of the estimates and of their standard errors.
 */
final class SimulationNoiseStudy {
    private SimulationNoiseStudy() {
    }

    static SimulationNoise run(ChoiceData data, ModelSpec spec, EstimatorConfig config, Backend backend,
            EstimationResult main) {
        int k = config.diagnostics().reestimations();
        ParameterLayout layout = spec.layout();
        int p = layout.size();
        List<String> names = new ArrayList<>(main.names());
        List<CoefficientEstimate> derived = main.derived();
        for (CoefficientEstimate d : derived) {
            names.add(d.name());
        }
        int m = names.size();
        double[][] estimates = new double[k][m];
        double[][] errors = new double[k][m];
        boolean[] converged = new boolean[k];
        for (int s = 0; s < k; s++) {
            EstimatorConfig replicate = config
                    .withIntegration(IntegrationChecker.replicate(config.integration(), s + 1))
                    .withDiagnostics(DiagnosticsConfig.defaults())
                    .withSearch(config.search().withStarts(1).withStart(main.estimates()));
            EstimationResult r = Estimator.of(replicate, backend).estimate(data, spec);
            converged[s] = r.isConverged();
            // replicates compare in canonical form: free scales in absolute value, Cholesky columns signed by their
            // diagonal (so an off-diagonal element straddling zero keeps its spread)
            double[] theta = layout.canonical(r.estimates());
            double[] se = r.standardErrors();
            for (int j = 0; j < p; j++) {
                estimates[s][j] = theta[j];
                errors[s][j] = se[j];
            }
            List<CoefficientEstimate> rd = r.derived();
            for (int j = 0; j < rd.size(); j++) {
                estimates[s][p + j] = rd.get(j).estimate();
                errors[s][p + j] = rd.get(j).standardError();
            }
        }
        double[] mainErrors = new double[m];
        double[] se = main.standardErrors();
        System.arraycopy(se, 0, mainErrors, 0, p);
        for (int j = 0; j < derived.size(); j++) {
            mainErrors[p + j] = derived.get(j).standardError();
        }
        // a re-estimation that did not converge (e.g. ran off to infinity) measures its failure, not the noise
        double[][] convergedEstimates = rows(estimates, converged);
        double[][] convergedErrors = rows(errors, converged);
        return new SimulationNoise(k, k - convergedEstimates.length, names, columnSd(convergedEstimates, m),
                columnSd(convergedErrors, m), mainErrors);
    }

    /** The rows whose flag is set. */
    private static double[][] rows(double[][] values, boolean[] keep) {
        List<double[]> kept = new ArrayList<>();
        for (int s = 0; s < values.length; s++) {
            if (keep[s]) {
                kept.add(values[s]);
            }
        }
        return kept.toArray(new double[0][]);
    }

    /** Each column's standard deviation (divisor k - 1); NaN with fewer than two rows. */
    private static double[] columnSd(double[][] values, int m) {
        int k = values.length;
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            if (k < 2) {
                out[j] = Double.NaN;
                continue;
            }
            double mean = 0;
            for (double[] row : values) {
                mean += row[j] / k;
            }
            double ss = 0;
            for (double[] row : values) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            out[j] = Math.sqrt(ss / (k - 1));
        }
        return out;
    }
}
