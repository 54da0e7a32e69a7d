package org.mixlogit.cli;

/** A command line that cannot be run: unknown option, missing value, bad number. Exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
