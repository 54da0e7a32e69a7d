package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Paths;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.io.CsvLayout;

class SavedDataTest {
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CsvLayout LAYOUT = CsvLayout.builder().situation("chid").decisionMaker("id").chosen("choice")
            .attributes(Arrays.asList("pf", "cl")).market("region").build();
    private static final String RESULT = "{\"model\":{\"kind\":\"mixed\",\"draws\":500},\"estimates\":[-0.97,"
            + "1.0E-12,3,12345678901234],\"data\":{\"file\":\"old.csv\"},\"warnings\":[],\"ok\":true,\"none\":null}";

    /** What the former databind code wrote: the tree read, its "data" field replaced in place, indented. */
    private static String databind(String json) throws Exception {
        ObjectNode root = (ObjectNode) DATABIND.readTree(json);
        ObjectNode data = root.putObject("data");
        data.put("file", Paths.get("/tmp/x/panel.csv").toString());
        ObjectNode columns = data.putObject("columns");
        LAYOUT.roles().forEach((k, v) -> columns.put(k, v.name()));
        return DATABIND.writeValueAsString(root);
    }

    @Test
    @DisplayName("the data block is written as databind's tree wrote it, replacing a block in place or appended")
    void annotateAsDatabindDid() throws Exception {
        SavedData file = SavedData.file(Paths.get("/tmp/x/panel.csv"), LAYOUT);
        assertEquals(databind(RESULT), file.annotate(RESULT));
        String without = RESULT.replace(",\"data\":{\"file\":\"old.csv\"}", "");
        assertEquals(databind(without), file.annotate(without));
    }

    @Test
    @DisplayName("an annotated result reads back the same layout; a column of no role is named")
    void roundTrip() {
        SavedData file = SavedData.file(Paths.get("/tmp/x/panel.csv"), LAYOUT);
        String annotated = file.annotate(RESULT);
        SavedData back = SavedData.of(annotated, "fit.json");
        assertEquals(Paths.get("/tmp/x/panel.csv"), back.file());
        assertEquals(annotated, back.annotate(annotated));
        String bad = annotated.replace("\"ATTRIBUTE\"", "\"PRICE\"");
        Exception e = assertThrows(org.mixlogit.InvalidSpecificationException.class,
                () -> SavedData.of(bad, "fit.json"));
        assertEquals(true, e.getMessage().contains("$.data.columns.pf is \"PRICE\""), e.getMessage());
        assertThrows(UsageException.class, () -> SavedData.of("{\"model\":", "broken.json"));
    }
}
