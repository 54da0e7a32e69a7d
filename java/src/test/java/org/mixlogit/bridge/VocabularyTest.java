package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.Weighting;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.spec.Distribution;

/**
 * The vocabulary lists every constant of every enum the front ends map words onto, each word it publishes is one
 * the engine accepts for that constant, and its defaults are the ones the bridge applies to omitted options.
 */
class VocabularyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode document() throws Exception {
        return MAPPER.readTree(MixlogitBridge.vocabulary());
    }

    /** The codes of one list of the parsed JSON document, in order. */
    private static List<String> codes(JsonNode root, String list) {
        List<String> out = new ArrayList<>();
        root.get(list).forEach(e -> out.add(e.get("code").asText()));
        return out;
    }

    private static <E extends Enum<E>> List<String> expected(E[] values, Function<E, String> code) {
        List<String> out = new ArrayList<>();
        for (E e : values) {
            out.add(code.apply(e));
        }
        return out;
    }

    @Test
    @DisplayName("the JSON lists every constant of each vocabulary enum, in declaration order, and nothing else")
    void everyConstant() throws Exception {
        JsonNode root = document();
        assertEquals(Vocabulary.FORMAT, root.get("format").asText());
        assertEquals(MixlogitBridge.VERSION, root.get("engine").asText());
        assertEquals(expected(Distribution.values(), Distribution::code), codes(root, "distributions"));
        assertEquals(expected(DrawType.values(), DrawType::code), codes(root, "draws"));
        assertEquals(expected(Algorithm.values(), Algorithm::code), codes(root, "optimizers"));
        assertEquals(expected(CovarianceType.values(), CovarianceType::code), codes(root, "vce"));
        assertEquals(expected(EstimationMethod.values(), EstimationMethod::code), codes(root, "methods"));
        assertEquals(expected(Weighting.values(), Weighting::code), codes(root, "weighting"));
        assertEquals(expected(InstrumentChoice.values(), InstrumentChoice::code), codes(root, "instruments"));
        for (String list : Vocabulary.LISTS) {
            assertTrue(root.has(list), list);
        }
    }

    @Test
    @DisplayName("every code and alias maps back to its own constant through the engine's fromCode")
    void wordsMapBack() throws Exception {
        JsonNode root = document();
        int aliases = 0;
        for (JsonNode e : root.get("distributions")) {
            Distribution d = Distribution.fromCode(e.get("code").asText());
            assertEquals(d.label(), e.get("label").asText());
            assertEquals(d.isRandom(), e.get("random").asBoolean());
            for (JsonNode a : e.get("aliases")) {
                assertSame(d, Distribution.fromCode(a.asText()), a.asText());
                aliases++;
            }
        }
        for (JsonNode e : root.get("draws")) {
            DrawType t = DrawType.fromCode(e.get("code").asText());
            assertEquals(t.isSimulation(), e.get("simulation").asBoolean());
            assertEquals(t.defaultBurn(), e.get("defaultBurn").asInt());
            for (JsonNode a : e.get("aliases")) {
                assertSame(t, DrawType.fromCode(a.asText()), a.asText());
                aliases++;
            }
        }
        for (JsonNode e : root.get("vce")) {
            CovarianceType t = CovarianceType.fromCode(e.get("code").asText());
            for (JsonNode a : e.get("aliases")) {
                assertSame(t, CovarianceType.fromCode(a.asText()), a.asText());
                aliases++;
            }
        }
        assertSame(DrawType.SPARSE_GRID, DrawType.fromCode("sparse-gk"));
        assertTrue(codesAndAliases(root, "draws").contains("sparse-gk"), "sparse-gk, which Stata and R accept");
        assertTrue(codesAndAliases(root, "vce").contains("oim"), "oim, Stata's word for the Hessian");
        assertTrue(aliases > 20, "aliases published: " + aliases);
        for (String list : new String[] {"optimizers", "methods", "weighting"}) {
            for (String code : codes(root, list)) {
                Object parsed = list.equals("optimizers") ? Algorithm.fromCode(code)
                        : list.equals("methods") ? EstimationMethod.fromCode(code) : Weighting.fromCode(code);
                assertEquals(code, parsed.toString());
            }
        }
    }

    private static List<String> codesAndAliases(JsonNode root, String list) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : root.get(list)) {
            out.add(e.get("code").asText());
            e.get("aliases").forEach(a -> out.add(a.asText()));
        }
        return out;
    }

    @Test
    @DisplayName("sizes: draws for simulation and importance sampling, points for Gauss-Hermite, level for sparse"
            + " grids")
    void sizes() throws Exception {
        for (JsonNode e : document().get("draws")) {
            DrawType t = DrawType.fromCode(e.get("code").asText());
            String size = e.get("size").asText();
            assertEquals(t.baseType().isSimulation(), size.equals("draws"), t.code());
            assertEquals(t.baseType().isSparseGrid(), size.equals("level"), t.code());
            assertEquals(t.isAdaptive(), e.get("adaptive").asBoolean(), t.code());
        }
        assertEquals("points", Vocabulary.engine().entry("draws", "gh").get("size").asText());
        assertEquals("points", Vocabulary.engine().entry("draws", "agh").get("size").asText());
        assertEquals("level", Vocabulary.engine().entry("draws", "adaptive-sparse").get("size").asText());
        assertEquals("draws", Vocabulary.engine().entry("draws", "adaptive-halton").get("size").asText());
    }

    @Test
    @DisplayName("the defaults are those the bridge gives an empty options object, and the engine's constants")
    void defaults() throws Exception {
        JsonNode d = document().get("defaults");
        EstimatorConfig bridge = EstimationOptions.parse("{}");
        assertEquals(bridge.integration().type().code(), d.get("draws").asText());
        assertEquals(bridge.integration().draws(), d.get("R").asInt());
        assertEquals(bridge.integration().seed(), d.get("seed").asLong());
        assertEquals(IntegrationConfig.DEFAULT_SEED, d.get("seed").asLong());
        assertEquals(bridge.search().starts(), d.get("starts").asInt());
        assertEquals(bridge.search().optimizer().algorithm().code(), d.get("optimizer").asText());
        assertEquals(bridge.search().optimizer().maxIterations(), d.get("maxIterations").asInt());
        assertEquals(bridge.inference().covariance().code(), d.get("vce").asText());
        assertEquals(bridge.inference().level(), d.get("level").asDouble(), 0.0);
        assertEquals(bridge.method().type().code(), d.get("method").asText());
        EstimatorConfig msm = EstimationOptions.parse("{\"method\": \"msm\"}");
        assertEquals(msm.method().msm().instruments().code(), d.get("instruments").asText());
        assertEquals(msm.method().msm().weighting().code(), d.get("weighting").asText());
        // the values the issue names, so that a silent change of a default is seen here
        List<String> values = new ArrayList<>();
        d.forEach(v -> values.add(v.asText()));
        assertEquals(Arrays.asList("halton", "100", "12345", "1", "bfgs", "1000", "hessian", "95.0", "msle",
                "optimal", "two-step"), values);
        assertEquals(Arrays.asList("draws", "R", "seed", "starts", "optimizer", "maxIterations", "vce", "level",
                "method", "instruments", "weighting"), Vocabulary.engine().fields("defaults"));
    }

    @Test
    @DisplayName("each method's covariance types and default covariance are what a fit by it reports")
    void covarianceByMethod() throws Exception {
        JsonNode root = document();
        for (JsonNode e : root.get("vce")) {
            CovarianceType t = CovarianceType.fromCode(e.get("code").asText());
            List<String> methods = new ArrayList<>();
            e.get("methods").forEach(m -> methods.add(m.asText()));
            assertEquals(!t.needsMoments(), methods.contains("msle"), t.code());
            assertEquals(!t.needsLikelihood(), methods.contains("msm"), t.code());
        }
        String[] names = {"pf", "cl"};
        String[] lines = MixlogitBridge.electricityCsv().trim().split("\\R");
        int n = 400;
        int[] situation = new int[n];
        double[] chosen = new double[n];
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            String[] f = lines[i + 1].split(",");
            chosen[i] = Double.parseDouble(f[0]);
            x[i] = Double.parseDouble(f[3]);
            x[n + i] = Double.parseDouble(f[4]);
            situation[i] = Integer.parseInt(f[9]);
        }
        String spec = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"},"
                + " {\"attribute\": \"cl\", \"distribution\": \"f\"}]}";
        for (JsonNode m : root.get("methods")) {
            BridgeFit fit = MixlogitBridge.fit(situation, new int[0], chosen, names, x, new String[0], new double[0],
                    new double[0], spec, "{\"threads\": 1, \"R\": 10, \"method\": \"" + m.get("code").asText() + "\"}");
            assertEquals(m.get("vce").asText(), fit.vce(), m.toString());
        }
    }

    @Test
    @DisplayName("an unknown list of the vocabulary is an error naming the lists")
    void unknownList() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> Vocabulary.engine().fields("colours"));
        assertTrue(e.getMessage().contains("'colours'") && e.getMessage().contains("distributions"), e.getMessage());
    }

    @Test
    @DisplayName("the engine's refusals list the codes of every constant")
    void refusalsListEveryCode() {
        String draws = assertThrows(InvalidSpecificationException.class, () -> DrawType.fromCode("quasi"))
                .getMessage();
        for (DrawType t : DrawType.values()) {
            assertTrue(draws.contains(t.code() + " ("), draws);
        }
        String optimizers = assertThrows(InvalidSpecificationException.class, () -> Algorithm.fromCode("newton"))
                .getMessage();
        for (Algorithm a : Algorithm.values()) {
            assertTrue(optimizers.contains(a.code()), optimizers);
        }
        String vce = assertThrows(InvalidSpecificationException.class, () -> CovarianceType.fromCode("jackknife"))
                .getMessage();
        for (CovarianceType t : CovarianceType.values()) {
            assertTrue(vce.contains(t.code()), vce);
        }
    }
}
