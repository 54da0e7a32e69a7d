package org.mixlogit.postestimation;

import java.util.List;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.inference.DeltaMethod;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Willingness to pay per latent class: w_c = -beta_(a,c) / beta_(cost,c) for classes whose attribute and cost
 * coefficients are fixed within the class, with delta-method standard errors from the fit's covariance. Immutable;
 * arrays copy.
 */
public final class ClassWillingnessToPay {
    private final double[] estimates;
    private final double[] standardErrors;

    ClassWillingnessToPay(FittedModel model, String attribute, String cost) {
        ModelSpec spec = model.spec();
        if (!spec.isLatentClass()) {
            throw new InvalidSpecificationException("Willingness to pay per class needs a latent class model; this"
                    + " one has no classes: use the willingness to pay of the mixed logit.");
        }
        ParameterLayout inner = spec.classModel().layout();
        int a = coefficient(spec, attribute);
        int c = coefficient(spec, cost);
        ParameterLayout layout = spec.layout();
        int classes = spec.classCount();
        int[] ai = new int[classes];
        int[] ci = new int[classes];
        for (int s = 0; s < classes; s++) {
            ai[s] = layout.classIndex(s, inner.meanIndex(a));
            ci[s] = layout.classIndex(s, inner.meanIndex(c));
        }
        java.util.function.Function<double[], double[]> f = theta -> {
            double[] w = new double[classes];
            for (int s = 0; s < classes; s++) {
                w[s] = -theta[ai[s]] / theta[ci[s]];
            }
            return w;
        };
        double[] theta = model.estimates();
        this.estimates = f.apply(theta);
        double[] v = DeltaMethod.covariance(f, theta, model.covariance());
        this.standardErrors = new double[classes];
        for (int s = 0; s < classes; s++) {
            standardErrors[s] = Math.sqrt(v[s * classes + s]);
        }
    }

    private static int coefficient(ModelSpec spec, String attribute) {
        List<CoefficientSpec> cs = spec.coefficients();
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).attribute().equals(attribute)) {
                if (cs.get(i).isRandom()) {
                    throw new InvalidSpecificationException("'" + attribute + "' is random within classes: the"
                            + " willingness to pay per class is for coefficients fixed within classes; use"
                            + " conditional coefficients instead.");
                }
                return i;
            }
        }
        throw new InvalidSpecificationException("'" + attribute + "' is not an attribute of the model " + spec + ".");
    }

    /** -beta_a / beta_cost of each class, class 1 first. */
    public double[] estimates() {
        return estimates.clone();
    }

    public double[] standardErrors() {
        return standardErrors.clone();
    }
}
