package org.mixlogit.stata;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mixlogit.InvalidDataException;
import org.mixlogit.MixlogitException;
import org.mixlogit.NumericalFailureException;

/**
 * Rewrites the engine's data problems in the words of the Stata data they came from. The plugin passes the engine
 * the sample's rows in order and the situations and decision-makers as ordinals (see {@link StataSample}), so the
 * engine's "row 5" is the fifth row of the sample and its "decision-maker 0" the first id in order; this gives them
 * back as the Stata observation ("observation 1234", what {@code list in 1234} shows) and the values of the group
 * and id variables. Immutable.
 */
final class StataTerms {
    /** The engine's row words: {@code RowDescriber.ONE_BASED}. */
    private static final Pattern ROW = Pattern.compile("\\brow (\\d+)\\b");
    /** A situation split between decision-makers: the ids in brackets are decision-maker ordinals. */
    private static final Pattern SPLIT = Pattern.compile("decision-maker ids \\((\\d+) in (row \\d+), (\\d+) in");
    private static final Pattern SITUATION = Pattern.compile("\\b([Cc]hoice situation) (\\d+)\\b");
    private static final Pattern DECISION_MAKER = Pattern.compile("\\b([Dd]ecision-maker) (\\d+)\\b");

    private final long[] observations;
    private final double[] situations;
    /** Empty for a cross-section, whose decision-makers are its situations. */
    private final double[] decisionMakers;

    /**
     * @param observations the Stata observation of each row passed to the engine; not modified, not copied
     * @param situations the group value of each situation ordinal; not modified, not copied
     * @param decisionMakers the id value of each decision-maker ordinal, empty without id(); not modified, not
     *                       copied
     */
    StataTerms(long[] observations, double[] situations, double[] decisionMakers) {
        this.observations = observations;
        this.situations = situations;
        this.decisionMakers = decisionMakers;
    }

    /** The exception with its message in Stata's terms (the same class, or {@code e} when nothing changes). */
    MixlogitException translate(MixlogitException e) {
        String message = e.getMessage();
        if (message == null) {
            return e;
        }
        String words = translate(message);
        if (words.equals(message)) {
            return e;
        }
        if (e instanceof InvalidDataException) {
            return new InvalidDataException(words, e);
        }
        if (e instanceof NumericalFailureException) {
            return new NumericalFailureException(words);
        }
        return e;
    }

    /** A message with rows, situations and decision-makers in Stata's terms. */
    String translate(String message) {
        double[] owners = decisionMakers.length > 0 ? decisionMakers : situations;
        String s = replace(message, SPLIT, m -> "decision-maker ids (" + value(owners, m.group(1)) + " in "
                + m.group(2) + ", " + value(owners, m.group(3)) + " in");
        s = replace(s, SITUATION, m -> m.group(1) + " " + value(situations, m.group(2)));
        s = replace(s, DECISION_MAKER, m -> m.group(1) + " " + value(owners, m.group(2)));
        return replace(s, ROW, m -> {
            int row = parse(m.group(1));
            return row >= 1 && row <= observations.length ? "observation " + observations[row - 1] : m.group();
        });
    }

    private static String replace(String s, Pattern pattern, Function<Matcher, String> by) {
        Matcher m = pattern.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value of an ordinal as Stata shows a whole number; the ordinal itself when out of range. */
    private static String value(double[] table, String ordinal) {
        int k = parse(ordinal);
        return k >= 0 && k < table.length ? PluginEstimation.stataNumber(table[k]) : ordinal;
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
