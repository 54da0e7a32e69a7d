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
    /** The optimizer did not converge. */
    NOT_CONVERGED(430),
    /** The Hessian is not negative definite: no covariance. */
    NOT_POSITIVE_DEFINITE(506),
    /** Out of memory. */
    MEMORY(909);

    private final int code;

    ReturnCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /**
     * Runs a plugin task and turns the engine's exceptions into Stata return codes, printing their messages as
     * errors: a bad option or specification 198, bad data or a numerical failure 459, out of memory 909 (with
     * {@code memoryHint}, what the user can change).
     */
    static int guard(StataSession stata, String memoryHint, java.util.function.Supplier<ReturnCode> task) {
        try {
            return task.get().code();
        } catch (org.mixlogit.InvalidSpecificationException e) {
            return fail(stata, e.getMessage(), SYNTAX);
        } catch (org.mixlogit.MixlogitException e) {
            return fail(stata, e.getMessage(), DATA);
        } catch (OutOfMemoryError e) {
            return fail(stata, "Out of memory: " + memoryHint, MEMORY);
        }
    }

    static int fail(StataSession stata, String message, ReturnCode code) {
        stata.error(message);
        return code.code();
    }
}
