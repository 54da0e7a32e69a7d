package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.bridge.Vocabulary;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.io.JsonValue;

/**
 * The words of jmixlogit's options {@code draws()}, {@code technique()}, {@code estimator()}, {@code vce()},
 * {@code weighting()} and {@code instruments()}, judged against the engine's {@link Vocabulary}: the ado-file
 * keeps no lists. A word is valid when the vocabulary lists it (a code or an alias) for that option and, for
 * {@code vce()}, the estimator has that covariance; an empty option takes the engine's default. An invalid word is
 * an {@link InvalidSpecificationException} (Stata's error 198) that names the option and lists its valid words.
 *
 * <p>Stata's words are the engine's codes except two idioms of Stata's estimation commands: {@code vce(oim)} for
 * the Hessian, and {@code onestep}/{@code twostep} for the weightings (the codes without hyphen). Both spellings
 * are accepted.
 */
final class OptionWords {
    /** The locals the ado-file sets before {@code javacall ... options}, which the plugin overwrites. */
    static final List<String> LOCALS = Collections.unmodifiableList(Arrays.asList("jm_draws", "jm_technique",
            "jm_estimator", "jm_vce", "jm_weighting", "jm_instruments"));
    /** The locals {@code javacall ... options} sets: the judged words and the instrument variables. */
    static final List<String> RESULT_LOCALS;

    static {
        List<String> out = new ArrayList<>(LOCALS);
        out.add("jm_instvars");
        RESULT_LOCALS = Collections.unmodifiableList(out);
    }

    /** Draw type code. */
    final String draws;
    /** Optimizer code. */
    final String technique;
    /** Estimation method code ("msle", "msm"). */
    final String method;
    /** Covariance type code of the engine ("hessian", ...). */
    final String vce;
    /** Weighting code of the engine ("two-step", ...) for MSM, null otherwise. */
    final String weighting;
    /** The instrument keyword ("optimal", "default") for MSM with a keyword, null otherwise. */
    final String instrumentKeyword;
    /** The words of instruments() when they name variables (MSM), empty otherwise. */
    final List<String> instrumentVariables;
    private final Vocabulary vocabulary = Vocabulary.engine();

    /** Reads and judges the option locals ("" or absent: the engine's default). */
    OptionWords(StataSession stata) {
        draws = word(stata, "jm_draws", "draws", "draws", "draws");
        technique = word(stata, "jm_technique", "technique", "optimizers", "optimizer");
        method = word(stata, "jm_estimator", "estimator", "methods", "method");
        boolean msm = method.equals(EstimationMethod.MSM.code());
        String z = stata.local("jm_instruments").trim();
        String w = stata.local("jm_weighting").trim();
        if (!msm) {
            msmOnly("instruments", z);
            msmOnly("weighting", w);
            weighting = null;
            instrumentKeyword = null;
            instrumentVariables = Collections.emptyList();
        } else {
            weighting = w.isEmpty() ? vocabulary.defaultValue("weighting").asText() : weighting(w);
            instrumentKeyword = z.isEmpty() ? vocabulary.defaultValue("instruments").asText() : keyword(z);
            instrumentVariables = instrumentKeyword != null ? Collections.emptyList() : variables(z);
        }
        vce = covariance(stata.local("jm_vce").trim());
    }

    /** Overwrites the option locals with Stata's words for the judged values, and sets {@code jm_instvars}. */
    void write(StataSession stata) {
        stata.setLocal("jm_draws", draws);
        stata.setLocal("jm_technique", technique);
        stata.setLocal("jm_estimator", method);
        stata.setLocal("jm_vce", stataCovariance(vce));
        stata.setLocal("jm_weighting", weighting == null ? "" : stataWeighting(weighting));
        stata.setLocal("jm_instruments", instrumentKeyword != null ? instrumentKeyword
                : String.join(" ", instrumentVariables));
        stata.setLocal("jm_instvars", String.join(" ", instrumentVariables));
    }

    /** True for estimator(msm), the method of simulated moments. */
    boolean msm() {
        return weighting != null;
    }

    /** Stata's word for a covariance type: "oim" for the Hessian (as Stata's ml), otherwise the engine's code. */
    static String stataCovariance(String code) {
        return code.equals(CovarianceType.HESSIAN.code()) ? "oim" : code;
    }

    /** Stata's word for a weighting: the code without hyphen ("twostep"). */
    static String stataWeighting(String code) {
        return code.replace("-", "");
    }

    /**
     * The code of the word in a local, or the list's default when the local is empty; the word may be a code or an
     * alias of the vocabulary (any case).
     */
    private String word(StataSession stata, String local, String option, String list, String defaultName) {
        String given = stata.local(local).trim();
        if (given.isEmpty()) {
            return vocabulary.defaultValue(defaultName).asText();
        }
        String w = given.toLowerCase(Locale.ROOT);
        for (String code : vocabulary.codes(list)) {
            if (code.equals(w) || aliases(list, code).contains(w)) {
                return code;
            }
        }
        throw new InvalidSpecificationException(option + "(" + given + ") is not allowed: use "
                + listing(vocabulary.codes(list), vocabulary.defaultValue(defaultName).asText()) + ".");
    }

    /** vce(): a covariance type the estimator has; empty is the estimator's default. */
    private String covariance(String given) {
        String defaultCode = vocabulary.entry("methods", method).get("vce").asText();
        List<String> allowed = new ArrayList<>();
        for (String code : vocabulary.codes("vce")) {
            for (JsonValue m : vocabulary.entry("vce", code).get("methods")) {
                if (m.asText().equals(method)) {
                    allowed.add(code);
                }
            }
        }
        if (given.isEmpty()) {
            return defaultCode;
        }
        String w = given.toLowerCase(Locale.ROOT);
        for (String code : allowed) {
            if (code.equals(w) || stataCovariance(code).equals(w) || aliases("vce", code).contains(w)) {
                return code;
            }
        }
        List<String> words = new ArrayList<>();
        for (String code : allowed) {
            words.add(stataCovariance(code) + (code.equals(CovarianceType.CLUSTER.code()) ? " [clustvar]" : ""));
        }
        throw new InvalidSpecificationException("vce(" + given + ") is not allowed with estimator(" + method
                + "): use " + listing(words, stataCovariance(defaultCode)) + ".");
    }

    private String weighting(String given) {
        String w = given.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String code : vocabulary.codes("weighting")) {
            if (code.equals(w) || stataWeighting(code).equals(w)) {
                return code;
            }
            words.add(stataWeighting(code));
        }
        throw new InvalidSpecificationException("weighting(" + given + ") is not allowed: use " + listing(words,
                stataWeighting(vocabulary.defaultValue("weighting").asText())) + ".");
    }

    /** The keyword of instruments(), or null when it names variables. */
    private String keyword(String given) {
        String w = given.toLowerCase(Locale.ROOT);
        return keywords().contains(w) ? w : null;
    }

    private List<String> variables(String given) {
        List<String> out = new ArrayList<>();
        for (String v : given.split("\\s+")) {
            if (keywords().contains(v.toLowerCase(Locale.ROOT))) {
                throw new InvalidSpecificationException("instruments(" + given + "): " + v + " cannot be combined with"
                        + " instrument variables; give " + listing(keywordOptions(), null) + " or a varlist.");
            }
            if (out.contains(v)) {
                throw new InvalidSpecificationException("instruments(" + given + "): " + v + " is listed twice.");
            }
            out.add(v);
        }
        return out;
    }

    private List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (String code : vocabulary.codes("instruments")) {
            if (vocabulary.entry("instruments", code).get("keyword").asBoolean()) {
                out.add(code);
            }
        }
        return out;
    }

    private List<String> keywordOptions() {
        List<String> out = new ArrayList<>();
        keywords().forEach(k -> out.add("instruments(" + k + ")"));
        return out;
    }

    private List<String> aliases(String list, String code) {
        List<String> out = new ArrayList<>();
        JsonValue a = vocabulary.entry(list, code).get("aliases");
        if (a != null) {
            a.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static void msmOnly(String option, String value) {
        if (!value.isEmpty()) {
            throw new InvalidSpecificationException("Option " + option + "() is only allowed with estimator(msm):"
                    + " add estimator(msm), or drop " + option + "().");
        }
    }

    /** "a, b (the default) or c". */
    private static String listing(List<String> words, String defaultWord) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            boolean isDefault = defaultWord != null && (w.equals(defaultWord) || w.startsWith(defaultWord + " "));
            out.add(isDefault ? w + " (the default)" : w);
        }
        if (out.size() < 2) {
            return String.join("", out);
        }
        return String.join(", ", out.subList(0, out.size() - 1)) + " or " + out.get(out.size() - 1);
    }
}
