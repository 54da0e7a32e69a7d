package org.mixlogit.simulation;

import org.mixlogit.spec.CoefficientTransform;
import org.mixlogit.spec.Distribution;

/**
 * Maps standard normal nodes z to the standard variate each distribution scales, through its
 * {@link CoefficientTransform#variate(double)} (the node itself for normal, lognormal and censored normal).
 */
final class StandardVariates {
    private StandardVariates() {
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
            CoefficientTransform t = distributions[k].transform();
            if (t.variateIsNode()) {
                continue;
            }
            for (int r = 0; r < count; r++) {
                int at = offset + r * dims + k;
                nodes[at] = t.variate(nodes[at]);
            }
        }
    }
}
