package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wtp is honest about its cost coefficient: over a censored normal one (zero in some draws) it is refused with
 * the share of zero draws (it printed mean NaN and 5% quantile NaN), over a normal one (no finite mean) the table
 * carries a note, over a fixed one it does not.
 */
class WtpCostCliTest extends CliTestBase {
    private Path fit(Path dir, String name, String... model) throws Exception {
        Path csv = dir.resolve("electricity.csv");
        if (!csv.toFile().exists()) {
            CliTestData.electricityCsv(dir);
        }
        Path json = dir.resolve(name);
        String[] base = {"estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
            "--R", "20", "--quiet", "--threads", "2", "--integration-check", "0", "--json", json.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + model.length);
        System.arraycopy(model, 0, args, base.length, model.length);
        assertEquals(0, runFresh(args), err());
        return json;
    }

    @Test
    @DisplayName("cost censored normal: refused naming the cost and its zero draws; normal: a note; fixed: none")
    void costDistributions(@TempDir Path dir) throws Exception {
        Path censored = fit(dir, "cn.json", "--fixed", "pf,cl,tod,seas", "--random", "loc=cn,wk=n");
        assertEquals(3, runFresh("wtp", "--from", censored.toString(), "--attribute", "wk", "--cost", "loc",
                "--replicates", "0"), out());
        assertTrue(err().startsWith("mixlogit: Willingness to pay in units of 'loc' divides by its coefficient"
                + " (censored normal at zero), which is zero in "), err());
        assertTrue(err().contains(" of the 7220 draws examined ("), err());
        assertFalse(out().contains("NaN"), out());

        Path normal = fit(dir, "n.json", "--fixed", "loc,wk,tod,seas", "--random", "pf=n,cl=n");
        assertEquals(0, runFresh("wtp", "--from", normal.toString(), "--attribute", "cl", "--cost", "pf",
                "--replicates", "0"), err());
        assertTrue(out().contains("Note: the coefficient of pf is normal, whose density at zero is positive, so the"
                + " ratio has no finite mean"), out());
        assertEquals(0, runFresh("wtp", "--from", normal.toString(), "--attribute", "cl", "--cost", "loc",
                "--replicates", "0"), err());
        assertFalse(out().contains("Note:"), out());
    }
}
