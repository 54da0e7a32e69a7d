package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Quantities derived from the parameters, reported with delta-method standard errors:
 * <ul>
 * <li>"abs(sd.x)" / "abs(spread.x)": the absolute value of every scale (its sign is not identified);</li>
 * <li>for every non-normal random coefficient x: "mean(x)", "median(x)", "sd(x)" of the coefficient itself
 * (at zero characteristics when its mean has heterogeneity), from {@link Distribution};</li>
 * <li>for the correlated block: "cov(x,y)" of the underlying normals (Sigma = L L'), "sd(x)" = sqrt(Sigma_xx)
 * and "cor(x,y)".</li>
 * </ul>
 */
final class DerivedQuantities {
    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final List<String> names;

    DerivedQuantities(ModelSpec spec) {
        this.spec = spec;
        this.layout = spec.layout();
        List<String> n = new ArrayList<>();
        List<CoefficientSpec> cs = spec.coefficients();
        for (int i = 0; i < cs.size(); i++) {
            if (layout.scaleIndex(i) >= 0) {
                n.add("abs(" + layout.names().get(layout.scaleIndex(i)) + ")");
            }
        }
        for (int i = 0; i < cs.size(); i++) {
            Distribution d = cs.get(i).distribution();
            if (d.isRandom() && d != Distribution.NORMAL && layout.blockPosition(i) < 0) {
                String a = cs.get(i).attribute();
                n.add("mean(" + a + ")");
                n.add("median(" + a + ")");
                n.add("sd(" + a + ")");
            }
        }
        List<String> block = spec.correlated();
        for (int a = 0; a < block.size(); a++) {
            for (int c = 0; c <= a; c++) {
                n.add("cov(" + block.get(a) + "," + block.get(c) + ")");
            }
        }
        for (String x : block) {
            n.add("sd(" + x + ")");
        }
        for (int a = 0; a < block.size(); a++) {
            for (int c = 0; c < a; c++) {
                n.add("cor(" + block.get(a) + "," + block.get(c) + ")");
            }
        }
        this.names = Collections.unmodifiableList(n);
    }

    List<String> names() {
        return names;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** The derived quantities at theta, in the order of {@link #names()}. */
    double[] apply(double[] theta) {
        double[] out = new double[names.size()];
        int at = 0;
        List<CoefficientSpec> cs = spec.coefficients();
        for (int i = 0; i < cs.size(); i++) {
            if (layout.scaleIndex(i) >= 0) {
                out[at++] = Math.abs(theta[layout.scaleIndex(i)]);
            }
        }
        for (int i = 0; i < cs.size(); i++) {
            Distribution d = cs.get(i).distribution();
            if (d.isRandom() && d != Distribution.NORMAL && layout.blockPosition(i) < 0) {
                double m = layout.meanIndex(i) >= 0 ? theta[layout.meanIndex(i)] : 0.0;
                double s = theta[layout.scaleIndex(i)];
                out[at++] = d.mean(m, s);
                out[at++] = d.median(m, s);
                out[at++] = d.standardDeviation(m, s);
            }
        }
        int b = layout.blockSize();
        double[] sigma = new double[b * b];
        for (int a = 0; a < b; a++) {
            for (int c = 0; c <= a; c++) {
                double s = 0;
                for (int l = 0; l <= c; l++) {
                    s += theta[layout.choleskyIndex(a, l)] * theta[layout.choleskyIndex(c, l)];
                }
                sigma[a * b + c] = s;
                sigma[c * b + a] = s;
                out[at++] = s;
            }
        }
        for (int a = 0; a < b; a++) {
            out[at++] = Math.sqrt(sigma[a * b + a]);
        }
        for (int a = 0; a < b; a++) {
            for (int c = 0; c < a; c++) {
                out[at++] = sigma[a * b + c] / Math.sqrt(sigma[a * b + a] * sigma[c * b + c]);
            }
        }
        return out;
    }
}
