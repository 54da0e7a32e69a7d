package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The auxiliary commands (bench, rules, vocabulary, montecarlo) check their command lines as estimate does: an
 * unknown option, a value that is not a whole number or is out of range, an empty list and an output that cannot
 * be written are usage errors (exit 2) naming the option, before any work and without an internal error.
 */
class AuxiliaryCommandUsageTest extends CliTestBase {
    /** Runs a command that must be refused at once (the commands' real work takes minutes). */
    private void refused(String expected, String... args) {
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runFresh(args));
        assertEquals(2, code, err());
        assertEquals("mixlogit: " + expected + System.lineSeparator(), err());
        assertEquals("", out(), "nothing printed before the refusal");
    }

    @Test
    @DisplayName("bench --synthetic --write to a directory is refused naming --write (was: internal error, exit 5)")
    void syntheticWriteToDirectory(@TempDir Path dir) {
        refused("bench --synthetic N takes --R R, --threads T, --evals E, --integration-check C, --no-estimation and"
                + " --write FILE.csv: cannot write --write " + dir + ": is a directory. Give a file name.",
                "bench", "--synthetic", "10", "--write", dir.toString());
        Path missing = dir.resolve("no").resolve("p.csv");
        refused("bench --synthetic N takes --R R, --threads T, --evals E, --integration-check C, --no-estimation and"
                + " --write FILE.csv: cannot write --write " + missing + ": no such directory (" + missing.getParent()
                + "). Create it first or give another path.", "bench", "--synthetic", "10", "--write",
                missing.toString());
        assertFalse(Files.exists(missing.getParent()));
    }

    @ParameterizedTest(name = "bench --synthetic 10 {0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "--synthetic | abc | --synthetic must be a whole number, not 'abc'.",
        "--R | 2.5 | --R must be a whole number, not '2.5'.",
        "--integration-check | x | --integration-check must be a whole number, not 'x'.",
        "--integration-check | -1 | --integration-check is -1: give 0 (none) or more."})
    void syntheticNumbers(String option, String value, String message) {
        String[] args = option.equals("--synthetic") ? new String[] {"bench", "--synthetic", value}
                : new String[] {"bench", "--synthetic", "10", option, value};
        refused("bench --synthetic N takes --R R, --threads T, --evals E, --integration-check C, --no-estimation and"
                + " --write FILE.csv: " + message, args);
    }

    @ParameterizedTest(name = "bench {0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "--evals | 0 | --evals is 0: it must be at least 1.",
        "--draws | many | --draws must be a whole number, not 'many'.",
        "--cache-bytes | -1 | --cache-bytes is -1: give 0 (no cache) or more bytes."})
    void benchNumbers(String option, String value, String message) {
        refused(message, "bench", option, value);
    }

    @Test
    @DisplayName("rules, vocabulary and bench refuse an unknown option (rules ran its whole comparison, minutes)")
    void unknownOptions() {
        refused("Unknown option --foo. Known options: --quick.", "rules", "--foo");
        refused("Unknown option --foo: this command takes no options.", "vocabulary", "--foo");
        refused("Unknown option --colour. Known options: --cache-bytes, --draws, --evals.", "bench", "--colour",
                "red");
    }

    @Test
    @DisplayName("montecarlo with an empty --R or --designs is refused (it ran and printed an empty table)")
    void montecarloEmptyLists() {
        refused("--R is empty: give the draw counts to compare, such as 10,25,100,500.", "montecarlo", "--R", "");
        refused("--designs is empty: give cross-section, panel or both (cross-section,panel).", "montecarlo",
                "--designs", "");
    }
}
