package org.mixlogit.bridge;

import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;

/** Builds choice data from the front ends' whole primitive columns (matrices flat, column-major). */
final class BridgeData {
    private BridgeData() {
    }

    /**
     * @param decisionMaker length 0 for a cross-section
     * @param chosen null for prediction data: the first row of each situation is marked chosen, which changes no
     *               probability
     * @param attributes n x names.length, column-major
     * @param characteristics n x characteristicNames.length, column-major
     * @param weights length 0 when unweighted
     */
    static ChoiceData build(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights) {
        return build(situation, decisionMaker, chosen, attributeNames, attributes, characteristicNames,
                characteristics, weights, null, null);
    }

    /**
     * As above, with the alternative label and the market of each row (null or length 0 for none). Data without
     * choices are prediction data.
     */
    static ChoiceData build(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String[] alternatives, String[] markets) {
        return build(situation, decisionMaker, chosen, attributeNames, attributes, characteristicNames,
                characteristics, weights, alternatives, markets, chosen == null);
    }

    /**
     * As above; with {@code forPrediction} the data are for prediction or post-estimation, not for estimating, and
     * skip the identification checks ({@link ChoiceDataBuilder#forPrediction()}): a counterfactual may hold an
     * attribute constant across alternatives.
     */
    static ChoiceData build(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String[] alternatives, String[] markets, boolean forPrediction) {
        int n = situation.length;
        ChoiceDataBuilder b = ChoiceData.builder().situations(situation)
                .decisionMakers(decisionMaker == null || decisionMaker.length == 0 ? null : decisionMaker);
        if (chosen != null) {
            b.chosen(chosen);
        }
        if (forPrediction) {
            b.forPrediction();
        }
        addColumns(b, attributeNames, attributes, n, true);
        addColumns(b, characteristicNames, characteristics, n, false);
        if (weights != null && weights.length > 0) {
            b.weights(weights);
        }
        if (alternatives != null && alternatives.length > 0) {
            b.alternatives(alternatives);
        }
        if (markets != null && markets.length > 0) {
            b.markets(markets);
        }
        return b.build();
    }

    private static void addColumns(ChoiceDataBuilder b, String[] names, double[] values, int n, boolean attribute) {
        if (names == null || names.length == 0) {
            return;
        }
        if (values == null || values.length != (long) names.length * n) {
            throw new InvalidDataException("The " + (attribute ? "attribute" : "characteristic") + " matrix has "
                    + (values == null ? 0 : values.length) + " values; " + names.length + " columns of " + n
                    + " rows need " + (long) names.length * n + ".");
        }
        for (int c = 0; c < names.length; c++) {
            double[] column = new double[n];
            System.arraycopy(values, c * n, column, 0, n);
            if (attribute) {
                b.attribute(names[c], column);
            } else {
                b.characteristic(names[c], column);
            }
        }
    }


    /** Values indexed by grouped row, reordered to the caller's input order. */
    static double[] inputOrder(ChoiceData data, double[] grouped) {
        double[] out = new double[grouped.length];
        for (int i = 0; i < grouped.length; i++) {
            out[data.sourceRow(i)] = grouped[i];
        }
        return out;
    }
}
