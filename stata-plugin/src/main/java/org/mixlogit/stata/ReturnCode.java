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
}
