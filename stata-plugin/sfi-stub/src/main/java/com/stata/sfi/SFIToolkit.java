package com.stata.sfi;

/**
 * COMPILE-TIME STAND-IN for Stata's {@code com.stata.sfi.SFIToolkit} (Stata 16/17). Never ship it.
 *
 * <p>Confirmed from:
 * <ul>
 * <li>https://www.stata.com/java/api16/com/stata/sfi/SFIToolkit.html: "public final class
 *     SFIToolkit", fields RC_BREAK, RC_GENERAL_ERROR, RC_GENERAL_EXCEPTION, RC_SYNTAX_ERROR;
 *     "static void display(String s)", "static void display(String s, boolean asis)", "static void
 *     displayln(String s)", "static void error(String s)", "static void error(String s, boolean
 *     asis)", "static void errorln(String s)", "static int errorMsg(int rc)".</li>
 * <li>https://www.stata.com/java/api13/ and api14/ constant-values.html: RC_GENERAL_ERROR = 5101,
 *     RC_GENERAL_EXCEPTION = 5100, RC_SYNTAX_ERROR = 198 (public static final int).</li>
 * <li>https://www.stata.com/java/api15/com/stata/sfi/SFIToolkit.html: "static int
 *     executeCommand(String command, boolean echo)", "static String getTempName()";
 *     https://www.stata.com/java/api17/com/stata/sfi/class-use/SynchronizedOnMain.html:
 *     "static int SFIToolkit.executeCommand(String command, boolean echo)".</li>
 * <li>pollnow(): index entry "pollnow() - Static method in class com.stata.sfi.SFIToolkit - Request
 *     that Stata poll its GUI immediately" (api17 index-files/index-16.html); return type int from
 *     real code {@code int i = SFIToolkit.pollnow(); if (i != 0) ... "canceled"} (Statdoc by Markus
 *     Schaffner, class statdoc.Stata).</li>
 * </ul>
 * <p>Deliberately absent: RC_BREAK (value not found), pollstd() (return type not confirmed),
 * error(int) (deprecated in 16, removed in 17), the Stata 17-only Object/DisplayMode overloads.
 * Output goes to {@link StataSimulator#output()} / {@link StataSimulator#errorOutput()}.
 */
public final class SFIToolkit {

    private SFIToolkit() {
    }

    /** Return code 5101. */
    public static final int RC_GENERAL_ERROR = 5101;
    /** Return code 5100. */
    public static final int RC_GENERAL_EXCEPTION = 5100;
    /** Return code 198 (Stata's "invalid syntax"). */
    public static final int RC_SYNTAX_ERROR = 198;

    /** Writes {@code s} (SMCL) to the Results window, no line terminator. */
    public static void display(String s) {
        display(s, false);
    }

    /** Writes {@code s}; {@code asis=true} means no SMCL interpretation (simulator records text as is). */
    public static void display(String s, boolean asis) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.write(StataSimulator.out, String.valueOf(s), false);
        }
    }

    /** Writes {@code s} plus a line terminator to the Results window. */
    public static void displayln(String s) {
        display(s + "\n", false);
    }

    /** Writes {@code s} to the Results window as an error (red), no line terminator. */
    public static void error(String s) {
        error(s, false);
    }

    /** Error output; {@code asis} as in {@link #display(String, boolean)}. */
    public static void error(String s, boolean asis) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.write(StataSimulator.err, String.valueOf(s), true);
        }
    }

    /** Writes {@code s} plus a line terminator as an error. */
    public static void errorln(String s) {
        error(s + "\n", false);
    }

    /**
     * Displays Stata's standard error message for return code {@code rc}. The simulator does not
     * know Stata's message texts: it writes {@code "r(rc);"} to the error output and returns
     * {@code rc} (the real return value's meaning was not documented in the material found).
     */
    public static int errorMsg(int rc) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.write(StataSimulator.err, "r(" + rc + ");\n", true);
            return rc;
        }
    }

    /**
     * Executes a Stata command and returns its return code (0 = success). Simulator: records the
     * command ({@link StataSimulator#executedCommands()}), echoes {@code ". command"} to the output
     * when {@code echo}, and returns the handler's result ({@link StataSimulator#setCommandHandler};
     * default 0).
     */
    public static int executeCommand(String command, boolean echo) {
        java.util.function.ToIntFunction<String> handler;
        synchronized (StataSimulator.LOCK) {
            StataSimulator.commands.add(command);
            if (echo) {
                StataSimulator.write(StataSimulator.out, ". " + command + "\n", false);
            }
            handler = StataSimulator.commandHandler;
        }
        // call outside the lock so the handler may use the API freely
        return handler == null ? 0 : handler.applyAsInt(command);
    }

    /** A valid, unused Stata temporary name (simulator: {@code __000000}, {@code __000001}, ...). */
    public static String getTempName() {
        synchronized (StataSimulator.LOCK) {
            return String.format("__%06d", StataSimulator.tempNameCounter++);
        }
    }

    /**
     * Lets Stata poll its GUI now (keeps the Results window responsive during long loops) and
     * reports whether the user pressed Break: non-zero means break requested (real code aborts
     * on {@code != 0}). Simulator: returns {@link StataSimulator#setPollnowResult} (default 0).
     */
    public static int pollnow() {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.pollnowResult;
        }
    }
}
