package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.latent.ClassShares;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The derived quantities of a latent class model: each class's {@link DerivedQuantities} of the class model
 * (named "class2.abs(sd.x)", "class2.mean(x)", ...) except those of common coefficients, which all classes share
 * and are reported once under their own names ("mean(x)"), as the layout names common parameters; then the class
 * shares at the decision-makers' mean characteristics ("share1" .. "shareC"; with one class, none).
 */
final class LatentClassDerived {
    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final DerivedQuantities perClass;
    /** The class model's quantities that depend on class-specific parameters, then those of common ones. */
    private final int[] specific;
    private final int[] common;
    private final double[] meanCharacteristics;
    private final List<String> names;

    /** @param meanCharacteristics (1, characteristics) where the shares are evaluated; null: no shares */
    LatentClassDerived(ModelSpec spec, double[] meanCharacteristics) {
        this.spec = spec;
        this.layout = spec.layout();
        this.perClass = new DerivedQuantities(spec.classModel());
        this.meanCharacteristics = meanCharacteristics == null ? null : meanCharacteristics.clone();
        LatentClasses lc = spec.latentClasses();
        List<Integer> own = new ArrayList<>();
        List<Integer> shared = new ArrayList<>();
        for (int q = 0; q < perClass.names().size(); q++) {
            boolean allCommon = true;
            for (String attribute : perClass.attributesOf(q)) {
                allCommon &= lc.isCommon(attribute);
            }
            (allCommon ? shared : own).add(q);
        }
        this.specific = own.stream().mapToInt(Integer::intValue).toArray();
        this.common = shared.stream().mapToInt(Integer::intValue).toArray();
        List<String> n = new ArrayList<>();
        for (int c = 0; c < spec.classCount(); c++) {
            for (int q : specific) {
                n.add("class" + (c + 1) + "." + perClass.names().get(q));
            }
        }
        for (int q : common) {
            n.add(perClass.names().get(q));
        }
        if (meanCharacteristics != null && spec.classCount() > 1) {
            for (int c = 0; c < spec.classCount(); c++) {
                n.add("share" + (c + 1));
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

    double[] apply(double[] theta) {
        double[] out = new double[names.size()];
        int at = 0;
        if (!perClass.isEmpty()) {
            int q = layout.classLayout().size();
            double[] own = new double[q];
            double[] first = null;
            for (int c = 0; c < spec.classCount(); c++) {
                for (int j = 0; j < q; j++) {
                    own[j] = theta[layout.classIndex(c, j)];
                }
                double[] d = perClass.apply(own);
                for (int k : specific) {
                    out[at++] = d[k];
                }
                if (c == 0) {
                    first = d;
                }
            }
            for (int k : common) {
                out[at++] = first[k];
            }
        }
        if (at < out.length) {
            double[] shares = ClassShares.at(spec, theta, meanCharacteristics);
            System.arraycopy(shares, 0, out, at, shares.length);
        }
        return out;
    }
}
