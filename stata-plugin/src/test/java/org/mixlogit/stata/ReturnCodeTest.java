package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every failure the plugin maps reaches Stata as its return code, after its message. */
class ReturnCodeTest extends SmallFitInStata {
    @Test
    @DisplayName("a clean run returns 0")
    void ok() {
        assertEquals(0, run(), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("198: an impossible option")
    void syntax() {
        locals.put("jm_technique", "newton");
        assertEquals(198, run());
        assertTrue(StataSimulator.errorOutput().contains("newton"), StataSimulator.errorOutput());
        StataSimulator.clearOutput();
        locals.put("jm_technique", "bfgs");
        locals.put("jm_nrep", "many");
        assertEquals(198, run());
        assertTrue(StataSimulator.errorOutput().contains("nrep()"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("198: burn() below 0 (it was silently the default); burn(-1), the ado's default, is the draw type's")
    void negativeBurn() {
        locals.put("jm_burn", "-5");
        assertEquals(198, run());
        assertTrue(StataSimulator.errorOutput().contains("burn(-5): give the number of elements"),
                StataSimulator.errorOutput());
        locals.put("jm_burn", "-1");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertFalse(StataSimulator.local("jm_options_json").contains("burn"), StataSimulator.local("jm_options_json"));
    }

    @ParameterizedTest(name = "198: {0}({1}) with estimator({2}) names the option")
    @CsvSource({"instruments, pf loc, msle, instruments()", "instruments, default, '', instruments()",
        "weighting, onestep, msle, weighting()", "estimator, gmm, gmm, estimator(gmm)",
        "weighting, efficient, msm, weighting(efficient)", "instruments, pf zz, msm, variable zz not found",
        "instruments, pf optimal, msm, optimal cannot be combined"})
    void msmOptions(String option, String value, String estimator, String named) {
        locals.put("jm_estimator", estimator);
        locals.put("jm_" + option, option.equals("estimator") ? estimator : value);
        assertEquals(198, run());
        assertTrue(StataSimulator.errorOutput().contains(named), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("459: a missing value in the sample, or a group without a chosen alternative")
    void data() {
        double[] pf = data[3].clone();
        pf[5] = StataSimulator.missing();
        StataSimulator.addNumericVariable("pfm", pf);
        locals.put("jm_fixed", "pfm loc wk tod seas");
        assertEquals(459, run());
        assertTrue(StataSimulator.errorOutput().contains("pfm is missing in observation 6"),
                StataSimulator.errorOutput());
        StataSimulator.clearOutput();
        double[] choice = data[0].clone();
        for (int i = 0; i < 4; i++) {
            choice[i] = 0;
        }
        StataSimulator.addNumericVariable("nochoice", choice);
        locals.put("jm_fixed", "pf loc wk tod seas");
        locals.put("jm_depvar", "nochoice");
        assertEquals(459, run());
        assertTrue(StataSimulator.errorOutput().contains("no chosen alternative"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("not converged within iterate(): results are posted with jm_converged 0 and the fit's warning, as ml")
    void notConverged() {
        locals.put("jm_iterate", "1");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertEquals("0", StataSimulator.local("jm_converged"));
        assertEquals("1", StataSimulator.local("jm_iterations"));
        assertTrue(StataSimulator.local("jm_fit_warning").contains("did not converge"),
                StataSimulator.local("jm_fit_warning"));
        assertTrue(StataSimulator.hasMatrix(InStata.B) && StataSimulator.hasMatrix(InStata.V));
        assertTrue(StataSimulator.local("jm_saved").contains("\"converged\":false"));
    }

    @Test
    @DisplayName("459: collinear variables (wk2 = 2 wk) are refused before estimating, naming both")
    void collinearVariables() {
        double[] twice = data[6].clone();
        for (int i = 0; i < twice.length; i++) {
            twice[i] = 2 * data[6][i];
        }
        StataSimulator.addNumericVariable("wk2", twice);
        locals.put("jm_fixed", "pf loc wk wk2 tod seas");
        assertEquals(459, run(), StataSimulator.errorOutput());
        assertTrue(StataSimulator.errorOutput().contains("rank deficient") && StataSimulator.errorOutput()
                .contains("null direction on: wk, wk2"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("506: the covariance asked for does not exist (cluster-robust with a single cluster)")
    void noCovariance() {
        double[] one = new double[data[0].length];
        java.util.Arrays.fill(one, 1.0);
        StataSimulator.addNumericVariable("onecluster", one);
        locals.put("jm_vce", "cluster");
        locals.put("jm_cluster", "onecluster");
        assertEquals(506, run(), StataSimulator.errorOutput());
        assertTrue(StataSimulator.errorOutput().contains("only one cluster"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("1: Break pressed during the iterations")
    void breakPressed() {
        StataSimulator.setPollnowResult(1);
        assertEquals(1, run());
        assertTrue(StataSimulator.errorOutput().contains("--Break--"));
    }

    @Test
    @DisplayName("1: Break ends the estimation at that iteration and leaves no b, V or results behind")
    void breakLeavesNothing() {
        StataSimulator.setPollnowResult(1);
        assertEquals(1, run());
        String log = StataSimulator.output();
        assertTrue(log.contains("Iteration 1:"), log);
        assertFalse(log.contains("Iteration 2:"), "no iteration after Break: " + log);
        assertFalse(StataSimulator.hasMatrix(InStata.B));
        assertFalse(StataSimulator.hasMatrix(InStata.V));
        for (String local : PluginEstimation.RESULT_LOCALS) {
            assertNull(StataSimulator.local(local), local);
        }
    }

    @Test
    @DisplayName("909: out of memory")
    void memory() {
        StataSession exhausted = new SfiSession() {
            @Override
            public double value(int variable, long obs) {
                throw new OutOfMemoryError("simulated");
            }
        };
        ElectricityInStata.locals(locals);
        assertEquals(909, new PluginEstimation(exhausted).run(new String[0]));
        assertTrue(StataSimulator.errorOutput().contains("Out of memory"));
    }

    @Test
    @DisplayName("909: the engine refuses a billion draws before allocating, with the figure and java_heapmax")
    void memoryRefusedBeforeAllocating() {
        locals.put("jm_nrep", "1000000000");
        assertEquals(909, run());
        String message = StataSimulator.errorOutput();
        assertTrue(message.contains("Not enough memory: 1,000,000,000 nodes per decision-maker"), message);
        assertTrue(message.contains("set java_heapmax"), message);
        assertFalse(message.contains("\tat "), message);
    }

    @Test
    @DisplayName("909: a sparse grid above its cap (level 25 in six dimensions) is refused at once")
    void gridCap() {
        locals.put("jm_fixed", "");
        locals.put("jm_random", "pf cl loc wk tod seas");
        locals.put("jm_draws", "sparse");
        locals.put("jm_nrep", "25");
        assertEquals(909, run(), StataSimulator.errorOutput());
        assertTrue(StataSimulator.errorOutput().contains("level 25 in 6 dimensions"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("498: an exception that is not the engine's is an internal error with its type, never a stack trace")
    void internalError() {
        StataSession broken = new SfiSession() {
            @Override
            public double value(int variable, long obs) {
                throw new IllegalStateException("simulated");
            }
        };
        ElectricityInStata.locals(locals);
        assertEquals(498, new PluginEstimation(broken).run(new String[0]));
        String message = StataSimulator.errorOutput();
        assertTrue(message.contains("jmixlogit internal error (IllegalStateException: simulated). This is a bug"),
                message);
        assertFalse(message.contains("\tat "), message);
    }

    @Test
    @DisplayName("498: an Error that is not the engine's (a missing class, an assertion) is a return code, never a trace")
    void everyThrowable() {
        SfiSession stata = new SfiSession();
        assertEquals(498, ReturnCode.guard(stata, "", () -> {
            throw new NoClassDefFoundError("org/mixlogit/shaded/math3/special/Gamma");
        }));
        assertTrue(StataSimulator.errorOutput().contains("Java 11 or newer")
                && StataSimulator.errorOutput().contains("discard"), StataSimulator.errorOutput());
        assertEquals(498, ReturnCode.guard(stata, "", () -> {
            throw new AssertionError("{not SMCL}");
        }));
        assertTrue(StataSimulator.errorOutput().contains("internal error (AssertionError: {not SMCL})"),
                StataSimulator.errorOutput());
    }
}
