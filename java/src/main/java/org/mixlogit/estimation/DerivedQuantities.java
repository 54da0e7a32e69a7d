package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.CoefficientTransform;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Quantities derived from the parameters, reported with delta-method standard errors:
 * <ul>
 * <li>"abs(sd.x)" / "abs(spread.x)": the absolute value of every scale whose sign is not identified (all but the
 * exponential's, which is reported as estimated);</li>
 * <li>for every random coefficient x that is not itself normal: "mean(x)", "median(x)", "sd(x)" of the coefficient
 * (at zero characteristics when its mean has heterogeneity), from its distribution; for a member of the correlated
 * block with the scale sqrt(Sigma_xx) of its underlying normal (a lognormal member: mean exp(m + Sigma_xx / 2),
 * median exp(m), sd sqrt((exp(Sigma_xx) - 1) exp(2m + Sigma_xx)));</li>
 * <li>for the correlated block, of the underlying normals (Sigma = L L'): "cov(x,y)", "sd(x)" = sqrt(Sigma_xx) and
 * "cor(x,y)", each member named by {@link CoefficientTransform#underlyingName} (x for a normal member, log(x) for
 * a lognormal one).</li>
 * </ul>
 */
final class DerivedQuantities {
    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final List<String> names;
    /** Per quantity: the attributes whose parameters it depends on. */
    private final List<List<String>> attributes;

    DerivedQuantities(ModelSpec spec) {
        this.spec = spec;
        this.layout = spec.layout();
        List<String> n = new ArrayList<>();
        List<List<String>> on = new ArrayList<>();
        List<CoefficientSpec> cs = spec.coefficients();
        List<String> blockAttributes = new ArrayList<>();
        for (int member : layout.blockMembers()) {
            blockAttributes.add(cs.get(member).attribute());
        }
        for (int i = 0; i < cs.size(); i++) {
            int si = layout.scaleIndex(i);
            if (si >= 0 && !layout.isSignIdentified(si)) {
                n.add("abs(" + layout.names().get(si) + ")");
                on.add(layout.blockPosition(i) >= 0 ? blockAttributes : List.of(cs.get(i).attribute()));
            }
        }
        for (int i = 0; i < cs.size(); i++) {
            if (hasMoments(cs.get(i))) {
                String a = cs.get(i).attribute();
                List<String> depends = layout.blockPosition(i) >= 0 ? blockAttributes : List.of(a);
                for (String moment : new String[] {"mean", "median", "sd"}) {
                    n.add(moment + "(" + a + ")");
                    on.add(depends);
                }
            }
        }
        List<String> block = underlyingNames();
        for (int a = 0; a < block.size(); a++) {
            for (int c = 0; c <= a; c++) {
                n.add("cov(" + block.get(a) + "," + block.get(c) + ")");
                on.add(blockAttributes);
            }
        }
        for (String x : block) {
            n.add("sd(" + x + ")");
            on.add(blockAttributes);
        }
        for (int a = 0; a < block.size(); a++) {
            for (int c = 0; c < a; c++) {
                n.add("cor(" + block.get(a) + "," + block.get(c) + ")");
                on.add(blockAttributes);
            }
        }
        this.names = Collections.unmodifiableList(n);
        this.attributes = Collections.unmodifiableList(on);
    }

    /** The attributes whose parameters quantity {@code q} (of {@link #names()}) depends on. */
    List<String> attributesOf(int q) {
        return attributes.get(q);
    }

    /** Random and not itself normal: its mean, median and sd are not plain parameters. */
    private static boolean hasMoments(CoefficientSpec c) {
        return c.isRandom() && !c.distribution().transform().isGaussian();
    }

    private List<String> underlyingNames() {
        List<String> out = new ArrayList<>();
        for (int member : layout.blockMembers()) {
            CoefficientSpec c = spec.coefficients().get(member);
            out.add(c.distribution().transform().underlyingName(c.attribute()));
        }
        return out;
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
        int b = layout.blockSize();
        double[] sigma = blockCovariance(theta);
        int at = 0;
        List<CoefficientSpec> cs = spec.coefficients();
        for (int i = 0; i < cs.size(); i++) {
            int si = layout.scaleIndex(i);
            if (si >= 0 && !layout.isSignIdentified(si)) {
                out[at++] = Math.abs(theta[si]);
            }
        }
        for (int i = 0; i < cs.size(); i++) {
            if (hasMoments(cs.get(i))) {
                CoefficientTransform t = cs.get(i).distribution().transform();
                double m = layout.meanIndex(i) >= 0 ? theta[layout.meanIndex(i)] : 0.0;
                int pos = layout.blockPosition(i);
                double s = pos >= 0 ? Math.sqrt(sigma[pos * b + pos]) : theta[layout.scaleIndex(i)];
                out[at++] = t.mean(m, s);
                out[at++] = t.median(m, s);
                out[at++] = t.standardDeviation(m, s);
            }
        }
        for (int a = 0; a < b; a++) {
            for (int c = 0; c <= a; c++) {
                out[at++] = sigma[a * b + c];
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

    /** Sigma = L L' of the block's underlying normals, b x b row-major. */
    private double[] blockCovariance(double[] theta) {
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
            }
        }
        return sigma;
    }
}
