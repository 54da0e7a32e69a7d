package org.mixlogit.postestimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import java.util.Map;
import java.util.TreeMap;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.Substitution;

/**
 * Where heterogeneity matters in diversion: for every situation i and ordered pair (j, k) of its alternatives, the
 * situation's diversion ratios (product-removal and marginal, integrated over the mixing distribution), the plain
 * logit diversion s_ik / (1 - s_ij) at the situation's integrated shares (what a model without random coefficients
 * would say), and the weights that turn situation diversions into the market aggregate:
 * D_jk = sum_i omega_ij D_ijk with removal weights omega_ij = w_i s_ij / sum_i' w_i' s_i'j and marginal weights
 * omega_ij = w_i (d s_ij / d x_ij) / sum_i' w_i' (d s_i'j / d x_i'j), sums within the market (keyed sums in the
 * canonical block order, {@link #marketSums}, so a backend that holds the rows in parts computes each part's rows
 * with the same bits). Immutable; array accessors copy.
 */
public final class DiversionDecomposition {
    private final List<Long> situation;
    private final List<String> market;
    private final List<String> from;
    private final List<String> to;
    private final double[] fromShare;
    private final double[] removal;
    private final double[] marginal;
    private final double[] logit;
    private final double[] removalWeight;
    private final double[] marginalWeight;

    private DiversionDecomposition(List<Long> situation, List<String> market, List<String> from, List<String> to,
            double[][] columns) {
        this.situation = Collections.unmodifiableList(situation);
        this.market = Collections.unmodifiableList(market);
        this.from = Collections.unmodifiableList(from);
        this.to = Collections.unmodifiableList(to);
        this.fromShare = columns[0];
        this.removal = columns[1];
        this.marginal = columns[2];
        this.logit = columns[3];
        this.removalWeight = columns[4];
        this.marginalWeight = columns[5];
    }

    /**
     * The market sums of the weights' denominators, {@code m * 2A + c}: sum_i w_i s_ic (entries c &lt; A) and
     * sum_i w_i d s_ic / d x_ic (entries A + c) over the situations i of market m, by alternative code c: keyed sums
     * over decision-makers in the canonical block order (the aggregates' denominators), so every backend gives the
     * same bits.
     *
     * @param ll an evaluator of the data (unconditional on the choices), on any backend
     */
    public static double[] marketSums(LikelihoodEvaluator ll, double[] theta, String attribute, int markets,
            int alternatives) {
        int a = alternatives;
        TreeMap<Long, double[]> sums = ll.substitutionSums(theta, attribute, 2 * a, (data, n, sub, acc) -> {
            int[] start = data.situationStartRef();
            int[] dmStart = data.decisionMakerStartRef();
            double w = data.weight(n);
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                double[] row = acc.row(data.marketCode(s));
                for (int j = 0; j < sub.alternatives(s); j++) {
                    int c = data.alternativeCode(start[s] + j);
                    row[c] += w * sub.share(s, j);
                    row[a + c] += w * sub.derivative(s, j, j);
                }
            }
        });
        double[] out = new double[markets * 2 * a];
        for (Map.Entry<Long, double[]> e : sums.entrySet()) {
            System.arraycopy(e.getValue(), 0, out, (int) (long) e.getKey() * 2 * a, 2 * a);
        }
        return out;
    }

    /**
     * The decomposition of the situations of {@code part} (the whole data or a shard of whole blocks, with the whole
     * data's label tables), its weights from the whole data's {@link #marketSums}; situations in grouped order.
     *
     * @param sub Not modified: the substitution patterns of {@code part}'s situations
     * @param marketSums Not modified: {@link #marketSums} of the whole data
     */
    public static DiversionDecomposition of(ChoiceData part, Substitution sub, double[] marketSums) {
        int a = part.alternativeLabels().size();
        int[] start = part.situationStartRef();
        int[] dmStart = part.decisionMakerStartRef();
        int rows = 0;
        for (int s = 0; s < part.situationCount(); s++) {
            rows += sub.alternatives(s) * (sub.alternatives(s) - 1);
        }
        List<Long> situation = new ArrayList<>(rows);
        List<String> market = new ArrayList<>(rows);
        List<String> from = new ArrayList<>(rows);
        List<String> to = new ArrayList<>(rows);
        double[][] columns = new double[6][rows];
        int row = 0;
        for (int n = 0; n < part.decisionMakerCount(); n++) {
            double weight = part.weight(n);
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                int m = part.marketCode(s);
                int alternatives = sub.alternatives(s);
                for (int j = 0; j < alternatives; j++) {
                    int c = part.alternativeCode(start[s] + j);
                    double sj = sub.share(s, j);
                    for (int k = 0; k < alternatives; k++) {
                        if (k == j) {
                            continue;
                        }
                        situation.add(part.situationId(s));
                        market.add(part.marketLabels().get(m));
                        from.add(part.alternativeLabels().get(c));
                        to.add(part.alternativeLabels().get(part.alternativeCode(start[s] + k)));
                        columns[0][row] = sj;
                        columns[1][row] = sub.removalDiversion(s, j, k);
                        columns[2][row] = sub.marginalDiversion(s, j, k);
                        columns[3][row] = sub.share(s, k) / (1 - sj);
                        columns[4][row] = weight * sj / marketSums[m * 2 * a + c];
                        columns[5][row] = weight * sub.derivative(s, j, j) / marketSums[m * 2 * a + a + c];
                        row++;
                    }
                }
            }
        }
        return new DiversionDecomposition(situation, market, from, to, columns);
    }

    public int size() {
        return fromShare.length;
    }

    public List<Long> situationIds() {
        return situation;
    }

    public List<String> markets() {
        return market;
    }

    public List<String> from() {
        return from;
    }

    public List<String> to() {
        return to;
    }

    /** The situation's integrated share of the alternative diverted from. */
    public double[] fromShares() {
        return fromShare.clone();
    }

    /** The situation's product-removal diversion (s_k without j - s_k) / s_j. */
    public double[] removalDiversion() {
        return removal.clone();
    }

    /** The situation's marginal diversion -(d s_k / d x_j) / (d s_j / d x_j). */
    public double[] marginalDiversion() {
        return marginal.clone();
    }

    /** Plain-logit (IIA) diversion at the situation's integrated shares, s_k / (1 - s_j). */
    public double[] logitDiversion() {
        return logit.clone();
    }

    public double[] removalWeights() {
        return removalWeight.clone();
    }

    public double[] marginalWeights() {
        return marginalWeight.clone();
    }

    /** CSV with a header, one line per situation and ordered pair. */
    public String csv() {
        StringBuilder b = new StringBuilder("situation,market,from,to,from_share,removal,marginal,logit,"
                + "removal_weight,marginal_weight\n");
        for (int i = 0; i < size(); i++) {
            b.append(situation.get(i)).append(',').append(market.get(i)).append(',').append(from.get(i))
                    .append(',').append(to.get(i));
            double[] row = {fromShare[i], removal[i], marginal[i], logit[i], removalWeight[i], marginalWeight[i]};
            for (double v : row) {
                b.append(',').append(String.format(Locale.ROOT, "%.10g", v));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
