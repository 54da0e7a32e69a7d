package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output never overwrites an input or another output; outputs are written atomically; reading and writing
 * errors give the system's reason. Each refusal is exit 2, before any estimation, leaving the inputs unchanged.
 */
class FileSafetyTest extends CliTestBase {

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private String[] estimate(Path csv, String... more) {
        String[] base = {"estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
            "--quiet", "--threads", "1", "--integration-check", "0"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    @DisplayName("--json equal to --data (also spelled differently, or through a link) is refused; data unchanged")
    void jsonOverData(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        byte[] before = FailureExitCodeTest.checksum(csv);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), csv);
        for (String json : new String[] {csv.toString(), dir.resolve("sub/../electricity.csv").toString(),
            link.toString()}) {
            err.reset();
            assertEquals(2, run(estimate(csv, "--fixed", "pf", "--json", json)), err());
            assertTrue(err().contains("--json " + json + " is the same file as --data " + csv
                    + ": an output may never overwrite an input"), err());
            assertArrayEquals(before, FailureExitCodeTest.checksum(csv));
        }
        assertEquals(List.of("electricity.csv", "link.csv"), names(dir));
    }

    @Test
    @DisplayName("--json equal to --spec is refused; the spec file is unchanged")
    void jsonOverSpec(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path spec = dir.resolve("spec.json");
        Files.write(spec, "{\"coefficients\":[{\"attribute\":\"pf\",\"distribution\":\"f\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        byte[] before = FailureExitCodeTest.checksum(spec);
        assertEquals(2, run(estimate(csv, "--spec", spec.toString(), "--json", spec.toString())), err());
        assertTrue(err().contains("--json") && err().contains("--spec") && err().contains("never overwrite"),
                err());
        assertArrayEquals(before, FailureExitCodeTest.checksum(spec));
    }

    @Test
    @DisplayName("an output into a missing directory, or onto a directory, is refused before estimating")
    void badOutputPath(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        assertEquals(2, run(estimate(csv, "--fixed", "pf", "--json", dir.resolve("no/fit.json").toString())));
        assertTrue(err().contains("no such directory"), err());
        Files.createDirectory(dir.resolve("out"));
        err.reset();
        assertEquals(2, run(estimate(csv, "--fixed", "pf", "--json", dir.resolve("out").toString())));
        assertTrue(err().contains("is a directory"), err());
        assertEquals(List.of("electricity.csv", "out"), names(dir));
        assertTrue(names(dir.resolve("out")).isEmpty());
    }

    @Test
    @DisplayName("reading: --spec or --from that is missing or a directory gives the reason (exit 2)")
    void readReasons(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        assertEquals(2, run(estimate(csv, "--spec", dir.resolve("none.json").toString())));
        assertTrue(err().contains("Cannot read --spec") && err().contains("no such file or directory"), err());
        err.reset();
        assertEquals(2, run("shares", "--from", dir.toString()));
        assertTrue(err().contains("Cannot read --from") && err().contains("is a directory"), err());
        err.reset();
        assertEquals(3, run("estimate", "--data", dir.resolve("x/d.csv").toString(), "--choice", "c", "--group",
                "g", "--fixed", "a"));
        assertTrue(err().contains("no such directory"), err());
    }

    @Test
    @DisplayName("post-estimation: --csv over --from, over the saved data file, or equal to --probabilities is refused")
    void postEstimation(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path json = dir.resolve("fit.json");
        assertEquals(0, run(estimate(csv, "--fixed", "pf,cl", "--json", json.toString())), err());
        byte[] fit = FailureExitCodeTest.checksum(json);
        byte[] data = FailureExitCodeTest.checksum(csv);
        assertEquals(2, run("shares", "--from", json.toString(), "--csv", json.toString()));
        assertTrue(err().contains("--csv " + json + " is the same file as --from " + json), err());
        err.reset();
        assertEquals(2, run("shares", "--from", json.toString(), "--csv", csv.toString()));
        assertTrue(err().contains("is the same file as the saved result's data file"), err());
        err.reset();
        assertEquals(2, run("conditional", "--from", json.toString(), "--csv", dir.resolve("a.csv").toString(),
                "--probabilities", dir.resolve("./a.csv").toString()));
        assertTrue(err().contains("two outputs cannot share a file"), err());
        assertArrayEquals(fit, FailureExitCodeTest.checksum(json));
        assertArrayEquals(data, FailureExitCodeTest.checksum(csv));
        assertEquals(List.of("electricity.csv", "fit.json"), names(dir));
        err.reset();
        assertEquals(0, run("shares", "--from", json.toString(), "--csv", dir.resolve("shares.csv").toString()),
                err());
        assertEquals(List.of("electricity.csv", "fit.json", "shares.csv"), names(dir));
    }

    @Test
    @DisplayName("writes are atomic: an existing output is replaced whole; a failed move leaves no temporary file")
    void atomicWrite(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("table.csv");
        Files.write(target, "old,longer,content\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        CommandFiles.write("csv", target.toString(), "a\n");
        assertEquals("a\n", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
        assertEquals(List.of("table.csv"), names(dir));
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.write(full.resolve("inside"), new byte[] {1});
        UsageException e = assertThrows(UsageException.class, () -> CommandFiles.write("csv", full.toString(), "x"));
        assertTrue(e.getMessage().startsWith("Cannot write --csv " + full + ": "), e.getMessage());
        assertEquals(List.of("full", "table.csv"), names(dir));
        assertFalse(names(full).stream().anyMatch(n -> n.endsWith(".tmp")));
    }
}
