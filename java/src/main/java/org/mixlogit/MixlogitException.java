package org.mixlogit;

/**
 * Base of every exception the engine throws. Unchecked: a caller either fixes the input or reports
 * the message, which always names the offending value (row, id, variable, option) and says what to try.
 */
public class MixlogitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MixlogitException(String message) {
        super(message);
    }

    public MixlogitException(String message, Throwable cause) {
        super(message, cause);
    }
}
