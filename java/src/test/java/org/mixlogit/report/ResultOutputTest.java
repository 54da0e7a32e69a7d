package org.mixlogit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.InferenceConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** The text table and the JSON document carry the result's numbers. */
class ResultOutputTest {
    private static EstimationResult result;

    @BeforeAll
    static void estimate() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL)
                .random("loc", Distribution.LOGNORMAL).fixed("wk").fixed("tod").fixed("seas").build();
        result = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)
                .withInference(InferenceConfig.defaults().withCovariance(CovarianceType.ROBUST))
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, 30))).estimate(ExampleData.electricity(), spec);
    }

    @Test
    @DisplayName("JSON has the documented top level, coefficients and derived lognormal moments")
    void json() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultJson.write(result));
        assertEquals("mixlogit-result/1", root.get("format").asText());
        assertEquals(result.logLikelihood(), root.get("loglik").asDouble(), 0.0);
        assertEquals(result.isConverged(), root.get("converged").asBoolean());
        assertEquals(result.iterations(), root.get("iterations").asInt());
        assertTrue(root.get("seconds").asDouble() > 0);
        assertEquals("robust", root.get("vce").asText());
        JsonNode c = root.get("coefficients");
        assertEquals(result.parameterCount(), c.size());
        for (int i = 0; i < c.size(); i++) {
            assertEquals(result.names().get(i), c.get(i).get("name").asText());
            assertEquals(result.estimates()[i], c.get(i).get("estimate").asDouble(), 0.0);
            assertEquals(result.standardErrors()[i], c.get(i).get("stderr").asDouble(), 0.0);
        }
        JsonNode derived = root.get("derived");
        boolean lognormalMean = false;
        for (JsonNode d : derived) {
            if (d.get("name").asText().equals("mean(loc)")) {
                double m = result.estimate("loc");
                double s = result.estimate("sd.loc");
                assertEquals(Math.exp(m + 0.5 * s * s), d.get("estimate").asDouble(), 1e-12);
                lognormalMean = true;
            }
        }
        assertTrue(lognormalMean);
        assertEquals(result.parameterCount(), root.get("covariance").get("opg").size());
        assertEquals("ln", root.get("spec").get("coefficients").get(2).get("distribution").asText());
    }

    @Test
    @DisplayName("the text table names the covariance shown and prints every parameter and the log-likelihood")
    void table() {
        String table = ResultTable.format(result);
        assertTrue(table.contains("Covariance: robust sandwich"), table);
        assertTrue(table.contains(String.format(java.util.Locale.ROOT, "Log likelihood = %.4f",
                result.logLikelihood())), table);
        for (String name : result.names()) {
            assertTrue(table.contains(" " + name + " |"), name + " missing:\n" + table);
        }
        assertTrue(table.contains("median(loc)"), table);
    }
}
