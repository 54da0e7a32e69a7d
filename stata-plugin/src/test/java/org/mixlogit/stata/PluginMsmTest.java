package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.MsmEstimator;
import org.mixlogit.estimation.SearchConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.Weighting;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * jmixlogit, estimator(msm) driven through the in-memory Stata as jmixlogit.ado drives it: the instrument
 * variables travel as extra attribute columns, and the posted b, V and GMM diagnostics (criterion, Hansen's J, its
 * degrees of freedom and p-value, the weighting matrix's condition number, the instruments) equal the engine's
 * MsmEstimator on the same sample to the last bit.
 */
class PluginMsmTest {
    private static final String FIXED = "pf loc wk tod seas";
    private static final String INSTRUMENTS = "pf loc wk tod seas cl cl2 pfcl";
    private double[][] data;
    private boolean[] touse;

    @BeforeEach
    void load() {
        data = ElectricityInStata.load();
        int n = data[0].length;
        double[] cl2 = new double[n];
        double[] pfcl = new double[n];
        touse = new boolean[n];
        for (int i = 0; i < n; i++) {
            cl2[i] = data[4][i] * data[4][i];
            pfcl[i] = data[3][i] * data[4][i];
            touse[i] = data[1][i] <= 30;
        }
        StataSimulator.addNumericVariable("cl2", cl2);
        StataSimulator.addNumericVariable("pfcl", pfcl);
        StataSimulator.setIfCondition(touse);
    }

    private int run(String instruments, String weighting) {
        Map<String, String> locals = FittedInStata.smallModel();
        locals.put("jm_estimator", "msm");
        locals.put("jm_instruments", instruments);
        locals.put("jm_weighting", weighting);
        ElectricityInStata.locals(locals);
        return JMixlogit.estimate(new String[0]);
    }

    @Test
    @DisplayName("instruments(varlist), two-step: b, V, criterion, J, J_df, J_p, W_cond equal MsmEstimator's")
    void postsEngineMsm() {
        assertEquals(0, run(INSTRUMENTS, "twostep"), StataSimulator.errorOutput());
        assertTrue(StataSimulator.output().contains("Method of simulated moments"), StataSimulator.output());
        assertTrue(StataSimulator.output().contains("Iteration 1:   objective = "), StataSimulator.output());

        EstimationResult engine = engineFit();
        double[] b = engine.estimates();
        double[] v = engine.covariance(CovarianceType.GMM);
        int p = b.length;
        assertEquals(Integer.toString(p), StataSimulator.local("jm_k"));
        for (int j = 0; j < p; j++) {
            assertBits(b[j], InStata.b()[j], "b" + (j + 1));
            for (int i = 0; i < p; i++) {
                assertBits(v[i * p + j], InStata.v()[i * p + j],
                        "V" + (i + 1) + "," + (j + 1));
            }
        }
        GmmDiagnostics g = engine.gmm().get();
        assertEquals("msm", StataSimulator.local("jm_method"));
        assertEquals("gmm", StataSimulator.local("jm_vcetype"));
        assertEquals(Double.toString(g.objective()), StataSimulator.local("jm_gmm_criterion"));
        assertTrue(Double.isFinite(g.hansenJ()), "over-identified two-step: J exists");
        assertEquals(Double.toString(g.hansenJ()), StataSimulator.local("jm_J"));
        assertEquals("1", StataSimulator.local("jm_J_df"), "8 instruments, 7 parameters");
        assertEquals(Double.toString(g.pValue()), StataSimulator.local("jm_J_p"));
        assertEquals(Double.toString(g.weightingConditionNumber()), StataSimulator.local("jm_W_cond"));
        assertEquals("twostep", StataSimulator.local("jm_weighting_used"));
        assertEquals(INSTRUMENTS, StataSimulator.local("jm_instrument_names"));
        assertEquals(Double.toString(engine.logLikelihood()), StataSimulator.local("jm_ll"));
        String options = StataSimulator.local("jm_options_json");
        assertTrue(options.contains("\"method\":\"msm\"") && options.contains("\"weighting\":\"two-step\"")
                && options.contains("\"instruments\":[\"pf\",\"loc\",\"wk\",\"tod\",\"seas\",\"cl\",\"cl2\",\"pfcl\"]"),
                options);
    }

    @Test
    @DisplayName("instruments(optimal): exactly identified, J missing, optimal instruments named as single words")
    void optimalInstruments() {
        assertEquals(0, run("", ""), StataSimulator.errorOutput());
        assertEquals(".", StataSimulator.local("jm_J"));
        assertEquals(".", StataSimulator.local("jm_J_p"));
        assertEquals("0", StataSimulator.local("jm_J_df"));
        assertEquals("onestep", StataSimulator.local("jm_weighting_used"), "exactly identified: weighting is moot");
        String[] names = StataSimulator.local("jm_instrument_names").split(" ");
        assertEquals(7, names.length, Arrays.toString(names));
        assertTrue(names[0].startsWith("dlog_s/d_"), names[0]);
        assertTrue(StataSimulator.local("jm_options_json").contains("\"instruments\":\"optimal\""));
    }

    @Test
    @DisplayName("459: an instrument variable missing in the sample, named with its observation")
    void missingInstrument() {
        double[] z = data[4].clone();
        z[7] = StataSimulator.missing();
        StataSimulator.addNumericVariable("clm", z);
        assertEquals(459, run("pf loc wk tod seas clm cl2 pfcl", ""));
        assertTrue(StataSimulator.errorOutput().contains("clm is missing in observation 8"),
                StataSimulator.errorOutput());
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what + ": " + expected
                + " vs " + actual);
    }

    /** The same sample, model and instruments straight through MsmEstimator, from the test's own arrays. */
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
        String[] names = {"pf", "loc", "wk", "tod", "seas", "cl"};
        int[] columns = {3, 5, 6, 7, 8, 4};
        double[][] x = new double[names.length + 2][m];
        for (int r = 0; r < m; r++) {
            int i = rows.get(r);
            situation[r] = (long) data[9][i];
            person[r] = (long) data[1][i];
            chosen[r] = data[0][i];
            for (int c = 0; c < columns.length; c++) {
                x[c][r] = data[columns[c]][i];
            }
            x[6][r] = data[4][i] * data[4][i];
            x[7][r] = data[3][i] * data[4][i];
        }
        ChoiceDataBuilder d = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen);
        for (int c = 0; c < names.length; c++) {
            d.attribute(names[c], x[c]);
        }
        d.attribute("cl2", x[6]).attribute("pfcl", x[7]);
        ModelSpec spec = ModelSpec.builder().fixed("pf").fixed("loc").fixed("wk").fixed("tod").fixed("seas")
                .random("cl", Distribution.NORMAL).build();
        MsmConfig msm = MsmConfig.defaults().withWeighting(Weighting.TWO_STEP)
                .withInstrumentColumns(Arrays.asList(INSTRUMENTS.split(" ")));
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(1)
                .withSearch(SearchConfig.defaults().withStartSeed(12345))
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, 20)).withMethod(MethodConfig.msm(msm));
        return new MsmEstimator(config).estimate(d.build(), spec);
    }
}
