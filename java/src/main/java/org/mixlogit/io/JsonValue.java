package org.mixlogit.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A JSON document read with jackson-core's streaming {@link JsonParser} into an immutable tree, for the engine's
 * small documents (model specification, estimation options, vocabulary, saved fits): Jackson's databind costs
 * about 0.4 s of CPU to start in a fresh JVM, which the Stata plugin's and R's first fit would otherwise pay.
 *
 * <p>The accessors have the names and the meaning of databind's {@code JsonNode} for the part the engine uses:
 * {@link #get(String)} is null for an absent field, {@link #path(String)} the missing value; numbers keep the type
 * the parser gave them (int, long, big integer; every fraction or exponent a double), so {@link #toString()}
 * writes them back as databind's tree did. As databind's {@code readTree}, {@link #parse} reads the first value of
 * the text (content after it is not read), a later duplicate field replaces the earlier one in its place, and an
 * empty text is the missing value.
 */
public final class JsonValue implements Iterable<JsonValue> {
    /** What a value is. */
    public enum Kind {
        OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING
    }

    /** The missing value: what {@link #path(String)} gives for an absent field. */
    public static final JsonValue MISSING = new JsonValue(Kind.MISSING, null);
    /** JSON's null. */
    public static final JsonValue NULL = new JsonValue(Kind.NULL, null);
    private static final JsonValue TRUE = new JsonValue(Kind.BOOLEAN, Boolean.TRUE);
    private static final JsonValue FALSE = new JsonValue(Kind.BOOLEAN, Boolean.FALSE);
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Kind kind;
    /** String, Number (Integer, Long, BigInteger or Double), Boolean, the fields or the elements. */
    private final Object value;

    private JsonValue(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * Reads the first JSON value of {@code json}.
     *
     * @throws JsonProcessingException when it is not JSON (its {@code getOriginalMessage()} says where and why)
     */
    public static JsonValue parse(String json) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            return t == null ? MISSING : read(p, t);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code json}, which must be exactly one JSON value: unlike {@link #parse}, a field given twice in one
     * object and content after the value are errors (for documents people write, such as a model specification,
     * where a repeated field or a second object would otherwise be dropped without a word).
     *
     * @throws JsonProcessingException when it is not one JSON value ({@link #problem} words it)
     */
    public static JsonValue parseStrict(String json) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t = p.nextToken();
            if (t == null) {
                return MISSING;
            }
            JsonValue value = read(p, t);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "content after the end of the first JSON value: give one JSON"
                        + " object only");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What went wrong in words, with the line and column: Jackson's own message less the source descriptions it
     * puts in brackets ("[Source: REDACTED (...); line: 1, column: 1]" becomes "line 1, column 1").
     */
    public static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\s+", " ").trim();
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? message
                : message + " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static JsonValue read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                    String name = p.currentName();
                    fields.put(name, read(p, p.nextToken()));
                }
                return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(fields));
            case START_ARRAY:
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    elements.add(read(p, e));
                }
                return new JsonValue(Kind.ARRAY, Collections.unmodifiableList(elements));
            case VALUE_STRING:
                return new JsonValue(Kind.STRING, p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return new JsonValue(Kind.NUMBER, p.getIntValue());
                    case LONG:
                        return new JsonValue(Kind.NUMBER, p.getLongValue());
                    default:
                        return new JsonValue(Kind.NUMBER, p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return new JsonValue(Kind.NUMBER, p.getDoubleValue());
            case VALUE_TRUE:
                return TRUE;
            case VALUE_FALSE:
                return FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IllegalStateException("Unexpected JSON token " + t);
        }
    }

    public Kind kind() {
        return kind;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isTextual() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** True for a number written without fraction or exponent. */
    public boolean isIntegralNumber() {
        return kind == Kind.NUMBER && !(value instanceof Double);
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isMissingNode() {
        return kind == Kind.MISSING;
    }

    /** A field of an object; null when absent or when this is not an object. */
    public JsonValue get(String field) {
        return kind == Kind.OBJECT ? fields().get(field) : null;
    }

    /** An element of an array; null when out of range or when this is not an array. */
    public JsonValue get(int index) {
        List<JsonValue> e = kind == Kind.ARRAY ? elements() : Collections.emptyList();
        return index >= 0 && index < e.size() ? e.get(index) : null;
    }

    /** A field of an object, or {@link #MISSING}. */
    public JsonValue path(String field) {
        JsonValue v = get(field);
        return v == null ? MISSING : v;
    }

    /** True when the object has the field (null included). */
    public boolean has(String field) {
        return get(field) != null;
    }

    /** True when the object has the field with a value other than null. */
    public boolean hasNonNull(String field) {
        JsonValue v = get(field);
        return v != null && !v.isNull();
    }

    /** Elements of an array or fields of an object; 0 otherwise. */
    public int size() {
        return kind == Kind.ARRAY ? elements().size() : kind == Kind.OBJECT ? fields().size() : 0;
    }

    /** The names of an object's fields, in order (none for other values). */
    public Iterable<String> fieldNames() {
        return kind == Kind.OBJECT ? fields().keySet() : Collections.emptyList();
    }

    /** The elements of an array or the field values of an object, in order. */
    @Override
    public Iterator<JsonValue> iterator() {
        if (kind == Kind.ARRAY) {
            return elements().iterator();
        }
        return kind == Kind.OBJECT ? fields().values().iterator() : Collections.emptyIterator();
    }

    /**
     * The text of a string; a number or a boolean as JSON writes it; "null" for null; "" for containers and the
     * missing value.
     */
    public String asText() {
        switch (kind) {
            case STRING:
                return (String) value;
            case NUMBER:
            case BOOLEAN:
                return value.toString();
            case NULL:
                return "null";
            default:
                return "";
        }
    }

    /** {@link #asText()}, or {@code fallback} for null and the missing value. */
    public String asText(String fallback) {
        return kind == Kind.NULL || kind == Kind.MISSING ? fallback : asText();
    }

    /** A number as a double (truncated conversions as Java's); a string is parsed; otherwise 0. */
    public double asDouble() {
        if (kind == Kind.NUMBER) {
            return ((Number) value).doubleValue();
        }
        if (kind == Kind.STRING) {
            try {
                return Double.parseDouble(((String) value).trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return kind == Kind.BOOLEAN && (Boolean) value ? 1 : 0;
    }

    public int asInt() {
        return kind == Kind.NUMBER ? ((Number) value).intValue() : (int) asDouble();
    }

    public long asLong() {
        return kind == Kind.NUMBER ? ((Number) value).longValue() : (long) asDouble();
    }

    /** A boolean's value; the string "true"; a non-zero number; false otherwise. */
    public boolean asBoolean() {
        if (kind == Kind.BOOLEAN) {
            return (Boolean) value;
        }
        if (kind == Kind.STRING) {
            return "true".equals(((String) value).trim());
        }
        return kind == Kind.NUMBER && asDouble() != 0;
    }

    /** True for a number whose value a long holds (a fraction is truncated). */
    public boolean canConvertToLong() {
        if (kind != Kind.NUMBER) {
            return false;
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).bitLength() < 64;
        }
        double d = ((Number) value).doubleValue();
        return !(value instanceof Double) || d >= Long.MIN_VALUE && d <= Long.MAX_VALUE;
    }

    /** The number as parsed (Integer, Long, BigInteger or Double); null for other values. */
    Number numberValue() {
        return kind == Kind.NUMBER ? (Number) value : null;
    }

    @SuppressWarnings("unchecked")
    Map<String, JsonValue> fields() {
        return (Map<String, JsonValue>) value;
    }

    @SuppressWarnings("unchecked")
    List<JsonValue> elements() {
        return (List<JsonValue>) value;
    }

    /** The value as compact JSON ("" for the missing value). */
    @Override
    public String toString() {
        return kind == Kind.MISSING ? "" : JsonWriter.compact().value(this).finish();
    }

    /** Jackson's streaming factory for the engine's JSON (thread-safe; one per JVM). */
    static JsonFactory factory() {
        return FACTORY;
    }
}
