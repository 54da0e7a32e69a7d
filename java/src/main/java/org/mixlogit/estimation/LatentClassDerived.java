package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.latent.ClassShares;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The derived quantities of a latent class model: each class's {@link DerivedQuantities} of the class model
 * (named "class2.abs(sd.x)", "class2.mean(x)", ...) and the class shares at the decision-makers' mean
 * characteristics ("share1" .. "shareC"; with one class, none).
 */
final class LatentClassDerived {
    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final DerivedQuantities perClass;
    private final double[] meanCharacteristics;
    private final List<String> names;

    /** @param meanCharacteristics (1, characteristics) where the shares are evaluated; null: no shares */
    LatentClassDerived(ModelSpec spec, double[] meanCharacteristics) {
        this.spec = spec;
        this.layout = spec.layout();
        this.perClass = new DerivedQuantities(spec.classModel());
        this.meanCharacteristics = meanCharacteristics == null ? null : meanCharacteristics.clone();
        List<String> n = new ArrayList<>();
        for (int c = 0; c < spec.classCount(); c++) {
            for (String name : perClass.names()) {
                n.add("class" + (c + 1) + "." + name);
            }
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
            for (int c = 0; c < spec.classCount(); c++) {
                for (int j = 0; j < q; j++) {
                    own[j] = theta[layout.classIndex(c, j)];
                }
                double[] d = perClass.apply(own);
                System.arraycopy(d, 0, out, at, d.length);
                at += d.length;
            }
        }
        if (at < out.length) {
            double[] shares = ClassShares.at(spec, theta, meanCharacteristics);
            System.arraycopy(shares, 0, out, at, shares.length);
        }
        return out;
    }
}
