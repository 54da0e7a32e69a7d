package org.mixlogit.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.data.NumericColumn;
import org.mixlogit.data.RowDescriber;

/**
 * Reads long-format choice data (one row per alternative per choice situation) from CSV text whose first line
 * names the columns, into validated {@link ChoiceData}. A {@link CsvLayout} says which columns are what; the other
 * columns are not parsed and may hold anything.
 *
 * <p>The text is split by Jackson's CSV parser (comma-separated, RFC 4180 quoting, LF or CRLF line ends, blank
 * lines skipped, a UTF-8 byte-order mark ignored). Header names are trimmed. In the used columns:
 * <ul>
 * <li>an empty cell, {@code NA}, {@code NaN}, {@code .} (Stata) or {@code null} is a missing value, which is an
 * error (remove or impute the situation before reading);</li>
 * <li>numbers are decimal ({@code 3}, {@code -0.5}, {@code 1e-3}); {@code Inf}/{@code Infinity} are read as
 * infinite and then rejected by the data validation, naming the row;</li>
 * <li>the alternative and market columns hold labels (numbers or text), read as written;</li>
 * <li>id columns must hold whole numbers ({@code 3} or {@code 3.0}, not {@code 3.5} or text);</li>
 * <li>the chosen indicator may also be {@code TRUE}/{@code FALSE} (as R writes logicals).</li>
 * </ul>
 * Every message names the row and its line of the file: data row {@code k} (counting from 1) is line
 * {@code k + 1} when the file has no blank lines or line breaks inside quoted cells.
 *
 * <p>The file is read in one streaming pass: each row's used cells are parsed at once into per-column primitive
 * builders (attributes into {@link NumericColumn.Builder}, which grows in blocks without copying and stores the
 * column compactly when that is exact; labels repeated across rows share one string), so memory grows with the
 * columns used, never with the text.
 */
public final class CsvChoiceDataReader {
    /**
     * jackson-dataformat-csv's streaming parser, rows as arrays of strings: no databind (whose start-up alone cost
     * 0.25 s of CPU per process in a CsvMapper's reader).
     */
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    /**
     * Initial capacity of a column's array: small, so that its doublings come while the reader is still interpreted
     * or profiled, and C2 compiles {@code UsedColumn.add} with the growth branch in (with 1,024 the first growth
     * came after compilation, where C2 had left it out, and threw the compiled method away).
     */
    private static final int INITIAL_CAPACITY = 16;
    /** Largest magnitude up to which every whole number is exactly a double. */
    private static final double EXACT_WHOLE = 9007199254740992.0;

    private CsvChoiceDataReader() {
    }

    /**
     * Reads a UTF-8 CSV file. Errors name the file as given in {@code file}.
     *
     * @throws InvalidDataException if the file cannot be read, a column is unknown, a cell is missing or malformed,
     *         or the data fail {@link ChoiceDataBuilder#build() validation}
     */
    public static ChoiceData read(Path file, CsvLayout layout) {
        return read(file, layout, false);
    }

    /**
     * Reads a UTF-8 CSV file as {@link #read(Path, CsvLayout)} does; with {@code forPrediction}, as data for
     * prediction and post-estimation ({@link ChoiceDataBuilder#forPrediction()}: no identification checks, so a
     * counterfactual may hold an attribute constant across alternatives).
     */
    public static ChoiceData read(Path file, CsvLayout layout, boolean forPrediction) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidDataException("Cannot read " + source + ": is a directory, not a file. Give the CSV"
                    + " file's path.");
        }
        try (Reader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            return read(reader, source, layout, forPrediction);
        } catch (IOException e) {
            throw new InvalidDataException("Cannot read " + source + ": " + FileErrors.reason(e, file)
                    + ". Check the path and that the file is readable.", e);
        }
    }

    /**
     * Reads CSV text to its end; the reader is not closed.
     *
     * @param sourceName what error messages call the text, e.g. its file name
     * @throws InvalidDataException as {@link #read(Path, CsvLayout)}
     */
    public static ChoiceData read(Reader reader, String sourceName, CsvLayout layout) {
        return read(reader, sourceName, layout, false);
    }

    /** As {@link #read(Reader, String, CsvLayout)}, for prediction data when {@code forPrediction}. */
    public static ChoiceData read(Reader reader, String sourceName, CsvLayout layout, boolean forPrediction) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(layout, "layout");
        if (layout.chosenColumn() == null && !forPrediction) {
            throw new InvalidDataException("Estimating from " + sourceName + " needs its chosen-indicator column:"
                    + " name it in the layout (CsvLayout.Builder.chosen); only data for unconditional predictions"
                    + " may leave it out.");
        }
        try (Rows rows = new Rows(CSV.createParser(withoutByteOrderMark(reader)))) {
            String[] header = readHeader(rows, sourceName);
            List<UsedColumn> columns = locateColumns(header, layout, sourceName);
            int[] lines = readRows(rows, header.length, columns, sourceName);
            return build(columns, describer(lines, sourceName), forPrediction);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InvalidDataException(sourceName + " is not valid CSV"
                    + (where == null ? "" : " near line " + where.getLineNr()) + ": " + e.getOriginalMessage()
                    + ". Check that every quoted cell up to that line has its closing quote.", e);
        } catch (IOException e) {
            throw new InvalidDataException("Cannot read " + sourceName + ": " + FileErrors.reason(e, null) + ".", e);
        }
    }

    /**
     * The text less a leading byte-order mark, skipped before the CSV parser sees it: after the mark a quoted first
     * header cell ({@code "id"}, as R's write.csv with UTF-8-BOM writes it) is not a quoted cell to the parser, and
     * kept its quotes in the column's name.
     */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader text = new PushbackReader(reader, 1);
        int first = text.read();
        if (first >= 0 && first != '\uFEFF') {
            text.unread(first);
        }
        return text;
    }

    private static String[] readHeader(Rows rows, String source) throws IOException {
        if (!rows.hasNextValue()) {
            throw new InvalidDataException(source + " is empty: its first line must be a header naming the columns.");
        }
        String[] header = rows.nextValue();
        for (int j = 0; j < header.length; j++) {
            header[j] = header[j].trim();
        }
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1).trim();
        }
        return header;
    }

    private static List<UsedColumn> locateColumns(String[] header, CsvLayout layout, String source) {
        List<String> names = Arrays.asList(header);
        List<UsedColumn> columns = new ArrayList<>();
        for (Map.Entry<String, CsvLayout.Role> e : layout.roles().entrySet()) {
            String name = e.getKey();
            int position = names.indexOf(name);
            if (position < 0) {
                throw new InvalidDataException("Column '" + name + "' (" + e.getValue() + ") is not in the header"
                        + " of " + source + ". Columns in the file: " + names + "." + spellingHint(name, names));
            }
            int again = names.subList(position + 1, names.size()).indexOf(name);
            if (again >= 0) {
                throw new InvalidDataException("Column '" + name + "' appears more than once in the header of "
                        + source + " (columns " + (position + 1) + " and " + (position + 2 + again)
                        + "): rename one so that the layout is unambiguous.");
            }
            columns.add(new UsedColumn(name, e.getValue(), position));
        }
        return columns;
    }

    private static String spellingHint(String name, List<String> names) {
        if (names.size() == 1) {
            String only = names.get(0);
            String separator = only.contains(";") ? "semicolons" : only.contains("\t") ? "tabs" : null;
            if (separator != null) {
                return " The header is one column holding " + separator + ": the file seems to be separated by "
                        + separator + ", and mixlogit reads comma-separated files; save it with commas between the"
                        + " values (a decimal point, not a comma).";
            }
        }
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return " Names are case-sensitive: did you mean '" + n + "'?";
            }
        }
        return " Check the spelling.";
    }

    /** Parses the used cells of every data row into {@code columns}; returns the line on which each row starts. */
    private static int[] readRows(Rows rows, int fieldCount, List<UsedColumn> columns,
            String source) throws IOException {
        int[] lines = new int[INITIAL_CAPACITY];
        int row = 0;
        while (rows.hasNextValue()) {
            String[] fields = rows.nextValue();
            int line = rows.line();
            if (fields.length != fieldCount) {
                throw new InvalidDataException("There are " + fields.length + " fields in " + where(row, line, source)
                        + " but " + fieldCount + " columns in the header: every line needs one value per column;"
                        + " look for a missing or extra comma, or quote text that contains commas.");
            }
            for (UsedColumn c : columns) {
                c.add(fields[c.position], row, line, source);
            }
            if (row == lines.length) {
                lines = Arrays.copyOf(lines, 2 * row);
            }
            lines[row++] = line;
        }
        if (row == 0) {
            throw new InvalidDataException(source + " has a header but no data rows: nothing to estimate.");
        }
        return Arrays.copyOf(lines, row);
    }

    private static ChoiceData build(List<UsedColumn> columns, RowDescriber describer, boolean forPrediction) {
        ChoiceDataBuilder builder = ChoiceData.builder().rowDescriber(describer);
        if (forPrediction) {
            builder.forPrediction();
        }
        for (UsedColumn c : columns) {
            switch (c.role) {
                case SITUATION_ID:
                    builder.situations(c.ids());
                    break;
                case DECISION_MAKER_ID:
                    builder.decisionMakers(c.ids());
                    break;
                case CHOSEN:
                    builder.chosen(c.numbers());
                    break;
                case ATTRIBUTE:
                    builder.attribute(c.name, c.column());
                    break;
                case CHARACTERISTIC:
                    builder.characteristic(c.name, c.numbers());
                    break;
                case WEIGHT:
                    builder.weights(c.numbers());
                    break;
                case ALTERNATIVE:
                    builder.alternatives(c.labels());
                    break;
                case MARKET:
                    builder.markets(c.labels());
                    break;
                default:
                    throw new IllegalStateException("Unhandled column role " + c.role.name());
            }
        }
        return builder.build();
    }

    /** {@link RowDescriber#ofFile} when data row k sits on line k + 1; otherwise the recorded lines. */
    private static RowDescriber describer(int[] lines, String source) {
        for (int r = 0; r < lines.length; r++) {
            if (lines[r] != r + 2) {
                return inputRow -> where(inputRow, lines[inputRow], source);
            }
        }
        return RowDescriber.ofFile(source);
    }

    private static String where(int row, int line, String source) {
        return "row " + (row + 1) + " (line " + line + " of " + source + ")";
    }

    /** One column the layout uses: where it is in the file, and its values parsed so far. */
    /**
     * A missing-value marker, in any letter case: an empty cell, NA, NaN, "." or null. Checked by length and first
     * character, so that a number costs no string comparison.
     */
    static boolean isMissing(String text) {
        switch (text.length()) {
            case 0:
                return true;
            case 1:
                return text.charAt(0) == '.';
            case 2:
                return text.equalsIgnoreCase("NA");
            case 3:
                return (text.charAt(0) | 0x20) == 'n' && text.equalsIgnoreCase("NaN");
            case 4:
                return (text.charAt(0) | 0x20) == 'n' && text.equalsIgnoreCase("null");
            default:
                return false;
        }
    }

    private static final class UsedColumn {
        final String name;
        final CsvLayout.Role role;
        final int position;
        private long[] ids;
        private double[] numbers;
        private String[] labels;
        private Map<String, String> distinctLabels;
        private NumericColumn.Builder attribute;
        private int size;

        UsedColumn(String name, CsvLayout.Role role, int position) {
            this.name = name;
            this.role = role;
            this.position = position;
            if (role.isId()) {
                ids = new long[INITIAL_CAPACITY];
            } else if (role.isLabel()) {
                labels = new String[INITIAL_CAPACITY];
                distinctLabels = new HashMap<>();
            } else if (role == CsvLayout.Role.ATTRIBUTE) {
                attribute = new NumericColumn.Builder();
            } else {
                numbers = new double[INITIAL_CAPACITY];
            }
        }

        void add(String cell, int row, int line, String source) {
            String text = cell.trim();
            if (isMissing(text)) {
                throw missingValue(text, row, line, source);
            }
            if (role.isLabel()) {
                if (size == labels.length) {
                    labels = Arrays.copyOf(labels, 2 * size);
                }
                labels[size++] = shared(text);
            } else if (role.isId()) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, 2 * size);
                }
                ids[size++] = parseId(text, row, line, source);
            } else if (attribute != null) {
                attribute.add(parseNumber(text, row, line, source));
            } else {
                if (size == numbers.length) {
                    numbers = Arrays.copyOf(numbers, 2 * size);
                }
                numbers[size++] = parseNumber(text, row, line, source);
            }
        }

        private InvalidDataException missingValue(String text, int row, int line, String source) {
            return new InvalidDataException("The " + role + " column '" + name + "' has a missing value ("
                    + (text.isEmpty() ? "an empty cell" : "\"" + text + "\"") + ") in " + where(row, line, source)
                    + ": remove or impute the row's whole choice situation.");
        }

        private long parseId(String text, int row, int line, String source) {
            if (DecimalText.isDecimal(text)) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException notPlainInteger) {
                    double v = DecimalText.parse(text);
                    if (v == Math.rint(v) && Math.abs(v) <= EXACT_WHOLE) {
                        return (long) v;
                    }
                }
            }
            throw new InvalidDataException("The " + role + " column '" + name + "' holds \"" + text + "\" in "
                    + where(row, line, source) + ", which is not an integer: ids must be whole numbers; recode them,"
                    + " e.g. number the " + (role == CsvLayout.Role.SITUATION_ID ? "situations" : "decision-makers")
                    + " 1, 2, 3, ...");
        }

        private double parseNumber(String text, int row, int line, String source) {
            if (DecimalText.isDecimal(text)) {
                return DecimalText.parse(text);
            }
            if (DecimalText.isInfinite(text)) {
                return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            boolean chosen = role == CsvLayout.Role.CHOSEN;
            if (chosen && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                return text.equalsIgnoreCase("true") ? 1.0 : 0.0;
            }
            throw new InvalidDataException("The " + role + " column '" + name + "' holds \"" + text + "\" in "
                    + where(row, line, source) + ", which is not a number: "
                    + (chosen ? "use 1 (or TRUE) for the chosen alternative and 0 (or FALSE) for the others."
                              : "use numbers only (code a text category as 0/1 dummy columns)."));
        }

        /** One string per distinct label, up to 4,096 of them (beyond, labels are kept as read). */
        private String shared(String text) {
            String known = distinctLabels.get(text);
            if (known == null) {
                if (distinctLabels.size() < 4096) {
                    distinctLabels.put(text, text);
                }
                known = text;
            }
            return known;
        }

        /** The attribute column, encoded; the collected values are released (one column's doubles at a time). */
        NumericColumn column() {
            NumericColumn out = attribute.build();
            attribute = null;
            return out;
        }

        /** The ids, handed over: this column keeps no reference. */
        long[] ids() {
            long[] out = size == ids.length ? ids : Arrays.copyOf(ids, size);
            ids = null;
            return out;
        }

        /** The numbers, handed over: this column keeps no reference. */
        double[] numbers() {
            double[] out = size == numbers.length ? numbers : Arrays.copyOf(numbers, size);
            numbers = null;
            return out;
        }

        String[] labels() {
            return Arrays.copyOf(labels, size);
        }
    }

    /** The rows of a CSV parser wrapping them in one array: each row an array of strings. Closes the parser. */
    private static final class Rows implements AutoCloseable {
        private final JsonParser parser;
        private final List<String> cells = new ArrayList<>();
        private boolean pending;
        private boolean done;

        Rows(JsonParser parser) throws IOException {
            this.parser = parser;
            JsonToken first = parser.nextToken();
            done = first != JsonToken.START_ARRAY;
        }

        /** Whether another row follows (reads its opening token). */
        boolean hasNextValue() throws IOException {
            if (pending) {
                return true;
            }
            if (done) {
                return false;
            }
            JsonToken t = parser.nextToken();
            pending = t == JsonToken.START_ARRAY;
            done = !pending;
            return pending;
        }

        /** The next row's cells (call after {@link #hasNextValue} answered true). */
        String[] nextValue() throws IOException {
            if (!hasNextValue()) {
                throw new IllegalStateException("no more rows");
            }
            pending = false;
            cells.clear();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == null) {
                    throw new IOException("the input ended inside a row");
                }
                cells.add(t == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
            }
            return cells.toArray(new String[0]);
        }

        /** The line of the last token read (the end of the row just read). */
        int line() {
            return parser.getTokenLocation().getLineNr();
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
