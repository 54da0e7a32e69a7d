package org.mixlogit.postestimation;

import java.util.List;
import java.util.Locale;

/**
 * A post-estimation quantity by market and alternative (and, for matrices, the other alternative) with its
 * uncertainty: delta-method standard error and confidence interval, optional Krinsky-Robb standard deviation and
 * percentile interval, and the simulation (integration) error — the standard deviation over independent draw
 * sets, or for quadrature the change under a more accurate rule. NaN marks what was not computed or is
 * undefined. Immutable; array accessors copy.
 */
public final class QuantityTable {
    private final String title;
    private final Keys keys;
    private final double[] estimate;
    private final double[] stderr;
    private final double[] krSd;
    private final double[] krLower;
    private final double[] krUpper;
    private final double[] simulationError;
    private final double level;
    private final String notes;

    QuantityTable(String title, Keys keys, double[] estimate, double[] stderr, double[] krSd, double[] krLower,
            double[] krUpper, double[] simulationError, double level, String notes) {
        this.title = title;
        this.keys = keys;
        this.estimate = estimate;
        this.stderr = stderr;
        this.krSd = krSd;
        this.krLower = krLower;
        this.krUpper = krUpper;
        this.simulationError = simulationError;
        this.level = level;
        this.notes = notes;
    }

    public String title() {
        return title;
    }

    public int size() {
        return estimate.length;
    }

    public List<String> markets() {
        return keys.market;
    }

    public List<String> alternatives() {
        return keys.alternative;
    }

    /** The other alternative of a matrix entry (null entries for shares). */
    public List<String> others() {
        return keys.other;
    }

    public double[] estimates() {
        return estimate.clone();
    }

    public double[] standardErrors() {
        return stderr.clone();
    }

    /** Delta-method interval at {@link #level()}. */
    public double[] lower() {
        double z = z();
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = estimate[i] - z * stderr[i];
        }
        return out;
    }

    public double[] upper() {
        double z = z();
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = estimate[i] + z * stderr[i];
        }
        return out;
    }

    public double[] krinskyRobbSd() {
        return krSd.clone();
    }

    public double[] krinskyRobbLower() {
        return krLower.clone();
    }

    public double[] krinskyRobbUpper() {
        return krUpper.clone();
    }

    public double[] simulationErrors() {
        return simulationError.clone();
    }

    public double level() {
        return level;
    }

    /** How the uncertainty was computed, in words (and any caveat of the quantity, {@link #withNote}). */
    public String notes() {
        return notes;
    }

    /** This table with {@code note} after its notes (itself when the note is empty). */
    QuantityTable withNote(String note) {
        if (note.isEmpty()) {
            return this;
        }
        return new QuantityTable(title, keys, estimate, stderr, krSd, krLower, krUpper, simulationError, level,
                notes.isEmpty() ? note : notes + " " + note);
    }

    /** The value for a market, alternative and other alternative (null for shares); NaN when absent. */
    public double estimate(String market, String alternative, String other) {
        for (int i = 0; i < size(); i++) {
            if (keys.market.get(i).equals(market) && keys.alternative.get(i).equals(alternative)
                    && java.util.Objects.equals(keys.other.get(i), other)) {
                return estimate[i];
            }
        }
        return Double.NaN;
    }

    private double z() {
        return new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(
                0.5 + level / 200.0);
    }

    /** A fixed-width text table. */
    public String text() {
        boolean matrix = keys.other.get(0) != null;
        boolean manyMarkets = !keys.market.stream().allMatch(m -> m.equals(keys.market.get(0)));
        boolean kr = finiteAny(krSd);
        boolean sim = finiteAny(simulationError);
        StringBuilder b = new StringBuilder();
        b.append(title).append('\n');
        String head = (manyMarkets ? String.format(Locale.ROOT, "%-10s ", "market") : "")
                + String.format(Locale.ROOT, "%-12s", matrix ? "from" : "alternative")
                + (matrix ? String.format(Locale.ROOT, " %-12s", "to") : "")
                + String.format(Locale.ROOT, " %11s %10s %11s %11s", "estimate", "std.err",
                        "[" + fmtLevel() + "% conf.", "interval]")
                + (kr ? String.format(Locale.ROOT, " %10s %11s %11s", "KR sd", "KR lower", "KR upper") : "")
                + (sim ? String.format(Locale.ROOT, " %10s", "sim.err") : "");
        b.append(head).append('\n').append("-".repeat(head.length())).append('\n');
        double[] lo = lower();
        double[] hi = upper();
        for (int i = 0; i < size(); i++) {
            if (manyMarkets) {
                b.append(String.format(Locale.ROOT, "%-10s ", cut(keys.market.get(i), 10)));
            }
            b.append(String.format(Locale.ROOT, "%-12s", cut(keys.alternative.get(i), 12)));
            if (matrix) {
                b.append(String.format(Locale.ROOT, " %-12s", cut(keys.other.get(i), 12)));
            }
            b.append(String.format(Locale.ROOT, " %11s %10s %11s %11s", num(estimate[i]), num(stderr[i]),
                    num(lo[i]), num(hi[i])));
            if (kr) {
                b.append(String.format(Locale.ROOT, " %10s %11s %11s", num(krSd[i]), num(krLower[i]),
                        num(krUpper[i])));
            }
            if (sim) {
                b.append(String.format(Locale.ROOT, " %10s", num(simulationError[i])));
            }
            b.append('\n');
        }
        b.append(notes).append('\n');
        return b.toString();
    }

    /** CSV with a header: market, alternative[, other], estimate, stderr, lower, upper, kr_sd, kr_lower, kr_upper, simulation_error. */
    public String csv() {
        boolean matrix = keys.other.get(0) != null;
        StringBuilder b = new StringBuilder("market,alternative," + (matrix ? "other," : "")
                + "estimate,stderr,lower,upper,kr_sd,kr_lower,kr_upper,simulation_error\n");
        double[] lo = lower();
        double[] hi = upper();
        for (int i = 0; i < size(); i++) {
            b.append(quote(keys.market.get(i))).append(',').append(quote(keys.alternative.get(i))).append(',');
            if (matrix) {
                b.append(quote(keys.other.get(i))).append(',');
            }
            double[] row = {estimate[i], stderr[i], lo[i], hi[i], krSd[i], krLower[i], krUpper[i],
                simulationError[i]};
            for (int c = 0; c < row.length; c++) {
                b.append(Double.isFinite(row[c]) ? Double.toString(row[c]) : "NA").append(c + 1 < row.length ? "," : "\n");
            }
        }
        return b.toString();
    }

    private String fmtLevel() {
        return level == Math.rint(level) ? Integer.toString((int) level) : Double.toString(level);
    }

    private static boolean finiteAny(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return true;
            }
        }
        return false;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : ".";
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
