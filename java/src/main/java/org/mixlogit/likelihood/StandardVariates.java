package org.mixlogit.likelihood;

import org.mixlogit.math.NormalQuantile;
import org.mixlogit.spec.Distribution;

/**
 * Maps standard normal nodes z to the standard variate each distribution scales: z itself for the normal family
 * (normal, lognormal, censored normal), 2 Phi(z) - 1 for the uniform, the symmetric triangular variate on
 * [-1, 1] with p = Phi(z), and the upper tail probability Phi(-z) for the truncated normal (which the kernel
 * combines with the coefficient's location). Tails are computed from the nearer side so no precision is lost.
 */
final class StandardVariates {
    private StandardVariates() {
    }

    static double of(Distribution distribution, double z) {
        switch (distribution) {
            case UNIFORM:
                return z < 0 ? 2 * NormalQuantile.cdf(z) - 1 : 1 - 2 * NormalQuantile.cdf(-z);
            case TRIANGULAR:
                return z < 0 ? Math.sqrt(2 * NormalQuantile.cdf(z)) - 1 : 1 - Math.sqrt(2 * NormalQuantile.cdf(-z));
            case TRUNCATED_NORMAL:
                return NormalQuantile.cdf(-z);
            default:
                return z;
        }
    }

    /**
     * Transforms one decision-maker's nodes in place.
     *
     * @param distributions Not modified: distribution of each dimension
     * @param nodes <b>Modified</b>: {@code count x dimensions} nodes, row-major, from offset
     */
    static void transform(Distribution[] distributions, double[] nodes, int offset, int count) {
        int dims = distributions.length;
        for (int k = 0; k < dims; k++) {
            Distribution dist = distributions[k];
            if (dist.isNormalBased()) {
                continue;
            }
            for (int r = 0; r < count; r++) {
                int at = offset + r * dims + k;
                nodes[at] = of(dist, nodes[at]);
            }
        }
    }
}
