package org.mixlogit.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What is small about choice data: the counts (rows, situations, decision-makers, the largest choice set), the
 * decision-makers' total weight, the column names, whether it is a panel and weighted, and the alternative and market label tables. A distributed
 * reader's partitions each summarize their shard ({@link #of}), the driver adds the summaries in partition order
 * ({@link #plus}) and keeps the data as {@link ChoiceData#of(DataSummary)}: a driver's summary whose rows live on
 * the partitions. Immutable; serializable (a partition returns it).
 */
public final class DataSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final long situations;
    private final long decisionMakers;
    private final int maxAlternatives;
    /** The sum of the decision-makers' weights (their number when unweighted). */
    private final double totalWeight;
    private final List<String> attributeNames;
    private final List<String> characteristicNames;
    private final boolean panel;
    private final boolean weighted;
    private final List<String> alternativeLabels;
    private final List<String> marketLabels;

    private DataSummary(long rows, long situations, long decisionMakers, int maxAlternatives, double totalWeight,
            DataSummary shape) {
        this(rows, situations, decisionMakers, maxAlternatives, totalWeight, shape.attributeNames,
                shape.characteristicNames, shape.panel, shape.weighted, shape.alternativeLabels, shape.marketLabels);
    }

    private DataSummary(long rows, long situations, long decisionMakers, int maxAlternatives, double totalWeight,
            List<String> attributeNames, List<String> characteristicNames, boolean panel, boolean weighted,
            List<String> alternativeLabels, List<String> marketLabels) {
        this.rows = rows;
        this.situations = situations;
        this.decisionMakers = decisionMakers;
        this.maxAlternatives = maxAlternatives;
        this.totalWeight = totalWeight;
        this.attributeNames = List.copyOf(attributeNames);
        this.characteristicNames = List.copyOf(characteristicNames);
        this.panel = panel;
        this.weighted = weighted;
        this.alternativeLabels = alternativeLabels == null ? null : List.copyOf(alternativeLabels);
        this.marketLabels = marketLabels == null ? null : List.copyOf(marketLabels);
    }

    /** The summary of {@code data} (a whole data set or one shard built with the whole data's label tables). */
    public static DataSummary of(ChoiceData data) {
        return new DataSummary(data.rowCount(), data.situationCount(), data.decisionMakerCount(),
                data.maxAlternatives(), data.totalWeight(), data.attributeNames(), data.characteristicNames(), data.isPanel(),
                data.isWeighted(), data.hasAlternativeIds() ? data.alternativeLabels() : null,
                data.hasMarkets() ? data.marketLabels() : null);
    }

    /**
     * The summary of this shard's and {@code next}'s rows together (counts added, the largest choice set of both);
     * the shards must have the same columns and label tables.
     */
    public DataSummary plus(DataSummary next) {
        if (!attributeNames.equals(next.attributeNames) || !characteristicNames.equals(next.characteristicNames)
                || panel != next.panel || weighted != next.weighted) {
            throw new IllegalArgumentException("Summaries of data with different columns cannot be added: "
                    + this + " and " + next + ".");
        }
        return new DataSummary(rows + next.rows, situations + next.situations, decisionMakers + next.decisionMakers,
                Math.max(maxAlternatives, next.maxAlternatives), totalWeight + next.totalWeight, this);
    }

    /**
     * The canonical order of a set of labels, as {@link ChoiceData#alternativeLabels()} orders them: numeric order
     * when every label is a number, otherwise text order. For a distributed reader that collects the distinct
     * labels of its partitions.
     */
    public static List<String> canonicalLabels(Collection<String> distinct) {
        return Labels.canonical(new ArrayList<>(distinct));
    }

    public long rows() {
        return rows;
    }

    public long situations() {
        return situations;
    }

    public long decisionMakers() {
        return decisionMakers;
    }

    public int maxAlternatives() {
        return maxAlternatives;
    }

    /** The sum of the decision-makers' weights (their number when unweighted). */
    public double totalWeight() {
        return totalWeight;
    }

    public List<String> attributeNames() {
        return attributeNames;
    }

    public List<String> characteristicNames() {
        return characteristicNames;
    }

    public boolean isPanel() {
        return panel;
    }

    public boolean isWeighted() {
        return weighted;
    }

    /** The alternative label table, or null without an alternative column. */
    public List<String> alternativeLabels() {
        return alternativeLabels;
    }

    /** The market label table, or null without a market column. */
    public List<String> marketLabels() {
        return marketLabels;
    }

    @Override
    public String toString() {
        return "DataSummary[" + rows + " rows, " + situations + " situations, " + decisionMakers
                + " decision-makers, at most " + maxAlternatives + " alternatives, attributes " + attributeNames
                + ", characteristics " + characteristicNames + (panel ? ", panel" : "")
                + (weighted ? ", weighted" : "") + "]";
    }
}
