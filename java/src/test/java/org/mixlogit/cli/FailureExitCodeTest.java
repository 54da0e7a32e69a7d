package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures the user cannot fix by editing the data reach the command line as their own exit codes and one
 * paragraph: 4 for resources (memory, grid caps), 5 for internal errors; the stack trace only with --debug.
 */
class FailureExitCodeTest extends CliTestBase {

    static byte[] checksum(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    private static void assertNoStackTrace(String text) {
        assertFalse(text.contains("\tat "), text);
        assertFalse(text.contains("Exception in thread"), text);
    }

    @Test
    @DisplayName("--R 1000000000: exit 4 at once with the figure and the advice; data unchanged, no JSON left")
    void billionDraws(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        byte[] before = checksum(csv);
        Path json = dir.resolve("fit.json");
        int code = run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
                "--random", "pf=n,cl=n", "--R", "1000000000", "--json", json.toString(), "--quiet", "--threads", "2");
        assertEquals(4, code, err());
        assertTrue(err().startsWith("mixlogit: Not enough memory: 1,000,000,000 nodes per decision-maker"), err());
        assertTrue(err().contains("use fewer draws (R = 1000000000 now)") && err().contains("MIXLOGIT_JAVA_OPTS=-Xmx8g"),
                err());
        assertNoStackTrace(err());
        assertArrayEquals(before, checksum(csv));
        assertFalse(Files.exists(json));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the data file is in the directory");
        }
    }

    @Test
    @DisplayName("a sparse grid of level 25 in six dimensions: exit 4 in well under a second, naming the cap")
    void sparseLevel25(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        long start = System.nanoTime();
        int code = run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
                "--random", "pf=n,cl=n,loc=n,wk=n,tod=n,seas=n", "--draws", "sparse", "--level", "25", "--quiet");
        assertEquals(4, code, err());
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "refused before building");
        assertTrue(err().contains("level 25 in 6 dimensions") && err().contains("lower level"), err());
        assertNoStackTrace(err());
    }

    @Test
    @DisplayName("an OutOfMemoryError that still escapes: exit 4 with advice; the trace only with --debug")
    void outOfMemory() {
        int code = Main.guarded(new PrintStream(err, true), false, () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertEquals(4, code);
        assertTrue(err().startsWith("mixlogit: Out of memory: the Java heap (at most "), err());
        assertTrue(err().contains("fewer draws") && err().contains("-Xmx8g"), err());
        assertNoStackTrace(err());
        err.reset();
        assertEquals(4, Main.guarded(new PrintStream(err, true), true, () -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertTrue(err().contains("\tat "), "--debug prints the stack trace: " + err());
    }

    @Test
    @DisplayName("an unexpected exception: exit 5, 'internal error', its class and message, no trace without --debug")
    void internalError() {
        int code = Main.guarded(new PrintStream(err, true), false, () -> {
            throw new IllegalStateException("inconsistent block partials");
        });
        assertEquals(5, code);
        assertTrue(err().startsWith("mixlogit: Internal error (IllegalStateException: inconsistent block partials)."
                + " This is a bug in mixlogit"), err());
        assertTrue(err().contains("--debug prints the details"), err());
        assertNoStackTrace(err());
        err.reset();
        assertEquals(5, Main.guarded(new PrintStream(err, true), true, () -> {
            throw new ArrayIndexOutOfBoundsException(7);
        }));
        assertTrue(err().contains("ArrayIndexOutOfBoundsException") && err().contains("\tat "), err());
    }

    @Test
    @DisplayName("--debug is taken by every command and prints the trace of a data error (exit 3 either way)")
    void debugFlag(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        String[] args = {"estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--fixed",
            "nosuchcolumn", "--quiet"};
        assertEquals(3, run(args));
        assertTrue(err().contains("nosuchcolumn"), err());
        assertNoStackTrace(err());
        err.reset();
        String[] debug = java.util.Arrays.copyOf(args, args.length + 1);
        debug[args.length] = "--debug";
        assertEquals(3, run(debug));
        assertTrue(err().contains("nosuchcolumn") && err().contains("\tat "), err());
    }

    @Test
    @DisplayName("--help documents exit codes 4 and 5 and --debug")
    void help() {
        assertEquals(0, run("--help"));
        String help = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(help.contains("4 not enough") && help.contains("5 internal error") && help.contains("--debug"),
                help);
    }

    @Test
    @DisplayName("bench with a malformed number is a bad command line (2), not an internal error")
    void benchUsage() {
        assertEquals(2, run("bench", "--draws", "many"));
        assertTrue(err().contains("--draws must be a whole number, not 'many'"), err());
        assertNoStackTrace(err());
    }

    @Test
    @DisplayName("--cache-bytes 0 (node caching off) gives the same log-likelihood; a negative budget is exit 2")
    void cacheBytes(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        String[] args = {"estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
            "--fixed", "loc,wk", "--random", "pf=n", "--R", "20", "--quiet", "--threads", "2", "--integration-check",
            "0", "--cache-bytes", ""};
        args[args.length - 1] = "268435456";
        assertEquals(0, run(args), err());
        String cached = new String(out.toByteArray(), StandardCharsets.UTF_8);
        out.reset();
        args[args.length - 1] = "0";
        assertEquals(0, run(args), err());
        String onDemand = new String(out.toByteArray(), StandardCharsets.UTF_8);
        String line = cached.substring(cached.indexOf("Log likelihood = "));
        line = line.substring(0, line.indexOf('\n'));
        assertTrue(onDemand.contains(line), line + " in " + onDemand);
        args[args.length - 1] = "-1";
        assertEquals(2, run(args));
        assertTrue(err().contains("--cache-bytes is -1"), err());
    }
}
