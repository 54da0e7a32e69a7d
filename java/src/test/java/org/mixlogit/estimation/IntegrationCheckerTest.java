package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;

/**
 * The independent draw sets that measure a fit's simulation error randomize the fit's own rule: a seedless sequence
 * gets its randomized form (plain Halton scrambled digits, Sobol a digital shift of the same points), a seeded rule
 * a new seed; each set's seed is the fit's plus 7919 times its number.
 */
class IntegrationCheckerTest {
    @Test
    @DisplayName("Sobol's replicates are shifted Sobol points (not scrambled Halton), Halton's scrambled Halton,"
            + " the others the same rule with a new seed")
    void replicatesRandomizeTheFitsOwnRule() {
        IntegrationConfig sobol = IntegrationConfig.of(DrawType.SOBOL, 64).withBurn(7).withSeed(11);
        IntegrationConfig s2 = IntegrationChecker.replicate(sobol, 2);
        assertEquals(DrawType.SCRAMBLED_SOBOL, s2.type());
        assertEquals(64, s2.draws());
        assertEquals(7, s2.burn());
        assertEquals(11 + 2 * 7919L, s2.seed());

        IntegrationConfig halton = IntegrationConfig.of(DrawType.HALTON, 50).withSeed(3);
        IntegrationConfig h1 = IntegrationChecker.replicate(halton, 1);
        assertEquals(DrawType.SCRAMBLED_HALTON, h1.type());
        assertEquals(0, h1.burn());
        assertEquals(3 + 7919L, h1.seed());

        for (DrawType seeded : new DrawType[] {DrawType.PSEUDO_RANDOM, DrawType.MLHS, DrawType.SCRAMBLED_HALTON,
            DrawType.SCRAMBLED_SOBOL}) {
            IntegrationConfig c = IntegrationChecker.replicate(IntegrationConfig.of(seeded, 40).withSeed(5), 3);
            assertEquals(seeded, c.type());
            assertEquals(5 + 3 * 7919L, c.seed());
        }
    }
}
