package org.mixlogit.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixlogit.InvalidDataException;

/**
 * Builds {@link ChoiceData} from whole columns, each of one value per input row. The arrays passed in are
 * copied, never modified. {@link #build()} validates everything and groups the rows into the canonical order
 * described at {@link ChoiceData}; every problem is an {@link InvalidDataException} naming the row, id or column
 * and saying what to do. When one problem occurs in several places, which one is named may depend on the order of
 * the rows.
 */
public final class ChoiceDataBuilder {
    private long[] situations;
    private long[] decisionMakers;
    private double[] chosen;
    private double[] rowWeights;
    private String[] alternativeIds;
    private String[] marketIds;
    private List<String> alternativeTable;
    private List<String> marketTable;
    private final Map<String, NumericColumn> attributeColumns = new LinkedHashMap<>();
    private final Map<String, double[]> characteristicColumns = new LinkedHashMap<>();
    private RowDescriber rowDescriber = RowDescriber.ONE_BASED;
    private long firstOrdinal;
    private boolean shard;
    private boolean prediction;
    private long[] sourcePositions;

    ChoiceDataBuilder() {
    }

    /** The choice-situation id of each row (required). */
    public ChoiceDataBuilder situations(long[] ids) {
        this.situations = ids.clone();
        return this;
    }

    public ChoiceDataBuilder situations(int[] ids) {
        return situations(widen(ids));
    }

    /** The decision-maker (panel) id of each row; without it each situation is its own decision-maker. */
    public ChoiceDataBuilder decisionMakers(long[] ids) {
        this.decisionMakers = ids == null ? null : ids.clone();
        return this;
    }

    public ChoiceDataBuilder decisionMakers(int[] ids) {
        return decisionMakers(ids == null ? null : widen(ids));
    }

    /** The chosen indicator of each row: 1 for the chosen alternative, 0 otherwise (required). */
    public ChoiceDataBuilder chosen(double[] indicator) {
        this.chosen = indicator.clone();
        return this;
    }

    public ChoiceDataBuilder chosen(int[] indicator) {
        double[] d = new double[indicator.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = indicator[i];
        }
        this.chosen = d;
        return this;
    }

    /** A numeric attribute of the alternatives; it must vary within at least one situation. */
    public ChoiceDataBuilder attribute(String name, double[] values) {
        return attribute(name, NumericColumn.of(values));
    }

    /** A numeric attribute given as a column (kept as it is: stored compactly when it is). */
    public ChoiceDataBuilder attribute(String name, NumericColumn values) {
        checkNewName(name);
        attributeColumns.put(name, values);
        return this;
    }

    /** A decision-maker characteristic (e.g. income), constant within each decision-maker. */
    public ChoiceDataBuilder characteristic(String name, double[] values) {
        checkNewName(name);
        characteristicColumns.put(name, values.clone());
        return this;
    }

    /**
     * The alternative of each row (a product, a mode): each label at most once per situation. Optional; it lets
     * post-estimation aggregate shares, elasticities and diversion by alternative across situations. Without it
     * alternatives are known only by their position within each situation ("1", "2", ...).
     */
    public ChoiceDataBuilder alternatives(String[] labels) {
        this.alternativeIds = labels == null ? null : labels.clone();
        return this;
    }

    public ChoiceDataBuilder alternatives(long[] ids) {
        return alternatives(ids == null ? null : asText(ids));
    }

    /**
     * The market of each row (constant within a situation), by which post-estimation aggregates shares and
     * substitution. Optional; without it all situations form one market.
     */
    public ChoiceDataBuilder markets(String[] labels) {
        this.marketIds = labels == null ? null : labels.clone();
        return this;
    }

    public ChoiceDataBuilder markets(long[] ids) {
        return markets(ids == null ? null : asText(ids));
    }

    /**
     * Codes the alternative labels against {@code table}, the distinct labels of the whole data in canonical order
     * ({@link ChoiceData#alternativeLabels()} of the whole), instead of against this data's own labels: a shard of
     * a larger data set built from its own rows (a partition of a distributed data set) then gives every label the
     * code it has in the whole, as {@link ChoiceData#slice} does. A label not in the table is an error naming its
     * row. Needs {@link #alternatives(String[])}.
     */
    public ChoiceDataBuilder alternativeLabels(List<String> table) {
        this.alternativeTable = table == null ? null : List.copyOf(table);
        return this;
    }

    /** Codes the market labels against the whole data's table, as {@link #alternativeLabels} does. */
    public ChoiceDataBuilder marketLabels(List<String> table) {
        this.marketTable = table == null ? null : List.copyOf(table);
        return this;
    }

    private static String[] asText(long[] ids) {
        String[] out = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Long.toString(ids[i]);
        }
        return out;
    }

    /** Per-row weights, constant within each decision-maker and positive. */
    public ChoiceDataBuilder weights(double[] values) {
        this.rowWeights = values == null ? null : values.clone();
        return this;
    }

    /**
     * The rows' positions in the whole input when these rows are part of a larger source (a partition's rows), so
     * that the {@link InvalidDataException#position() positions} of problems found here compare with other parts'
     * (default: the row's index here).
     *
     * @param positions one per row, copied
     */
    public ChoiceDataBuilder sourcePositions(long[] positions) {
        this.sourcePositions = positions == null ? null : positions.clone();
        return this;
    }

    /** Row i's position in the whole input. */
    private long source(int i) {
        return sourcePositions == null ? i : sourcePositions[i];
    }

    /** How error messages point at input rows (default: "row n", counting from 1). */
    public ChoiceDataBuilder rowDescriber(RowDescriber describer) {
        this.rowDescriber = describer;
        return this;
    }

    /**
     * Declares the data one shard of a larger data set whose decision-makers are ordered globally by id (e.g. one
     * partition of a distributed data set): its first decision-maker (in id order) is the {@code first}-th (from
     * 0) of the whole, and the k-th takes the draws of ordinal {@code first + k}. A shard is checked like any
     * data except for what only the whole data can show (an attribute that never varies within a situation): the
     * caller checks that on the whole data. Ordinals must stay below 2^31.
     */
    public ChoiceDataBuilder firstOrdinal(long first) {
        if (first < 0 || first > Integer.MAX_VALUE) {
            throw new InvalidDataException("The first decision-maker ordinal is " + first + ": it must be between 0"
                    + " and " + Integer.MAX_VALUE + " (ordinals number the decision-makers of the whole data from"
                    + " 0).");
        }
        this.firstOrdinal = first;
        this.shard = true;
        return this;
    }

    /**
     * Declares the data for prediction or post-estimation, not for estimating: the checks that only matter for
     * identifying coefficients (an attribute that never varies within a situation) are skipped, so that a
     * counterfactual may set an attribute to the same value for every alternative. Every other check stays. Without
     * {@link #chosen}, the first row of each situation stands in for the choices: for unconditional predictions
     * only (shares, elasticities, diversion), which never read them.
     */
    public ChoiceDataBuilder forPrediction() {
        this.prediction = true;
        return this;
    }

    private void checkNewName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidDataException("A column name is empty: give every attribute and characteristic a name.");
        }
        if (attributeColumns.containsKey(name) || characteristicColumns.containsKey(name)) {
            throw new InvalidDataException("Column '" + name + "' is given twice: each column name must be unique.");
        }
    }

    private static long[] widen(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    /**
     * Validates and groups the rows into canonical order (see {@link ChoiceData}): the result does not depend on
     * the order of the rows, except for the order of a situation's rows when no alternative ids are given.
     */
    public ChoiceData build() {
        int n = checkShapes();
        checkValues(n);
        checkTables();
        Labels alternativesByRow = alternativeIds == null ? null
                : LabelColumns.byRow(alternativeIds, alternativeTable, rowDescriber, this::source);
        Grouping g = Grouping.of(situations, decisionMakers,
                alternativesByRow == null ? null : alternativesByRow.codes, rowDescriber, this::source);
        g.firstOrdinal = firstOrdinal;
        checkOrdinals(g);
        ChoiceData.ChoiceDataAssembly a = new ChoiceData.ChoiceDataAssembly();
        a.firstOrdinal = firstOrdinal;
        a.rowDescriber = rowDescriber;
        a.panel = decisionMakers != null;
        a.weighted = rowWeights != null;
        a.situationStart = g.situationStart;
        a.decisionMakerStart = g.decisionMakerStart;
        a.situationIds = g.situationIds;
        a.decisionMakerIds = g.decisionMakerIds;
        a.sourceRow = g.order;
        a.chosenRow = chosenRows(g);
        a.attributeNames = new ArrayList<>(attributeColumns.keySet());
        a.attributes = groupedAttributes(g);
        if (!shard && !prediction) {
            checkVariation(g, a.attributes);
        }
        a.characteristicNames = new ArrayList<>(characteristicColumns.keySet());
        a.characteristics = perDecisionMaker(g);
        a.weights = decisionMakerWeights(g);
        a.alternatives = alternativesByRow == null ? Labels.positions(g.situationStart)
                : LabelColumns.alternatives(alternativeIds, alternativesByRow, g, rowDescriber);
        a.alternativesGiven = alternativeIds != null;
        a.markets = marketIds == null ? Labels.single("all", g.situationIds.length)
                : LabelColumns.markets(marketIds, marketTable, g, rowDescriber);
        a.marketsGiven = marketIds != null;
        return new ChoiceData(a);
    }

    private void checkTables() {
        if (alternativeTable != null && alternativeIds == null) {
            throw new InvalidDataException("An alternative label table is given without an alternative column: give"
                    + " alternatives(...) too, or drop the table.");
        }
        if (marketTable != null && marketIds == null) {
            throw new InvalidDataException("A market label table is given without a market column: give"
                    + " markets(...) too, or drop the table.");
        }
    }

    private void checkOrdinals(Grouping g) {
        long last = firstOrdinal + g.decisionMakerIds.length - 1;
        if (last > Integer.MAX_VALUE) {
            throw new InvalidDataException("The decision-makers of this shard would take ordinals " + firstOrdinal
                    + " to " + last + ": ordinals must stay below 2^31 = " + (1L << 31) + "; split the data into"
                    + " fewer decision-makers or start the shard lower.");
        }
    }

    private static double[] firstRowOfEachSituation(long[] situations) {
        double[] out = new double[situations.length];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < situations.length; i++) {
            if (seen.add(situations[i])) {
                out[i] = 1;
            }
        }
        return out;
    }

    private int checkShapes() {
        if (situations == null) {
            throw new InvalidDataException("No choice-situation column: give one id per row with situations(...).");
        }
        if (chosen == null && prediction) {
            // unconditional predictions do not read the choices: the first row of each situation stands in
            chosen = firstRowOfEachSituation(situations);
        }
        if (chosen == null) {
            throw new InvalidDataException("No chosen-indicator column: give one 0/1 value per row with chosen(...).");
        }
        if (attributeColumns.isEmpty()) {
            throw new InvalidDataException("No attribute columns: add at least one with attribute(name, values).");
        }
        int n = situations.length;
        if (n == 0) {
            throw new InvalidDataException("The data are empty (0 rows): nothing to estimate.");
        }
        checkLength("chosen indicator", chosen.length, n);
        if (decisionMakers != null) {
            checkLength("decision-maker id", decisionMakers.length, n);
        }
        if (rowWeights != null) {
            checkLength("weight", rowWeights.length, n);
        }
        if (alternativeIds != null) {
            checkLength("alternative id", alternativeIds.length, n);
        }
        if (marketIds != null) {
            checkLength("market id", marketIds.length, n);
        }
        for (Map.Entry<String, NumericColumn> e : attributeColumns.entrySet()) {
            checkLength("attribute '" + e.getKey() + "'", e.getValue().size(), n);
        }
        for (Map.Entry<String, double[]> e : characteristicColumns.entrySet()) {
            checkLength("characteristic '" + e.getKey() + "'", e.getValue().length, n);
        }
        return n;
    }

    private static void checkLength(String what, int length, int rows) {
        if (length != rows) {
            throw new InvalidDataException("The " + what + " column has " + length + " values but the situation id"
                    + " column has " + rows + ": every column needs one value per row.");
        }
    }

    private void checkValues(int n) {
        for (int i = 0; i < n; i++) {
            double c = chosen[i];
            if (!Double.isFinite(c)) {
                throw missing("chosen indicator", 0, i, c);
            }
            if (c != 0.0 && c != 1.0) {
                throw DataProblem.at("The chosen indicator is " + c + " in " + rowDescriber.describe(i)
                        + ": it must be 1 for the chosen alternative and 0 for the others.",
                        DataProblem.VALUE, 0, source(i));
            }
        }
        int check = 1;
        for (Map.Entry<String, NumericColumn> e : attributeColumns.entrySet()) {
            NumericColumn column = e.getValue();
            checkFinite("attribute '" + e.getKey() + "'", check++, column::get, column.size());
        }
        for (Map.Entry<String, double[]> e : characteristicColumns.entrySet()) {
            double[] column = e.getValue();
            checkFinite("characteristic '" + e.getKey() + "'", check++, i -> column[i], column.length);
        }
        if (rowWeights != null) {
            checkFinite("weight", check++, i -> rowWeights[i], rowWeights.length);
            for (int i = 0; i < n; i++) {
                if (!(rowWeights[i] > 0)) {
                    throw DataProblem.at("The weight is " + rowWeights[i] + " in " + rowDescriber.describe(i)
                            + ": weights must be positive; drop the decision-maker instead of giving weight 0.",
                            DataProblem.VALUE, check, source(i));
                }
            }
        }
    }

    /** @param check the check's place in the builder's order of value checks */
    private void checkFinite(String what, int check, java.util.function.IntToDoubleFunction values, int size) {
        for (int i = 0; i < size; i++) {
            double v = values.applyAsDouble(i);
            if (!Double.isFinite(v)) {
                throw missing(what, check, i, v);
            }
            if (Math.abs(v) > ChoiceData.LARGEST_VALUE) {
                throw DataProblem.at("The " + what + " is " + v + " in " + rowDescriber.describe(i)
                        + ": values beyond +-" + ChoiceData.LARGEST_VALUE + " overflow the products the estimation"
                        + " forms (utilities, squares of interactions); rescale the column (for example divide it by"
                        + " a power of ten) or correct the value.", DataProblem.VALUE, check, source(i));
            }
        }
    }

    private InvalidDataException missing(String what, int check, int row, double value) {
        String kind = Double.isNaN(value) ? "missing (NaN)" : "infinite (" + value + ")";
        return DataProblem.at("The " + what + " is " + kind + " in " + rowDescriber.describe(row)
                + ": remove or impute the row's whole choice situation.", DataProblem.VALUE, check,
                source(row));
    }

    private int[] chosenRows(Grouping g) {
        int s = g.situationIds.length;
        int[] out = new int[s];
        for (int t = 0; t < s; t++) {
            int first = g.situationStart[t];
            int end = g.situationStart[t + 1];
            if (end - first < 2) {
                throw DataProblem.at("Choice situation " + g.situationIds[t] + " has only one alternative ("
                        + rowDescriber.describe(g.order[first]) + (prediction
                                ? "): its choice set looks cut short (its probability would be 1 whatever the"
                                        + " model); give all its alternatives, or drop it."
                                : "): it carries no information; drop it."),
                        g.situationPosition(DataProblem.CHOICE_SET, t));
            }
            int found = -1;
            for (int i = first; i < end; i++) {
                if (chosen[g.order[i]] == 1.0) {
                    if (found >= 0) {
                        throw DataProblem.at("Choice situation " + g.situationIds[t]
                                + " has more than one chosen alternative (" + rowDescriber.describe(g.order[found])
                                + " and " + rowDescriber.describe(g.order[i])
                                + "): exactly one row per situation must have chosen = 1.",
                                g.situationPosition(DataProblem.CHOICE_SET, t));
                    }
                    found = i;
                }
            }
            if (found < 0) {
                throw DataProblem.at("Choice situation " + g.situationIds[t] + " has no chosen alternative "
                        + "(rows starting at " + rowDescriber.describe(g.order[first])
                        + "): exactly one row per situation must have chosen = 1.",
                        g.situationPosition(DataProblem.CHOICE_SET, t));
            }
            out[t] = found;
        }
        return out;
    }

    private NumericColumn[] groupedAttributes(Grouping g) {
        NumericColumn[] out = new NumericColumn[attributeColumns.size()];
        int k = 0;
        for (NumericColumn column : attributeColumns.values()) {
            out[k++] = column.permuted(g.order);
        }
        return out;
    }

    private void checkVariation(Grouping g, NumericColumn[] grouped) {
        int k = 0;
        for (String name : attributeColumns.keySet()) {
            NumericColumn column = grouped[k];
            boolean varies = false;
            for (int t = 0; t < g.situationIds.length && !varies; t++) {
                double first = column.get(g.situationStart[t]);
                for (int i = g.situationStart[t] + 1; i < g.situationStart[t + 1]; i++) {
                    if (column.get(i) != first) {
                        varies = true;
                        break;
                    }
                }
            }
            if (!varies) {
                throw DataProblem.constantAttribute(name, k);
            }
            k++;
        }
    }

    private double[] perDecisionMaker(Grouping g) {
        int dms = g.decisionMakerIds.length;
        int cc = characteristicColumns.size();
        double[] out = new double[dms * cc];
        int c = 0;
        for (Map.Entry<String, double[]> e : characteristicColumns.entrySet()) {
            double[] column = e.getValue();
            for (int m = 0; m < dms; m++) {
                int firstRow = g.situationStart[g.decisionMakerStart[m]];
                int endRow = g.situationStart[g.decisionMakerStart[m + 1]];
                double v = column[g.order[firstRow]];
                for (int i = firstRow + 1; i < endRow; i++) {
                    if (column[g.order[i]] != v) {
                        throw DataProblem.at("Characteristic '" + e.getKey() + "' changes within "
                                + g.decisionMakerLabel(m) + " (" + v + " in "
                                + rowDescriber.describe(g.order[firstRow]) + ", " + column[g.order[i]] + " in "
                                + rowDescriber.describe(g.order[i]) + "): a characteristic (a heterogeneity or"
                                + " membership variable, or the cluster column of a cluster covariance) must be"
                                + " constant within each decision-maker; use a varying one as an attribute, and"
                                + " cluster on a column that holds whole decision-makers.",
                                DataProblem.CHARACTERISTIC, c, firstOrdinal + m);
                    }
                }
                out[m * cc + c] = v;
            }
            c++;
        }
        return out;
    }

    private double[] decisionMakerWeights(Grouping g) {
        int dms = g.decisionMakerIds.length;
        double[] out = new double[dms];
        for (int m = 0; m < dms; m++) {
            int firstRow = g.situationStart[g.decisionMakerStart[m]];
            int endRow = g.situationStart[g.decisionMakerStart[m + 1]];
            if (rowWeights == null) {
                out[m] = 1.0;
                continue;
            }
            double w = rowWeights[g.order[firstRow]];
            for (int i = firstRow + 1; i < endRow; i++) {
                if (rowWeights[g.order[i]] != w) {
                    throw DataProblem.at("The weight changes within " + g.decisionMakerLabel(m) + " ("
                            + w + " in " + rowDescriber.describe(g.order[firstRow]) + ", " + rowWeights[g.order[i]]
                            + " in " + rowDescriber.describe(g.order[i]) + "): weights are per decision-maker and"
                            + " must be equal on all of its rows.", DataProblem.WEIGHT, firstOrdinal + m);
                }
            }
            out[m] = w;
        }
        return out;
    }
}
