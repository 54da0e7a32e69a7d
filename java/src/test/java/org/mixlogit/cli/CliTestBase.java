package org.mixlogit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command-line tool in-process and keeps what it printed, for the command-line tests. */
abstract class CliTestBase {
    protected final ByteArrayOutputStream out = new ByteArrayOutputStream();
    protected final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs a command; its output is added to what earlier runs printed. */
    protected int run(String... args) {
        return Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    /** Runs a command with fresh standard output and error. */
    protected int runFresh(String... args) {
        out.reset();
        err.reset();
        return run(args);
    }

    protected String out() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    protected String err() {
        return new String(err.toByteArray(), StandardCharsets.UTF_8);
    }
}
