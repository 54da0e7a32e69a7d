package org.mixlogit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.InvalidDataException;

/**
 * Validated, immutable long-format choice data, grouped for fast likelihood evaluation.
 *
 * <p>Rows are stored in <em>grouped order</em>, which depends on the ids and not on the order of the input rows:
 * decision-makers in ascending order of their id (a whole number; without a decision-maker column each situation
 * is its own decision-maker, keyed by its situation id), within a decision-maker its situations in ascending order
 * of situation id, and within a situation its rows in the canonical order of their alternative labels (see
 * {@link #alternativeLabels()}) when an alternative-id column is given, otherwise in input order. So any
 * permutation of the input rows gives the same grouped data (without alternative ids, any permutation that keeps
 * each situation's rows in their order); only {@link #sourceRow} changes. Ids compare as signed 64-bit numbers.
 *
 * <p>Offsets: situation {@code s} occupies grouped rows {@code situationStart[s] .. situationStart[s+1]-1};
 * decision-maker {@code n} owns situations {@code decisionMakerStart[n] .. decisionMakerStart[n+1]-1}.
 * Attributes are columns in grouped row order ({@link #attributeValues}), each stored compactly when that is exact
 * ({@link NumericColumn}: 4 bytes a value instead of 8 for values that are floats or short decimals), so reading
 * a value always gives the double that was given. Characteristics are per decision-maker, row-major
 * ({@code characteristicsRef()[n * characteristicCount() + c]}).
 *
 * <p>The decision-maker at grouped position {@code n} has the <em>ordinal</em> {@link #decisionMakerOrdinal
 * decisionMakerOrdinal(n)} {@code = firstOrdinal() + n}: its position in the id order of the whole data, by which
 * it takes its draws. {@code firstOrdinal()} is 0 unless the data are one shard of a larger data set (a {@link
 * #slice} or data built with {@link ChoiceDataBuilder#firstOrdinal}); so a shard's decision-makers take the same
 * draws as in the whole. Ordinals are ints: at most 2^31 decision-makers.
 *
 * <p>Methods whose names end in {@code Ref} hand out internal arrays for hot loops: callers must not modify them.
 * Build instances with {@link #builder()}.
 *
 * <p>A <em>driver's summary</em> ({@link #of(DataSummary)}, {@link #isSummary()}) stands for data whose rows live on
 * a distributed backend's partitions: it answers the counts, names, flags and label tables, and every accessor of
 * rows, situations or decision-makers refuses (compute such things through the backend, which knows the data by this
 * object).
 */
public final class ChoiceData {
    /**
     * The largest magnitude an attribute, characteristic or weight may take: 1e60, so that fourth powers (squares of
     * the product of an attribute and a characteristic, formed by the design checks and the default MSM
     * instruments) stay finite in double precision.
     */
    public static final double LARGEST_VALUE = 1e60;

    private final List<String> attributeNames;
    private final List<String> characteristicNames;
    private final NumericColumn[] attributes;
    private final double[] characteristics;
    private final int[] situationStart;
    private final int[] chosenRow;
    private final int[] decisionMakerStart;
    private final long[] situationIds;
    private final long[] decisionMakerIds;
    private final double[] weights;
    private final int[] sourceRow;
    private final boolean panel;
    private final boolean weighted;
    private final RowDescriber rowDescriber;
    private final Labels alternatives;
    private final boolean alternativesGiven;
    private final Labels markets;
    private final boolean marketsGiven;
    private final long firstOrdinal;
    /** The counts of a driver's summary, or null for data holding their rows. */
    private final DataSummary summary;
    /** The most alternatives of any situation (counted once: callers ask per decision-maker). */
    private final int maxAlternatives;

    ChoiceData(ChoiceDataAssembly a) {
        this.summary = null;
        this.attributeNames = Collections.unmodifiableList(new ArrayList<>(a.attributeNames));
        this.characteristicNames = Collections.unmodifiableList(new ArrayList<>(a.characteristicNames));
        this.attributes = a.attributes;
        this.characteristics = a.characteristics;
        this.situationStart = a.situationStart;
        this.chosenRow = a.chosenRow;
        this.decisionMakerStart = a.decisionMakerStart;
        this.situationIds = a.situationIds;
        this.decisionMakerIds = a.decisionMakerIds;
        this.weights = a.weights;
        this.sourceRow = a.sourceRow;
        this.panel = a.panel;
        this.weighted = a.weighted;
        this.rowDescriber = a.rowDescriber;
        this.alternatives = a.alternatives;
        this.alternativesGiven = a.alternativesGiven;
        this.markets = a.markets;
        this.marketsGiven = a.marketsGiven;
        this.firstOrdinal = a.firstOrdinal;
        int max = 0;
        for (int i = 0; i + 1 < situationStart.length; i++) {
            max = Math.max(max, situationStart[i + 1] - situationStart[i]);
        }
        this.maxAlternatives = max;
    }

    private ChoiceData(DataSummary s) {
        this.summary = s;
        this.attributeNames = s.attributeNames();
        this.characteristicNames = s.characteristicNames();
        this.attributes = null;
        this.characteristics = null;
        this.situationStart = null;
        this.chosenRow = null;
        this.decisionMakerStart = null;
        this.situationIds = null;
        this.decisionMakerIds = null;
        this.weights = null;
        this.sourceRow = null;
        this.panel = s.isPanel();
        this.weighted = s.isWeighted();
        this.rowDescriber = RowDescriber.ONE_BASED;
        List<String> positions = new ArrayList<>();
        for (int j = 1; j <= s.maxAlternatives(); j++) {
            positions.add(Integer.toString(j));
        }
        this.alternatives = Labels.tableOnly(s.alternativeLabels() != null ? s.alternativeLabels() : positions);
        this.alternativesGiven = s.alternativeLabels() != null;
        this.markets = Labels.tableOnly(s.marketLabels() != null ? s.marketLabels() : List.of("all"));
        this.marketsGiven = s.marketLabels() != null;
        this.firstOrdinal = 0;
        this.maxAlternatives = s.maxAlternatives();
    }

    /**
     * A driver's summary of data whose rows live elsewhere (a distributed backend's partitions): counts, names,
     * flags and label tables only. Counts must fit an int, as for any data.
     */
    public static ChoiceData of(DataSummary summary) {
        if (summary.rows() > Integer.MAX_VALUE || summary.decisionMakers() > Integer.MAX_VALUE) {
            throw new InvalidDataException("The data have " + summary.rows() + " rows and "
                    + summary.decisionMakers() + " decision-makers: at most 2^31 - 1 of each are supported.");
        }
        return new ChoiceData(summary);
    }

    /** True for a driver's summary ({@link #of(DataSummary)}): counts and labels only, the rows elsewhere. */
    public boolean isSummary() {
        return summary != null;
    }

    /** Refuses a row accessor of a driver's summary. */
    private void requireRows() {
        if (summary != null) {
            throw new IllegalStateException("These data are a driver's summary (" + summary + "): their rows live"
                    + " on the backend's partitions, so compute this through the backend (Backend.dataSums,"
                    + " perDecisionMaker, a likelihood evaluator) instead of reading rows here.");
        }
    }

    /** A builder taking whole columns; see {@link ChoiceDataBuilder}. */
    public static ChoiceDataBuilder builder() {
        return new ChoiceDataBuilder();
    }

    public int rowCount() {
        return summary != null ? (int) summary.rows() : sourceRow.length;
    }

    public int situationCount() {
        return summary != null ? (int) summary.situations() : situationIds.length;
    }

    public int decisionMakerCount() {
        return summary != null ? (int) summary.decisionMakers() : decisionMakerIds.length;
    }

    public int attributeCount() {
        return attributeNames.size();
    }

    public int characteristicCount() {
        return characteristicNames.size();
    }

    /** True when a decision-maker column was given (several situations may share one draw of beta). */
    public boolean isPanel() {
        return panel;
    }

    /** True when a weight column was given. */
    public boolean isWeighted() {
        return weighted;
    }

    /** The sum of the decision-makers' weights (their number when unweighted); a summary's, for a summary. */
    public double totalWeight() {
        if (summary != null) {
            return summary.totalWeight();
        }
        if (!weighted) {
            return decisionMakerIds.length;
        }
        double sum = 0;
        for (int n = 0; n < decisionMakerIds.length; n++) {
            sum += weights[n];
        }
        return sum;
    }

    public List<String> attributeNames() {
        return attributeNames;
    }

    public List<String> characteristicNames() {
        return characteristicNames;
    }

    /** Index of an attribute column; an unknown name is an error that lists the known ones. */
    public int attributeIndex(String name) {
        int k = attributeNames.indexOf(name);
        if (k < 0) {
            String hint = characteristicNames.contains(name)
                    ? " '" + name + "' is a decision-maker characteristic: use it for heterogeneity, or declare it as an"
                      + " attribute."
                    : " Check the spelling, or add the column to the data as an attribute.";
            throw new InvalidDataException("Unknown attribute '" + name + "'. Attributes in the data: "
                    + attributeNames + "." + hint);
        }
        return k;
    }

    /** Index of a decision-maker characteristic; an unknown name is an error that lists the known ones. */
    public int characteristicIndex(String name) {
        int c = characteristicNames.indexOf(name);
        if (c < 0) {
            throw new InvalidDataException("Unknown decision-maker characteristic '" + name
                    + "'. Characteristics in the data: " + characteristicNames
                    + ". Declare the column as a characteristic (constant within each decision-maker).");
        }
        return c;
    }

    /** Attribute {@code k} in grouped row order (immutable). */
    public NumericColumn attributeValues(int k) {
        requireRows();
        return attributes[k];
    }

    /** The attributes as a row-major matrix in grouped order ({@code rowCount() x attributeCount()}), copied. */
    public double[] attributeMatrix() {
        requireRows();
        int kk = attributes.length;
        double[] out = new double[rowCount() * kk];
        for (int k = 0; k < kk; k++) {
            NumericColumn column = attributes[k];
            for (int i = 0; i < column.size(); i++) {
                out[i * kk + k] = column.get(i);
            }
        }
        return out;
    }

    /** Row-major characteristics ({@code decisionMakerCount() x characteristicCount()}). Not to be modified. */
    public double[] characteristicsRef() {
        requireRows();
        return characteristics;
    }

    /** Situation row offsets, length {@code situationCount() + 1}. Not to be modified. */
    public int[] situationStartRef() {
        requireRows();
        return situationStart;
    }

    /** Grouped row of the chosen alternative of each situation. Not to be modified. */
    public int[] chosenRowRef() {
        requireRows();
        return chosenRow;
    }

    /** Decision-maker situation offsets, length {@code decisionMakerCount() + 1}. Not to be modified. */
    public int[] decisionMakerStartRef() {
        requireRows();
        return decisionMakerStart;
    }

    /** Per-decision-maker weights (all 1 when unweighted). Not to be modified. */
    public double[] weightsRef() {
        requireRows();
        return weights;
    }

    public double weight(int decisionMaker) {
        requireRows();
        return weights[decisionMaker];
    }

    public long situationId(int situation) {
        requireRows();
        return situationIds[situation];
    }

    public long decisionMakerId(int decisionMaker) {
        requireRows();
        return decisionMakerIds[decisionMaker];
    }

    /**
     * The ordinal of the first decision-maker: 0, or for a shard of a larger data set the position of its first
     * decision-maker in the whole data's id order.
     */
    public long firstOrdinal() {
        return firstOrdinal;
    }

    /**
     * The position of decision-maker {@code n} (0-based grouped index) in the id order of the whole data,
     * {@code firstOrdinal() + n}: the key of its draws. Always below 2^31.
     */
    public int decisionMakerOrdinal(int decisionMaker) {
        return (int) (firstOrdinal + decisionMaker);
    }

    /**
     * Decision-makers {@code from .. to-1} (grouped indices) as data of their own: all their situations and rows,
     * weights and characteristics, with {@code firstOrdinal() + from} as first ordinal, so they take the draws they
     * take here. The result owns copies of its arrays. Alternative and market labels keep this data's label
     * tables ({@link #alternativeLabels()}, {@link #marketLabels()}, even labels the slice does not use), so codes
     * and aggregates by alternative or market line up with this data's. {@link #sourceRow} still points into this
     * data's input rows and {@link #describeSourceRow} describes them as here. Nothing is checked again: checks
     * that need the whole data (an attribute that never varies within a situation) were made on it.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from < to <= decisionMakerCount()}
     */
    public ChoiceData slice(int from, int to) {
        requireRows();
        return new ChoiceData(DecisionMakerSlice.assemble(this, from, to));
    }

    /** The attribute value in a grouped row. */
    public double attribute(int groupedRow, int attribute) {
        requireRows();
        return attributes[attribute].get(groupedRow);
    }

    /** The 0-based position in the caller's input of a grouped row. */
    public int sourceRow(int groupedRow) {
        requireRows();
        return sourceRow[groupedRow];
    }

    /** Human description of an input row (0-based position), e.g. "row 18" or "row 18 (line 19 of x.csv)". */
    public String describeSourceRow(int inputRow) {
        return rowDescriber.describe(inputRow);
    }

    RowDescriber rowDescriber() {
        return rowDescriber;
    }

    Labels alternativeTable() {
        return alternatives;
    }

    Labels marketTable() {
        return markets;
    }

    public int alternatives(int situation) {
        requireRows();
        return situationStart[situation + 1] - situationStart[situation];
    }

    public int situations(int decisionMaker) {
        requireRows();
        return decisionMakerStart[decisionMaker + 1] - decisionMakerStart[decisionMaker];
    }

    public int maxAlternatives() {
        return maxAlternatives;
    }

    /** True when an alternative-id column was given; otherwise alternatives are named by position. */
    public boolean hasAlternativeIds() {
        return alternativesGiven;
    }

    /**
     * The distinct alternatives in canonical order, which does not depend on the order of the rows: numeric order
     * when every label is a number, otherwise text order ({@link String#compareTo}). Without alternative ids the
     * positions "1", "2", ... up to the largest choice set.
     */
    public List<String> alternativeLabels() {
        return alternatives.names;
    }

    /** Index into {@link #alternativeLabels()} of the alternative in a grouped row. */
    public int alternativeCode(int groupedRow) {
        requireRows();
        return alternatives.codes[groupedRow];
    }

    /** Index of an alternative's label; an unknown label is an error that lists the known ones. */
    public int alternativeIndex(String label) {
        int j = alternatives.names.indexOf(label);
        if (j < 0) {
            throw new InvalidDataException("Unknown alternative '" + label + "'. Alternatives in the data: "
                    + alternatives.names + (alternativesGiven ? "." : " (positions within each situation: give an"
                    + " alternative-id column to name them)."));
        }
        return j;
    }

    /** True when a market column was given; otherwise every situation is in the one market "all". */
    public boolean hasMarkets() {
        return marketsGiven;
    }

    /** The distinct markets, in the canonical order of {@link #alternativeLabels()}. */
    public List<String> marketLabels() {
        return markets.names;
    }

    /** Index into {@link #marketLabels()} of a situation's market. */
    public int marketCode(int situation) {
        requireRows();
        return markets.codes[situation];
    }

    /** Copy of one attribute column in grouped order. */
    public double[] attributeColumn(String name) {
        requireRows();
        return attributes[attributeIndex(name)].toArray();
    }

    @Override
    public String toString() {
        return "ChoiceData[" + rowCount() + " rows, " + situationCount() + " situations, "
                + decisionMakerCount() + (panel ? " decision-makers (panel)" : " decision-makers (cross-section)")
                + ", attributes " + attributeNames
                + (characteristicNames.isEmpty() ? "" : ", characteristics " + characteristicNames)
                + (weighted ? ", weighted" : "")
                + (firstOrdinal == 0 ? "" : ", ordinals from " + firstOrdinal)
                + (summary != null ? ", a driver's summary" : "") + "]";
    }

    /** Grouped-order arrays handed from the builder to the constructor. */
    static final class ChoiceDataAssembly {
        List<String> attributeNames;
        List<String> characteristicNames;
        NumericColumn[] attributes;
        double[] characteristics;
        int[] situationStart;
        int[] chosenRow;
        int[] decisionMakerStart;
        long[] situationIds;
        long[] decisionMakerIds;
        double[] weights;
        int[] sourceRow;
        boolean panel;
        boolean weighted;
        RowDescriber rowDescriber;
        Labels alternatives;
        boolean alternativesGiven;
        Labels markets;
        boolean marketsGiven;
        long firstOrdinal;
    }
}
