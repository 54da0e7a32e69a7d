package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --weight-type: frequency weights give the robust covariance of the expanded data, sampling weights (the default)
 * the survey sandwich; the kind is saved with the fit's options; a wrong word or a kind without --weights is a
 * usage error naming the option.
 */
class WeightTypeCliTest extends CliTestBase {
    @TempDir
    Path dir;

    /** Electricity's first 30 respondents with a weight column w = 1 + id % 3. */
    private Path weighted() throws IOException {
        List<String> lines = Files.readAllLines(CliTestData.electricityCsv(dir), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        int id = java.util.Arrays.asList(header).indexOf("id");
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",w");
        for (String line : lines.subList(1, lines.size())) {
            int person = Integer.parseInt(line.split(",")[id]);
            if (person <= 30) {
                out.add(line + "," + (1 + person % 3));
            }
        }
        Path file = dir.resolve("weighted.csv");
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private String[] estimate(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("estimate", "--data", data.toString(), "--choice", "choice",
                "--group", "chid", "--id", "id", "--fixed", "pf,cl,loc,wk", "--weights", "w", "--vce", "robust",
                "--integration-check", "0", "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    @DisplayName("frequency and sampling weights: the same estimates, other robust standard errors; the kind saved")
    void kinds() throws IOException {
        Path data = weighted();
        Path json = dir.resolve("fit.json");
        assertEquals(0, runFresh(estimate(data, "--weight-type", "frequency", "--json", json.toString())), err());
        String frequency = withoutTiming(out());
        assertTrue(Files.readString(json).contains("\"weights\":\"frequency\"") || Files.readString(json)
                .contains("\"weights\" : \"frequency\""), "the kind is saved with the options");
        assertEquals(0, runFresh(estimate(data)), err());
        String sampling = withoutTiming(out());
        assertEquals(0, runFresh(estimate(data, "--weight-type", "sampling")), err());
        assertEquals(sampling, withoutTiming(out()), "sampling is the default");
        assertNotEquals(frequency, sampling);
        assertEquals(line(frequency, "Log likelihood"), line(sampling, "Log likelihood"));
    }

    @Test
    @DisplayName("a wrong kind, or a kind without --weights, is a usage error (exit 2) naming --weight-type")
    void usage() throws IOException {
        Path data = weighted();
        assertEquals(2, runFresh(estimate(data, "--weight-type", "fweight")));
        assertTrue(err().contains("--weight-type is 'fweight': use sampling") && err().contains("or frequency"),
                err());
        List<String> noWeights = new ArrayList<>(List.of(estimate(data, "--weight-type", "frequency")));
        int at = noWeights.indexOf("--weights");
        noWeights.remove(at);
        noWeights.remove(at);
        assertEquals(2, runFresh(noWeights.toArray(new String[0])));
        assertTrue(err().contains("--weight-type frequency describes the weights of --weights COL, which is not"
                + " given"), err());
    }

    /** The output without the line that reports the seconds taken. */
    private static String withoutTiming(String text) {
        return text.replaceAll("(?m)^Converged after .*$", "");
    }

    private static String line(String text, String start) {
        for (String l : text.split("\n")) {
            if (l.startsWith(start)) {
                return l.substring(0, Math.min(l.length(), 40));
            }
        }
        return "";
    }
}
