package org.mixlogit.spark;

import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;

/**
 * A shard cut on the driver from data it holds ({@link ChoiceData#slice}) and shipped to a partition as whole
 * columns in grouped order: the path for data that did not come from a Spark source (post-estimation on new data,
 * the Java API). Rebuilt through the core's builder with its first ordinal and the whole data's label tables, so it
 * equals the slice. Immutable.
 */
final class SliceShard implements Shard {
    private static final long serialVersionUID = 1L;

    private final long firstOrdinal;
    private final long[] situations;
    private final long[] decisionMakers;
    private final double[] chosen;
    private final List<String> attributeNames;
    private final double[][] attributes;
    private final List<String> characteristicNames;
    private final double[][] characteristics;
    private final double[] weights;
    private final String[] alternatives;
    private final List<String> alternativeTable;
    private final String[] markets;
    private final List<String> marketTable;
    /** Each row's position in the whole data's input. */
    private final long[] inputRows;

    /** The columns of decision-makers {@code from .. to-1} of {@code whole}. */
    SliceShard(ChoiceData whole, int from, int to) {
        ChoiceData s = whole.slice(from, to);
        int rows = s.rowCount();
        this.firstOrdinal = s.firstOrdinal();
        this.situations = new long[rows];
        this.decisionMakers = s.isPanel() ? new long[rows] : null;
        this.chosen = new double[rows];
        this.weights = s.isWeighted() ? new double[rows] : null;
        this.attributeNames = List.copyOf(s.attributeNames());
        this.characteristicNames = List.copyOf(s.characteristicNames());
        this.attributes = new double[s.attributeCount()][rows];
        this.characteristics = new double[s.characteristicCount()][rows];
        this.alternatives = s.hasAlternativeIds() ? new String[rows] : null;
        this.alternativeTable = s.hasAlternativeIds() ? List.copyOf(s.alternativeLabels()) : null;
        this.markets = s.hasMarkets() ? new String[rows] : null;
        this.marketTable = s.hasMarkets() ? List.copyOf(s.marketLabels()) : null;
        this.inputRows = new long[rows];
        int[] dmStart = s.decisionMakerStartRef();
        int[] start = s.situationStartRef();
        int kk = s.attributeCount();
        int cc = s.characteristicCount();
        for (int n = 0; n < s.decisionMakerCount(); n++) {
            for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
                for (int i = start[t]; i < start[t + 1]; i++) {
                    situations[i] = s.situationId(t);
                    inputRows[i] = s.sourceRow(i);
                    if (decisionMakers != null) {
                        decisionMakers[i] = s.decisionMakerId(n);
                    }
                    chosen[i] = s.chosenRowRef()[t] == i ? 1.0 : 0.0;
                    for (int k = 0; k < kk; k++) {
                        attributes[k][i] = s.attribute(i, k);
                    }
                    for (int c = 0; c < cc; c++) {
                        characteristics[c][i] = s.characteristicsRef()[n * cc + c];
                    }
                    if (weights != null) {
                        weights[i] = s.weight(n);
                    }
                    if (alternatives != null) {
                        alternatives[i] = s.alternativeLabels().get(s.alternativeCode(i));
                    }
                    if (markets != null) {
                        markets[i] = s.marketLabels().get(s.marketCode(t));
                    }
                }
            }
        }
    }

    @Override
    public long inputRow(int row) {
        return inputRows[row];
    }

    @Override
    public long firstOrdinal() {
        return firstOrdinal;
    }

    @Override
    public ChoiceData build() {
        ChoiceDataBuilder b = ChoiceData.builder().situations(situations).decisionMakers(decisionMakers)
                .chosen(chosen).weights(weights).firstOrdinal(firstOrdinal);
        for (int k = 0; k < attributes.length; k++) {
            b.attribute(attributeNames.get(k), attributes[k]);
        }
        for (int c = 0; c < characteristics.length; c++) {
            b.characteristic(characteristicNames.get(c), characteristics[c]);
        }
        if (alternatives != null) {
            b.alternatives(alternatives).alternativeLabels(alternativeTable);
        }
        if (markets != null) {
            b.markets(markets).marketLabels(marketTable);
        }
        return b.build();
    }
}
