package org.mixlogit.cli;

import java.util.Locale;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.postestimation.ClassWillingnessToPay;
import org.mixlogit.postestimation.ConditionalCoefficients;
import org.mixlogit.postestimation.LatentClassPosterior;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.simulation.WillingnessToPay;

/**
 * The local engine's {@link PostEstimationOutputs}: computed by {@link PostEstimation} from the rows in this process
 * (on its model's backend), the tables written as CSV files here.
 */
final class LocalOutputs implements PostEstimationOutputs {
    private final PostEstimation post;
    private final FlaggedCsv files;

    LocalOutputs(PostEstimation post, FlaggedCsv files) {
        this.post = post;
        this.files = files;
    }

    @Override
    public double[] conditionals(String file) {
        ConditionalCoefficients c = post.conditionals();
        int n = c.decisionMakerIds().length;
        int k = c.coefficients().size();
        double[] means = c.means();
        double[] sds = c.standardDeviations();
        ColumnStatistics statistics = new ColumnStatistics(2 * k);
        double[] row = new double[2 * k];
        for (int m = 0; m < n; m++) {
            System.arraycopy(means, m * k, row, 0, k);
            System.arraycopy(sds, m * k, row, k, k);
            statistics.add(row, 0);
        }
        if (file != null) {
            files.write("csv", file, c.csv());
        }
        return statistics.conditionalSummary(k);
    }

    @Override
    public void probabilities(String file) {
        ChoiceData data = post.data();
        double[] unconditional = post.probabilities();
        double[] conditional = post.conditionalProbabilities();
        double[][] byInput = new double[data.rowCount()][];
        int[] start = data.situationStartRef();
        for (int s = 0; s < data.situationCount(); s++) {
            for (int i = start[s]; i < start[s + 1]; i++) {
                byInput[data.sourceRow(i)] = new double[] {data.situationId(s), data.alternativeCode(i),
                    unconditional[i], conditional[i]};
            }
        }
        StringBuilder b = new StringBuilder("row,situation,alternative,probability,conditional_probability\n");
        for (int r = 0; r < byInput.length; r++) {
            double[] v = byInput[r];
            b.append(r + 1).append(',').append((long) v[0]).append(',')
                    .append(data.alternativeLabels().get((int) v[1])).append(',')
                    .append(String.format(Locale.ROOT, "%.10g,%.10g", v[2], v[3])).append('\n');
        }
        files.write("probabilities", file, b.toString());
    }

    @Override
    public double[] classPosteriors(String file) {
        LatentClassPosterior h = post.classPosteriors();
        int classes = h.classes();
        double[] p = h.probabilities();
        int[] modal = h.modalClasses();
        int n = modal.length;
        ColumnStatistics statistics = new ColumnStatistics(classes);
        double[] out = new double[2 * classes];
        for (int m = 0; m < n; m++) {
            statistics.add(p, m * classes);
            out[classes + modal[m] - 1]++;
        }
        for (int s = 0; s < classes; s++) {
            out[s] = statistics.sum(s) / n;
        }
        if (file != null) {
            StringBuilder b = new StringBuilder("id");
            for (int s = 0; s < classes; s++) {
                b.append(",class").append(s + 1);
            }
            b.append(",modal\n");
            long[] ids = h.decisionMakerIds();
            for (int m = 0; m < n; m++) {
                b.append(ids[m]);
                for (int s = 0; s < classes; s++) {
                    b.append(String.format(Locale.ROOT, ",%.10g", p[m * classes + s]));
                }
                b.append(',').append(modal[m]).append('\n');
            }
            files.write("posterior", file, b.toString());
        }
        return out;
    }

    @Override
    public double[] willingnessToPay(String attribute, String cost, String file) {
        WillingnessToPay w = post.willingnessToPay(attribute, cost);
        double[] individual = w.individual();
        ColumnStatistics statistics = new ColumnStatistics(1);
        for (int n = 0; n < individual.length; n++) {
            statistics.add(individual, n);
        }
        if (file != null) {
            ChoiceData data = post.data();
            StringBuilder b = new StringBuilder("id,wtp\n");
            for (int n = 0; n < individual.length; n++) {
                b.append(data.decisionMakerId(n)).append(',')
                        .append(String.format(Locale.ROOT, "%.10g", individual[n])).append('\n');
            }
            files.write("csv", file, b.toString());
        }
        return new double[] {w.draws(), w.mean(), w.median(), w.quantile(0.05), w.quantile(0.25), w.quantile(0.75),
            w.quantile(0.95), individual.length, statistics.finiteMean(0)};
    }

    @Override
    public ClassWillingnessToPay classWillingnessToPay(String attribute, String cost) {
        return post.classWillingnessToPay(attribute, cost);
    }

    @Override
    public void decomposition(String attribute, String file) {
        files.write("decomposition", file, post.decomposition(attribute).csv());
    }
}
