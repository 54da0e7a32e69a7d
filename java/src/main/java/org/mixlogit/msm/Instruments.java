package org.mixlogit.msm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * The instruments z_tj of the moment conditions E[(y_tj - s_tj(theta)) z_tj] = 0: one value per grouped row and
 * instrument, stored row-major ({@code rows x L}) and centred within each choice situation. Centring changes no
 * moment (the residuals of a situation sum to zero) but shows at once which instruments carry information: one
 * constant within every situation contributes nothing and is rejected, as is one that is a linear combination of
 * the others. Immutable.
 */
public final class Instruments {
    /** Relative size below which a centred column (or its part orthogonal to the others) counts as zero. */
    private static final double TOLERANCE = 1e-9;

    private final List<String> names;
    private final List<String> dropped;
    private final double[] values;
    private final int rows;
    private final String description;

    private Instruments(List<String> names, List<String> dropped, double[] values, int rows, String description) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.dropped = Collections.unmodifiableList(new ArrayList<>(dropped));
        this.values = values;
        this.rows = rows;
        this.description = description;
    }

    /**
     * User instruments: columns of the data, attributes (row-level values; they need not be in the model) or
     * decision-maker characteristics. A column without variation within situations (a characteristic always),
     * or one that is a linear combination of the columns before it, is an error naming it.
     */
    public static Instruments columns(ChoiceData data, List<String> columns) {
        if (columns.isEmpty()) {
            throw new InvalidSpecificationException("No instrument columns given: name attribute columns of the data,"
                    + " or use the default or optimal instruments.");
        }
        List<String> names = new ArrayList<>();
        List<double[]> candidates = new ArrayList<>();
        for (String c : columns) {
            if (names.contains(c)) {
                throw new InvalidSpecificationException("Instrument '" + c + "' is listed twice.");
            }
            names.add(c);
            candidates.add(column(data, c));
        }
        return select(data, names, candidates, true, "columns " + String.join(", ", columns));
    }

    /**
     * Default instruments that identify means and spreads: every attribute of the model, its square, its products
     * with the characteristics that shift its mean, and the products of the members of a correlated block.
     * Candidates that carry nothing new (the square of a 0/1 dummy, say) are dropped and listed in
     * {@link #dropped()}.
     */
    public static Instruments defaults(ChoiceData data, ModelSpec spec) {
        List<String> names = new ArrayList<>();
        List<double[]> candidates = new ArrayList<>();
        List<CoefficientSpec> cs = spec.coefficients();
        double[] chars = data.characteristicsRef();
        int cc = data.characteristicCount();
        int[] owner = decisionMakerOfRow(data);
        for (CoefficientSpec c : cs) {
            names.add(c.attribute());
            candidates.add(data.attributeColumn(c.attribute()));
        }
        for (CoefficientSpec c : cs) {
            double[] x = data.attributeColumn(c.attribute());
            double[] sq = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                sq[i] = x[i] * x[i];
            }
            names.add(c.attribute() + "^2");
            candidates.add(sq);
            for (String h : c.heterogeneity()) {
                int col = data.characteristicIndex(h);
                double[] prod = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    prod[i] = x[i] * chars[owner[i] * cc + col];
                }
                names.add(c.attribute() + "*" + h);
                candidates.add(prod);
            }
        }
        List<String> block = spec.correlated();
        for (int a = 0; a < block.size(); a++) {
            double[] xa = data.attributeColumn(block.get(a));
            for (int b = 0; b < a; b++) {
                double[] xb = data.attributeColumn(block.get(b));
                double[] prod = new double[xa.length];
                for (int i = 0; i < xa.length; i++) {
                    prod[i] = xa[i] * xb[i];
                }
                names.add(block.get(a) + "*" + block.get(b));
                candidates.add(prod);
            }
        }
        return select(data, names, candidates, false, "default (attributes, squares, interactions)");
    }

    /**
     * Optimal instruments (Chamberlain 1987, Amemiya 1977): the scores d log s_tj / d theta of every parameter,
     * from probabilities and their Jacobian computed at a first-step estimate. A parameter whose score has no
     * variation is not identified there; that is an error naming it.
     *
     * @param shares Not modified: simulated probabilities per grouped row
     * @param jacobian Not modified: rows x P, their derivatives
     */
    public static Instruments scores(ChoiceData data, List<String> parameters, double[] shares, double[] jacobian,
            String description) {
        int p = parameters.size();
        int n = data.rowCount();
        List<double[]> candidates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = shares[i] > 0 ? jacobian[i * p + j] / shares[i] : 0.0;
            }
            candidates.add(z);
            names.add("dlog s/d " + parameters.get(j));
        }
        return select(data, names, candidates, true, description);
    }

    /**
     * Centres every candidate within situations and keeps those with a part orthogonal to the kept ones (modified
     * Gram-Schmidt); with {@code strict}, a rejected candidate is an error.
     */
    private static Instruments select(ChoiceData data, List<String> names, List<double[]> candidates,
            boolean strict, String description) {
        int n = data.rowCount();
        int[] start = data.situationStartRef();
        List<double[]> kept = new ArrayList<>();
        List<double[]> basis = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            double[] z = candidates.get(c).clone();
            double raw = 0;
            for (int t = 0; t < data.situationCount(); t++) {
                double mean = 0;
                for (int i = start[t]; i < start[t + 1]; i++) {
                    mean += z[i];
                    raw = Math.max(raw, Math.abs(z[i]));
                }
                mean /= start[t + 1] - start[t];
                for (int i = start[t]; i < start[t + 1]; i++) {
                    z[i] -= mean;
                }
            }
            if (!allFinite(z)) {
                throw new InvalidSpecificationException("Instrument '" + names.get(c) + "' has a missing or"
                        + " non-finite value: fix the column or drop it from the instruments.");
            }
            double norm = norm(z);
            String why = null;
            if (!(norm > TOLERANCE * Math.max(raw, 1e-300) * Math.sqrt(n)) || norm == 0) {
                why = "takes the same value for every alternative within each choice situation, so its moment is"
                        + " identically zero (the residuals of a situation sum to zero)";
            } else {
                double[] u = z.clone();
                for (double[] e : basis) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += e[i] * u[i];
                    }
                    for (int i = 0; i < n; i++) {
                        u[i] -= dot * e[i];
                    }
                }
                double rest = norm(u);
                if (!(rest > 1e-7 * norm)) {
                    why = "is a linear combination of the instruments before it (" + String.join(", ", keptNames)
                            + ") within situations, so it adds no moment";
                } else {
                    for (int i = 0; i < n; i++) {
                        u[i] /= rest;
                    }
                    basis.add(u);
                    kept.add(z);
                    keptNames.add(names.get(c));
                }
            }
            if (why != null) {
                if (strict) {
                    throw new InvalidSpecificationException("Instrument '" + names.get(c) + "' " + why + ": drop it,"
                            + " or use instruments that vary across the alternatives of a situation.");
                }
                dropped.add(names.get(c));
            }
        }
        int l = kept.size();
        org.mixlogit.simulation.MemoryLimit.require("the instruments (" + n + " rows x " + l + ")", (double) n * l, 0,
                "use fewer instruments");
        double[] values = new double[n * l];
        for (int c = 0; c < l; c++) {
            double[] z = kept.get(c);
            for (int i = 0; i < n; i++) {
                values[i * l + c] = z[i];
            }
        }
        return new Instruments(keptNames, dropped, values, n, description);
    }

    /**
     * Fails unless there are at least as many instruments as parameters.
     *
     * @param parameters names of the model's parameters
     */
    public void requireOrderCondition(List<String> parameters) {
        if (names.size() < parameters.size()) {
            throw new InvalidSpecificationException(String.format(Locale.ROOT, "The model is under-identified: %d"
                    + " instrument(s) (%s) for %d parameters (%s). Give at least as many instruments as parameters,"
                    + " e.g. add squares of the attributes of random coefficients, or use the optimal instruments.",
                    names.size(), String.join(", ", names), parameters.size(), String.join(", ", parameters)));
        }
    }

    /** An attribute column, or a characteristic spread over the decision-maker's rows. */
    private static double[] column(ChoiceData data, String name) {
        if (!data.attributeNames().contains(name) && data.characteristicNames().contains(name)) {
            int c = data.characteristicIndex(name);
            int cc = data.characteristicCount();
            double[] chars = data.characteristicsRef();
            int[] owner = decisionMakerOfRow(data);
            double[] out = new double[data.rowCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = chars[owner[i] * cc + c];
            }
            return out;
        }
        return data.attributeColumn(name);
    }

    private static int[] decisionMakerOfRow(ChoiceData data) {
        int[] out = new int[data.rowCount()];
        int[] dm = data.decisionMakerStartRef();
        int[] s = data.situationStartRef();
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            for (int i = s[dm[n]]; i < s[dm[n + 1]]; i++) {
                out[i] = n;
            }
        }
        return out;
    }

    private static double norm(double[] z) {
        double ss = 0;
        for (double v : z) {
            ss += v * v;
        }
        return Math.sqrt(ss);
    }

    private static boolean allFinite(double[] z) {
        for (double v : z) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Instrument count L. */
    public int count() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    /** Default candidates left out because they added nothing (empty for user and optimal instruments). */
    public List<String> dropped() {
        return dropped;
    }

    /** Rows x L, row-major, centred within situations. Not to be modified. */
    public double[] valuesRef() {
        return values;
    }

    public int rows() {
        return rows;
    }

    /** Where the instruments come from, in words. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "Instruments[" + description + ": " + names + (dropped.isEmpty() ? "" : ", dropped " + dropped) + "]";
    }
}
