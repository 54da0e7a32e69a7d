package org.mixlogit.estimation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;

/**
 * Test data built for identification problems: {@link SimulatedChoices} (200 people, 2 situations, 4 alternatives;
 * price, quality, rare) with extra attribute columns, an income characteristic (1 + n mod 7) and, optionally,
 * other choices.
 */
final class DesignData {
    /** A column's value in a row. */
    interface Column {
        /**
         * @param row the grouped row
         * @param person the decision-maker
         * @param position the alternative's position in its situation (0..3)
         * @param base the base data
         */
        double value(int row, int person, int position, ChoiceData base);
    }

    static final ChoiceData BASE = SimulatedChoices.generate(200, 2, SimulatedChoices.TRUTH, 3);

    private final Map<String, Column> extra = new LinkedHashMap<>();
    private Column chosen;

    DesignData with(String name, Column column) {
        extra.put(name, column);
        return this;
    }

    /** Choices from a column instead (1 chosen; exactly one per situation). */
    DesignData chosen(Column column) {
        chosen = column;
        return this;
    }

    ChoiceData build() {
        int rows = BASE.rowCount();
        long[] sit = new long[rows];
        long[] id = new long[rows];
        double[] choice = new double[rows];
        double[] income = new double[rows];
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String a : BASE.attributeNames()) {
            values.put(a, BASE.attributeColumn(a));
        }
        for (String a : extra.keySet()) {
            values.put(a, new double[rows]);
        }
        for (int c : BASE.chosenRowRef()) {
            choice[c] = 1;
        }
        int[] dm = BASE.decisionMakerStartRef();
        int[] st = BASE.situationStartRef();
        for (int n = 0; n < BASE.decisionMakerCount(); n++) {
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                for (int i = st[t]; i < st[t + 1]; i++) {
                    sit[i] = t;
                    id[i] = n;
                    income[i] = 1 + n % 7;
                    for (Map.Entry<String, Column> e : extra.entrySet()) {
                        values.get(e.getKey())[i] = e.getValue().value(i, n, i - st[t], BASE);
                    }
                    if (chosen != null) {
                        choice[i] = chosen.value(i, n, i - st[t], BASE);
                    }
                }
            }
        }
        ChoiceDataBuilder b = ChoiceData.builder().situations(sit).decisionMakers(id).chosen(choice)
                .characteristic("income", income);
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            b.attribute(e.getKey(), e.getValue());
        }
        return b.build();
    }
}
