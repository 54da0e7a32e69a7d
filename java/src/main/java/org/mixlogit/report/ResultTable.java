package org.mixlogit.report;

import java.util.List;
import java.util.Locale;

import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.IntegrationCheck;
import org.mixlogit.estimation.LocalOptimum;
import org.mixlogit.estimation.SimulationNoise;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.spec.ParameterKind;

/** The fixed-width results table, in the style of a statistics package. */
public final class ResultTable {
    private static final int NAME = 22;
    private static final String RULE = "-".repeat(NAME + 1) + "+" + "-".repeat(66);

    private ResultTable() {
    }

    public static String format(EstimationResult r) {
        StringBuilder b = new StringBuilder();
        header(b, r);
        b.append(RULE.replace('+', '-')).append('\n');
        b.append(String.format(Locale.ROOT, "%" + NAME + "s | %10s %10s %8s %7s   [%2.0f%% conf. interval]%n", "",
                "Estimate", "Std. err.", "z", "P>|z|", r.level()));
        b.append(RULE).append('\n');
        List<CoefficientEstimate> coefficients = r.coefficients();
        List<ParameterKind> kinds = r.spec().layout().kinds();
        String section = null;
        for (int i = 0; i < coefficients.size(); i++) {
            String title = r.spec().isLatentClass() ? LatentClassReport.title(r, i) : title(kinds.get(i));
            if (!title.equals(section)) {
                section = title;
                b.append(String.format(Locale.ROOT, "%-" + NAME + "s |%n", title));
            }
            row(b, coefficients.get(i));
        }
        List<CoefficientEstimate> derived = r.derived();
        if (!derived.isEmpty()) {
            b.append(RULE).append('\n');
            b.append(String.format(Locale.ROOT, "%-" + NAME + "s |%n", "Derived (delta method)"));
            for (CoefficientEstimate c : derived) {
                row(b, c);
            }
        }
        b.append(RULE.replace('+', '-')).append('\n');
        footer(b, r);
        return b.toString();
    }

    private static String title(ParameterKind kind) {
        switch (kind) {
            case MEAN:
                return "Mean";
            case HETEROGENEITY:
                return "Mean shifters";
            case SCALE:
                return "SD / spread";
            case MEMBERSHIP:
                return "Class shares (logit)";
            default:
                return "Cholesky factor";
        }
    }

    private static void header(StringBuilder b, EstimationResult r) {
        boolean mixed = r.spec().randomDimension() > 0;
        String method = r.method() == EstimationMethod.MSM
                ? (mixed ? "method of simulated moments" : "method of moments")
                : r.method() == EstimationMethod.MSS ? "method of simulated scores"
                : mixed ? "maximum simulated likelihood" : "maximum likelihood";
        String model = r.spec().isLatentClass() ? (mixed ? "Latent class mixed logit, " : "Latent class logit, ")
                : mixed ? "Mixed logit, " : "Conditional logit, ";
        left(b, model + method,
                "Rows (situation x alt.)", group(r.rows()));
        left(b, r.isPanel() ? "Panel: one draw per decision-maker" : "Cross-section", "Choice situations",
                group(r.situations()));
        left(b, "Integration: " + r.integration(), "Decision-makers", group(r.decisionMakers()));
        left(b, "Optimizer: " + r.optimizer() + ", " + r.optima().stream().mapToInt(LocalOptimum::starts).sum()
                + " start(s), " + r.threads() + " thread(s)", "Parameters", Integer.toString(r.parameterCount()));
        left(b, String.format(Locale.ROOT, "Log likelihood = %.4f", r.logLikelihood()), "Plain-logit LL",
                String.format(Locale.ROOT, "%.4f", r.plainLogitLogLikelihood()));
        left(b, "Covariance: " + r.covarianceType().label()
                + (r.covarianceType().code().equals("cluster") ? " (" + r.clusterDescription() + ")" : ""),
                "McFadden rho2", String.format(Locale.ROOT, "%.4f", r.mcFaddenRho2()));
        left(b, "", "AIC / BIC", String.format(Locale.ROOT, "%.2f / %.2f", r.aic(), r.bic()));
        GmmDiagnostics g = r.gmm().orElse(null);
        if (g != null) {
            left(b, "Instruments: " + g.instrumentCount() + " (" + abbreviate(g.instrumentSource(), 37) + ")",
                    "GMM criterion", String.format(Locale.ROOT, "%.6g", g.objective()));
            left(b, (g.degreesOfFreedom() == 0 ? "Exactly identified (weighting immaterial)"
                    : "Weighting: " + g.weighting().code() + String.format(Locale.ROOT, ", condition number %.3g",
                    g.weightingConditionNumber())), "Hansen's J (df " + g.degreesOfFreedom() + ")",
                    Double.isNaN(g.hansenJ()) ? "." : String.format(Locale.ROOT, "%.4f", g.hansenJ()));
            left(b, "", "Prob > J", Double.isNaN(g.pValue()) ? "." : String.format(Locale.ROOT, "%.4f",
                    g.pValue()));
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }

    /** A header line: text on the left, a statistic on the right; text too long for its column gets a line of its own. */
    private static void left(StringBuilder b, String left, String label, String value) {
        if (left.length() > 52) {
            b.append(left).append(String.format("%n"));
            left = "";
        }
        b.append(String.format(Locale.ROOT, "%-52s %-24s= %12s%n", left, label, value));
    }

    private static String group(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void row(StringBuilder b, CoefficientEstimate c) {
        String name = c.name().length() > NAME ? c.name().substring(0, NAME - 1) + "~" : c.name();
        b.append(String.format(Locale.ROOT, "%" + NAME + "s | %10s %10s %8s %7s  %11s %11s%n", name,
                number(c.estimate()), number(c.standardError()), fixed(c.z(), 2), fixed(c.pValue(), 3),
                number(c.lower()), number(c.upper())));
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return ".";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "." : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void footer(StringBuilder b, EstimationResult r) {
        b.append(String.format(Locale.ROOT, "%s after %d iterations, %d evaluations, %.2f s; scaled gradient %.2e.%n",
                r.isConverged() ? "Converged" : "NOT CONVERGED (" + r.status() + ")", r.iterations(),
                r.evaluations(), r.seconds(), r.gradientNorm()));
        b.append(r.message()).append('\n');
        b.append(r.certification()).append('\n');
        if (!r.isCovarianceAvailable(r.covarianceType())) {
            b.append("Standard errors unavailable: ").append(r.covarianceProblem(r.covarianceType()))
                    .append(".\n");
        }
        GmmDiagnostics g = r.gmm().orElse(null);
        if (g != null) {
            b.append("Instruments: ").append(String.join(", ", g.instruments()));
            if (!g.droppedInstruments().isEmpty()) {
                b.append(" (dropped as redundant: ").append(String.join(", ", g.droppedInstruments())).append(')');
            }
            b.append(".\nInstrument source: ").append(g.instrumentSource()).append(".\n");
            if (!g.firstStep().equals("none")) {
                b.append("First step: ").append(g.firstStep()).append(".\n");
            }
            b.append("Log likelihood is the simulated log-likelihood at the MSM estimate; standard errors include"
                    + " the simulation noise of the moments.\n");
        }
        IntegrationCheck check = r.integrationCheck().orElse(null);
        if (check != null) {
            if (check.replicates().length > 1) {
                b.append(String.format(Locale.ROOT, "Integration check: log-likelihood sd %.4f over %d independent"
                        + " draw sets (%s)%n", check.replicateStandardDeviation(), check.replicates().length,
                        check.replicateRule()));
            }
            b.append(String.format(Locale.ROOT, "Integration check: log-likelihood %.4f with %s (%+.4f)%n",
                    check.accurateLogLikelihood(), check.accurateRule(), check.accurateDifference()));
        }
        SimulationNoise noise = r.simulationNoise().orElse(null);
        if (noise != null) {
            b.append(String.format(Locale.ROOT, "Simulation noise over %d re-estimations with independent draws"
                    + " (* = more than %.0f%% of the standard error):%n", noise.reestimations(),
                    100 * SimulationNoise.FLAG_SHARE));
            if (noise.notConverged() > 0) {
                b.append(String.format(Locale.ROOT, "  %d of the %d re-estimations did not converge and are left out"
                        + " of the spreads below%s; raise R or check the model.%n", noise.notConverged(),
                        noise.reestimations(), noise.reestimations() - noise.notConverged() < 2
                        ? " (fewer than two are left: no spread)" : ""));
            }
            double[] sd = noise.estimateSd();
            double[] se = noise.standardError();
            double[] seSd = noise.standardErrorSd();
            for (int i = 0; i < sd.length; i++) {
                b.append(String.format(Locale.ROOT, "  %-22s estimate sd %10.4g   s.e. %10.4g   s.e. sd %10.4g %s%n",
                        noise.names().get(i), sd[i], se[i], seSd[i], noise.flagged(i) ? "*" : ""));
            }
        }
        r.latentClasses().ifPresent(lc -> LatentClassReport.footer(b, r, lc));
        List<LocalOptimum> optima = r.optima();
        if (optima.size() > 1 || optima.get(0).starts() > 1) {
            b.append("Distinct optima found by the starts:\n");
            for (LocalOptimum o : optima) {
                b.append(String.format(Locale.ROOT, "  LL %.4f  reached by %d start(s)  scaled gradient %.2e%s%n",
                        o.logLikelihood(), o.starts(), o.gradientNorm(), o.converged() ? "" : "  (not converged)"));
            }
        }
    }
}
