package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bridge.MixlogitBridge;
import org.mixlogit.bridge.Vocabulary;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.optim.Algorithm;

/**
 * jmixlogit's option words are the engine's: {@code javacall ... options} accepts every word of the vocabulary
 * (and only those), fills in the engine's defaults, refuses anything else with 198 and a message listing the valid
 * words; the ado-files keep no lists, the defaults of their syntax are the engine's, and the help file shows every
 * word.
 */
class OptionWordsTest {
    private static final Vocabulary VOCABULARY = Vocabulary.engine();
    private final Map<String, String> locals = new HashMap<>();

    @BeforeEach
    void reset() {
        StataSimulator.reset();
    }

    /** Runs the options entry point with the given option locals (the others empty), as the ado does. */
    private int options() {
        for (String local : OptionWords.LOCALS) {
            StataSimulator.putLocal(local, locals.getOrDefault(local, ""));
        }
        StataSimulator.clearOutput();
        return JMixlogit.options(new String[0]);
    }

    private static String read(String path) {
        try {
            return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> aliases(String list, String code) {
        List<String> out = new ArrayList<>();
        org.mixlogit.io.JsonValue a = VOCABULARY.entry(list, code).get("aliases");
        if (a != null) {
            a.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    @Test
    @DisplayName("every draw type, by its code or any alias, is accepted and written back as its code")
    void everyDrawType() {
        for (DrawType t : DrawType.values()) {
            List<String> words = new ArrayList<>(aliases("draws", t.code()));
            words.add(t.code());
            words.add(t.code().toUpperCase(java.util.Locale.ROOT));
            for (String w : words) {
                locals.put("jm_draws", w);
                assertEquals(0, options(), w + ": " + StataSimulator.errorOutput());
                assertEquals(t.code(), StataSimulator.local("jm_draws"), w);
            }
        }
        locals.put("jm_draws", "sparse-gk");
        assertEquals(0, options());
        assertEquals("sparse", StataSimulator.local("jm_draws"));
    }

    @Test
    @DisplayName("198: an unknown draw type or technique, named, with every valid code listed")
    void unknownWords() {
        locals.put("jm_draws", "quasi");
        assertEquals(198, options());
        String message = StataSimulator.errorOutput();
        assertTrue(message.contains("draws(quasi) is not allowed"), message);
        for (DrawType t : DrawType.values()) {
            assertTrue(Pattern.compile("\\b" + Pattern.quote(t.code()) + "\\b").matcher(message).find(),
                    t.code() + " missing from: " + message);
        }
        locals.remove("jm_draws");
        locals.put("jm_technique", "newton");
        assertEquals(198, options());
        message = StataSimulator.errorOutput();
        assertTrue(message.contains("technique(newton) is not allowed"), message);
        for (Algorithm a : Algorithm.values()) {
            assertTrue(message.contains(a.code()), message);
        }
        for (Algorithm a : Algorithm.values()) {
            locals.put("jm_technique", a.code());
            assertEquals(0, options(), StataSimulator.errorOutput());
            assertEquals(a.code(), StataSimulator.local("jm_technique"));
        }
        locals.put("jm_estimator", "gmm");
        assertEquals(198, options());
        assertTrue(StataSimulator.errorOutput().contains("estimator(gmm) is not allowed: use msle (the default), msm or mss"),
                StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("vce(): each estimator takes exactly the covariance types the vocabulary gives it, oim for the Hessian")
    void covarianceByEstimator() {
        for (String method : VOCABULARY.codes("methods")) {
            locals.put("jm_estimator", method);
            Set<String> allowed = new TreeSet<>();
            for (String code : VOCABULARY.codes("vce")) {
                VOCABULARY.entry("vce", code).get("methods").forEach(m -> {
                    if (m.asText().equals(method)) {
                        allowed.add(code);
                    }
                });
            }
            for (CovarianceType t : CovarianceType.values()) {
                String word = t == CovarianceType.HESSIAN ? "oim" : t.code();
                locals.put("jm_vce", word);
                int rc = options();
                assertEquals(allowed.contains(t.code()) ? 0 : 198, rc, method + " " + word);
                if (rc == 0) {
                    assertEquals(word, StataSimulator.local("jm_vce"));
                } else {
                    String message = StataSimulator.errorOutput();
                    assertTrue(message.contains("vce(" + word + ") is not allowed with estimator(" + method + ")"),
                            message);
                    for (String ok : allowed) {
                        assertTrue(message.contains(OptionWords.stataCovariance(ok)), message);
                    }
                }
            }
            locals.put("jm_vce", "");
            assertEquals(0, options());
            String defaultVce = VOCABULARY.entry("methods", method).get("vce").asText();
            assertEquals(OptionWords.stataCovariance(defaultVce), StataSimulator.local("jm_vce"), method);
        }
        locals.put("jm_estimator", "msle");
        locals.put("jm_vce", "hessian");
        assertEquals(0, options());
        assertEquals("oim", StataSimulator.local("jm_vce"), "the engine's code is accepted, Stata's word stored");
    }

    @Test
    @DisplayName("empty options take the engine's defaults; estimator(msm) its weighting and instruments")
    void defaults() {
        assertEquals(0, options());
        assertEquals(VOCABULARY.defaultValue("draws").asText(), StataSimulator.local("jm_draws"));
        assertEquals(VOCABULARY.defaultValue("optimizer").asText(), StataSimulator.local("jm_technique"));
        assertEquals(VOCABULARY.defaultValue("method").asText(), StataSimulator.local("jm_estimator"));
        assertEquals("", StataSimulator.local("jm_weighting"));
        assertEquals("", StataSimulator.local("jm_instruments"));
        locals.put("jm_estimator", "msm");
        assertEquals(0, options());
        assertEquals(OptionWords.stataWeighting(VOCABULARY.defaultValue("weighting").asText()),
                StataSimulator.local("jm_weighting"));
        assertEquals(VOCABULARY.defaultValue("instruments").asText(), StataSimulator.local("jm_instruments"));
        assertEquals("", StataSimulator.local("jm_instvars"));
        for (String code : VOCABULARY.codes("weighting")) {
            for (String word : new String[] {code, OptionWords.stataWeighting(code)}) {
                locals.put("jm_weighting", word);
                assertEquals(0, options(), word);
                assertEquals(OptionWords.stataWeighting(code), StataSimulator.local("jm_weighting"));
            }
        }
        locals.put("jm_instruments", "pf cl pf2");
        assertEquals(0, options());
        assertEquals("pf cl pf2", StataSimulator.local("jm_instvars"));
        assertEquals("pf cl pf2", StataSimulator.local("jm_instruments"));
    }

    @Test
    @DisplayName("the ado-files hold no list of the vocabulary's words, and its syntax defaults are the engine's")
    void noListsInTheAdo() throws IOException {
        Set<String> words = new TreeSet<>();
        for (String list : new String[] {"draws", "optimizers", "vce", "methods", "weighting"}) {
            for (String code : VOCABULARY.codes(list)) {
                words.add(code);
                words.addAll(aliases(list, code));
                words.add(OptionWords.stataWeighting(code));
            }
        }
        words.add("oim");
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.list(Paths.get("stata"))) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                if (!file.toString().endsWith(".ado")) {
                    continue;
                }
                String ado = read(file.toString());
                Matcher inlist = Pattern.compile("inlist\\(([^)]*)\\)").matcher(ado);
                while (inlist.find()) {
                    Matcher quoted = Pattern.compile("\"([^\"`']+)\"").matcher(inlist.group(1));
                    while (quoted.find()) {
                        assertFalse(words.contains(quoted.group(1)), file + ": " + inlist.group());
                    }
                }
                for (String list : new String[] {"draws", "optimizers"}) {
                    for (String code : VOCABULARY.codes(list)) {
                        assertFalse(ado.contains("\"" + code + "\""), file + " names " + code);
                    }
                }
            }
        }
        String ado = read("stata/jmixlogit.ado");
        assertEquals(VOCABULARY.defaultValue("R").asText(), syntaxDefault(ado, "NREP"));
        assertEquals(VOCABULARY.defaultValue("seed").asText(), syntaxDefault(ado, "SEED"));
        assertEquals(VOCABULARY.defaultValue("starts").asText(), syntaxDefault(ado, "STARTs"));
        assertEquals(VOCABULARY.defaultValue("maxIterations").asText(), syntaxDefault(ado, "ITERate"));
        assertTrue(ado.contains("Level(cilevel)"), "level() defaults to Stata's c(level), 95 unless set");
        assertEquals(95.0, VOCABULARY.defaultValue("level").asDouble(), 0.0);
    }

    private static String syntaxDefault(String ado, String option) {
        Matcher m = Pattern.compile("\\b" + option + "\\(integer (-?\\d+)\\)").matcher(ado);
        assertTrue(m.find(), option);
        return m.group(1);
    }

    @Test
    @DisplayName("the help file shows every word of the vocabulary with the engine's default marked")
    void helpShowsEveryWord() {
        String help = read("stata/jmixlogit.sthlp");
        checkSynopt(help, "draw:s(type)", VOCABULARY.codes("draws"), VOCABULARY.defaultValue("draws").asText());
        checkSynopt(help, "tech:nique(name)", VOCABULARY.codes("optimizers"),
                VOCABULARY.defaultValue("optimizer").asText());
        checkSynopt(help, "est:imator(name)", VOCABULARY.codes("methods"), VOCABULARY.defaultValue("method").asText());
        List<String> weightings = new ArrayList<>();
        VOCABULARY.codes("weighting").forEach(w -> weightings.add(OptionWords.stataWeighting(w)));
        checkSynopt(help, "weight:ing(name)", weightings,
                OptionWords.stataWeighting(VOCABULARY.defaultValue("weighting").asText()));
        List<String> vce = new ArrayList<>();
        VOCABULARY.codes("vce").forEach(v -> vce.add(OptionWords.stataCovariance(v)));
        checkSynopt(help, "vce(vcetype)", vce, "oim");
        assertTrue(help.contains("error 198"), "the return code of an invalid word is documented");
        assertTrue(help.contains("nrep(" + VOCABULARY.defaultValue("R").asText() + ")")
                && help.contains("seed(" + VOCABULARY.defaultValue("seed").asText() + ")")
                && help.contains("iterate(" + VOCABULARY.defaultValue("maxIterations").asText() + ")"), "defaults");
    }

    private static void checkSynopt(String help, String option, List<String> words, String defaultWord) {
        Matcher m = Pattern.compile("\\{synopt:\\{opt " + Pattern.quote(option) + "\\}\\}([^\\n]*)").matcher(help);
        assertTrue(m.find(), option);
        String line = m.group(1);
        for (String w : words) {
            assertTrue(line.contains("{cmd:" + w + "}"), option + " does not show " + w + ": " + line);
        }
        assertTrue(line.contains("{cmd:" + defaultWord + "} (default") || line.contains("{cmd:" + defaultWord
                + "} (maximum simulated likelihood; default") || line.contains("{cmd:" + defaultWord
                + "} (efficient; default"), option + " marks " + defaultWord + " as the default: " + line);
    }

    @Test
    @DisplayName("the plugin sends no default of its own: an empty option leaves the field to the engine")
    void noDefaultsInThePlugin() throws Exception {
        ElectricityInStata.load();
        Map<String, String> given = new HashMap<>();
        given.put("jm_depvar", "choice");
        given.put("jm_fixed", "pf cl");
        given.put("jm_group", "chid");
        ElectricityInStata.locals(given);
        JsonNode json = new ObjectMapper().readTree(new PluginOptions(new SfiSession()).optionsJson());
        Set<String> fields = new TreeSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(java.util.Arrays.asList("draws", "optimizer", "vce")), fields, json.toString());
        assertEquals(VOCABULARY.defaultValue("draws").asText(), json.get("draws").asText());
        assertEquals(VOCABULARY.defaultValue("vce").asText(), json.get("vce").asText());
        assertTrue(new ObjectMapper().readTree(MixlogitBridge.vocabulary()).has("defaults"));
    }

    @Test
    @DisplayName("version also returns the vocabulary as JSON in jm_vocabulary")
    void versionReturnsTheVocabulary() throws Exception {
        assertEquals(0, JMixlogit.version(new String[0]));
        assertEquals(MixlogitBridge.VERSION, StataSimulator.local("jm_version"));
        JsonNode v = new ObjectMapper().readTree(StataSimulator.local("jm_vocabulary"));
        assertEquals(Vocabulary.FORMAT, v.get("format").asText());
        assertEquals(DrawType.values().length, v.get("draws").size());
    }
}
