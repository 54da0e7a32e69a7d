package org.mixlogit.stata;

import java.util.List;

import org.mixlogit.InvalidDataException;
import org.mixlogit.InvalidSpecificationException;

/**
 * The estimation sample read from Stata once: each variable into an array, only observations that satisfy the
 * if/in restriction javacall was given (the ado's touse). A missing value there is an error naming the variable
 * and observation (the ado's markout should have excluded it).
 */
final class StataSample {
    final int[] situation;
    final int[] decisionMaker;
    final double[] chosen;
    final double[] attributes;
    final String[] attributeNames;
    final String[] characteristicNames;
    final double[] characteristics;
    final double[] weights;
    final int rows;

    StataSample(StataSession stata, PluginOptions options) {
        long total = stata.observations();
        int count = 0;
        for (long obs = 1; obs <= total; obs++) {
            if (stata.selected(obs)) {
                count++;
            }
        }
        if (count == 0) {
            throw new InvalidDataException("No observations in the estimation sample.");
        }
        rows = count;
        long[] selected = new long[count];
        int at = 0;
        for (long obs = 1; obs <= total; obs++) {
            if (stata.selected(obs)) {
                selected[at++] = obs;
            }
        }
        situation = ids(stata, options.group, selected);
        decisionMaker = options.id == null ? new int[0] : ids(stata, options.id, selected);
        chosen = column(stata, options.depvar, selected);
        List<String> names = options.attributes();
        attributeNames = names.toArray(new String[0]);
        attributes = new double[rows * attributeNames.length];
        for (int k = 0; k < attributeNames.length; k++) {
            System.arraycopy(column(stata, attributeNames[k], selected), 0, attributes, k * rows, rows);
        }
        if (options.cluster != null) {
            characteristicNames = new String[] {options.cluster};
            characteristics = column(stata, options.cluster, selected);
        } else {
            characteristicNames = new String[0];
            characteristics = new double[0];
        }
        weights = options.weight == null ? new double[0] : column(stata, options.weight, selected);
    }

    private static double[] column(StataSession stata, String name, long[] selected) {
        int v = stata.variable(name);
        if (v < 0) {
            throw new InvalidSpecificationException("Variable " + name + " not found.");
        }
        double[] out = new double[selected.length];
        for (int i = 0; i < selected.length; i++) {
            double x = stata.value(v, selected[i]);
            if (stata.isMissing(x)) {
                throw new InvalidDataException("Variable " + name + " is missing in observation " + selected[i]
                        + " of the estimation sample; drop it or impute it.");
            }
            out[i] = x;
        }
        return out;
    }

    private static int[] ids(StataSession stata, String name, long[] selected) {
        double[] values = column(stata, name, selected);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new InvalidDataException("Identifier " + name + " is " + v + " in observation " + selected[i]
                        + ": identifiers must be whole numbers (use egen group() to make them).");
            }
            out[i] = (int) v;
        }
        return out;
    }
}
