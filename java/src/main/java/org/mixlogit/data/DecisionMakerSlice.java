package org.mixlogit.data;

import java.util.Arrays;

/**
 * Copies a range of decision-makers out of choice data: offsets rebased, label tables kept, ordinals continued
 * (see {@link ChoiceData#slice}).
 */
final class DecisionMakerSlice {
    private DecisionMakerSlice() {
    }

    static ChoiceData.ChoiceDataAssembly assemble(ChoiceData parent, int from, int to) {
        if (from < 0 || to > parent.decisionMakerCount() || from >= to) {
            throw new IllegalArgumentException("Cannot slice decision-makers " + from + " to " + (to - 1) + " out of "
                    + parent.decisionMakerCount() + ": give 0 <= from < to <= decisionMakerCount().");
        }
        int[] dmStart = parent.decisionMakerStartRef();
        int[] sitStart = parent.situationStartRef();
        int firstSituation = dmStart[from];
        int endSituation = dmStart[to];
        int firstRow = sitStart[firstSituation];
        int endRow = sitStart[endSituation];
        int kk = parent.attributeCount();
        int cc = parent.characteristicCount();

        ChoiceData.ChoiceDataAssembly a = new ChoiceData.ChoiceDataAssembly();
        a.attributeNames = parent.attributeNames();
        a.characteristicNames = parent.characteristicNames();
        a.attributes = new NumericColumn[kk];
        for (int k = 0; k < kk; k++) {
            a.attributes[k] = parent.attributeValues(k).range(firstRow, endRow);
        }
        a.characteristics = Arrays.copyOfRange(parent.characteristicsRef(), from * cc, to * cc);
        a.situationStart = rebased(sitStart, firstSituation, endSituation + 1, firstRow);
        a.chosenRow = rebased(parent.chosenRowRef(), firstSituation, endSituation, firstRow);
        a.decisionMakerStart = rebased(dmStart, from, to + 1, firstSituation);
        a.situationIds = new long[endSituation - firstSituation];
        for (int s = firstSituation; s < endSituation; s++) {
            a.situationIds[s - firstSituation] = parent.situationId(s);
        }
        a.decisionMakerIds = new long[to - from];
        for (int n = from; n < to; n++) {
            a.decisionMakerIds[n - from] = parent.decisionMakerId(n);
        }
        a.weights = Arrays.copyOfRange(parent.weightsRef(), from, to);
        a.sourceRow = new int[endRow - firstRow];
        for (int i = firstRow; i < endRow; i++) {
            a.sourceRow[i - firstRow] = parent.sourceRow(i);
        }
        a.panel = parent.isPanel();
        a.weighted = parent.isWeighted();
        a.rowDescriber = parent.rowDescriber();
        a.alternatives = parent.alternativeTable().range(firstRow, endRow);
        a.alternativesGiven = parent.hasAlternativeIds();
        a.markets = parent.marketTable().range(firstSituation, endSituation);
        a.marketsGiven = parent.hasMarkets();
        a.firstOrdinal = parent.firstOrdinal() + from;
        return a;
    }

    /** {@code values[from..to) - base}, copied. */
    private static int[] rebased(int[] values, int from, int to, int base) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = values[i] - base;
        }
        return out;
    }
}
