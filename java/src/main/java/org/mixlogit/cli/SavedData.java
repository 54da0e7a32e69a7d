package org.mixlogit.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ExampleData;

/**
 * Where an estimate's data came from, recorded in the result JSON's "data" block so that post-estimation commands
 * can reload them: {"example": "electricity"} or {"file": "/abs/path.csv", "columns": {"chid": "SITUATION_ID",
 * ...}}. Immutable.
 */
final class SavedData {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String example;
    private final Path file;
    private final CsvLayout layout;

    private SavedData(String example, Path file, CsvLayout layout) {
        this.example = example;
        this.file = file;
        this.layout = layout;
    }

    static SavedData electricityExample() {
        return new SavedData("electricity", null, null);
    }

    static SavedData file(Path file, CsvLayout layout) {
        return new SavedData(null, file.toAbsolutePath().normalize(), layout);
    }

    /** The data file, or null for the bundled example. */
    Path file() {
        return file;
    }

    /** The data for post-estimation (no identification checks: a counterfactual may hold an attribute constant). */
    ChoiceData read() {
        return example != null ? ExampleData.electricity() : CsvChoiceDataReader.read(file, layout, true);
    }

    /** The result JSON with this data block added. */
    String annotate(String resultJson) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(resultJson);
            ObjectNode data = root.putObject("data");
            if (example != null) {
                data.put("example", example);
            } else {
                data.put("file", file.toString());
                ObjectNode columns = data.putObject("columns");
                for (Map.Entry<String, CsvLayout.Role> e : layout.roles().entrySet()) {
                    columns.put(e.getKey(), e.getValue().name());
                }
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot add the data block to the result JSON", e);
        }
    }

    /** The data block of a saved result. */
    static SavedData of(String resultJson, String source) {
        JsonNode data;
        try {
            data = MAPPER.readTree(resultJson).path("data");
        } catch (JsonProcessingException e) {
            throw new UsageException(source + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (data.has("example")) {
            return electricityExample();
        }
        if (!data.has("file")) {
            throw new UsageException(source + " does not say which data were used: give them with --data FILE"
                    + " --group COL --choice COL [--id COL] [--alt COL] [--market COL].");
        }
        CsvLayout.Builder layout = CsvLayout.builder();
        List<String> attributes = new ArrayList<>();
        List<String> characteristics = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> data.path("columns")
                .fields()) {
            String column = e.getKey();
            switch (role(e.getValue(), "$.data.columns." + column)) {
                case SITUATION_ID:
                    layout.situation(column);
                    break;
                case DECISION_MAKER_ID:
                    layout.decisionMaker(column);
                    break;
                case CHOSEN:
                    layout.chosen(column);
                    break;
                case ATTRIBUTE:
                    attributes.add(column);
                    break;
                case CHARACTERISTIC:
                    characteristics.add(column);
                    break;
                case WEIGHT:
                    layout.weight(column);
                    break;
                case ALTERNATIVE:
                    layout.alternative(column);
                    break;
                case MARKET:
                    layout.market(column);
                    break;
                default:
                    break;
            }
        }
        return new SavedData(null, Paths.get(data.path("file").asText()),
                layout.attributes(attributes).characteristics(characteristics).build());
    }

    /** A column's role, by its name in {@link CsvLayout.Role}; anything else names the field. */
    private static CsvLayout.Role role(JsonNode value, String path) {
        for (CsvLayout.Role r : CsvLayout.Role.values()) {
            if (value.isTextual() && r.name().equals(value.asText())) {
                return r;
            }
        }
        throw new InvalidSpecificationException("The saved result's " + path + " is " + value + ", not a column"
                + " role (one of " + java.util.Arrays.toString(CsvLayout.Role.values()) + "): give the file written by"
                + " estimate --json, unedited, or the data with --data FILE --group COL --choice COL.");
    }

    /** The same data with another alternative and/or market column (null keeps the saved one). */
    SavedData withColumns(String alternative, String market) {
        if (alternative == null && market == null) {
            return this;
        }
        if (example != null) {
            throw new UsageException("The example's data are bundled: --alt and --market cannot change them; give"
                    + " --data FILE with the columns instead.");
        }
        CsvLayout.Builder l = layout.toBuilder();
        if (alternative != null) {
            l.alternative(alternative);
        }
        if (market != null) {
            l.market(market);
        }
        return new SavedData(null, file, l.build());
    }
}
