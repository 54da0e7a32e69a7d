package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identification through the command line on Electricity with built columns: pf2 = 2 pf (collinear), sep = the
 * choice itself (complete separation), pfm = pf x 1e6 (scaling). Refusals exit with 3 (bad data or model) and name
 * the columns; the rescaled fit is certified and exits with 0.
 */
class IdentificationCliTest extends CliTestBase {
    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void write() throws Exception {
        StringBuilder b = new StringBuilder();
        try (BufferedReader r = new BufferedReader(org.mixlogit.io.ExampleData.openElectricity())) {
            String header = r.readLine();
            assertEquals("choice,id,alt,pf,cl,loc,wk,tod,seas,chid", header);
            b.append(header).append(",pf2,sep,pfm\n");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                double pf = Double.parseDouble(f[3]);
                b.append(line).append(',').append(2 * pf).append(',').append(f[0]).append(',').append(pf * 1e6)
                        .append('\n');
            }
        }
        csv = dir.resolve("electricity_built.csv");
        Files.write(csv, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private int estimate(String fixed) {
        return Main.run(new String[] {"estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid",
            "--id", "id", "--fixed", fixed, "--quiet"}, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    @DisplayName("pf2 = 2 pf: exit 3, both columns named")
    void collinear() {
        assertEquals(3, estimate("pf,cl,loc,wk,tod,seas,pf2"));
        assertTrue(err().contains("rank deficient") && err().contains("null direction on: pf, pf2"), err());
    }

    @Test
    @DisplayName("an attribute equal to the choice: exit 3, complete separation named")
    void separation() {
        assertEquals(3, estimate("pf,cl,loc,sep"));
        assertTrue(err().contains("Complete separation: sep (+) predicts every one of the 4308 choices"), err());
    }

    @Test
    @DisplayName("pf x 1e6: exit 0, certified, with standard errors")
    void scaled() {
        assertEquals(0, estimate("pfm,cl,loc,wk,tod,seas"), err());
        String table = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(table.contains("Certified local maximum"), table);
        assertTrue(table.matches("(?s).*pfm \\| -6\\.\\d+e-07 +\\d\\.\\d+e-08 .*"), table);
    }
}
