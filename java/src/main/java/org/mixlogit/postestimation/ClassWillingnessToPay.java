package org.mixlogit.postestimation;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.DeltaMethod;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Willingness to pay per latent class, -beta_a / beta_cost within each class, with delta-method standard errors
 * from the fit's covariance:
 * <ul>
 * <li>when the attribute's and the cost's coefficients are fixed within classes, one value per class,
 * w_c = -beta_(a,c) / beta_(cost,c) (statistic "mean": the class's distribution is a point);</li>
 * <li>when either is random within classes, each class's population distribution of the ratio, as the mixed logit's
 * ({@link WtpSummary}: mean, median and quantiles over every decision-maker's draws of the estimation's rule with
 * the class's parameters), the standard errors by the delta method through the same draws. A cost coefficient
 * that can be near zero (normal) gives a ratio without a finite mean: read the median and quantiles. Needs
 * equally weighted simulation draws, as the mixed logit's.</li>
 * </ul>
 * Immutable; arrays copy.
 */
public final class ClassWillingnessToPay {
    private final List<String> statistics;
    private final int classes;
    /** C x S row-major, S = the statistics. */
    private final double[] table;
    private final double[] tableErrors;

    ClassWillingnessToPay(FittedModel model, ChoiceData data, String attribute, String cost) {
        this(model.spec(), attribute, cost, local(model, data, attribute, cost));
    }

    private ClassWillingnessToPay(ModelSpec spec, String attribute, String cost, double[][] withErrors) {
        this.classes = spec.classCount();
        this.statistics = statistics(spec, attribute, cost);
        this.table = withErrors[0];
        this.tableErrors = withErrors[1];
    }

    /**
     * With each class's population summary ({@link WtpSummary}'s statistics: mean, median, 5, 25, 75 and 95 percent
     * quantiles over every decision-maker's draws of the class model at the class's own parameters) computed by
     * {@code classSummary}, e.g. where the rows live; it must give what the class model's simulator of the whole data
     * gives, and is used only when the attribute's or the cost's coefficient is random within classes.
     *
     * @param classSummary the class's own parameters (the class model's layout) to the six statistics
     */
    public static ClassWillingnessToPay of(FittedModel model, String attribute, String cost,
            Function<double[], double[]> classSummary) {
        checkClasses(model.spec());
        return new ClassWillingnessToPay(model.spec(), attribute, cost, tables(model, attribute, cost,
                classSummary));
    }

    /** The table through the class model's simulator of the whole data (one for every evaluation). */
    private static double[][] local(FittedModel model, ChoiceData data, String attribute, String cost) {
        ModelSpec spec = model.spec();
        checkClasses(spec);
        if (statistics(spec, attribute, cost).size() == 1) {
            return tables(model, attribute, cost, null);
        }
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec.classModel(), model.integration(), null,
                model.threads())) {
            return tables(model, attribute, cost, own -> WtpSummary.of(ll.willingnessToPay(own, attribute, cost)));
        }
    }

    private static void checkClasses(ModelSpec spec) {
        if (!spec.isLatentClass()) {
            throw new InvalidSpecificationException("Willingness to pay per class needs a latent class model; this"
                    + " one has no classes: use the willingness to pay of the mixed logit.");
        }
    }

    /** {table, its delta-method standard errors}: the classes' summaries, or the ratios when both are fixed. */
    private static double[][] tables(FittedModel model, String attribute, String cost,
            Function<double[], double[]> classSummary) {
        ModelSpec spec = model.spec();
        double[] theta = model.estimates();
        if (statistics(spec, attribute, cost).size() > 1) {
            return deltaMethod(perClassSummaries(spec, classSummary), theta, model.covariance());
        }
        return deltaMethod(ratios(spec, coefficient(spec, attribute), coefficient(spec, cost)), theta,
                model.covariance());
    }

    /** {f(theta), its delta-method standard errors}. */
    private static double[][] deltaMethod(Function<double[], double[]> f, double[] theta, double[] covariance) {
        double[] values = f.apply(theta);
        double[] v = DeltaMethod.covariance(f, theta, covariance);
        int m = values.length;
        double[] errors = new double[m];
        for (int i = 0; i < m; i++) {
            errors[i] = Math.sqrt(v[i * m + i]);
        }
        return new double[][] {values, errors};
    }

    /** -beta_(a,c) / beta_(cost,c) of every class (coefficients fixed within classes). */
    private static Function<double[], double[]> ratios(ModelSpec spec, int a, int c) {
        ParameterLayout inner = spec.classModel().layout();
        ParameterLayout layout = spec.layout();
        int classes = spec.classCount();
        int[] ai = new int[classes];
        int[] ci = new int[classes];
        for (int s = 0; s < classes; s++) {
            ai[s] = layout.classIndex(s, inner.meanIndex(a));
            ci[s] = layout.classIndex(s, inner.meanIndex(c));
        }
        return theta -> {
            double[] w = new double[classes];
            for (int s = 0; s < classes; s++) {
                w[s] = -theta[ai[s]] / theta[ci[s]];
            }
            return w;
        };
    }

    /** Every class's {@link WtpSummary} by {@code classSummary} at the class's own parameters. */
    private static Function<double[], double[]> perClassSummaries(ModelSpec spec,
            Function<double[], double[]> classSummary) {
        ParameterLayout layout = spec.layout();
        int classes = spec.classCount();
        int q = layout.classLayout().size();
        int s = WtpSummary.STATISTICS.size();
        return theta -> {
            double[] out = new double[classes * s];
            double[] own = new double[q];
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < q; j++) {
                    own[j] = theta[layout.classIndex(k, j)];
                }
                System.arraycopy(classSummary.apply(own), 0, out, k * s, s);
            }
            return out;
        };
    }

    /**
     * The statistics the table of a model has for this attribute and cost, without computing it: "mean" alone when
     * both coefficients are fixed within classes, else {@link WtpSummary}'s.
     */
    public static List<String> statistics(ModelSpec spec, String attribute, String cost) {
        boolean random = spec.coefficients().get(coefficient(spec, attribute)).isRandom()
                || spec.coefficients().get(coefficient(spec, cost)).isRandom();
        return random ? WtpSummary.STATISTICS : List.of(WtpSummary.STATISTICS.get(0));
    }

    private static int coefficient(ModelSpec spec, String attribute) {
        List<CoefficientSpec> cs = spec.coefficients();
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).attribute().equals(attribute)) {
                return i;
            }
        }
        throw new InvalidSpecificationException("'" + attribute + "' is not an attribute of the model " + spec + ".");
    }

    /** True when the attribute's or the cost's coefficient is random within classes (a distribution per class). */
    public boolean isDistribution() {
        return statistics.size() > 1;
    }

    /** The statistics of each class: "mean" alone for coefficients fixed within classes, else {@link WtpSummary}'s. */
    public List<String> statistics() {
        return Collections.unmodifiableList(statistics);
    }

    /** The mean willingness to pay of each class (-beta_a / beta_cost when both are fixed), class 1 first. */
    public double[] estimates() {
        return column(table, 0);
    }

    /** The delta-method standard errors of {@link #estimates()}. */
    public double[] standardErrors() {
        return column(tableErrors, 0);
    }

    /** C x S row-major: class c's statistic s (of {@link #statistics()}) at {@code c S + s}. */
    public double[] table() {
        return table.clone();
    }

    /** The delta-method standard errors of {@link #table()}, in its layout. */
    public double[] tableStandardErrors() {
        return tableErrors.clone();
    }

    private double[] column(double[] m, int s) {
        int width = statistics.size();
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = m[c * width + s];
        }
        return out;
    }
}
