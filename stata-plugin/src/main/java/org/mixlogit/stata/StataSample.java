package org.mixlogit.stata;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import org.mixlogit.InvalidDataException;
import org.mixlogit.InvalidSpecificationException;

/**
 * A sample read from Stata once: each variable into an array, only observations that satisfy the if/in
 * restriction javacall was given (the ado's touse). A missing value there is an error naming the variable and
 * observation (the ado's markout should have excluded it). Alternatives and markets, numeric or string, become
 * labels (whole numbers without a decimal point). {@link #observations} gives the Stata observation of each row.
 */
final class StataSample {
    final int[] situation;
    final int[] decisionMaker;
    /** null when the sample has no choice variable. */
    final double[] chosen;
    final double[] attributes;
    final String[] attributeNames;
    final String[] characteristicNames;
    final double[] characteristics;
    final double[] weights;
    final String[] alternatives;
    final String[] markets;
    /** The 1-based Stata observation of each row. */
    final long[] observations;
    final int rows;

    StataSample(StataSession stata, SampleVariables variables) {
        long[] selected = selected(stata);
        if (variables.estimationOrder) {
            selected = estimationOrder(stata, variables, selected);
        }
        observations = selected;
        rows = selected.length;
        situation = ids(stata, variables.group, selected);
        decisionMaker = variables.id == null ? new int[0] : ids(stata, variables.id, selected);
        chosen = variables.choice == null ? null : column(stata, variables.choice, selected);
        attributeNames = variables.attributes.toArray(new String[0]);
        attributes = columns(stata, attributeNames, selected);
        characteristicNames = variables.characteristics.toArray(new String[0]);
        characteristics = columns(stata, characteristicNames, selected);
        weights = variables.weight == null ? new double[0] : column(stata, variables.weight, selected);
        alternatives = variables.alternatives == null ? new String[0] : labels(stata, variables.alternatives, selected);
        markets = variables.market == null ? new String[0] : labels(stata, variables.market, selected);
    }

    private static long[] selected(StataSession stata) {
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
        long[] selected = new long[count];
        int at = 0;
        for (long obs = 1; obs <= total; obs++) {
            if (stata.selected(obs)) {
                selected[at++] = obs;
            }
        }
        return selected;
    }

    /** The rows as jmixlogit.ado's {@code sort panelvar group, stable} put them. */
    private static long[] estimationOrder(StataSession stata, SampleVariables variables, long[] selected) {
        double[] panel = column(stata, variables.id != null ? variables.id : variables.group, selected);
        double[] group = column(stata, variables.group, selected);
        Integer[] order = new Integer[selected.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Arrays.sort on objects is stable
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> panel[i]).thenComparingDouble(i -> group[i]));
        long[] out = new long[selected.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = selected[order[i]];
        }
        return out;
    }

    private static double[] columns(StataSession stata, String[] names, long[] selected) {
        int n = selected.length;
        double[] out = new double[n * names.length];
        for (int k = 0; k < names.length; k++) {
            System.arraycopy(column(stata, names[k], selected), 0, out, k * n, n);
        }
        return out;
    }

    private static int variable(StataSession stata, String name) {
        int v = stata.variable(name);
        if (v < 0) {
            throw new InvalidSpecificationException("Variable " + name + " not found.");
        }
        return v;
    }

    private static double[] column(StataSession stata, String name, long[] selected) {
        int v = variable(stata, name);
        if (stata.isString(v)) {
            throw new InvalidDataException("Variable " + name + " is a string variable; it must be numeric.");
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

    private static String[] labels(StataSession stata, String name, long[] selected) {
        int v = variable(stata, name);
        String[] out = new String[selected.length];
        if (stata.isString(v)) {
            for (int i = 0; i < selected.length; i++) {
                out[i] = stata.text(v, selected[i]).trim();
                if (out[i].isEmpty()) {
                    throw new InvalidDataException("Variable " + name + " is empty in observation " + selected[i]
                            + " of the sample; drop it or fill it in.");
                }
            }
            return out;
        }
        double[] values = column(stata, name, selected);
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            out[i] = x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                    : String.format(Locale.ROOT, "%s", x);
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
