package org.mixlogit;

/** The model or an option is impossible: unknown distribution, a variable both fixed and random, a bad option value. */
public class InvalidSpecificationException extends MixlogitException {
    private static final long serialVersionUID = 1L;

    public InvalidSpecificationException(String message) {
        super(message);
    }
}
