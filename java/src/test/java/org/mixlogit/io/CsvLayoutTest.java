package org.mixlogit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mixlogit.InvalidDataException;

/** A CSV layout is an immutable value: names trimmed, one role per column, a toString that shows every choice. */
class CsvLayoutTest {

    private static void assertMessage(Executable action, String... fragments) {
        InvalidDataException e = assertThrows(InvalidDataException.class, action);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    @DisplayName("withX returns a changed copy and leaves the original alone")
    void copies() {
        CsvLayout base = CsvLayout.of(" chid ", "choice", "pf", "cl");
        CsvLayout panel = base.withDecisionMaker("id").withWeight("w").withCharacteristics("income");
        assertEquals(Optional.empty(), base.decisionMakerColumn());
        assertEquals(Optional.of("id"), panel.decisionMakerColumn());
        assertEquals(Optional.of("w"), panel.weightColumn());
        assertEquals("chid", panel.situationColumn());
        assertEquals(List.of("income"), panel.characteristicColumns());
        assertEquals(List.of(), base.characteristicColumns());
        assertEquals(Optional.empty(), panel.withDecisionMaker(null).decisionMakerColumn());
        assertEquals(base, panel.withDecisionMaker(null).withWeight(null).withCharacteristics(List.of()));
        assertNotEquals(base, panel);
    }

    @Test
    @DisplayName("roles lists every used column in order with its role")
    void roles() {
        CsvLayout layout = CsvLayout.of("chid", "choice", "pf").withDecisionMaker("id").withWeight("w");
        assertEquals(List.of("chid", "id", "choice", "pf", "w"), List.copyOf(layout.roles().keySet()));
        assertEquals(CsvLayout.Role.WEIGHT, layout.roles().get("w"));
        assertTrue(layout.roles().get("id").isId());
    }

    @Test
    @DisplayName("toString shows every column, including the absent optional ones")
    void readableToString() {
        assertEquals("CsvLayout[situation=chid, decisionMaker=none (cross-section), chosen=choice, attributes=[pf, cl],"
                + " characteristics=[], weight=none]", CsvLayout.of("chid", "choice", "pf", "cl").toString());
    }

    @Test
    @DisplayName("a column in two roles, no attributes, or a blank name are refused")
    void invalid() {
        assertMessage(() -> CsvLayout.of("chid", "choice", "pf", "pf"), "'pf'", "attribute twice");
        assertMessage(() -> CsvLayout.of("chid", "choice", "pf").withCharacteristics("pf"), "'pf'",
                "both attribute and characteristic");
        assertMessage(() -> CsvLayout.of("chid", "chid", "pf"), "'chid'", "choice-situation id and chosen");
        assertMessage(() -> CsvLayout.of("chid", "choice", List.of()), "no attribute columns");
        assertMessage(() -> CsvLayout.of(" ", "choice", "pf"), "choice-situation id");
        assertMessage(() -> CsvLayout.of("chid", "choice", "pf").withWeight(""), "weight", "blank");
    }

    @Test
    @DisplayName("the builder sets every column in one go, validates at build, and toBuilder copies")
    void builder() {
        CsvLayout layout = CsvLayout.builder().situation("chid").chosen("choice").attributes("pf", "cl")
                .characteristics("income").decisionMaker("id").weight("w").alternative("alt").market("region")
                .build();
        assertEquals(CsvLayout.of("chid", "choice", "pf", "cl").withCharacteristics("income").withDecisionMaker("id")
                .withWeight("w").withAlternative("alt").withMarket("region"), layout);
        assertEquals(layout, layout.toBuilder().build());
        assertEquals(Optional.of("north"), layout.toBuilder().market("north").build().marketColumn());
        assertEquals(Optional.of("region"), layout.marketColumn());
        assertMessage(() -> CsvLayout.builder().chosen("choice").attributes("pf").build(), "choice-situation id");
        // data of unconditional predictions may leave out the chosen column; such layouts compare by value
        CsvLayout unchosen = CsvLayout.builder().situation("chid").attributes("pf").build();
        assertNull(unchosen.chosenColumn());
        assertEquals(unchosen, CsvLayout.builder().situation("chid").attributes("pf").build());
        assertEquals(unchosen.hashCode(), unchosen.toBuilder().build().hashCode());
        assertNotEquals(unchosen, CsvLayout.of("chid", "choice", "pf"));
        assertNotEquals(CsvLayout.of("chid", "choice", "pf"), unchosen);
        assertMessage(() -> CsvLayout.builder().situation("chid").chosen("choice").build(), "no attribute columns");
        assertMessage(() -> layout.toBuilder().market("pf").build(), "'pf'", "both attribute and market");
    }
}
