package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --reestimate leaves re-estimations that did not converge out of the simulation noise and says how many: on 3
 * decision-makers the method of simulated scores runs off to infinity with one of two independent draw sets, whose
 * estimates (about 1e5) made the "simulation sd" 3e4.
 */
class ReestimateCliTest extends CliTestBase {
    /** 3 decision-makers x 2 situations x 3 alternatives. */
    private static final String CSV = String.join("\n", "id,chid,alt,choice,x,z",
            "1,1,1,1,1.0,0.5", "1,1,2,0,2.0,0.1", "1,1,3,0,0.5,0.3", "1,2,1,0,1.5,0.2", "1,2,2,1,0.2,0.9",
            "1,2,3,0,1.1,0.4", "2,3,1,0,0.3,0.7", "2,3,2,0,1.7,0.2", "2,3,3,1,0.9,0.6", "2,4,1,1,2.2,0.1",
            "2,4,2,0,0.4,0.8", "2,4,3,0,1.3,0.5", "3,5,1,0,0.8,0.3", "3,5,2,1,1.9,0.6", "3,5,3,0,0.1,0.2",
            "3,6,1,0,1.2,0.9", "3,6,2,0,0.6,0.4", "3,6,3,1,2.5,0.1") + "\n";

    @Test
    @DisplayName("MSS on 3 people, --reestimate 2: one re-estimation diverges, is counted and left out (no spread)")
    void divergedReestimationLeftOut(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tiny.csv");
        Files.write(csv, CSV.getBytes(StandardCharsets.UTF_8));
        Path json = dir.resolve("fit.json");
        assertEquals(0, runFresh("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id",
                "id", "--fixed", "x", "--random", "z=n", "--method", "mss", "--reestimate", "2", "--quiet",
                "--threads", "2", "--integration-check", "0", "--json", json.toString()), err());
        assertTrue(out().contains("  1 of the 2 re-estimations did not converge and are left out of the spreads below"
                + " (fewer than two are left: no spread); raise R or check the model."), out());
        assertFalse(out().contains("e+04"), "no spread of a diverged fit: " + out());
        JsonNode noise = new ObjectMapper().readTree(json.toFile()).path("simulationNoise");
        assertEquals(2, noise.path("reestimations").asInt());
        assertEquals(1, noise.path("notConverged").asInt());
        assertTrue(noise.path("quantities").get(0).path("simulationSd").isNull(), noise.toString());
    }
}
