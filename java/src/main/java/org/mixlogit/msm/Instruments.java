package org.mixlogit.msm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;
import org.mixlogit.simulation.PartInstruments;
import org.mixlogit.simulation.SimulatedShares;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * The instruments z_tj of the moment conditions E[(y_tj - s_tj(theta)) z_tj] = 0: one value per grouped row and
 * instrument, stored row-major ({@code rows x L}) and centred within each choice situation. Centring changes no
 * moment (the residuals of a situation sum to zero) but shows at once which instruments carry information: one
 * constant within every situation contributes nothing and is rejected, as is one that is a linear combination of
 * the others.
 *
 * <p>Every value depends on its own row's situation and decision-maker only, so the values are computed where the
 * rows live ({@link #part()}); the choice of instruments reads the centred candidates' cross-products, maxima and
 * finiteness, sums over decision-makers computed on the backend ({@link Backend#partials}) and added in canonical
 * block order, so every backend keeps the same instruments. Immutable.
 */
public final class Instruments {
    /** Relative size below which a centred column (or its part orthogonal to the others) counts as zero. */
    private static final double TOLERANCE = 1e-9;

    /** The candidate columns of a part's rows, uncentred, in the candidates' order. */
    @FunctionalInterface
    interface Candidates extends java.io.Serializable {
        double[][] columns(ChoiceData part);
    }

    private final List<String> names;
    private final List<String> dropped;
    private final Candidates candidates;
    private final int[] kept;
    private final double[] values;
    private final int rows;
    private final String description;

    private Instruments(List<String> names, List<String> dropped, Candidates candidates, int[] kept, double[] values,
            int rows, String description) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.dropped = Collections.unmodifiableList(new ArrayList<>(dropped));
        this.candidates = candidates;
        this.kept = kept;
        this.values = values;
        this.rows = rows;
        this.description = description;
    }

    /**
     * User instruments: columns of the data, attributes (row-level values; they need not be in the model) or
     * decision-maker characteristics. A column without variation within situations (a characteristic always),
     * or one that is a linear combination of the columns before it, is an error naming it. The values are computed
     * here ({@link #valuesRef()}).
     */
    public static Instruments columns(ChoiceData data, List<String> columns) {
        return columns(data, columns, null);
    }

    /**
     * As {@link #columns(ChoiceData, List)}, chosen by sums on {@code backend}; the values are left where the rows
     * live ({@link #part()}).
     */
    public static Instruments columns(ChoiceData data, List<String> columns, Backend backend) {
        if (columns.isEmpty()) {
            throw new InvalidSpecificationException("No instrument columns given: name attribute columns of the data,"
                    + " or use the default or optimal instruments.");
        }
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            if (names.contains(c)) {
                throw new InvalidSpecificationException("Instrument '" + c + "' is listed twice.");
            }
            if (!data.attributeNames().contains(c) && !data.characteristicNames().contains(c)) {
                data.attributeIndex(c);
            }
            names.add(c);
        }
        List<String> given = List.copyOf(names);
        Candidates candidates = part -> {
            double[][] out = new double[given.size()][];
            for (int c = 0; c < out.length; c++) {
                out[c] = column(part, given.get(c));
            }
            return out;
        };
        return select(data, backend, names, candidates, true, "columns " + String.join(", ", columns));
    }

    /**
     * Default instruments that identify means and spreads: every attribute of the model, its square, its products
     * with the characteristics that shift its mean, and the products of the members of a correlated block.
     * Candidates that carry nothing new (the square of a 0/1 dummy, say) are dropped and listed in
     * {@link #dropped()}. The values are computed here ({@link #valuesRef()}).
     */
    public static Instruments defaults(ChoiceData data, ModelSpec spec) {
        return defaults(data, spec, null);
    }

    /** As {@link #defaults(ChoiceData, ModelSpec)}, chosen by sums on {@code backend}; values where rows live. */
    public static Instruments defaults(ChoiceData data, ModelSpec spec, Backend backend) {
        List<String> names = new ArrayList<>();
        for (CoefficientSpec c : spec.coefficients()) {
            names.add(c.attribute());
        }
        for (CoefficientSpec c : spec.coefficients()) {
            names.add(c.attribute() + "^2");
            for (String h : c.heterogeneity()) {
                names.add(c.attribute() + "*" + h);
            }
        }
        List<String> block = spec.correlated();
        for (int a = 0; a < block.size(); a++) {
            for (int b = 0; b < a; b++) {
                names.add(block.get(a) + "*" + block.get(b));
            }
        }
        return select(data, backend, names, part -> defaultColumns(part, spec), false,
                "default (attributes, squares, interactions)");
    }

    private static double[][] defaultColumns(ChoiceData data, ModelSpec spec) {
        List<double[]> candidates = new ArrayList<>();
        List<CoefficientSpec> cs = spec.coefficients();
        double[] chars = data.characteristicsRef();
        int cc = data.characteristicCount();
        int[] owner = decisionMakerOfRow(data);
        for (CoefficientSpec c : cs) {
            candidates.add(data.attributeColumn(c.attribute()));
        }
        for (CoefficientSpec c : cs) {
            double[] x = data.attributeColumn(c.attribute());
            double[] sq = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                sq[i] = x[i] * x[i];
            }
            candidates.add(sq);
            for (String h : c.heterogeneity()) {
                int col = data.characteristicIndex(h);
                double[] prod = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    prod[i] = x[i] * chars[owner[i] * cc + col];
                }
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
                candidates.add(prod);
            }
        }
        return candidates.toArray(new double[0][]);
    }

    /**
     * Optimal instruments (Chamberlain 1987, Amemiya 1977): the scores d log s_tj / d theta of every parameter,
     * from probabilities and their Jacobian simulated at a first-step estimate where the rows live (each row's from
     * its own decision-maker, so any split gives the same bits). A parameter whose score has no variation is not
     * identified there; that is an error naming it.
     *
     * @param theta Not modified: the first-step estimate
     * @param threads threads of each part's simulator
     */
    public static Instruments scores(ChoiceData data, ModelSpec spec, IntegrationConfig integration, double[] theta,
            int threads, String description, Backend backend) {
        List<String> parameters = spec.layout().names();
        int p = parameters.size();
        double[] at = theta.clone();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("dlog s/d " + parameters.get(j));
        }
        Candidates candidates = part -> {
            int n = part.rowCount();
            double[] shares = new double[n];
            double[] jacobian = new double[n * p];
            try (SimulatedShares s = Simulators.shares(part, spec, integration, threads)) {
                s.evaluate(at, shares, jacobian);
            }
            double[][] out = new double[p][n];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) {
                    out[j][i] = shares[i] > 0 ? jacobian[i * p + j] / shares[i] : 0.0;
                }
            }
            return out;
        };
        return select(data, backend, names, candidates, true, description);
    }

    /**
     * Centres every candidate within situations and keeps those with a part orthogonal to the kept ones (Cholesky
     * factor of the centred candidates' cross-products, added in block order); with {@code strict}, a rejected
     * candidate is an error. Without a backend the values are computed here (local data).
     */
    private static Instruments select(ChoiceData data, Backend backend, List<String> names, Candidates candidates,
            boolean strict, String description) {
        int c = names.size();
        int n = data.rowCount();
        int width = c * (c + 1) / 2 + 2 * c;
        Backend on = backend != null ? backend : Backend.local(1);
        List<BlockPartials> parts = on.partials(data, part -> candidateSums(part, candidates, width));
        double[] sums = BlockPartials.total(parts);
        double[] max = BlockPartials.maximum(parts);
        int gram = c * (c + 1) / 2;
        List<Integer> keptIndex = new ArrayList<>();
        List<double[]> factor = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            if (sums[gram + c + k] != 0) {
                throw new InvalidSpecificationException("Instrument '" + names.get(k) + "' has a missing or"
                        + " non-finite value: fix the column or drop it from the instruments.");
            }
            double raw = Math.max(0, max[gram + k]);
            double norm = Math.sqrt(sums[upper(k, k, c)]);
            String why = null;
            if (!(norm > TOLERANCE * Math.max(raw, 1e-300) * Math.sqrt(n)) || norm == 0) {
                why = "takes the same value for every alternative within each choice situation, so its moment is"
                        + " identically zero (the residuals of a situation sum to zero)";
            } else {
                int m = keptIndex.size();
                double[] row = new double[m + 1];
                double projected = 0;
                for (int a = 0; a < m; a++) {
                    double[] fa = factor.get(a);
                    double v = sums[upper(keptIndex.get(a), k, c)];
                    for (int b = 0; b < a; b++) {
                        v -= fa[b] * row[b];
                    }
                    row[a] = v / fa[a];
                    projected += row[a] * row[a];
                }
                double rest = Math.sqrt(Math.max(0, sums[upper(k, k, c)] - projected));
                if (!(rest > 1e-7 * norm)) {
                    why = "is a linear combination of the instruments before it (" + String.join(", ", keptNames)
                            + ") within situations, so it adds no moment";
                } else {
                    row[m] = rest;
                    factor.add(row);
                    keptIndex.add(k);
                    keptNames.add(names.get(k));
                }
            }
            if (why != null) {
                if (strict) {
                    throw new InvalidSpecificationException("Instrument '" + names.get(k) + "' " + why + ": drop it,"
                            + " or use instruments that vary across the alternatives of a situation.");
                }
                dropped.add(names.get(k));
            }
        }
        int[] kept = keptIndex.stream().mapToInt(Integer::intValue).toArray();
        double[] values = backend == null ? values(data, candidates, kept) : null;
        return new Instruments(keptNames, dropped, candidates, kept, values, n, description);
    }

    /** Index of entry (a, b), a <= b, of the packed upper triangle of a c x c matrix. */
    private static int upper(int a, int b, int c) {
        int i = Math.min(a, b);
        int j = Math.max(a, b);
        return i * c - i * (i - 1) / 2 + (j - i);
    }

    /**
     * A part's block partials of the centred candidates' cross-products (packed upper triangle), their largest
     * absolute uncentred values and their non-finite centred values' counts, each decision-maker's rows in order.
     */
    private static BlockPartials candidateSums(ChoiceData part, Candidates candidates, int width) {
        double[][] raw = candidates.columns(part);
        int c = raw.length;
        double[][] z = new double[c][];
        for (int a = 0; a < c; a++) {
            z[a] = raw[a].clone();
            centre(part, z[a]);
        }
        int gram = c * (c + 1) / 2;
        int[] dm = part.decisionMakerStartRef();
        int[] s = part.situationStartRef();
        return DataSums.partials(part, width, (d, person, out, at) -> {
            for (int i = s[dm[person]]; i < s[dm[person + 1]]; i++) {
                int e = at;
                for (int a = 0; a < c; a++) {
                    for (int b = a; b < c; b++) {
                        out[e++] += z[a][i] * z[b][i];
                    }
                }
                for (int a = 0; a < c; a++) {
                    out[at + gram + a] = Math.max(out[at + gram + a], Math.abs(raw[a][i]));
                    if (!Double.isFinite(z[a][i])) {
                        out[at + gram + c + a] += 1;
                    }
                }
            }
        });
    }

    /**
     * Centres a column within the part's situations.
     *
     * @param z <b>Modified</b>: one value per grouped row of {@code part}
     */
    private static void centre(ChoiceData part, double[] z) {
        int[] start = part.situationStartRef();
        for (int t = 0; t < part.situationCount(); t++) {
            double mean = 0;
            for (int i = start[t]; i < start[t + 1]; i++) {
                mean += z[i];
            }
            mean /= start[t + 1] - start[t];
            for (int i = start[t]; i < start[t + 1]; i++) {
                z[i] -= mean;
            }
        }
    }

    /** The kept candidates of a part's rows, centred, rows x L row-major. */
    private static double[] values(ChoiceData part, Candidates candidates, int[] kept) {
        int n = part.rowCount();
        int l = kept.length;
        org.mixlogit.simulation.MemoryLimit.require("the instruments (" + n + " rows x " + l + ")", (double) n * l, 0,
                "use fewer instruments");
        double[][] z = candidates.columns(part);
        double[] out = new double[n * l];
        for (int c = 0; c < l; c++) {
            double[] column = z[kept[c]];
            centre(part, column);
            for (int i = 0; i < n; i++) {
                out[i * l + c] = column[i];
            }
        }
        return out;
    }

    /**
     * The instrument values of any part's rows (the whole data or a shard of whole blocks), computed from the part
     * alone: for a backend to compute where the rows live ({@link Backend#moments(ChoiceData, ModelSpec,
     * IntegrationConfig, PartInstruments, int)}).
     */
    public PartInstruments part() {
        Candidates from = candidates;
        int[] columns = kept.clone();
        return part -> values(part, from, columns);
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

    /**
     * Rows x L, row-major, centred within situations, of the data the instruments were chosen on (only for
     * instruments chosen without a backend; otherwise see {@link #part()}). Not to be modified.
     */
    public double[] valuesRef() {
        if (values == null) {
            throw new IllegalStateException("These instruments' values are computed where the rows live: use part().");
        }
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
