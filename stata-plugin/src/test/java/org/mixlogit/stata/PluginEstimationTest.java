package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.InferenceConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The plugin driven through the in-memory Stata exactly as jmixlogit.ado drives it: Electricity as Stata
 * variables, an if restriction, a weight, a missing value excluded from the sample. The posted b and V equal the
 * engine's own estimates for the same sample and specification to the last bit.
 */
class PluginEstimationTest {
    private double[][] data;

    @BeforeEach
    void load() {
        data = ElectricityInStata.load();
    }

    @Test
    @DisplayName("b and V equal the engine's, bit for bit, on the marked sample with weights")
    void postsEngineEstimates() {
        int n = data[0].length;
        // weight per respondent; a missing price in one observation, excluded by touse like markout would
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = 1 + (data[1][i] % 3);
        }
        StataSimulator.addNumericVariable("w", weight);
        double[] pf = data[3].clone();
        int missingRow = 10;
        pf[missingRow] = StataSimulator.missing();
        StataSimulator.addNumericVariable("pfm", pf);
        boolean[] touse = new boolean[n];
        for (int i = 0; i < n; i++) {
            touse[i] = data[1][i] <= 60 && i != missingRow;
        }
        StataSimulator.setIfCondition(touse);
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_fixed", "pfm loc wk");
        locals.put("jm_random", "cl tod");
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_weight", "w");
        locals.put("jm_wtype", "pweight");
        locals.put("jm_nrep", "25");
        locals.put("jm_vce", "robust");
        locals.put("jm_threads", "2");
        ElectricityInStata.locals(locals);

        int rc = JMixlogit.estimate(new String[0]);
        assertEquals(0, rc, StataSimulator.errorOutput());
        assertTrue(StataSimulator.output().contains("Iteration 1:   log likelihood = "), StataSimulator.output());

        EstimationResult engine = engineFit(touse, weight);
        double[] b = engine.estimates();
        double[] v = engine.covariance(CovarianceType.ROBUST);
        int p = b.length;
        assertEquals(Integer.toString(p), StataSimulator.local("jm_k"));
        for (int j = 0; j < p; j++) {
            assertEquals(Double.doubleToLongBits(b[j]), Double.doubleToLongBits(InStata.b()[j]),
                    "b" + (j + 1));
            for (int i = 0; i < p; i++) {
                assertEquals(Double.doubleToLongBits(v[i * p + j]),
                        Double.doubleToLongBits(InStata.v()[i * p + j]));
            }
        }
        assertEquals("Mean:pfm Mean:loc Mean:wk Mean:cl Mean:tod SD:cl SD:tod", StataSimulator.local("jm_colnames"));
        assertEquals(Double.toString(engine.logLikelihood()), StataSimulator.local("jm_ll"));
        assertEquals("60", StataSimulator.local("jm_N_id"));
        assertEquals("1", StataSimulator.local("jm_converged"));
    }

    /** The same sample and model straight through the estimator. */
    private EstimationResult engineFit(boolean[] touse, double[] weight) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < touse.length; i++) {
            if (touse[i]) {
                rows.add(i);
            }
        }
        int m = rows.size();
        long[] situation = new long[m];
        long[] person = new long[m];
        double[] chosen = new double[m];
        double[] w = new double[m];
        double[][] x = new double[6][m];
        int[] columns = {3, 5, 6, 4, 7};
        for (int r = 0; r < m; r++) {
            int i = rows.get(r);
            situation[r] = (long) data[9][i];
            person[r] = (long) data[1][i];
            chosen[r] = data[0][i];
            w[r] = weight[i];
            for (int c = 0; c < columns.length; c++) {
                x[c][r] = data[columns[c]][i];
            }
        }
        ChoiceData d = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen).weights(w)
                .attribute("pfm", x[0]).attribute("loc", x[1]).attribute("wk", x[2]).attribute("cl", x[3])
                .attribute("tod", x[4]).build();
        ModelSpec spec = ModelSpec.builder().fixed("pfm").fixed("loc").fixed("wk").random("cl", Distribution.NORMAL)
                .random("tod", Distribution.NORMAL).build();
        return new MsleEstimator(EstimatorConfig.defaults().withThreads(1)
                .withInference(InferenceConfig.defaults().withCovariance(CovarianceType.ROBUST))
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, 25))).estimate(d, spec);
    }
}
