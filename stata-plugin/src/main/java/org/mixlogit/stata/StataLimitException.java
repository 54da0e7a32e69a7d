package org.mixlogit.stata;

import org.mixlogit.MixlogitException;

/** A result larger than Stata can hold (a matrix above c(max_matdim)): Stata's return code 908. */
final class StataLimitException extends MixlogitException {
    private static final long serialVersionUID = 1L;

    StataLimitException(String message) {
        super(message);
    }
}
