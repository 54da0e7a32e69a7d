package org.mixlogit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;

/** Impossible specifications fail at construction with a message naming the attribute and saying what to do. */
class ModelSpecValidationTest {

    private static void assertMessage(Runnable build, String... fragments) {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class, build::run);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    @DisplayName("an unknown distribution code lists the valid ones")
    void unknownDistribution() {
        assertMessage(() -> ModelSpec.builder().random("pf", "gamma"), "'gamma'", "ln (lognormal)");
    }

    @Test
    @DisplayName("a variable both fixed and random")
    void fixedAndRandom() {
        assertMessage(() -> ModelSpec.builder().fixed("pf").random("pf", Distribution.NORMAL), "'pf'",
                "both fixed and random");
    }

    @Test
    @DisplayName("a variable declared twice")
    void declaredTwice() {
        assertMessage(() -> ModelSpec.builder().random("cl", Distribution.NORMAL).random("cl", Distribution.UNIFORM),
                "'cl'", "twice");
    }

    @Test
    @DisplayName("a correlated block refuses triangular, uniform, truncated and exponential members, naming the others")
    void correlatedNotNormalBased() {
        assertMessage(() -> ModelSpec.builder().random("a", Distribution.NORMAL).random("b", Distribution.TRIANGULAR)
                .correlated("a", "b").build(), "'b'", "triangular", "normal, lognormal or censored normal at zero");
        for (Distribution d : new Distribution[] {Distribution.UNIFORM, Distribution.TRUNCATED_NORMAL,
            Distribution.EXPONENTIAL}) {
            assertMessage(() -> ModelSpec.builder().random("a", d).random("b", Distribution.NORMAL)
                    .correlated("a", "b").build(), "'a'", d.label(), "leave it out of the block");
        }
    }

    @Test
    @DisplayName("lognormal and censored normal coefficients join a correlated block in declaration order")
    void correlatedLognormal() {
        ModelSpec spec = ModelSpec.builder().random("a", Distribution.LOGNORMAL).random("b", Distribution.NORMAL)
                .random("c", Distribution.CENSORED_NORMAL).correlated("c", "a", "b").build();
        assertEquals(java.util.Arrays.asList("a", "b", "c"), spec.correlated());
        assertEquals(java.util.Arrays.asList("a", "b", "c", "chol.a:a", "chol.b:a", "chol.b:b", "chol.c:a",
                "chol.c:b", "chol.c:c"), spec.layout().names());
    }

    @Test
    @DisplayName("a zero-mean exponential is refused: its location is the end of its support, not its mean")
    void zeroMeanExponential() {
        assertMessage(() -> ModelSpec.builder().zeroMean("a", Distribution.EXPONENTIAL).build(), "'a'",
                "exponential", "normal, triangular or uniform");
    }

    @Test
    @DisplayName("only the exponential's scale and the means carry an identified sign")
    void signIdentification() {
        ParameterLayout layout = ModelSpec.builder().random("a", Distribution.NORMAL).heterogeneity("a", "inc")
                .random("b", Distribution.EXPONENTIAL).random("c", Distribution.LOGNORMAL)
                .random("d", Distribution.NORMAL).random("e", Distribution.LOGNORMAL).correlated("d", "e").build()
                .layout();
        StringBuilder identified = new StringBuilder();
        for (int j = 0; j < layout.size(); j++) {
            identified.append(layout.names().get(j)).append(layout.isSignIdentified(j) ? "+ " : "- ");
        }
        assertEquals("a+ b+ c+ d+ e+ a:inc+ sd.a- sd.b+ sd.c- chol.d:d- chol.e:d- chol.e:e- ",
                identified.toString());
    }

    @Test
    @DisplayName("a correlated block with a fixed member, an unknown member, or one member")
    void correlatedBadMembers() {
        assertMessage(() -> ModelSpec.builder().random("a", Distribution.NORMAL).fixed("b").correlated("a", "b")
                .build(), "'b'", "fixed");
        assertMessage(() -> ModelSpec.builder().random("a", Distribution.NORMAL).correlated("a", "zz").build(),
                "'zz'");
        assertMessage(() -> ModelSpec.builder().random("a", Distribution.NORMAL).correlated("a").build(),
                "fewer than two");
    }

    @Test
    @DisplayName("heterogeneity on a fixed or undeclared coefficient, or a characteristic listed twice")
    void badHeterogeneity() {
        assertMessage(() -> ModelSpec.builder().fixed("a").heterogeneity("a", "income").build(), "'a'", "fixed");
        assertMessage(() -> ModelSpec.builder().fixed("a").heterogeneity("b", "income").build(), "'b'");
        assertMessage(() -> ModelSpec.builder().random("a", "n").heterogeneity("a", "income", "income").build(),
                "twice");
    }

    @Test
    @DisplayName("a zero-mean lognormal is refused; an empty model is refused")
    void zeroMeanAndEmpty() {
        assertMessage(() -> ModelSpec.builder().zeroMean("a", Distribution.LOGNORMAL).build(), "'a'", "lognormal");
        assertMessage(() -> ModelSpec.builder().build(), "no coefficients");
    }

    @Test
    @DisplayName("toString echoes every declaration")
    void readableToString() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", "n").random("tod", "ln").errorComponent("nest")
                .random("loc", "n").correlated("loc", "cl").heterogeneity("cl", "income").build();
        assertEquals("ModelSpec[pf fixed; cl ~ normal(mean, sd), mean shifted by [income]; tod ~ lognormal(mean, sd);"
                + " nest ~ normal(mean 0, sd); loc ~ normal(mean, sd); correlated [cl, loc] (lower Cholesky)]",
                spec.toString());
    }
}
