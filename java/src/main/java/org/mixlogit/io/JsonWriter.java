package org.mixlogit.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * JSON text written with jackson-core's streaming {@link JsonGenerator}: compact, or indented with Jackson's
 * default pretty printer (the layout of databind's {@code INDENT_OUTPUT}). Numbers are written as the generator
 * writes an int, a long or a double, so the text is the one databind's trees gave, byte for byte. One document per
 * writer, in order: open, write, {@link #finish()}. Not thread-safe.
 */
public final class JsonWriter {
    private final StringWriter out = new StringWriter();
    private final JsonGenerator g;

    private JsonWriter(boolean indented) {
        try {
            g = JsonValue.factory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (indented) {
            g.useDefaultPrettyPrinter();
        }
    }

    /** A writer of compact JSON (no white space). */
    public static JsonWriter compact() {
        return new JsonWriter(false);
    }

    /** A writer of indented JSON ("field" : value, two spaces per level). */
    public static JsonWriter indented() {
        return new JsonWriter(true);
    }

    /** The text written; the writer is closed. */
    public String finish() {
        try {
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** What the generator does, with its (impossible, for a string) I/O failure unchecked. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private JsonWriter step(Step s) {
        try {
            s.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public JsonWriter startObject() {
        return step(g::writeStartObject);
    }

    /** A field whose value is an object; close it with {@link #endObject()}. */
    public JsonWriter startObject(String field) {
        return field(field).startObject();
    }

    public JsonWriter endObject() {
        return step(g::writeEndObject);
    }

    public JsonWriter startArray() {
        return step(g::writeStartArray);
    }

    /** A field whose value is an array; close it with {@link #endArray()}. */
    public JsonWriter startArray(String field) {
        return field(field).startArray();
    }

    public JsonWriter endArray() {
        return step(g::writeEndArray);
    }

    /** A field's name; its value comes next. */
    public JsonWriter field(String name) {
        return step(() -> g.writeFieldName(name));
    }

    /** A text field (null is written as null). */
    public JsonWriter put(String field, String value) {
        return field(field).value(value);
    }

    public JsonWriter put(String field, int value) {
        return field(field).value(value);
    }

    public JsonWriter put(String field, long value) {
        return field(field).value(value);
    }

    public JsonWriter put(String field, double value) {
        return field(field).value(value);
    }

    public JsonWriter put(String field, boolean value) {
        return field(field).value(value);
    }

    public JsonWriter putNull(String field) {
        return field(field).nullValue();
    }

    /** A number field when finite, otherwise null (an unavailable standard error). */
    public JsonWriter putFinite(String field, double value) {
        return field(field).finite(value);
    }

    /** A field whose value is a whole tree. */
    public JsonWriter put(String field, JsonValue value) {
        return field(field).value(value);
    }

    /** A text value (null is written as null). */
    public JsonWriter value(String value) {
        return step(() -> g.writeString(value));
    }

    public JsonWriter value(int value) {
        return step(() -> g.writeNumber(value));
    }

    public JsonWriter value(long value) {
        return step(() -> g.writeNumber(value));
    }

    public JsonWriter value(double value) {
        return step(() -> g.writeNumber(value));
    }

    public JsonWriter value(boolean value) {
        return step(() -> g.writeBoolean(value));
    }

    public JsonWriter nullValue() {
        return step(g::writeNull);
    }

    /** A number when finite, otherwise null. */
    public JsonWriter finite(double value) {
        return Double.isFinite(value) ? value(value) : nullValue();
    }

    /** A whole tree, numbers in the type they were read as (the missing value writes nothing). */
    public JsonWriter value(JsonValue v) {
        switch (v.kind()) {
            case OBJECT:
                startObject();
                for (Map.Entry<String, JsonValue> e : v.fields().entrySet()) {
                    put(e.getKey(), e.getValue());
                }
                return endObject();
            case ARRAY:
                startArray();
                for (JsonValue e : v.elements()) {
                    value(e);
                }
                return endArray();
            case STRING:
                return value(v.asText());
            case NUMBER:
                return number(v.numberValue());
            case BOOLEAN:
                return value(v.asBoolean());
            case NULL:
                return nullValue();
            default:
                return this;
        }
    }

    private JsonWriter number(Number n) {
        if (n instanceof Integer) {
            return value(n.intValue());
        }
        if (n instanceof Long) {
            return value(n.longValue());
        }
        if (n instanceof BigInteger) {
            return step(() -> g.writeNumber((BigInteger) n));
        }
        return value(n.doubleValue());
    }
}
