package org.mixlogit.estimation;

import java.util.SplittableRandom;

import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.CoefficientTransform;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterKind;
import org.mixlogit.spec.ParameterLayout;

/**
 * Starting values. The default takes the plain-logit estimate b of every coefficient with a location and lets the
 * coefficient's distribution turn it into a start ({@link CoefficientTransform#startScale} and
 * {@link CoefficientTransform#startLocation}): b itself for most, log(b) for a lognormal (log(0.01) when b is not
 * positive: reverse the variable's sign if the coefficient is expected negative), b - s with s = 0.1 sign(b) for an
 * exponential (mean b, tail on b's side); heterogeneity 0; scales {@value #SCALE} in size and the Cholesky diagonal
 * {@value #SCALE}; off-diagonal Cholesky 0. Further starts perturb the default with a seeded generator: locations
 * jittered by a normal with standard deviation 0.5 |b| + 0.1; scales and Cholesky elements drawn afresh in
 * magnitude, and in sign too where the sign is not identified (with asymmetric draws the sign pattern of such
 * scales matters, so sign flips are part of the search); a scale whose sign is identified (the exponential's)
 * keeps the sign of its default.
 */
final class StartingValues {
    static final double SCALE = CoefficientTransform.START_SCALE;

    private StartingValues() {
    }

    /** The default start from the plain-logit estimates of the located coefficients (in declaration order). */
    static double[] defaults(ModelSpec spec, double[] plainLogit) {
        ParameterLayout layout = spec.layout();
        double[] theta = new double[layout.size()];
        int next = 0;
        for (int i = 0; i < spec.coefficients().size(); i++) {
            CoefficientSpec c = spec.coefficients().get(i);
            CoefficientTransform t = c.distribution().transform();
            double b = c.hasZeroMean() ? 0.0 : plainLogit[next++];
            double scale = t.startScale(b, SCALE);
            if (layout.scaleIndex(i) >= 0) {
                theta[layout.scaleIndex(i)] = scale;
            }
            if (!c.hasZeroMean()) {
                theta[layout.meanIndex(i)] = t.startLocation(b, scale);
            }
        }
        for (int a = 0; a < layout.blockSize(); a++) {
            theta[layout.choleskyIndex(a, a)] = SCALE;
        }
        return theta;
    }

    /** Start number {@code index} (1-based among the extra starts): a seeded perturbation of the default. */
    static double[] perturbed(ParameterLayout layout, double[] defaults, long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * index);
        double[] theta = defaults.clone();
        for (int j = 0; j < theta.length; j++) {
            ParameterKind kind = layout.kinds().get(j);
            double base = defaults[j];
            switch (kind) {
                case MEAN:
                    theta[j] = base + gaussian(random) * (0.5 * Math.abs(base) + 0.1);
                    break;
                case HETEROGENEITY:
                    theta[j] = 0.1 * gaussian(random);
                    break;
                default:
                    double magnitude = 0.05 + Math.abs(gaussian(random)) * 0.5;
                    // drawn for every scale, so the other parameters' draws do not depend on the distributions
                    boolean negative = random.nextBoolean();
                    if (layout.isSignIdentified(j)) {
                        negative = base < 0;
                    }
                    theta[j] = negative ? -magnitude : magnitude;
                    break;
            }
        }
        return theta;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
