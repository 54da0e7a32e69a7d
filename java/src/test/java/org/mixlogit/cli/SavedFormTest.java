package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved form of a fit through the command line: what estimate --json writes, that post-estimation refuses a
 * corrupt file naming the field (exit 3, no stack trace), refuses data that are no longer the estimation data unless
 * --allow-other-data, and flags the tables of a fit that did not converge.
 */
class SavedFormTest extends CliTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Path csv;
    private static Path json;

    @BeforeAll
    static void fit() throws Exception {
        csv = CliTestData.electricityCsv(dir);
        json = dir.resolve("fit.json");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"estimate", "--data", csv.toString(), "--choice", "choice", "--group",
            "chid", "--id", "id", "--alt", "alt", "--fixed", "pf,cl,loc,wk,tod,seas", "--json", json.toString(),
            "--quiet", "--threads", "2"}, new PrintStream(sink, true), new PrintStream(sink, true));
        assertEquals(0, code, sink.toString(StandardCharsets.UTF_8));
    }

    private static ObjectNode saved() throws Exception {
        return (ObjectNode) MAPPER.readTree(Files.readAllBytes(json));
    }

    private static Path write(String name, Object content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, (content instanceof String ? (String) content : MAPPER.writeValueAsString(content))
                .getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    @DisplayName("estimate --json writes the format, the options, the integration settings and the data's fingerprint")
    void savedFields() throws Exception {
        ObjectNode root = saved();
        assertEquals("mixlogit-result/1", root.path("format").asText());
        assertEquals("halton", root.path("options").path("draws").asText());
        assertEquals(12345, root.path("options").path("seed").asLong());
        assertEquals("hessian", root.path("options").path("vce").asText());
        assertEquals("msle", root.path("options").path("method").asText());
        assertEquals(17232, root.path("fingerprint").path("rows").asLong());
        assertEquals(4308, root.path("fingerprint").path("situations").asLong());
        assertEquals(361, root.path("fingerprint").path("decisionMakers").asLong());
        assertEquals("[\"cl\",\"loc\",\"pf\",\"seas\",\"tod\",\"wk\"]",
                root.path("fingerprint").path("attributes").toString());
        assertTrue(root.path("fingerprint").path("sha256").asText().matches("[0-9a-f]{64}"));
    }

    @Test
    @DisplayName("a corrupt result (no estimates, a string estimate, a bad covariance entry, a bad column role) is"
            + " exit 3 naming the field, without a stack trace")
    void corruptResults() throws Exception {
        ObjectNode noEstimates = saved();
        noEstimates.remove("coefficients");
        assertRefused(write("none.json", noEstimates), "$.coefficients is missing");
        ObjectNode text = saved();
        ((ObjectNode) text.withArray("coefficients").get(2)).put("estimate", "0.5");
        assertRefused(write("text.json", text), "$.coefficients[2].estimate is \"0.5\", not a finite number");
        ObjectNode nullEstimate = saved();
        ((ObjectNode) nullEstimate.withArray("coefficients").get(0)).putNull("estimate");
        assertRefused(write("null.json", nullEstimate), "$.coefficients[0].estimate is null");
        ObjectNode covariance = saved();
        ((ArrayNode) covariance.path("covariance").path("hessian").get(1)).set(3,
                MAPPER.getNodeFactory().textNode("x"));
        assertRefused(write("cov.json", covariance), "$.covariance.hessian[1][3] is \"x\"");
        ObjectNode role = saved();
        ((ObjectNode) role.path("data").path("columns")).put("pf", "PRICE");
        assertRefused(write("role.json", role), "$.data.columns.pf is \"PRICE\", not a column role");
        ObjectNode draws = saved();
        ((ObjectNode) draws.path("integration")).put("type", "lattice");
        assertRefused(write("draws.json", draws), "$.integration.type is invalid");
        ObjectNode format = saved();
        format.put("format", "mixlogit-result/0");
        assertRefused(write("format.json", format), "$.format is \"mixlogit-result/0\"");
        assertRefused(write("array.json", "[1, 2]"), "not a JSON object");
    }

    private void assertRefused(Path file, String fragment) {
        assertEquals(3, runFresh("shares", "--from", file.toString(), "--threads", "2"), err());
        assertTrue(err().contains(fragment), err());
        assertFalse(err().contains("Exception") || err().contains("\tat "), "no stack trace: " + err());
        assertEquals("", out(), "no table");
    }

    @Test
    @DisplayName("post-estimation on a data file that changed since the estimate is refused, and allowed on purpose;"
            + " the same data in another row order are accepted")
    void changedData() throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> shuffled = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(shuffled, new Random(7));
        shuffled.add(0, lines.get(0));
        ObjectNode root = saved();
        Path copy = dir.resolve("moved.csv");
        ((ObjectNode) root.path("data")).put("file", copy.toString());
        Path result = write("moved.json", root);
        Files.write(copy, shuffled);
        assertEquals(0, runFresh("shares", "--from", result.toString(), "--threads", "2"), err());
        String before = out();

        List<String> edited = new ArrayList<>(lines);
        String[] header = lines.get(0).split(",");
        int pf = java.util.Arrays.asList(header).indexOf("pf");
        String[] row = edited.get(5).split(",", -1);
        row[pf] = Double.toString(Double.parseDouble(row[pf]) + 1);
        edited.set(5, String.join(",", row));
        Files.write(copy, edited);
        assertEquals(3, runFresh("shares", "--from", result.toString(), "--threads", "2"));
        assertTrue(err().contains("These are not the data the model was estimated on: the same numbers of rows,"
                + " situations and decision-makers but different values"), err());
        assertTrue(err().contains("--allow-other-data"), err());
        assertEquals("", out());
        assertEquals(0, runFresh("shares", "--from", result.toString(), "--threads", "2", "--allow-other-data"), err());
        assertFalse(out().equals(before), "the shares of other data");

        Files.write(copy, lines.subList(0, lines.size() - 4));
        assertEquals(3, runFresh("shares", "--from", result.toString(), "--threads", "2"));
        assertTrue(err().contains("17228 rows instead of 17232; 4307 choice situations instead of 4308"), err());
    }

    @Test
    @DisplayName("a fit that did not converge: post-estimation warns above the table and flags every CSV row")
    void notConverged() throws Exception {
        Path stopped = dir.resolve("stopped.json");
        assertEquals(1, runFresh("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id",
                "id", "--alt", "alt", "--fixed", "cl,loc,wk,tod,seas", "--random", "pf=n", "--R", "10",
                "--max-iterations", "1", "--integration-check", "0", "--json",
                stopped.toString(), "--quiet", "--threads", "2"), err());
        Path table = dir.resolve("stopped.csv");
        assertEquals(0, runFresh("shares", "--from", stopped.toString(), "--threads", "2", "--replicates", "0", "--csv",
                table.toString()),
                err());
        assertTrue(out().startsWith("Warning: the fit did not converge (status "), out());
        assertTrue(err().contains("warning: the fit did not converge"), err());
        List<String> lines = Files.readAllLines(table);
        assertTrue(lines.get(0).endsWith(",fit_warning"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.endsWith(": these numbers are not at an estimate\""), line);
        }
        Path good = dir.resolve("good.csv");
        assertEquals(0, runFresh("shares", "--from", json.toString(), "--threads", "2", "--csv", good.toString()));
        assertFalse(out().contains("Warning"), out());
        assertFalse(Files.readAllLines(good).get(0).contains("fit_warning"));
    }
}
