package org.mixlogit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Specifications round-trip through JSON, and malformed JSON specifications are refused with located messages. */
class ModelSpecJsonTest {

    @Test
    @DisplayName("a specification with every feature survives write then read")
    void roundTrip() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", Distribution.LOGNORMAL)
                .random("loc", Distribution.NORMAL).errorComponent("nest").random("wk", Distribution.TRUNCATED_NORMAL)
                .zeroMean("tod", Distribution.TRIANGULAR).random("seas", Distribution.NORMAL)
                .heterogeneity("loc", "income", "age").correlated("seas", "loc").build();
        String json = ModelSpecJson.write(spec);
        ModelSpec back = ModelSpecJson.read(json);
        assertEquals(spec.toString(), back.toString());
        assertEquals(spec.layout().names(), back.layout().names());
        assertTrue(json.contains("\"distribution\" : \"ln\""), json);
    }

    @Test
    @DisplayName("an exponential coefficient and lognormal and censored members of a correlated block round-trip")
    void exponentialAndLognormalBlock() {
        ModelSpec spec = ModelSpecJson.read("{\"coefficients\": [{\"attribute\": \"price\", \"distribution\": \"e\"},"
                + " {\"attribute\": \"a\", \"distribution\": \"ln\"}, {\"attribute\": \"b\", \"distribution\": \"n\"},"
                + " {\"attribute\": \"c\", \"distribution\": \"cn\"}], \"correlated\": [\"a\", \"b\", \"c\"]}");
        assertEquals(Distribution.EXPONENTIAL, spec.coefficient("price").distribution());
        assertEquals(java.util.Arrays.asList("a", "b", "c"), spec.correlated());
        assertEquals(spec.toString(), ModelSpecJson.read(ModelSpecJson.write(spec)).toString());
        assertMessage("{\"coefficients\": [{\"attribute\": \"p\", \"distribution\": \"e\", \"zeroMean\": true}]}",
                "'p'", "exponential");
    }

    @Test
    @DisplayName("reads the documented example")
    void readsExample() {
        ModelSpec spec = ModelSpecJson.read("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"},"
                + " {\"attribute\": \"wk\", \"distribution\": \"f\"}]}");
        assertEquals("ModelSpec[pf ~ normal(mean, sd); wk fixed]", spec.toString());
    }

    @Test
    @DisplayName("unknown fields, bad distributions and missing attributes are named")
    void errors() {
        assertMessage("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\", \"sd\": 1}]}",
                "\"sd\"", "coefficient 1");
        assertMessage("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"weibull\"}]}", "'weibull'");
        assertMessage("{\"coefficients\": [{\"distribution\": \"n\"}]}", "coefficient 1", "\"attribute\"");
        assertMessage("{\"coefficients\": []}", "non-empty");
        assertMessage("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"}], \"correlated\": 3}",
                "\"correlated\"");
        assertMessage("not json", "not valid JSON");
    }

    @Test
    @DisplayName("a field given twice is refused, not the earlier one dropped (it kept only the last coefficients)")
    void duplicateField() {
        String twice = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"}],\n"
                + " \"coefficients\": [{\"attribute\": \"cl\", \"distribution\": \"f\"}]}";
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> ModelSpecJson.read(twice));
        assertEquals("The model specification is not valid JSON: Duplicate field 'coefficients' (at line 2, column"
                + " 16).", e.getMessage());
        assertMessage("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\","
                + " \"distribution\": \"f\"}]}", "Duplicate field 'distribution'");
    }

    @Test
    @DisplayName("content after the specification's object is refused, not ignored")
    void trailingContent() {
        assertMessage("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"}]}\n"
                + "{\"coefficients\": [{\"attribute\": \"cl\", \"distribution\": \"n\"}]}",
                "content after the end of the first JSON value", "line 2, column 2");
        assertMessage("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"}]} x",
                "not valid JSON");
        // white space after the object is fine
        assertEquals("ModelSpec[pf fixed]",
                ModelSpecJson.read("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"}]}\n\n")
                        .toString());
    }

    @Test
    @DisplayName("an unfinished object is located by line and column without Jackson's source description")
    void unfinishedObject() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> ModelSpecJson.read("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"}]"));
        assertEquals("The model specification is not valid JSON: Unexpected end-of-input: expected close marker for"
                + " Object (start marker at line 1, column 1) (at line 1, column 60).", e.getMessage());
    }

    private static void assertMessage(String json, String... fragments) {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> ModelSpecJson.read(json));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks " + f);
        }
    }
}
