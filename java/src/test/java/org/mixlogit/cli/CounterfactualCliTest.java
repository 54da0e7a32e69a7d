package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlogit.io.ExampleData;

/**
 * Post-estimation on counterfactual data needs no identification: with seas = 0 for every alternative, shares on
 * the new data are computed (and sum to one), while estimating on those data is refused naming the attribute.
 */
class CounterfactualCliTest extends CliTestBase {

    /** The first 30 respondents of Electricity, with seas replaced by 0 when {@code counterfactual}. */
    private static Path csv(Path dir, String name, boolean counterfactual) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(ExampleData.openElectricity())) {
            String header = in.readLine();
            lines.add(header);
            int seas = java.util.Arrays.asList(header.split(",")).indexOf("seas");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                if (Integer.parseInt(f[1]) > 30) {
                    break;
                }
                if (counterfactual) {
                    f[seas] = "0";
                }
                lines.add(String.join(",", f));
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    @DisplayName("shares --data on a counterfactual with a constant attribute: exit 0, shares sum to one")
    void sharesOnCounterfactual(@TempDir Path dir) throws IOException {
        Path data = csv(dir, "data.csv", false);
        Path counterfactual = csv(dir, "counterfactual.csv", true);
        Path json = dir.resolve("fit.json");
        String[] model = {"--choice", "choice", "--group", "chid", "--id", "id", "--alt", "alt",
            "--fixed", "pf,loc,wk,tod,seas", "--random", "cl=n", "--R", "20", "--threads", "2"};
        List<String> estimate = new ArrayList<>(List.of("estimate", "--data", data.toString(), "--json",
                json.toString(), "--quiet", "--integration-check", "0"));
        estimate.addAll(List.of(model));
        assertEquals(0, runFresh(estimate.toArray(new String[0])), err());

        Path shares = dir.resolve("shares.csv");
        assertEquals(0, runFresh("shares", "--from", json.toString(), "--data", counterfactual.toString(), "--group",
                "chid", "--choice", "choice", "--id", "id", "--alt", "alt", "--replicates", "0", "--threads", "2",
                "--csv", shares.toString()), err());
        List<String> rows = Files.readAllLines(shares, StandardCharsets.UTF_8);
        double total = 0;
        for (String row : rows.subList(1, rows.size())) {
            total += Double.parseDouble(row.split(",")[2]);
        }
        assertEquals(1.0, total, 1e-12);

        List<String> refused = new ArrayList<>(List.of("estimate", "--data", counterfactual.toString(), "--quiet"));
        refused.addAll(List.of(model));
        assertEquals(3, runFresh(refused.toArray(new String[0])));
        assertTrue(err().contains("'seas'"), err());
    }
}
