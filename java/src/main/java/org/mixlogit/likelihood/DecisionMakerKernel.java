package org.mixlogit.likelihood;

import java.util.Arrays;

import org.mixlogit.NumericalFailureException;
import org.mixlogit.integration.NormalQuantile;
import org.mixlogit.spec.Distribution;

/**
 * One worker's evaluation of a decision-maker's simulated log-likelihood {@code log sum_r w_r prod_t P_t(beta_r)}
 * and its score. Owns all scratch space, so an evaluation allocates nothing; not thread-safe.
 *
 * <p>Arrays over draws are laid out draw-minor ({@code [attribute * R + r]}, {@code [alternative * R + r]}) so
 * the inner loops run over draws with independent iterations, which the JIT vectorizes. Per situation the
 * exponentiated utilities come either from the decision-maker's attribute-level factors (see
 * {@link RowStructure}) or from utilities shifted by their maximum over alternatives; a draw whose level
 * products leave the safe floating-point range is recomputed the shifted way. Probabilities of a person's
 * situations are multiplied per draw and folded into logarithms before they can underflow.
 */
final class DecisionMakerKernel {
    private static final int FIXED = 0;
    private static final int LINEAR = 1;
    private static final int LOGNORMAL = 2;
    private static final int CENSORED = 3;
    private static final int TRUNCATED = 4;
    private static final double TINY = 1e-280;
    private static final double HUGE = 1e280;

    private final ModelDesign m;
    private final RowStructure rows;
    private final VariateStore.Source source;
    private final int k;
    private final int d;
    private final int r;
    private final int b;
    private final int[] kind;
    private final int[] situationStart;
    private final int[] chosenRow;
    private final int[] decisionMakerStart;
    private final double[] characteristics;
    private final int characteristicCount;

    private final double[] location;
    private final double[] scale;
    private final double[] truncatedCdf;
    private final double[] truncatedDensity;
    private final double[] cholesky;
    private final double[] beta;
    private final double[] dLocation;
    private final double[] dScale;
    private final double[] levelFactor;
    private final double[] expUtility;
    private final double[] utility;
    private final double[] shift;
    private final double[] denominator;
    private final boolean[] shifted;
    private final double[] product;
    private final double[] drawLogLik;
    private final double[] betaScore;
    private final double[] locationAcc;
    private final double[] scaleAcc;
    private final double[] choleskyAcc;

    DecisionMakerKernel(ModelDesign design, VariateStore store) {
        this.m = design;
        this.rows = design.rows;
        this.source = store.newSource();
        this.k = design.k;
        this.d = design.d;
        this.r = store.nodeCount();
        this.b = design.blockMembers.length;
        this.kind = new int[k];
        for (int i = 0; i < k; i++) {
            kind[i] = kindOf(design.distribution[i]);
        }
        this.situationStart = design.data.situationStartRef();
        this.chosenRow = design.data.chosenRowRef();
        this.decisionMakerStart = design.data.decisionMakerStartRef();
        this.characteristics = design.data.characteristicsRef();
        this.characteristicCount = design.data.characteristicCount();
        int jmax = Math.max(2, design.data.maxAlternatives());
        location = new double[k];
        scale = new double[k];
        truncatedCdf = new double[k];
        truncatedDensity = new double[k];
        cholesky = new double[b * b];
        beta = new double[k * r];
        dLocation = new double[k * r];
        dScale = new double[k * r];
        levelFactor = new double[rows.maxLevels * r];
        expUtility = new double[jmax * r];
        utility = new double[jmax * r];
        shift = new double[r];
        denominator = new double[r];
        shifted = new boolean[r];
        product = new double[r];
        drawLogLik = new double[r];
        betaScore = new double[k * r];
        locationAcc = new double[k];
        scaleAcc = new double[k];
        choleskyAcc = new double[b * b];
    }

    private static int kindOf(Distribution distribution) {
        switch (distribution) {
            case FIXED:
                return FIXED;
            case LOGNORMAL:
                return LOGNORMAL;
            case CENSORED_NORMAL:
                return CENSORED;
            case TRUNCATED_NORMAL:
                return TRUNCATED;
            default:
                return LINEAR;
        }
    }

    /**
     * Log-likelihood contribution of decision-maker n (unweighted) and, when {@code score != null}, its gradient.
     * NaN when the parameters make a utility undefined.
     *
     * @param theta Not modified: parameters
     * @param score <b>Modified</b> when non-null: the P score entries from {@code scoreOffset}
     */
    double evaluate(int n, double[] theta, double[] score, int scoreOffset) {
        boolean gradient = score != null;
        source.load(n);
        double[] v = source.variates;
        int vo = source.variateOffset;
        prepareParameters(n, theta);
        drawCoefficients(v, vo);
        boolean levels = rows.useLevels[n];
        if (levels) {
            buildLevelFactors(n);
        }
        Arrays.fill(drawLogLik, 0.0);
        Arrays.fill(product, 1.0);
        if (gradient) {
            Arrays.fill(betaScore, 0.0);
        }
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            int first = situationStart[t];
            int end = situationStart[t + 1];
            if (levels) {
                levelExpUtilities(n, first, end);
            } else {
                shiftedExpUtilities(first, end);
            }
            accumulateChosen(levels, chosenRow[t] - first);
            if (gradient) {
                subtractExpectedAttributes(first, end);
            }
        }
        for (int q = 0; q < r; q++) {
            drawLogLik[q] += Math.log(product[q]);
        }
        return mix(n, v, vo, score, scoreOffset);
    }

    /** Locations (with heterogeneity), scales, Cholesky factor and truncation constants of decision-maker n. */
    private void prepareParameters(int n, double[] theta) {
        for (int i = 0; i < k; i++) {
            int mi = m.meanIndex[i];
            double loc = mi >= 0 ? theta[mi] : 0.0;
            int[] cols = m.heterogeneityColumns[i];
            int hs = m.heterogeneityStart[i];
            for (int h = 0; h < cols.length; h++) {
                loc += theta[hs + h] * characteristics[n * characteristicCount + cols[h]];
            }
            location[i] = loc;
            int si = m.scaleIndex[i];
            scale[i] = si >= 0 ? theta[si] : 0.0;
            if (kind[i] == TRUNCATED) {
                double a = Math.abs(scale[i]);
                if (a == 0 && !(loc > 0)) {
                    throw new NumericalFailureException("The truncated normal coefficient of '"
                            + m.spec.coefficients().get(i).attribute() + "' has scale 0 and location " + loc
                            + " <= 0 for decision-maker " + m.data.decisionMakerId(n)
                            + ": it has no positive mass; start from a positive scale.");
                }
                if (a > 0) {
                    truncatedCdf[i] = NormalQuantile.cdf(loc / a);
                    truncatedDensity[i] = NormalQuantile.density(loc / a);
                }
            }
        }
        for (int a = 0; a < b; a++) {
            for (int c = 0; c <= a; c++) {
                cholesky[a * b + c] = theta[m.choleskyIndex[a * b + c]];
            }
        }
    }

    /** beta, d beta / d location and d beta / d scale for every draw, draw-minor. */
    private void drawCoefficients(double[] v, int vo) {
        for (int i = 0; i < k; i++) {
            int base = i * r;
            double loc = location[i];
            if (kind[i] == FIXED) {
                Arrays.fill(beta, base, base + r, loc);
                Arrays.fill(dLocation, base, base + r, 1.0);
                Arrays.fill(dScale, base, base + r, 0.0);
                continue;
            }
            int dim = m.dimension[i];
            int pos = m.blockPosition[i];
            double s = scale[i];
            for (int q = 0; q < r; q++) {
                int vq = vo + q * d;
                double e = v[vq + dim];
                double u;
                if (pos >= 0) {
                    u = loc;
                    for (int c = 0; c <= pos; c++) {
                        u += cholesky[pos * b + c] * v[vq + m.dimension[m.blockMembers[c]]];
                    }
                } else {
                    u = loc + s * e;
                }
                transform(i, base + q, u, e);
            }
        }
    }

    private void transform(int i, int at, double u, double e) {
        switch (kind[i]) {
            case LOGNORMAL: {
                double bi = Math.exp(u);
                beta[at] = bi;
                dLocation[at] = bi;
                dScale[at] = bi * e;
                break;
            }
            case CENSORED: {
                boolean positive = u > 0;
                beta[at] = positive ? u : 0.0;
                dLocation[at] = positive ? 1.0 : 0.0;
                dScale[at] = positive ? e : 0.0;
                break;
            }
            case TRUNCATED:
                truncatedDraw(i, at, e);
                break;
            default:
                beta[at] = u;
                dLocation[at] = 1.0;
                dScale[at] = e;
                break;
        }
    }

    /**
     * Truncated normal at zero from the upper-tail variate e = Phi(-z): z* = -Phi^-1(e Phi(mu/a)), beta = mu + a z*,
     * the inverse-CDF draw conditioned on beta &gt; 0, computed from the tail for accuracy.
     */
    private void truncatedDraw(int i, int at, double upperTail) {
        double s = scale[i];
        double a = Math.abs(s);
        double mu = location[i];
        if (a == 0) {
            beta[at] = mu;
            dLocation[at] = 1.0;
            dScale[at] = 0.0;
            return;
        }
        double zStar = -NormalQuantile.quantile(upperTail * truncatedCdf[i]);
        beta[at] = mu + a * zStar;
        double ratio = upperTail * truncatedDensity[i] / NormalQuantile.density(zStar);
        dLocation[at] = 1.0 - ratio;
        double dA = zStar + ratio * mu / a;
        dScale[at] = s >= 0 ? dA : -dA;
    }

    /** exp(value * beta_k) for every level of decision-maker n and every draw. */
    private void buildLevelFactors(int n) {
        int first = rows.levelStart[n];
        int count = rows.levelStart[n + 1] - first;
        for (int l = 0; l < count; l++) {
            int base = rows.levelAttribute[first + l] * r;
            double value = rows.levelValue[first + l];
            int out = l * r;
            for (int q = 0; q < r; q++) {
                levelFactor[out + q] = Math.exp(value * beta[base + q]);
            }
        }
    }

    /** expUtility = product of level factors; draws outside the safe range are redone with shifted utilities. */
    private void levelExpUtilities(int n, int first, int end) {
        for (int j = 0; j < end - first; j++) {
            int out = j * r;
            Arrays.fill(expUtility, out, out + r, 1.0);
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                int f = rows.level[e] * r;
                for (int q = 0; q < r; q++) {
                    expUtility[out + q] *= levelFactor[f + q];
                }
            }
        }
        sumDenominators(end - first);
        for (int q = 0; q < r; q++) {
            double den = denominator[q];
            shifted[q] = !(den > TINY && den < HUGE);
            if (shifted[q]) {
                shiftedDraw(q, first, end);
            }
        }
    }

    /** One draw's utilities, their maximum, and the shifted exponentials and denominator. */
    private void shiftedDraw(int q, int first, int end) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < end - first; j++) {
            double u = 0;
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                u += rows.value[e] * beta[rows.attribute[e] * r + q];
            }
            utility[j * r + q] = u;
            max = Math.max(max, u);
        }
        shift[q] = max;
        double den = 0;
        for (int j = 0; j < end - first; j++) {
            double e = Math.exp(utility[j * r + q] - max);
            expUtility[j * r + q] = e;
            den += e;
        }
        denominator[q] = den;
    }

    /** Utilities of all draws, shifted by their maximum over alternatives, exponentiated. */
    private void shiftedExpUtilities(int first, int end) {
        int alternatives = end - first;
        for (int j = 0; j < alternatives; j++) {
            int out = j * r;
            Arrays.fill(utility, out, out + r, 0.0);
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                double value = rows.value[e];
                int base = rows.attribute[e] * r;
                for (int q = 0; q < r; q++) {
                    utility[out + q] += value * beta[base + q];
                }
            }
        }
        System.arraycopy(utility, 0, shift, 0, r);
        for (int j = 1; j < alternatives; j++) {
            int out = j * r;
            for (int q = 0; q < r; q++) {
                shift[q] = Math.max(shift[q], utility[out + q]);
            }
        }
        for (int j = 0; j < alternatives; j++) {
            int out = j * r;
            for (int q = 0; q < r; q++) {
                expUtility[out + q] = Math.exp(utility[out + q] - shift[q]);
            }
        }
        sumDenominators(alternatives);
        Arrays.fill(shifted, true);
    }

    private void sumDenominators(int alternatives) {
        System.arraycopy(expUtility, 0, denominator, 0, r);
        for (int j = 1; j < alternatives; j++) {
            int out = j * r;
            for (int q = 0; q < r; q++) {
                denominator[q] += expUtility[out + q];
            }
        }
    }

    /** Multiplies each draw's running product by the chosen alternative's probability, in logs when tiny. */
    private void accumulateChosen(boolean levels, int chosen) {
        int at = chosen * r;
        for (int q = 0; q < r; q++) {
            double p = expUtility[at + q] / denominator[q];
            if (p > TINY) {
                product[q] *= p;
                if (product[q] < TINY) {
                    drawLogLik[q] += Math.log(product[q]);
                    product[q] = 1.0;
                }
            } else if (shifted[q]) {
                drawLogLik[q] += utility[at + q] - shift[q] - Math.log(denominator[q]);
            } else {
                drawLogLik[q] += Math.log(expUtility[at + q]) - Math.log(denominator[q]);
            }
        }
    }

    /** betaScore -= sum_j P_j x_j per draw (the chosen attributes are added once per person in mix). */
    private void subtractExpectedAttributes(int first, int end) {
        for (int q = 0; q < r; q++) {
            denominator[q] = 1.0 / denominator[q];
        }
        for (int j = 0; j < end - first; j++) {
            int out = j * r;
            for (int q = 0; q < r; q++) {
                expUtility[out + q] *= denominator[q];
            }
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                double value = rows.value[e];
                int base = rows.attribute[e] * r;
                for (int q = 0; q < r; q++) {
                    betaScore[base + q] -= value * expUtility[out + q];
                }
            }
        }
    }

    /** log sum_r w_r L_r, and with a score array the chain rule to the parameters with posterior draw weights. */
    private double mix(int n, double[] v, int vo, double[] score, int so) {
        double max = Double.NEGATIVE_INFINITY;
        boolean undefined = false;
        for (int q = 0; q < r; q++) {
            double ll = drawLogLik[q];
            undefined |= Double.isNaN(ll);
            max = Math.max(max, ll);
        }
        if (undefined || max == Double.NEGATIVE_INFINITY) {
            if (score != null) {
                Arrays.fill(score, so, so + m.p, Double.NaN);
            }
            return undefined ? Double.NaN : max;
        }
        double[] w = source.weights;
        int wo = source.weightOffset;
        double sum = 0;
        for (int q = 0; q < r; q++) {
            double e = w[wo + q] * Math.exp(drawLogLik[q] - max);
            drawLogLik[q] = e;
            sum += e;
        }
        if (!(sum > 0)) {
            throw new NumericalFailureException("The simulated probability of decision-maker "
                    + m.data.decisionMakerId(n) + " is " + sum + " (not positive): the integration weights give no"
                    + " positive mass; use a rule with positive weights or more nodes.");
        }
        if (score != null) {
            double inv = 1.0 / sum;
            for (int q = 0; q < r; q++) {
                drawLogLik[q] *= inv;
            }
            chainRule(n, v, vo, score, so);
        }
        return max + Math.log(sum);
    }

    private void chainRule(int n, double[] v, int vo, double[] score, int so) {
        double[] posterior = drawLogLik;
        for (int i = 0; i < k; i++) {
            int base = i * r;
            double chosen = rows.chosenSum[n * k + i];
            double la = 0;
            double sa = 0;
            for (int q = 0; q < r; q++) {
                double h = posterior[q] * (betaScore[base + q] + chosen);
                betaScore[base + q] = h;
                la += h * dLocation[base + q];
                sa += h * dScale[base + q];
            }
            locationAcc[i] = la;
            scaleAcc[i] = sa;
        }
        for (int a = 0; a < b; a++) {
            int base = m.blockMembers[a] * r;
            for (int c = 0; c <= a; c++) {
                int dim = m.dimension[m.blockMembers[c]];
                double acc = 0;
                for (int q = 0; q < r; q++) {
                    acc += betaScore[base + q] * dLocation[base + q] * v[vo + q * d + dim];
                }
                choleskyAcc[a * b + c] = acc;
            }
        }
        Arrays.fill(score, so, so + m.p, 0.0);
        for (int i = 0; i < k; i++) {
            int mi = m.meanIndex[i];
            if (mi >= 0) {
                score[so + mi] = locationAcc[i];
            }
            int[] cols = m.heterogeneityColumns[i];
            int hs = m.heterogeneityStart[i];
            for (int h = 0; h < cols.length; h++) {
                score[so + hs + h] = locationAcc[i] * characteristics[n * characteristicCount + cols[h]];
            }
            int si = m.scaleIndex[i];
            if (si >= 0) {
                score[so + si] = scaleAcc[i];
            }
        }
        for (int a = 0; a < b; a++) {
            for (int c = 0; c <= a; c++) {
                score[so + m.choleskyIndex[a * b + c]] = choleskyAcc[a * b + c];
            }
        }
    }
}
