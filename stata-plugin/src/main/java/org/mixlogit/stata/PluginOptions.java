package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.io.JsonWriter;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.spec.CoefficientTransform;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterKind;
import org.mixlogit.spec.ParameterLayout;

/**
 * The options jmixlogit.ado passes in locals (names starting "jm_"), turned into the shared JSON model
 * specification and estimation options of the bridge. Every local the ado sets is listed in {@link #LOCALS}.
 */
final class PluginOptions {
    /** The locals the ado-file sets before javacall. */
    static final List<String> LOCALS = Collections.unmodifiableList(Arrays.asList("jm_depvar", "jm_fixed",
            "jm_random", "jm_ln", "jm_corr", "jm_group", "jm_id", "jm_weight", "jm_wtype", "jm_nrep", "jm_draws",
            "jm_seed", "jm_burn", "jm_starts", "jm_technique", "jm_iterate", "jm_vce", "jm_cluster", "jm_threads",
            "jm_level", "jm_from", "jm_from_names", "jm_from_mode", "jm_alternatives", "jm_market", "jm_estimator",
            "jm_instruments", "jm_weighting", "jm_tolerance", "jm_log", "jm_maxthreads", "jm_maxdim", "jm_macrolen",
            "jm_tmpdir", "jm_bname", "jm_Vname", "jm_nclasses", "jm_membership", "jm_common", "jm_lcnames",
            "jm_optname"));

    final String depvar;
    final List<String> fixed;
    final List<String> normal;
    final List<String> lognormal;
    final boolean correlated;
    final String group;
    final String id;
    final String weight;
    final String cluster;
    /** The name of the from() matrix, or null. */
    final String from;
    /** "", "copy" or "skip": how from() is matched to the parameters. */
    final String fromMode;
    /** Whether the iteration log is shown (not with nolog). */
    final boolean log;
    final String alternatives;
    final String market;
    /** The option words judged against the engine's vocabulary. */
    final OptionWords words;
    /** True for estimator(msm), the method of simulated moments. */
    final boolean msm;
    /** True for estimator(mss), the method of simulated scores. */
    final boolean mss;
    /** "optimal" or "default" for MSM with those instruments, null for instrument variables or MSLE. */
    final String instrumentKeyword;
    /** The instrument variables of instruments(varlist); empty otherwise. */
    final List<String> instruments;
    /** "one-step" or "two-step" for MSM, null for MSLE. */
    final String weighting;
    /** Latent classes of nclasses(), 0 for one population; with a range nclasses(A/B), B. */
    final int classes;
    /** The smallest number of classes of nclasses(): A of a range nclasses(A/B), else {@link #classes}. */
    final int classesFrom;
    /** The class-share logit's characteristics (membership()). */
    final List<String> membership;
    /** The coefficients all classes share (common()). */
    final List<String> common;
    private final StataSession stata;

    PluginOptions(StataSession stata) {
        this.stata = stata;
        depvar = required("jm_depvar");
        group = required("jm_group");
        fixed = words("jm_fixed");
        normal = words("jm_random");
        lognormal = words("jm_ln");
        correlated = stata.local("jm_corr").trim().equals("1");
        id = blankToNull(stata.local("jm_id"));
        weight = blankToNull(stata.local("jm_weight"));
        cluster = blankToNull(stata.local("jm_cluster"));
        from = blankToNull(stata.local("jm_from"));
        fromMode = stata.local("jm_from_mode").trim().toLowerCase(java.util.Locale.ROOT);
        if (!fromMode.isEmpty() && !fromMode.equals("copy") && !fromMode.equals("skip")) {
            throw new InvalidSpecificationException("from(" + from + ", " + fromMode + "): the option after the"
                    + " matrix name is copy (by position) or skip (ignore names the model lacks).");
        }
        log = !stata.local("jm_log").trim().equals("0");
        alternatives = blankToNull(stata.local("jm_alternatives"));
        market = blankToNull(stata.local("jm_market"));
        words = new OptionWords(stata);
        msm = words.msm();
        mss = words.method.equals(org.mixlogit.estimation.EstimationMethod.MSS.code());
        instrumentKeyword = words.instrumentKeyword;
        instruments = instrumentVariables(words.instrumentVariables);
        weighting = words.weighting;
        for (String v : lognormal) {
            if (normal.contains(v)) {
                throw new InvalidSpecificationException(v + " is listed in rand() and in ln(): a random coefficient"
                        + " is normal (rand()) or lognormal (ln()), not both; list it once.");
            }
        }
        if (fixed.isEmpty() && normal.isEmpty() && lognormal.isEmpty()) {
            throw new InvalidSpecificationException("No explanatory variables: list fixed ones after the dependent"
                    + " variable, or random ones in rand() or ln().");
        }
        int[] range = classRange(words("jm_nclasses"));
        classesFrom = range[0];
        classes = range[1];
        membership = words("jm_membership");
        common = words("jm_common");
        checkClasses();
    }

    /** nclasses(), membership() and common(): together, by maximum likelihood, common() among the attributes. */
    private void checkClasses() {
        if (classes == 0) {
            if (!membership.isEmpty() || !common.isEmpty()) {
                throw new InvalidSpecificationException((membership.isEmpty() ? "common()" : "membership()")
                        + " is an option of latent class models: add nclasses(#), or drop it.");
            }
            return;
        }
        if (msm || mss) {
            throw new InvalidSpecificationException("nclasses() is estimated by maximum likelihood (EM, then direct"
                    + " maximization): drop estimator(" + words.method + ").");
        }
        if (classRange() && from != null) {
            throw new InvalidSpecificationException("from(" + from + ") starts one model: with a range"
                    + " nclasses(" + classesFrom + "/" + classes + ") drop from(), or give one number of classes.");
        }
        for (String v : common) {
            if (!attributes().contains(v)) {
                throw new InvalidSpecificationException("common(" + String.join(" ", common) + "): " + v + " is not"
                        + " an explanatory variable of the model; list it after the dependent variable or in rand()"
                        + " or ln() too.");
            }
        }
    }

    /** True with nclasses(): a latent class model. */
    boolean latent() {
        return classes > 0;
    }

    /** True with a range of classes, nclasses(A/B) with A < B: a fit for each, lclogit2's selection table. */
    boolean classRange() {
        return classes > classesFrom;
    }

    /**
     * {A, B} of nclasses(): one number C is {C, C}, a numlist of consecutive numbers A, A + 1, ..., B (the ado
     * expands 1/5) is {A, B}; none is {0, 0}.
     */
    private static int[] classRange(List<String> numbers) {
        if (numbers.isEmpty()) {
            return new int[] {0, 0};
        }
        int[] c = new int[numbers.size()];
        for (int i = 0; i < c.length; i++) {
            try {
                c[i] = Integer.parseInt(numbers.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidSpecificationException("nclasses(" + String.join(" ", numbers) + "): give the"
                        + " number of classes, or a range such as nclasses(1/5); '" + numbers.get(i) + "' is not a"
                        + " whole number.");
            }
            if (c[i] < 1 || i > 0 && c[i] != c[i - 1] + 1) {
                throw new InvalidSpecificationException("nclasses(" + String.join(" ", numbers) + "): give the"
                        + " number of classes (1 or more), or a range of consecutive numbers such as nclasses(1/5).");
            }
        }
        return new int[] {c[0], c[c.length - 1]};
    }

    /** Attribute variables in coefficient order: fixed, then normal, then lognormal. */
    List<String> attributes() {
        List<String> out = new ArrayList<>(fixed);
        out.addAll(normal);
        out.addAll(lognormal);
        return out;
    }

    /**
     * The attribute columns the engine receives: the model's, then the instrument variables that are not among them
     * (the engine reads instruments from the attribute columns).
     */
    List<String> attributeColumns() {
        List<String> out = attributes();
        for (String z : instruments) {
            if (!out.contains(z)) {
                out.add(z);
            }
        }
        return out;
    }

    /** The estimation sample's variables, in the order the ado sorted the data. */
    SampleVariables sampleVariables() {
        List<String> characteristics = new ArrayList<>(membership);
        if (cluster != null && !characteristics.contains(cluster)) {
            characteristics.add(cluster);
        }
        return new SampleVariables(depvar, group, id, attributeColumns(), characteristics, weight, alternatives,
                market, cluster != null ? cluster : words.vce.equals("cluster") ? (id != null ? id : group) : null,
                null);
    }

    String specJson() {
        return ModelSpecJson.write(spec());
    }

    ModelSpec spec() {
        ModelSpec.Builder b = ModelSpec.builder();
        fixed.forEach(b::fixed);
        normal.forEach(v -> b.random(v, Distribution.NORMAL));
        lognormal.forEach(v -> b.random(v, Distribution.LOGNORMAL));
        if (correlated) {
            List<String> random = new ArrayList<>(normal);
            random.addAll(lognormal);
            b.correlated(random);
        }
        ModelSpec spec = b.build();
        return latent() ? spec.withLatentClasses(new LatentClasses(classes, membership, common)) : spec;
    }

    /**
     * The estimation options of the bridge. An empty local leaves its field out, so that the engine's default
     * applies (the ado-file always sets them; the defaults of its syntax are the engine's, which a test checks).
     */
    String optionsJson() {
        JsonWriter o = JsonWriter.compact().startObject();
        o.put("draws", words.draws);
        putInteger(o, "R", "jm_nrep");
        putInteger(o, "seed", "jm_seed");
        if (!stata.local("jm_burn").trim().isEmpty() && integer("jm_burn") >= 0) {
            o.put("burn", integer("jm_burn"));
        } else if (!stata.local("jm_burn").trim().isEmpty() && integer("jm_burn") < -1) {
            // -1 is the ado's "not given": the draw type's default
            throw new InvalidSpecificationException("burn(" + integer("jm_burn") + "): give the number of elements"
                    + " of the draw sequence to skip, 0 or more (omit burn() for the draw type's default).");
        }
        putInteger(o, "starts", "jm_starts");
        o.put("optimizer", words.technique);
        putInteger(o, "maxIterations", "jm_iterate");
        o.put("vce", words.vce);
        if (positive("jm_threads") || positive("jm_maxthreads")) {
            o.put("threads", threads());
        }
        if (!stata.local("jm_level").trim().isEmpty()) {
            o.put("level", number("jm_level"));
        }
        if (cluster != null) {
            o.put("cluster", cluster);
        }
        if (weight != null && stata.local("jm_wtype").trim().equals("fweight")) {
            // fweights count identical decision-makers: the robust sandwich's meat weights each score once
            o.put("weights", "frequency");
        }
        if (!stata.local("jm_tolerance").trim().isEmpty()) {
            o.put("tolerance", number("jm_tolerance"));
        }
        if (from != null) {
            o.startArray("start");
            for (double v : start()) {
                o.value(v);
            }
            o.endArray();
        }
        if (msm) {
            o.put("method", "msm");
            if (instrumentKeyword != null) {
                o.put("instruments", instrumentKeyword);
            } else {
                o.startArray("instruments");
                instruments.forEach(o::value);
                o.endArray();
            }
            o.put("weighting", weighting);
        } else if (mss) {
            o.put("method", "mss");
        }
        return o.endObject().finish();
    }

    /**
     * Worker threads: threads() when positive, otherwise every processor the JVM sees, in both cases at most
     * c(processors) (local jm_maxthreads: the cores Stata/MP is licensed for; 1 in Stata/BE and SE).
     */
    int threads() {
        int wanted = positive("jm_threads") ? integer("jm_threads") : Runtime.getRuntime().availableProcessors();
        if (positive("jm_maxthreads")) {
            wanted = Math.min(wanted, integer("jm_maxthreads"));
        }
        return Math.max(1, wanted);
    }

    /**
     * The from() matrix as starting values in the engine's order: by Stata column name, or by position with
     * copy (see {@link StataLayout#start}).
     */
    double[] start() {
        double[] values = stata.matrix(from);
        if (values == null) {
            throw new InvalidSpecificationException("from(" + from + "): matrix " + from + " not found.");
        }
        int columns = stata.matrixColumns(from);
        if (values.length != columns) {
            throw new InvalidSpecificationException("from(" + from + "): give a row vector (1 x k), not a matrix"
                    + " with " + values.length / Math.max(columns, 1) + " rows.");
        }
        // clogit's e(b) (the usual start, as in Hole's mixlogit) names its columns depvar:x; "_:x" has no equation
        List<String> names = new ArrayList<>();
        for (String name : words("jm_from_names")) {
            names.add(name.startsWith(depvar + ":") ? name.substring(depvar.length() + 1)
                    : name.startsWith("_:") ? name.substring(2) : name);
        }
        for (int k = 0; k < values.length; k++) {
            if (stata.isMissing(values[k])) {
                throw new InvalidSpecificationException("from(" + from + "): column " + (k + 1)
                        + (k < names.size() ? " (" + names.get(k) + ")" : "") + " is missing; give a starting value"
                        + " in every column.");
            }
        }
        ModelSpec spec = spec();
        ParameterLayout p = spec.layout();
        String[] kinds = p.kinds().stream().map(Enum::name).toArray(String[]::new);
        StataLayout layout = new StataLayout(p.names().toArray(new String[0]), kinds);
        double[] unset = new double[p.size()];
        Arrays.fill(unset, Double.NaN);
        return withDefaults(spec, layout.start(values, names, fromMode, unset));
    }

    /**
     * The parameters a from() vector lacks (NaN): scales (standard deviations, spreads) and the Cholesky diagonal
     * at the size of the engine's default start, as Hole's mixlogit starts the standard deviations without from()
     * (at 0 a symmetric coefficient's scale sits on a saddle point, where its gradient vanishes and the search cannot
     * leave it), a scale whose sign is identified signed as its coefficient's location; every other parameter at 0,
     * as ml starts it.
     */
    static double[] withDefaults(ModelSpec spec, double[] start) {
        ParameterLayout p = spec.layout();
        double[] out = start.clone();
        if (!spec.isLatentClass()) {
            for (int i = 0; i < spec.coefficients().size(); i++) {
                int s = p.scaleIndex(i);
                if (s >= 0 && Double.isNaN(out[s])) {
                    int m = p.meanIndex(i);
                    double location = m >= 0 && !Double.isNaN(out[m]) ? out[m] : 0;
                    out[s] = spec.coefficients().get(i).distribution().transform().startScale(location,
                            CoefficientTransform.START_SCALE);
                }
            }
            for (int a = 0; a < p.blockSize(); a++) {
                int d = p.choleskyIndex(a, a);
                if (Double.isNaN(out[d])) {
                    out[d] = CoefficientTransform.START_SCALE;
                }
            }
        }
        for (int j = 0; j < out.length; j++) {
            if (Double.isNaN(out[j])) {
                out[j] = p.kinds().get(j) == ParameterKind.SCALE ? CoefficientTransform.START_SCALE : 0;
            }
        }
        return out;
    }

    /** The instrument variables, each of which must exist in the data. */
    private List<String> instrumentVariables(List<String> names) {
        for (String v : names) {
            if (stata.variable(v) < 0) {
                throw new InvalidSpecificationException("instruments(" + String.join(" ", names) + "): variable " + v
                        + " not found; name numeric variables of the data, or an instrument keyword (see help"
                        + " jmixlogit).");
            }
        }
        return names;
    }

    private boolean positive(String local) {
        return !stata.local(local).trim().isEmpty() && integer(local) > 0;
    }

    private String required(String local) {
        String v = stata.local(local).trim();
        if (v.isEmpty()) {
            throw new InvalidSpecificationException("Local " + local + " is empty: call the plugin through"
                    + " jmixlogit.ado, which sets it.");
        }
        return v;
    }

    private List<String> words(String local) {
        String v = stata.local(local).trim();
        return v.isEmpty() ? Collections.emptyList() : Arrays.asList(v.split("\\s+"));
    }

    private void putInteger(JsonWriter o, String field, String local) {
        if (!stata.local(local).trim().isEmpty()) {
            o.put(field, integer(local));
        }
    }

    private int integer(String local) {
        String v = stata.local(local).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidSpecificationException("Option " + local.substring(3) + "() must be a whole number, not '"
                    + v + "'.");
        }
    }

    private double number(String local) {
        String v = stata.local(local).trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidSpecificationException("Option " + local.substring(3) + "() must be a number, not '" + v
                    + "'.");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.trim().isEmpty() ? null : v.trim();
    }
}
