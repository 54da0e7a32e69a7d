package org.mixlogit.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.io.CsvLayout;

/**
 * The rows of one partition (or of the whole data, on the driver) as whole columns by role, read from Spark rows
 * with the command line's rules and messages: a null cell is a missing value naming its column and row, ids are
 * whole numbers, the chosen indicator may be boolean, alternatives and markets are labels. {@link #build} turns
 * them into {@link ChoiceData} through the core's builder, so the data are validated and grouped exactly as the
 * local engine does; a shard is built with its first ordinal and the whole data's label tables. Serializable: the
 * unit a partition keeps in executor memory, from which its engines are built.
 */
final class ShardColumns implements Shard {
    private static final long serialVersionUID = 1L;
    /** Largest magnitude up to which every whole number is exactly a double. */
    private static final double EXACT_WHOLE = 9007199254740992.0;
    private static final List<String> MISSING = List.of("", "NA", "NaN", ".", "null");

    private final ColumnRoles roles;
    private final String[] names;
    private final CsvLayout.Role[] role;
    private long[][] ids;
    private double[][] numbers;
    private String[][] labels;
    private long[] inputRows;
    private int size;
    private long firstOrdinal = -1;
    private List<String> alternativeTable;
    private List<String> marketTable;
    private boolean prediction;

    ShardColumns(ColumnRoles roles) {
        this.roles = roles;
        List<String> n = roles.names();
        this.names = n.toArray(new String[0]);
        this.role = new CsvLayout.Role[names.length];
        this.ids = new long[names.length][];
        this.numbers = new double[names.length][];
        this.labels = new String[names.length][];
        for (int c = 0; c < names.length; c++) {
            role[c] = roles.role(names[c]);
            if (role[c].isId()) {
                ids[c] = new long[16];
            } else if (role[c].isLabel()) {
                labels[c] = new String[16];
            } else {
                numbers[c] = new double[16];
            }
        }
        this.inputRows = new long[16];
    }

    /**
     * Declares these rows one shard whose first decision-maker has this ordinal in the whole data, coded with the
     * whole data's label tables.
     *
     * @param alternatives the whole data's alternative labels, or null without an alternative column
     * @param markets the whole data's market labels, or null without a market column
     */
    ShardColumns shardFrom(long ordinal, List<String> alternatives, List<String> markets) {
        this.firstOrdinal = ordinal;
        this.alternativeTable = alternatives;
        this.marketTable = markets;
        return this;
    }

    /**
     * Declares these rows data for prediction and post-estimation ({@link ChoiceDataBuilder#forPrediction}): the
     * identification checks are skipped, as the local engine's post-estimation reader skips them.
     */
    ShardColumns forPrediction() {
        this.prediction = true;
        return this;
    }

    boolean isForPrediction() {
        return prediction;
    }

    ColumnRoles roles() {
        return roles;
    }

    @Override
    public long firstOrdinal() {
        return firstOrdinal;
    }

    int rowCount() {
        return size;
    }

    @Override
    public long inputRow(int row) {
        return inputRows[row];
    }

    /**
     * Adds one row, whose fields are the layout's columns in order ({@link ColumnRoles#names()}).
     *
     * @param inputRow the row's 0-based position in the source, for messages
     */
    void add(Row row, long inputRow) {
        if (size == inputRows.length) {
            grow();
        }
        parse(row, inputRow, true);
        inputRows[size++] = inputRow;
    }

    /**
     * The whole data's columns from every shard's rows, each row put back at its source position: the columns the
     * driver would have read itself (for the computations that still read rows on the driver).
     *
     * @param rows the number of source rows (the shards' rows are its positions 0 .. rows-1)
     */
    static ShardColumns gather(ColumnRoles roles, long rows, Iterator<Shard> shards) {
        ShardColumns whole = new ShardColumns(roles);
        int n = Math.toIntExact(rows);
        whole.inputRows = new long[n];
        for (int c = 0; c < whole.names.length; c++) {
            if (whole.ids[c] != null) {
                whole.ids[c] = new long[n];
            } else if (whole.labels[c] != null) {
                whole.labels[c] = new String[n];
            } else {
                whole.numbers[c] = new double[n];
            }
        }
        while (shards.hasNext()) {
            ShardColumns part = (ShardColumns) shards.next();
            for (int i = 0; i < part.size; i++) {
                int at = (int) part.inputRows[i];
                whole.inputRows[at] = at;
                for (int c = 0; c < whole.names.length; c++) {
                    if (whole.ids[c] != null) {
                        whole.ids[c][at] = part.ids[c][i];
                    } else if (whole.labels[c] != null) {
                        whole.labels[c][at] = part.labels[c][i];
                    } else {
                        whole.numbers[c][at] = part.numbers[c][i];
                    }
                }
            }
        }
        whole.size = n;
        return whole;
    }

    /** Checks one row's cells as {@link #add} reads them, without keeping it (the first pass of validation). */
    void check(Row row, long inputRow) {
        parse(row, inputRow, false);
    }

    /** The label of a label column's cell (an alternative or a market), as {@link #add} keeps it. */
    static String labelOf(Object cell) {
        return label(cell);
    }

    private void parse(Row row, long inputRow, boolean keep) {
        for (int c = 0; c < names.length; c++) {
            Object cell = row.get(c);
            if (cell == null || isMissingText(cell)) {
                throw new InvalidDataException("The " + role[c] + " column '" + names[c] + "' has a missing value"
                        + " (" + (cell == null ? "null" : "\"" + cell + "\"") + ") in " + roles.describe(inputRow)
                        + ": remove or impute the row's whole choice situation.");
            }
            if (role[c].isLabel()) {
                String v = label(cell);
                if (keep) {
                    labels[c][size] = v;
                }
            } else if (role[c].isId()) {
                long v = id(cell, c, inputRow);
                if (keep) {
                    ids[c][size] = v;
                }
            } else {
                double v = number(cell, c, inputRow);
                if (keep) {
                    numbers[c][size] = v;
                }
            }
        }
    }

    /**
     * For each attribute (in layout order), whether it takes two values within some situation of these rows: the
     * part of the whole data's check that an attribute varies within some situation.
     */
    boolean[] attributeVaries() {
        int situationColumn = -1;
        for (int c = 0; c < names.length; c++) {
            if (role[c] == CsvLayout.Role.SITUATION_ID) {
                situationColumn = c;
            }
        }
        Map<Long, Integer> first = new HashMap<>();
        int[] firstRow = new int[size];
        for (int i = 0; i < size; i++) {
            Integer f = first.putIfAbsent(ids[situationColumn][i], i);
            firstRow[i] = f == null ? i : f;
        }
        List<Boolean> out = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            if (role[c] != CsvLayout.Role.ATTRIBUTE) {
                continue;
            }
            boolean varies = false;
            for (int i = 0; i < size && !varies; i++) {
                varies = numbers[c][i] != numbers[c][firstRow[i]];
            }
            out.add(varies);
        }
        boolean[] flags = new boolean[out.size()];
        for (int k = 0; k < flags.length; k++) {
            flags[k] = out.get(k);
        }
        return flags;
    }

    /** The CSV reader's missing values written as text: an empty cell, NA, NaN, "." (Stata) or null. */
    private static boolean isMissingText(Object cell) {
        if (!(cell instanceof String)) {
            return false;
        }
        String text = ((String) cell).trim();
        for (String m : MISSING) {
            if (m.equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The id in a cell of an id column that the driver has validated (the owner of a row on the executors: its
     * decision-maker, or its situation without a decision-maker column).
     */
    static long validId(Object cell) {
        if (cell instanceof Number && !(cell instanceof Double || cell instanceof Float
                || cell instanceof BigDecimal)) {
            return ((Number) cell).longValue();
        }
        return (long) (cell instanceof Number ? ((Number) cell).doubleValue()
                : Double.parseDouble(((String) cell).trim()));
    }

    private void grow() {
        int n = 2 * inputRows.length;
        inputRows = Arrays.copyOf(inputRows, n);
        for (int c = 0; c < names.length; c++) {
            if (ids[c] != null) {
                ids[c] = Arrays.copyOf(ids[c], n);
            } else if (labels[c] != null) {
                labels[c] = Arrays.copyOf(labels[c], n);
            } else {
                numbers[c] = Arrays.copyOf(numbers[c], n);
            }
        }
    }

    /** Labels as the CSV reader reads them: the text of the cell (whole numbers without a decimal point). */
    private static String label(Object cell) {
        if (cell instanceof Double || cell instanceof Float) {
            double v = ((Number) cell).doubleValue();
            if (v == Math.rint(v) && Math.abs(v) <= EXACT_WHOLE) {
                return Long.toString((long) v);
            }
        }
        if (cell instanceof BigDecimal) {
            return ((BigDecimal) cell).stripTrailingZeros().toPlainString();
        }
        return cell.toString().trim();
    }

    private long id(Object cell, int c, long inputRow) {
        if (cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
            return ((Number) cell).longValue();
        }
        double v = Double.NaN;
        if (cell instanceof Number) {
            v = ((Number) cell).doubleValue();
        } else if (cell instanceof String) {
            try {
                v = Double.parseDouble(((String) cell).trim());
            } catch (NumberFormatException notANumber) {
                v = Double.NaN;
            }
        }
        if (v == Math.rint(v) && Math.abs(v) <= EXACT_WHOLE) {
            return (long) v;
        }
        throw new InvalidDataException("The " + role[c] + " column '" + names[c] + "' holds \"" + cell + "\" in "
                + roles.describe(inputRow) + ", which is not an integer: ids must be whole numbers; recode them,"
                + " e.g. number the " + (role[c] == CsvLayout.Role.SITUATION_ID ? "situations" : "decision-makers")
                + " 1, 2, 3, ...");
    }

    private double number(Object cell, int c, long inputRow) {
        if (cell instanceof Number) {
            return ((Number) cell).doubleValue();
        }
        boolean chosen = role[c] == CsvLayout.Role.CHOSEN;
        if (cell instanceof Boolean && chosen) {
            return (Boolean) cell ? 1.0 : 0.0;
        }
        if (cell instanceof String) {
            String text = ((String) cell).trim();
            if (chosen && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                return text.equalsIgnoreCase("true") ? 1.0 : 0.0;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                // falls through to the message
            }
        }
        throw new InvalidDataException("The " + role[c] + " column '" + names[c] + "' holds \"" + cell + "\" in "
                + roles.describe(inputRow) + ", which is not a number: "
                + (chosen ? "use 1 (or TRUE) for the chosen alternative and 0 (or FALSE) for the others."
                          : "use numbers only (code a text category as 0/1 dummy columns)."));
    }

    /**
     * Validated choice data of these rows: the whole data when this is not a shard, otherwise a shard of
     * decision-makers from {@link #shardFrom} on, coded with the whole data's label tables.
     */
    @Override
    public ChoiceData build() {
        ChoiceDataBuilder b = ChoiceData.builder();
        long[] rows = Arrays.copyOf(inputRows, size);
        b.rowDescriber(i -> roles.describe(rows[i])).sourcePositions(rows);
        for (int c = 0; c < names.length; c++) {
            switch (role[c]) {
                case SITUATION_ID:
                    b.situations(Arrays.copyOf(ids[c], size));
                    break;
                case DECISION_MAKER_ID:
                    b.decisionMakers(Arrays.copyOf(ids[c], size));
                    break;
                case CHOSEN:
                    b.chosen(Arrays.copyOf(numbers[c], size));
                    break;
                case ATTRIBUTE:
                    b.attribute(names[c], Arrays.copyOf(numbers[c], size));
                    break;
                case CHARACTERISTIC:
                    b.characteristic(names[c], Arrays.copyOf(numbers[c], size));
                    break;
                case WEIGHT:
                    b.weights(Arrays.copyOf(numbers[c], size));
                    break;
                case ALTERNATIVE:
                    b.alternatives(Arrays.copyOf(labels[c], size)).alternativeLabels(alternativeTable);
                    break;
                case MARKET:
                    b.markets(Arrays.copyOf(labels[c], size)).marketLabels(marketTable);
                    break;
                default:
                    throw new IllegalStateException("Unhandled column role " + role[c].name());
            }
        }
        if (firstOrdinal >= 0) {
            b.firstOrdinal(firstOrdinal);
        }
        if (prediction) {
            b.forPrediction();
        }
        return b.build();
    }
}
