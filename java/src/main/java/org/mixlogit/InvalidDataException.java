package org.mixlogit;

/** The choice data cannot be used as given: a missing value, a malformed choice set, an unknown column. */
public class InvalidDataException extends MixlogitException {
    private static final long serialVersionUID = 1L;

    /** The problem's place in the canonical order of validation ({@code data.DataProblem}), or null. */
    private final long[] position;

    public InvalidDataException(String message) {
        super(message);
        this.position = null;
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
        this.position = null;
    }

    /**
     * @param position the problem's place in the canonical order in which the data are validated (stage, then keys;
     *                 see {@code data.DataProblem}), so that problems found in different parts of the data compare
     */
    public InvalidDataException(String message, long[] position) {
        super(message);
        this.position = position.clone();
    }

    /** The problem's place in the canonical order of validation (a copy), or null when it has none. */
    public long[] position() {
        return position == null ? null : position.clone();
    }
}
