package org.mixlogit.stata;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mixlogit.InvalidDataException;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.MixlogitException;

/**
 * A sample read from Stata once: each variable into an array, only observations that satisfy the if/in
 * restriction javacall was given (the ado's touse), in the data's order (the engine puts rows in its own canonical
 * order by id, so results do not depend on the order of the data). A missing value there is an error naming the
 * variable and observation (the ado's markout should have excluded it). Alternatives and markets, numeric or
 * string, become labels (whole numbers without a decimal point); a string characteristic is coded by its values.
 * An identifier stored as float above 2^24 (where float rounds whole numbers together) and a cluster variable that
 * changes within a decision-maker are errors too; the engine's own problems are put back in these terms by
 * {@link #inStataTerms}.
 *
 * <p>Identifiers (decision-makers and situations) are passed to the engine as ordinals of their values: those in the
 * estimation sample first, in the order of their values, then the others, so ids of any size (10-12 digit household
 * ids) work, and the engine, which keys draws by a decision-maker's ordinal, gives every decision-maker of the
 * estimation sample the draws it had at estimation, whichever other rows are predicted with it.
 * {@link #observations} gives the Stata observation of each row.
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
    /** Whether each row was selected by if/in (false: read only to keep a decision-maker of the estimation sample). */
    final boolean[] requested;
    /** Decision-makers of the estimation sample that could not be kept: no complete choice situation is left. */
    final int notKept;
    final int rows;
    /** Number of distinct values of the cluster variable, -1 without one. */
    final int clusters;
    /** 2^24: beyond it a float variable cannot hold every whole number. */
    private static final double FLOAT_WHOLE = 16_777_216;
    /** The group variable's value of each situation ordinal the engine receives. */
    private final double[] situationValues;
    /** The id variable's value of each decision-maker ordinal; empty without id(). */
    private final double[] decisionMakerValues;

    StataSample(StataSession stata, SampleVariables variables) {
        this(stata, variables, false);
    }

    /**
     * @param withEstimationSample keep every decision-maker of the estimation sample (variables.estimationSample) in
     *                             the data, so that each has the ordinal, and so the draws, it had in the estimation:
     *                             one that no selected row belongs to comes with its first complete choice situation
     *                             of the estimation sample (read only to keep it: {@link #requested} marks the
     *                             selected rows; {@link #notKept} counts those without one)
     */
    StataSample(StataSession stata, SampleVariables variables, boolean withEstimationSample) {
        long[] selected;
        if (withEstimationSample && variables.estimationSample != null) {
            EstimationSampleKeeper keeper = new EstimationSampleKeeper(stata, variables);
            selected = keeper.observations();
            notKept = keeper.notKept();
        } else {
            selected = selected(stata);
            notKept = 0;
        }
        observations = selected;
        rows = selected.length;
        requested = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            requested[i] = stata.selected(selected[i]);
        }
        boolean[] first = variables.estimationSample == null ? null
                : flags(column(stata, variables.estimationSample, selected));
        double[][] situationTable = new double[1][];
        situation = ids(stata, variables.group, selected, first, situationTable);
        situationValues = situationTable[0];
        double[][] decisionMakerTable = {new double[0]};
        decisionMaker = variables.id == null ? new int[0]
                : ids(stata, variables.id, selected, first, decisionMakerTable);
        decisionMakerValues = decisionMakerTable[0];
        chosen = variables.choice == null ? null : column(stata, variables.choice, selected);
        attributeNames = variables.attributes.toArray(new String[0]);
        attributes = columns(stata, attributeNames, selected);
        characteristicNames = variables.characteristics.toArray(new String[0]);
        characteristics = columns(stata, characteristicNames, selected);
        weights = variables.weight == null ? new double[0] : column(stata, variables.weight, selected);
        alternatives = variables.alternatives == null ? new String[0] : labels(stata, variables.alternatives, selected);
        markets = variables.market == null ? new String[0] : labels(stata, variables.market, selected);
        clusters = variables.cluster == null ? -1 : clusters(stata, variables, selected);
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
            throw new InvalidDataException("No observations in the sample.");
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

    private static boolean[] flags(double[] values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] != 0;
        }
        return out;
    }

    private static double[] columns(StataSession stata, String[] names, long[] selected) {
        int n = selected.length;
        double[] out = new double[n * names.length];
        for (int k = 0; k < names.length; k++) {
            int v = variable(stata, names[k]);
            double[] column = stata.isString(v) ? codes(stata, names[k], selected) : column(stata, names[k], selected);
            System.arraycopy(column, 0, out, k * n, n);
        }
        return out;
    }

    /** The index of a variable that must exist. */
    static int variable(StataSession stata, String name) {
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
                        + " of the sample; drop it or impute it.");
            }
            out[i] = x;
        }
        return out;
    }

    /** A string variable's values as 0, 1, 2, ... in the order of the strings. */
    private static double[] codes(StataSession stata, String name, long[] selected) {
        String[] text = labels(stata, name, selected);
        TreeMap<String, Integer> code = new TreeMap<>();
        for (String t : text) {
            code.put(t, 0);
        }
        int k = 0;
        for (String t : code.keySet()) {
            code.put(t, k++);
        }
        double[] out = new double[text.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = code.get(text[i]);
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

    /**
     * The number of clusters of vce(cluster): distinct values of the cluster variable, each of which must hold whole
     * decision-makers (situations without id()), since the engine sums the scores of decision-makers.
     */
    private int clusters(StataSession stata, SampleVariables variables, long[] selected) {
        String name = variables.cluster;
        int v = variable(stata, name);
        int[] owner = decisionMaker.length > 0 ? decisionMaker : situation;
        String[] value = new String[selected.length];
        Map<Integer, Integer> firstRow = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < selected.length; i++) {
            long obs = selected[i];
            value[i] = stata.isString(v) ? stata.text(v, obs).trim() : Double.toString(stata.value(v, obs));
            seen.add(value[i]);
            Integer first = firstRow.putIfAbsent(owner[i], i);
            if (first != null && !value[first].equals(value[i])) {
                String unit = decisionMaker.length > 0 ? "decision-maker (" + variables.id : "choice situation ("
                        + variables.group;
                throw new InvalidDataException("vce(cluster " + name + "): " + name + " changes within a " + unit
                        + " == " + PluginEstimation.stataNumber(stata.value(variable(stata, decisionMaker.length > 0
                        ? variables.id : variables.group), obs)) + ": observations " + selected[first] + " and "
                        + obs + "); each cluster must hold whole " + (decisionMaker.length > 0 ? "decision-makers,"
                        + " as their choices are one observation of the panel: cluster by " + variables.id
                        + " or by a variable constant within it." : "choice situations: cluster by "
                        + variables.group + " or by a variable constant within it."));
            }
        }
        return seen.size();
    }

    /**
     * Ordinals of an identifier's values: rows flagged {@code first} (the estimation sample) before the others,
     * each set in the order of the values. Whole numbers of any size are accepted.
     *
     * @param first null when every row is in the estimation sample; not modified
     * @param table Modified: element 0 is set to the value of each ordinal
     */
    private static int[] ids(StataSession stata, String name, long[] selected, boolean[] first, double[][] table) {
        double[] values = column(stata, name, selected);
        boolean stored = stata.isFloat(variable(stata, name));
        double[] inSample = new double[values.length];
        int m = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v)) {
                throw new InvalidDataException("Identifier " + name + " is " + v + " in observation " + selected[i]
                        + ": identifiers must be whole numbers (use egen group() to make them).");
            }
            if (stored && Math.abs(v) > FLOAT_WHOLE) {
                throw new InvalidDataException("Identifier " + name + " is stored as float and is "
                        + PluginEstimation.stataNumber(v) + " in observation " + selected[i] + ": above 16,777,216 a"
                        + " float cannot hold every whole number, so ids that differed may have been rounded to the"
                        + " same value, which joins their rows. Make it again as long or double (generate long "
                        + name + " = ..., or egen long " + name + " = group(...)); if its values are right, recast"
                        + " double " + name + ".");
            }
            if (first == null || first[i]) {
                inSample[m++] = v;
            }
        }
        inSample = distinctSorted(inSample, m);
        double[] others = new double[values.length - m];
        int o = 0;
        for (int i = 0; i < values.length; i++) {
            if (first != null && !first[i] && Arrays.binarySearch(inSample, values[i]) < 0) {
                others[o++] = values[i];
            }
        }
        others = distinctSorted(others, o);
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            int k = Arrays.binarySearch(inSample, values[i]);
            out[i] = k >= 0 ? k : inSample.length + Arrays.binarySearch(others, values[i]);
        }
        table[0] = new double[inSample.length + others.length];
        System.arraycopy(inSample, 0, table[0], 0, inSample.length);
        System.arraycopy(others, 0, table[0], inSample.length, others.length);
        return out;
    }

    /**
     * The engine's problem in the user's terms: the engine numbers the rows it was given from 1 and knows situations
     * and decision-makers by the ordinals this sample gave them, so "row 5" becomes the Stata observation of that
     * row and the ordinals become the values of the group and id variables (see {@link StataTerms}).
     */
    MixlogitException inStataTerms(MixlogitException e) {
        return new StataTerms(observations, situationValues, decisionMakerValues).translate(e);
    }

    /** The distinct values among the first {@code count} of {@code values} (Modified: sorted), in order. */
    private static double[] distinctSorted(double[] values, int count) {
        Arrays.sort(values, 0, count);
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (k == 0 || Double.compare(values[i], values[k - 1]) != 0) {
                values[k++] = values[i];
            }
        }
        return Arrays.copyOf(values, k);
    }
}
