package org.mixlogit;

/** A computation produced a value that cannot be used (a zero simulated probability, a non-finite utility). */
public class NumericalFailureException extends MixlogitException {
    private static final long serialVersionUID = 1L;

    public NumericalFailureException(String message) {
        super(message);
    }
}
