package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.spec.ParameterLayout;

/** Checks user starting values against the parameter vector. */
final class StartValidation {
    private StartValidation() {
    }

    static double[] checked(double[] start, ParameterLayout layout) {
        if (start.length != layout.size()) {
            throw new InvalidSpecificationException("The starting values have " + start.length + " elements but the"
                    + " model has " + layout.size() + " parameters " + layout.names() + ".");
        }
        for (int i = 0; i < start.length; i++) {
            if (!Double.isFinite(start[i])) {
                throw new InvalidSpecificationException("The starting value of '" + layout.names().get(i) + "' is "
                        + start[i] + ": give finite starting values.");
            }
        }
        return start.clone();
    }
}
