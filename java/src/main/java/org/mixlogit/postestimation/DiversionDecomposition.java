package org.mixlogit.postestimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Substitution;

/**
 * Where heterogeneity matters in diversion: for every situation i and ordered pair (j, k) of its alternatives, the
 * situation's diversion ratios (product-removal and marginal, integrated over the mixing distribution), the plain
 * logit diversion s_ik / (1 - s_ij) at the situation's integrated shares (what a model without random coefficients
 * would say), and the weights that turn situation diversions into the market aggregate:
 * D_jk = sum_i omega_ij D_ijk with removal weights omega_ij = w_i s_ij / sum_i' w_i' s_i'j and marginal weights
 * omega_ij = w_i (d s_ij / d x_ij) / sum_i' w_i' (d s_i'j / d x_i'j), sums within the market. Immutable; array
 * accessors copy.
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

    static DiversionDecomposition of(Markets mk, Substitution sub) {
        int a = mk.alternatives;
        // each situation's market and decision-maker weight (the decomposition is per situation: it reads rows)
        ChoiceData data = mk.data;
        int[] situationMarket = new int[data.situationCount()];
        double[] situationWeight = new double[data.situationCount()];
        int[] dmStart = data.decisionMakerStartRef();
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                situationWeight[s] = data.weight(n);
                situationMarket[s] = data.marketCode(s);
            }
        }
        double[] shareSum = new double[mk.markets * a];
        double[] slopeSum = new double[mk.markets * a];
        int[] start = mk.data.situationStartRef();
        int rows = 0;
        for (int s = 0; s < situationMarket.length; s++) {
            int n = sub.alternatives(s);
            for (int j = 0; j < n; j++) {
                int c = situationMarket[s] * a + mk.data.alternativeCode(start[s] + j);
                shareSum[c] += situationWeight[s] * sub.share(s, j);
                slopeSum[c] += situationWeight[s] * sub.derivative(s, j, j);
            }
            rows += n * (n - 1);
        }
        List<Long> situation = new ArrayList<>(rows);
        List<String> market = new ArrayList<>(rows);
        List<String> from = new ArrayList<>(rows);
        List<String> to = new ArrayList<>(rows);
        double[][] columns = new double[6][rows];
        int row = 0;
        for (int s = 0; s < situationMarket.length; s++) {
            int n = sub.alternatives(s);
            for (int j = 0; j < n; j++) {
                int c = situationMarket[s] * a + mk.data.alternativeCode(start[s] + j);
                double sj = sub.share(s, j);
                for (int k = 0; k < n; k++) {
                    if (k == j) {
                        continue;
                    }
                    situation.add(mk.data.situationId(s));
                    market.add(mk.marketLabels().get(situationMarket[s]));
                    from.add(mk.alternativeLabels().get(mk.data.alternativeCode(start[s] + j)));
                    to.add(mk.alternativeLabels().get(mk.data.alternativeCode(start[s] + k)));
                    columns[0][row] = sj;
                    columns[1][row] = sub.removalDiversion(s, j, k);
                    columns[2][row] = sub.marginalDiversion(s, j, k);
                    columns[3][row] = sub.share(s, k) / (1 - sj);
                    columns[4][row] = situationWeight[s] * sj / shareSum[c];
                    columns[5][row] = situationWeight[s] * sub.derivative(s, j, j) / slopeSum[c];
                    row++;
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
