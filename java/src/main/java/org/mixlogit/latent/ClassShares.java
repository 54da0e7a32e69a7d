package org.mixlogit.latent;

import java.util.Arrays;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Class shares at given characteristics and the order of classes by share. Classes are reported from the largest
 * share (at the decision-makers' weighted mean characteristics) to the smallest: {@link #sorted} relabels the
 * classes of a parameter vector, which changes no likelihood (label switching made harmless), and re-bases the
 * share logit on the new class 1 (gamma'_c = gamma_sigma(c) - gamma_sigma(1), exact).
 */
public final class ClassShares {
    private ClassShares() {
    }

    /** The weighted mean of (1, membership characteristics) over decision-makers. */
    public static double[] meanCharacteristics(ChoiceData data, LatentClasses lc) {
        return meanCharacteristics(data, lc, Backend.local(1));
    }

    /**
     * As {@link #meanCharacteristics(ChoiceData, LatentClasses)}, the weighted sums over decision-makers computed by
     * {@code backend} in block order.
     */
    public static double[] meanCharacteristics(ChoiceData data, LatentClasses lc, Backend backend) {
        int width = lc.membershipWidth();
        int[] columns = new int[width - 1];
        for (int v = 1; v < width; v++) {
            columns[v - 1] = data.characteristicIndex(lc.membership().get(v - 1));
        }
        double[] sums = backend.dataSums(data, width, (part, n, out, at) -> {
            double w = part.weight(n);
            out[at] += w;
            int cc = part.characteristicCount();
            for (int v = 0; v < columns.length; v++) {
                out[at + 1 + v] += w * part.characteristicsRef()[n * cc + columns[v]];
            }
        });
        double[] mean = new double[width];
        mean[0] = 1;
        for (int v = 1; v < width; v++) {
            mean[v] = sums[v] / sums[0];
        }
        return mean;
    }

    /**
     * The class shares at characteristics z = (1, characteristics).
     *
     * @param theta Not modified: the latent class parameter vector
     */
    public static double[] at(ModelSpec spec, double[] theta, double[] z) {
        int classes = spec.classCount();
        double[] share = new double[classes];
        if (classes == 1) {
            share[0] = 1;
            return share;
        }
        ParameterLayout layout = spec.layout();
        double max = 0;
        for (int c = 1; c < classes; c++) {
            double eta = 0;
            for (int v = 0; v < z.length; v++) {
                eta += theta[layout.membershipIndex(c, v)] * z[v];
            }
            share[c] = eta;
            max = Math.max(max, eta);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            share[c] = Math.exp(share[c] - max);
            sum += share[c];
        }
        for (int c = 0; c < classes; c++) {
            share[c] /= sum;
        }
        return share;
    }

    /** The classes in decreasing order of share at z (ties keep their order): entry c is the old class. */
    public static int[] order(ModelSpec spec, double[] theta, double[] z) {
        double[] share = at(spec, theta, z);
        Integer[] order = new Integer[share.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(share[b], share[a]));
        int[] out = new int[order.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = order[c];
        }
        return out;
    }

    /** theta with its classes relabelled from the largest share at z to the smallest (a new array). */
    public static double[] sorted(ModelSpec spec, double[] theta, double[] z) {
        return permuted(spec, theta, order(spec, theta, z));
    }

    /** theta with new class c taking old class {@code order[c]}'s parameters (a new array). */
    public static double[] permuted(ModelSpec spec, double[] theta, int[] order) {
        ParameterLayout layout = spec.layout();
        int classes = spec.classCount();
        double[] out = theta.clone();
        int q = layout.classLayout().size();
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < q; j++) {
                out[layout.classIndex(c, j)] = theta[layout.classIndex(order[c], j)];
            }
        }
        int width = spec.latentClasses().membershipWidth();
        for (int c = 1; c < classes; c++) {
            for (int v = 0; v < width; v++) {
                double to = order[c] == 0 ? 0 : theta[layout.membershipIndex(order[c], v)];
                double from = order[0] == 0 ? 0 : theta[layout.membershipIndex(order[0], v)];
                out[layout.membershipIndex(c, v)] = to - from;
            }
        }
        return out;
    }
}
