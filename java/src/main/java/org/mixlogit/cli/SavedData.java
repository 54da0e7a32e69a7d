package org.mixlogit.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ExampleData;
import org.mixlogit.io.JsonValue;
import org.mixlogit.io.JsonWriter;

/**
 * Where an estimate's data came from, recorded in the result JSON's "data" block so that post-estimation commands
 * can reload them: {"example": "electricity"}, {"file": "/abs/path.csv", "columns": {"chid": "SITUATION_ID",
 * ...}}, or for data an engine read from elsewhere {"engine": "spark", "source": "hdfs://nn/data/panel.parquet",
 * "format": "parquet", "columns": {...}} (reloaded by the same engine). Immutable.
 */
final class SavedData {
    private final String example;
    private final Path file;
    private final CsvLayout layout;
    /** The engine that read the data from {@link #source} (null for a file or the example). */
    private final String engine;
    private final String source;
    private final String format;

    private SavedData(String example, Path file, CsvLayout layout) {
        this(example, file, layout, null, null, null);
    }

    private SavedData(String example, Path file, CsvLayout layout, String engine, String source, String format) {
        this.example = example;
        this.file = file;
        this.layout = layout;
        this.engine = engine;
        this.source = source;
        this.format = format;
    }

    static SavedData electricityExample() {
        return new SavedData("electricity", null, null);
    }

    static SavedData file(Path file, CsvLayout layout) {
        return new SavedData(null, file.toAbsolutePath().normalize(), layout);
    }

    /**
     * Where {@code engine} read {@code location} with {@code layout}: a local file for an engine that reads them,
     * otherwise the engine's source as another process reaches it (e.g. a fully qualified URI) and its format.
     */
    static SavedData read(EstimationEngine engine, String location, CsvLayout layout) {
        if (engine.readsLocalFiles()) {
            return file(Paths.get(location), layout);
        }
        return new SavedData(null, null, layout, engine.name(), engine.qualified(location),
                engine.format(location));
    }

    /** The data file, or null for the bundled example and an engine's source. */
    Path file() {
        return file;
    }

    /** The data for post-estimation (no identification checks: a counterfactual may hold an attribute constant). */
    ChoiceData read() {
        return example != null ? ExampleData.electricity() : CsvChoiceDataReader.read(file, layout, true);
    }

    /** As {@link #read()}; data an engine read from its source are read again by that engine (it must be this one). */
    ChoiceData read(EstimationEngine running) {
        if (source == null) {
            return read();
        }
        if (!running.name().equals(engine)) {
            throw new UsageException("The saved result's data are a " + engine + " source (" + source + "): run"
                    + " this command with --engine " + engine + " (for Spark: ./mixlogit from the repository, or"
                    + " spark-submit with mixlogit-spark.jar, see the README), or give the data with --data.");
        }
        return running.read(source, format, layout);
    }

    /**
     * The result JSON with this data block added, indented as the result is: a "data" field already there is
     * replaced in its place, otherwise the block comes last. Read and written with jackson-core's streaming parser
     * and generator (no databind start-up).
     */
    String annotate(String resultJson) {
        JsonValue root;
        try {
            root = JsonValue.parse(resultJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot add the data block to the result JSON", e);
        }
        JsonWriter out = JsonWriter.indented().startObject();
        boolean written = false;
        for (String field : root.fieldNames()) {
            if (field.equals("data")) {
                writeBlock(out);
                written = true;
            } else {
                out.put(field, root.get(field));
            }
        }
        if (!written) {
            writeBlock(out);
        }
        return out.endObject().finish();
    }

    private void writeBlock(JsonWriter out) {
        out.startObject("data");
        if (example != null) {
            out.put("example", example);
        } else {
            if (source != null) {
                out.put("engine", engine);
                out.put("source", source);
                out.put("format", format); // null for a source whose format the engine infers
            } else {
                out.put("file", file.toString());
            }
            out.startObject("columns");
            for (Map.Entry<String, CsvLayout.Role> e : layout.roles().entrySet()) {
                out.put(e.getKey(), e.getValue().name());
            }
            out.endObject();
        }
        out.endObject();
    }

    /** The data block of a saved result. */
    static SavedData of(String resultJson, String source) {
        JsonValue data;
        try {
            data = JsonValue.parse(resultJson).path("data");
        } catch (JsonProcessingException e) {
            throw new UsageException(source + " is not valid JSON: " + JsonValue.problem(e));
        }
        if (data.has("example")) {
            return electricityExample();
        }
        boolean engineSource = data.hasNonNull("source");
        if (!data.has("file") && !engineSource) {
            throw new UsageException(source + " does not say which data were used: give them with --data FILE"
                    + " --group COL --choice COL [--id COL] [--alt COL] [--market COL].");
        }
        CsvLayout.Builder layout = CsvLayout.builder();
        List<String> attributes = new ArrayList<>();
        List<String> characteristics = new ArrayList<>();
        JsonValue saved = data.path("columns");
        for (String column : saved.fieldNames()) {
            switch (role(saved.get(column), "$.data.columns." + column)) {
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
        CsvLayout columns = layout.attributes(attributes).characteristics(characteristics).build();
        if (engineSource) {
            return new SavedData(null, null, columns, data.path("engine").asText("spark"),
                    data.path("source").asText(), data.hasNonNull("format") ? data.path("format").asText() : null);
        }
        return new SavedData(null, Paths.get(data.path("file").asText()), columns);
    }

    /** A column's role, by its name in {@link CsvLayout.Role}; anything else names the field. */
    private static CsvLayout.Role role(JsonValue value, String path) {
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
        return new SavedData(null, file, l.build(), engine, source, format);
    }
}
