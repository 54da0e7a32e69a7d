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
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * {@code jmixlogit choice pf cl tod seas, rand(loc) ln(wk) corr} as Hole's mixlogit takes it: the normal and the
 * lognormal coefficient share one correlated block (a lower Cholesky factor over their underlying normals), and the
 * posted b and V equal the engine's for the same sample and specification to the last bit.
 */
class PluginCorrelatedLognormalTest {
    private double[][] data;
    private boolean[] touse;

    @BeforeEach
    void load() {
        data = ElectricityInStata.load();
        int n = data[0].length;
        touse = new boolean[n];
        for (int i = 0; i < n; i++) {
            touse[i] = data[1][i] <= 60;
        }
        StataSimulator.setIfCondition(touse);
    }

    @Test
    @DisplayName("rand(loc) ln(wk) corr: a block of a normal and a lognormal, b and V equal the engine's")
    void lognormalJoinsTheCorrelatedBlock() {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_fixed", "pf cl tod seas");
        locals.put("jm_random", "loc");
        locals.put("jm_ln", "wk");
        locals.put("jm_corr", "1");
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_nrep", "25");
        locals.put("jm_threads", "2");
        ElectricityInStata.locals(locals);

        int rc = JMixlogit.estimate(new String[0]);
        assertEquals(0, rc, StataSimulator.errorOutput());
        assertEquals("Mean:pf Mean:cl Mean:tod Mean:seas Mean:loc Mean:wk l11:_cons l21:_cons l22:_cons",
                StataSimulator.local("jm_colnames"));
        String spec = StataSimulator.local("jm_spec_json").replaceAll("\\s", "");
        assertTrue(spec.contains("{\"attribute\":\"wk\",\"distribution\":\"ln\"}")
                && spec.contains("\"correlated\":[\"loc\",\"wk\"]"), spec);

        EstimationResult engine = engineFit();
        assertTrue(engine.isConverged(), engine.message());
        assertEquals("1", StataSimulator.local("jm_converged"));
        double[] b = engine.estimates();
        double[] v = engine.covariance(CovarianceType.HESSIAN);
        int p = b.length;
        assertEquals(Integer.toString(p), StataSimulator.local("jm_k"));
        for (int j = 0; j < p; j++) {
            assertEquals(Double.doubleToLongBits(b[j]),
                    Double.doubleToLongBits(InStata.b()[j]), "b" + (j + 1));
            for (int i = 0; i < p; i++) {
                assertEquals(Double.doubleToLongBits(v[i * p + j]),
                        Double.doubleToLongBits(InStata.v()[i * p + j]));
            }
        }
        assertEquals(Double.toString(engine.logLikelihood()), StataSimulator.local("jm_ll"));
        assertTrue(engine.derived().stream().anyMatch(d -> d.name().equals("cov(log(wk),loc)")),
                engine.derived().toString());
        assertTrue(engine.derived().stream().anyMatch(d -> d.name().equals("mean(wk)") && d.estimate() > 0));
    }

    /** The same sample and model straight through the estimator. */
    private EstimationResult engineFit() {
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
        String[] names = {"pf", "cl", "tod", "seas", "loc", "wk"};
        int[] columns = {3, 4, 7, 8, 5, 6};
        double[][] x = new double[names.length][m];
        for (int r = 0; r < m; r++) {
            int i = rows.get(r);
            situation[r] = (long) data[9][i];
            person[r] = (long) data[1][i];
            chosen[r] = data[0][i];
            for (int c = 0; c < columns.length; c++) {
                x[c][r] = data[columns[c]][i];
            }
        }
        org.mixlogit.data.ChoiceDataBuilder builder = ChoiceData.builder().situations(situation)
                .decisionMakers(person).chosen(chosen);
        for (int c = 0; c < names.length; c++) {
            builder.attribute(names[c], x[c]);
        }
        ModelSpec spec = ModelSpec.builder().fixed("pf").fixed("cl").fixed("tod").fixed("seas")
                .random("loc", Distribution.NORMAL).random("wk", Distribution.LOGNORMAL).correlated("loc", "wk")
                .build();
        return new MsleEstimator(EstimatorConfig.defaults().withThreads(1)
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, 25))).estimate(builder.build(), spec);
    }
}
