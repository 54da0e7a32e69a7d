package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code estimate --classes}: a latent class logit on Electricity with its by-class table, the distinct optima of
 * its starts and per-class blocks in the saved form, which post-estimation reads; a range of classes prints the
 * model-selection table; misused options are usage errors.
 */
class LatentClassCliTest extends CliTestBase {
    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void data() throws Exception {
        csv = CliTestData.electricityCsv(dir);
    }

    private String[] estimate(String... more) {
        String[] base = {"estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
            "--alt", "alt", "--fixed", "pf,cl,loc,wk,tod,seas", "--quiet", "--threads", "2"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    @DisplayName("--classes 2: table by class, optima of ten starts, per-class JSON; shares from the saved fit")
    void twoClasses() throws Exception {
        Path json = dir.resolve("lc2.json");
        assertEquals(0, runFresh(estimate("--classes", "2", "--json", json.toString())), err());
        String table = out();
        assertTrue(table.startsWith("Latent class logit, maximum likelihood"), table);
        assertTrue(table.contains("Coefficients by class"), table);
        assertTrue(table.contains("Class shares (logit, base class 1)"), table);
        assertTrue(table.contains("10 EM start(s)"), table);
        JsonNode lc = new ObjectMapper().readTree(Files.readAllBytes(json)).get("latentClasses");
        assertEquals(2, lc.get("classBlocks").size());
        assertEquals(0, runFresh("shares", "--from", json.toString(), "--replicates", "0"), err());
        assertTrue(out().contains("Predicted shares"), out());
    }

    @Test
    @DisplayName("--classes 1:2 prints lclogit2's model-selection table and the fit with the smallest BIC")
    void range() throws Exception {
        Path json = dir.resolve("range.json");
        assertEquals(0, runFresh(estimate("--classes", "1:2", "--json", json.toString())), err());
        String table = out();
        assertTrue(table.contains("Latent class model selection"), table);
        assertTrue(table.contains("Smallest BIC: 2 classes"), table);
        JsonNode rows = new ObjectMapper().readTree(Files.readAllBytes(json)).get("modelSelection");
        assertEquals(2, rows.size());
        assertEquals(6, rows.get(0).get("parameters").asInt());
    }

    @Test
    @DisplayName("--membership without --classes, --classes with msm, and a bad range are usage errors (exit 2)")
    void usage() {
        assertEquals(2, runFresh(estimate("--membership", "income")));
        assertTrue(err().contains("--classes"), err());
        assertEquals(2, runFresh(estimate("--classes", "2", "--method", "msm")));
        assertEquals(2, runFresh(estimate("--classes", "3:2")));
        assertEquals(2, runFresh(estimate("--classes", "two")));
    }
}
