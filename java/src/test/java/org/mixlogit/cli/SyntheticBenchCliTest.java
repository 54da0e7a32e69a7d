package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBenchCliTest extends CliTestBase {
    @Test
    @DisplayName("bench --synthetic 1000 --write: the file reads back with the generator's choices (sum 29,821)")
    void write(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("synthetic.csv");
        assertEquals(0, run("bench", "--synthetic", "1000", "--write", file.toString()));
        assertTrue(out().contains("sum to 29821"), out());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1 + 1000 * 10 * 5, lines.size());
        long sum = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[3].equals("1")) {
                sum += Integer.parseInt(f[2]);
            }
        }
        assertEquals(29_821, sum);
    }

    @Test
    @DisplayName("bench --synthetic --hessian times the exact Hessian on one and two threads, with the same H[0,0]")
    void hessian() {
        assertEquals(0, run("bench", "--synthetic", "300", "--R", "20", "--evals", "1", "--threads", "2",
                "--no-estimation", "--hessian"));
        Matcher m = Pattern.compile("exact Hessian: first .*\\(H\\[0,0\\] (-?[0-9.eE+-]+)\\)").matcher(out());
        assertTrue(m.find(), out());
        String oneThread = m.group(1);
        assertTrue(m.find(), out());
        assertEquals(oneThread, m.group(1), "the same bits on one and two threads (17 significant digits)");
        assertTrue(Double.parseDouble(oneThread) < 0, out());
    }

    @Test
    @DisplayName("bench --synthetic without a number, or with an unknown option, is a bad command line (2)")
    void usage() {
        assertEquals(2, runFresh("bench", "--synthetic", "many"));
        assertTrue(err().contains("bench --synthetic N takes"), err());
        assertEquals(2, runFresh("bench", "--synthetic", "10", "--sideways", "1"));
        assertTrue(err().contains("unknown option --sideways"), err());
    }
}
