package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The montecarlo command's MSS columns (a tiny study: the full one is run by hand, docs/montecarlo.md). */
class MonteCarloCommandTest extends CliTestBase {
    @Test
    @DisplayName("MSS beside MSLE and MSM at the --mss draw counts, blank at the others; a count not in --R is refused")
    void scoresColumns() {
        assertEquals(0, run("montecarlo", "--replications", "2", "--R", "10,20", "--mss", "10", "--designs", "panel",
                "--panel-people", "40", "--threads", "2"), err());
        String table = out();
        assertTrue(table.contains("| MSS bias (MC s.e.) | MSS sd | MSS mean s.e. | MSS cover. |"), table);
        for (String line : table.split("\\R")) {
            if (line.startsWith("| panel | 10 |")) {
                assertEquals(18, line.split("\\|", -1).length, line);
                assertTrue(!line.endsWith("| | | | |"), line);
            } else if (line.startsWith("| panel | 20 |")) {
                assertTrue(line.endsWith("| | | | |"), line);
            }
        }
        assertEquals(2, run("montecarlo", "--R", "10", "--mss", "25"));
        assertTrue(err().contains("--mss 25 is not among the draw counts"), err());
    }

    @Test
    @DisplayName("MSS by importance sampling in columns of its own at the --mss-is draw counts, all converged")
    void importanceSamplingColumns() {
        assertEquals(0, run("montecarlo", "--replications", "2", "--R", "10,20", "--mss", "none", "--mss-is", "20",
                "--designs", "panel", "--panel-people", "40", "--threads", "2"), err());
        String table = out();
        assertTrue(table.contains("MSM cover. | MSS-IS bias (MC s.e.) | MSS-IS sd | MSS-IS mean s.e. | MSS-IS cover."),
                table);
        assertTrue(!table.contains("| MSS bias"), table);
        assertTrue(!table.contains("left out"), table);
        for (String line : table.split("\\R")) {
            if (line.startsWith("| panel | 20 |")) {
                assertEquals(18, line.split("\\|", -1).length, line);
                assertTrue(!line.endsWith("| | | | |"), line);
            } else if (line.startsWith("| panel | 10 |")) {
                assertTrue(line.endsWith("| | | | |"), line);
            }
        }
        assertEquals(2, run("montecarlo", "--R", "10", "--mss-is", "25"));
        assertTrue(err().contains("--mss-is 25 is not among the draw counts"), err());
    }
}
