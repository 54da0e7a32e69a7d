package org.mixlogit;

/** The choice data cannot be used as given: a missing value, a malformed choice set, an unknown column. */
public class InvalidDataException extends MixlogitException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
