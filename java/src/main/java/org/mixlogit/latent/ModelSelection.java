package org.mixlogit.latent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The model-selection table of latent class fits with different numbers of classes (as lclogit2 prints it): for
 * each C the log-likelihood, the number of parameters m, AIC = -2 LL + 2 m, BIC = -2 LL + m ln N, CAIC =
 * -2 LL + m (ln N + 1) with N the number of decision-makers (one class per decision-maker), and the smallest
 * class share. Immutable.
 */
public final class ModelSelection {
    /** One row: one number of classes. */
    public static final class Row {
        private final int classes;
        private final double logLikelihood;
        private final int parameters;
        private final int decisionMakers;
        private final double smallestShare;
        private final boolean converged;

        public Row(int classes, double logLikelihood, int parameters, int decisionMakers, double smallestShare,
                boolean converged) {
            this.classes = classes;
            this.logLikelihood = logLikelihood;
            this.parameters = parameters;
            this.decisionMakers = decisionMakers;
            this.smallestShare = smallestShare;
            this.converged = converged;
        }

        public int classes() {
            return classes;
        }

        public double logLikelihood() {
            return logLikelihood;
        }

        public int parameters() {
            return parameters;
        }

        public double aic() {
            return -2 * logLikelihood + 2.0 * parameters;
        }

        public double bic() {
            return -2 * logLikelihood + parameters * Math.log(decisionMakers);
        }

        public double caic() {
            return -2 * logLikelihood + parameters * (Math.log(decisionMakers) + 1);
        }

        public double smallestShare() {
            return smallestShare;
        }

        public boolean isConverged() {
            return converged;
        }
    }

    private final List<Row> rows;

    public ModelSelection(List<Row> rows) {
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    public List<Row> rows() {
        return rows;
    }

    /** The number of classes with the smallest BIC. */
    public int bestByBic() {
        Row best = rows.get(0);
        for (Row r : rows) {
            if (r.bic() < best.bic()) {
                best = r;
            }
        }
        return best.classes();
    }

    /** The table as text: one line per number of classes. */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%7s %14s %6s %12s %12s %12s %9s%n", "Classes", "LL", "nparam", "AIC",
                "BIC", "CAIC", "min share"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%7d %14.4f %6d %12.4f %12.4f %12.4f %9.4f%s%n", r.classes(),
                    r.logLikelihood(), r.parameters(), r.aic(), r.bic(), r.caic(), r.smallestShare(),
                    r.isConverged() ? "" : "  (not converged)"));
        }
        int best = bestByBic();
        b.append("Smallest BIC: ").append(best).append(best == 1 ? " class" : " classes").append('\n');
        return b.toString();
    }
}
