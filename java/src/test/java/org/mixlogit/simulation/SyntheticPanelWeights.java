package org.mixlogit.simulation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;

/** Rebuilds a data set in input order, optionally with a weight column or one attribute rescaled. */
final class SyntheticPanelWeights {
    private SyntheticPanelWeights() {
    }

    static ChoiceData withWeights(ChoiceData data, double[] rowWeights) {
        return rebuild(data, rowWeights, null, 1.0);
    }

    /** The same data with one attribute multiplied by a factor. */
    static ChoiceData scaleAttribute(ChoiceData data, String attribute, double factor) {
        return rebuild(data, null, attribute, factor);
    }

    private static ChoiceData rebuild(ChoiceData data, double[] rowWeights, String scaled, double factor) {
        int rows = data.rowCount();
        long[] situations = new long[rows];
        long[] people = new long[rows];
        double[] chosen = new double[rows];
        int[] start = data.situationStartRef();
        int[] dmStart = data.decisionMakerStartRef();
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                for (int i = start[s]; i < start[s + 1]; i++) {
                    int input = data.sourceRow(i);
                    situations[input] = data.situationId(s);
                    people[input] = data.decisionMakerId(n);
                    chosen[input] = data.chosenRowRef()[s] == i ? 1 : 0;
                }
            }
        }
        ChoiceDataBuilder b = ChoiceData.builder().situations(situations).decisionMakers(people).chosen(chosen)
                .weights(rowWeights);
        for (String name : data.attributeNames()) {
            double[] grouped = data.attributeColumn(name);
            double[] input = new double[rows];
            double f = name.equals(scaled) ? factor : 1.0;
            for (int i = 0; i < rows; i++) {
                input[data.sourceRow(i)] = grouped[i] * f;
            }
            b.attribute(name, input);
        }
        return b.build();
    }
}
