package org.mixlogit.stata;

/** The Stata return codes the plugin gives back to the ado-file. */
enum ReturnCode {
    OK(0),
    /** The user pressed Break. */
    BREAK(1),
    /** Invalid syntax or option. */
    SYNTAX(198),
    /** The data cannot be used (missing values, choice sets, variation). */
    DATA(459),
    /**
     * A numerical failure of the estimation (probabilities not finite at the start, no posterior mode, accept-reject
     * finding too few draws, a singular moment covariance), as ml's 430 for its numerical difficulties.
     */
    NUMERICAL(430),
    /** The Hessian is not negative definite: no covariance. */
    NOT_POSITIVE_DEFINITE(506),
    /** A result larger than a Stata matrix can be (c(max_matdim)). */
    MATRIX_LIMIT(908),
    /** Out of memory, or a run the engine refuses before allocating (too many draws, a grid above its cap). */
    MEMORY(909),
    /** An exception that is not the engine's own: a bug in the plugin or the engine. */
    INTERNAL(498);

    private final int code;

    ReturnCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /**
     * Runs a plugin task and turns the engine's exceptions into Stata return codes, printing their messages as
     * errors: a bad option or specification 198, bad data 459, a numerical failure 430, not enough memory 909 (the
     * engine's refusal before allocating, {@link org.mixlogit.ResourceLimitException}, or an {@link
     * OutOfMemoryError} with {@code memoryHint}, what the user can change), a matrix above Stata's limit 908, any
     * other exception or error 498 (an internal error, reported as a bug with its type and message; a class that
     * cannot be loaded says which Java and jar are needed). Nothing escapes: javacall would print a stack trace.
     */
    static int guard(StataSession stata, String memoryHint, java.util.function.Supplier<ReturnCode> task) {
        try {
            return task.get().code();
        } catch (StataLimitException e) {
            return fail(stata, e.getMessage(), MATRIX_LIMIT);
        } catch (org.mixlogit.InvalidSpecificationException e) {
            return fail(stata, e.getMessage(), SYNTAX);
        } catch (org.mixlogit.ResourceLimitException e) {
            return fail(stata, e.getMessage(), MEMORY);
        } catch (org.mixlogit.NumericalFailureException e) {
            return fail(stata, e.getMessage(), NUMERICAL);
        } catch (org.mixlogit.MixlogitException e) {
            return fail(stata, e.getMessage(), DATA);
        } catch (OutOfMemoryError e) {
            return fail(stata, "Out of memory: " + memoryHint, MEMORY);
        } catch (RuntimeException | StackOverflowError e) {
            return internal(stata, e);
        } catch (LinkageError e) {
            return fail(stata, "jmixlogit cannot run in this Java (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). It needs Java 11 or newer and the"
                    + " jmixlogit.jar of the same version as the ado-files: check java query, reinstall jmixlogit,"
                    + " then type discard (or restart Stata).", INTERNAL);
        } catch (Throwable e) {
            return internal(stata, e);
        }
    }

    private static int internal(StataSession stata, Throwable e) {
        try {
            return fail(stata, "jmixlogit internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). This is a bug in jmixlogit, not in"
                    + " your data: please report it with the command.", INTERNAL);
        } catch (Throwable again) {
            return INTERNAL.code();
        }
    }

    static int fail(StataSession stata, String message, ReturnCode code) {
        stata.error(message);
        return code.code();
    }
}
