package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New data for unconditional predictions (shares, elasticities, diversion) need no choice column: without --choice
 * they give what the same data with their choices give; the commands that condition on choices (conditional, wtp)
 * still ask for it.
 */
class PredictionDataCliTest extends CliTestBase {
    @Test
    @DisplayName("shares, elasticities and diversion of data without a choice column equal those with it")
    void withoutChoices(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path json = dir.resolve("fit.json");
        assertEquals(0, runFresh("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id",
                "id", "--alt", "alt", "--fixed", "loc,wk,tod,seas", "--random", "pf=n,cl=n", "--R", "20", "--quiet",
                "--threads", "2", "--integration-check", "0", "--json", json.toString()), err());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("choice,"), lines.get(0));
        Path bare = dir.resolve("bare.csv");
        Files.write(bare, lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).collect(Collectors.toList()),
                StandardCharsets.UTF_8);
        String[][] commands = {{"shares"}, {"elasticities", "--attribute", "pf"}, {"diversion"}};
        for (String[] command : commands) {
            assertEquals(0, runFresh(with(command, json, csv, "--choice", "choice")), err());
            String withChoices = out();
            assertEquals(0, runFresh(with(command, json, bare)), err());
            assertEquals(withChoices, out(), command[0]);
        }
        for (String command : new String[] {"conditional", "wtp"}) {
            String[] args = command.equals("wtp") ? new String[] {command, "--attribute", "cl", "--cost", "pf"}
                    : new String[] {command};
            assertEquals(2, runFresh(with(args, json, bare)), out());
            assertTrue(err().contains("Missing --choice"), err());
        }
    }

    private static String[] with(String[] command, Path json, Path data, String... more) {
        String[] base = {"--from", json.toString(), "--data", data.toString(), "--group", "chid", "--id", "id",
            "--alt", "alt", "--replicates", "0", "--threads", "2"};
        String[] out = new String[command.length + base.length + more.length];
        System.arraycopy(command, 0, out, 0, command.length);
        System.arraycopy(base, 0, out, command.length, base.length);
        System.arraycopy(more, 0, out, command.length + base.length, more.length);
        return out;
    }
}
