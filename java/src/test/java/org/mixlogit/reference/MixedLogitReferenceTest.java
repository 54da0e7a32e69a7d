package org.mixlogit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Simulated mixed logits of shared/data/README.md whose draws are ours number for number (Halton, 100 elements
 * burnt, the k-th decision-maker taking the k-th draws: mlogit's and xlogit's convention), so the published
 * optimum is our optimum up to the printed digits and the optimizers' tolerances, not only up to simulation noise.
 * A different draw set moves these log-likelihoods by several units (the Electricity model's spread over five
 * independent Halton sets is 5.9), so the tolerances below, a fraction of the last printed digit, can fail.
 */
class MixedLogitReferenceTest {

    private static EstimationResult fit(ChoiceData data, ModelSpec spec, int draws) {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, draws));
        EstimationResult r = new MsleEstimator(config).estimate(data, spec);
        assertTrue(r.isConverged(), r.message());
        assertTrue(r.isCertified(), r.certification());
        return r;
    }

    private static ModelSpec.Builder electricityBase() {
        return ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).random("loc", Distribution.NORMAL);
    }

    // mlogit vignette "Exercise 3: Mixed logit model" (Train and Croissant), R = 100 Halton, panel by id. The
    // vignette prints the log-likelihoods to one decimal: our optimum must round to it (+- 0.05). The
    // parameterization of the uniform (mlogit: mean and half range) and of the lognormal (mean and sd of the
    // underlying normal) does not change the maximized log-likelihood.

    @Test
    @DisplayName("Electricity, pf fixed, cl loc wk tod seas normal: mlogit's LL -3961.7")
    void electricityPriceFixed() {
        ModelSpec spec = electricityBase().random("wk", Distribution.NORMAL).random("tod", Distribution.NORMAL)
                .random("seas", Distribution.NORMAL).build();
        EstimationResult r = fit(ReferenceData.electricityWithReversedRates(), spec, 100);
        assertEquals(-3961.7, r.logLikelihood(), 0.05);
    }

    @Test
    @DisplayName("Electricity, pf fixed, wk uniform: mlogit's LL -3956.7")
    void electricityUniform() {
        ModelSpec spec = electricityBase().random("wk", Distribution.UNIFORM).random("tod", Distribution.NORMAL)
                .random("seas", Distribution.NORMAL).build();
        EstimationResult r = fit(ReferenceData.electricityWithReversedRates(), spec, 100);
        assertEquals(-3956.7, r.logLikelihood(), 0.05);
    }

    @Test
    @DisplayName("Electricity, pf fixed, wk uniform, -tod and -seas lognormal: mlogit's LL -3976.5")
    void electricityLognormal() {
        // mlogit.data(..., opposite = c('tod', 'seas')) then tod = 'ln', seas = 'ln': our columns ntod, nseas
        ModelSpec spec = electricityBase().random("wk", Distribution.UNIFORM).random("ntod", Distribution.LOGNORMAL)
                .random("nseas", Distribution.LOGNORMAL).build();
        EstimationResult r = fit(ReferenceData.electricityWithReversedRates(), spec, 100);
        assertEquals(-3976.5, r.logLikelihood(), 0.05);
    }

    @Test
    @DisplayName("Swissmetro, time normal, panel by ID, 1,500 Halton: xlogit's LL -4359.218 and estimates")
    void swissmetroPanel() {
        // xlogit's comparison with Apollo and Biogeme (README data set 8); Apollo -4359.462 and Biogeme -4360.56
        // use other draws. xlogit prints 7 digits; our optimum agrees to 1e-6 absolute, so 2e-6 is the
        // printed digit plus both optimizers' tolerances. Standard errors: ours are the exact Hessian's, xlogit's
        // its own Hessian approximation; they agree within 1%, asserted to 1.5%.
        String[] names = {"asc_train", "asc_car", "cost", "time"};
        ChoiceData data = ReferenceData.read("swissmetro_long.csv.gz",
                CsvLayout.builder().situation("gid").decisionMaker("ID").chosen("choice").attributes(names).build());
        ModelSpec spec = ModelSpec.builder().fixed("asc_train").fixed("asc_car").fixed("cost")
                .random("time", Distribution.NORMAL).build();
        EstimationResult r = fit(data, spec, 1500);
        assertEquals(752, r.decisionMakers());
        assertEquals(-4359.218, r.logLikelihood(), 5e-4);
        double[] xlogit = {-0.5722759, 0.2831101, -1.6601672, -3.2289890, 3.6485428};
        double[] errors = {0.0791059, 0.0564250, 0.0778264, 0.1749384, 0.1667409};
        double[] theta = r.estimates();
        for (int i = 0; i < 5; i++) {
            double value = i < 4 ? theta[i] : Math.abs(theta[i]);
            assertEquals(xlogit[i], value, 2e-6, r.names().get(i));
            assertEquals(errors[i], r.coefficients().get(i).standardError(), 0.015 * errors[i], r.names().get(i));
        }
    }

    @Test
    @DisplayName("xlogit's artificial data, meals petfr emipp normal, 1,500 Halton: LL -2278.19 at mlogit's estimates")
    void artificialAtMlogitEstimates() {
        // xlogit paper Table 1, mlogit column (cross-section, 1,500 Halton): estimates printed to 3 decimals, LL
        // -2278.19. Our own optimum is -2278.1907 with every estimate within 0.003 s.e. of mlogit's (estimating
        // takes 18 s, so the test evaluates at the published point). Rounding the 13 estimates to 3 decimals
        // lowers the log-likelihood by about 1e-3 (second order at the optimum), so 0.01 covers the printing.
        String[] names = {"price", "time", "conven", "comfort", "nonsig1", "nonsig2", "nonsig3", "meals", "petfr",
            "emipp"};
        ChoiceData data = ReferenceData.read("artificial_long.csv.gz", CsvLayout.of("id", "choice", names));
        ModelSpec.Builder b = ModelSpec.builder();
        for (int i = 0; i < 7; i++) {
            b.fixed(names[i]);
        }
        ModelSpec spec = b.random("meals", Distribution.NORMAL).random("petfr", Distribution.NORMAL)
                .random("emipp", Distribution.NORMAL).build();
        double[] mlogit = {-1.052, -1.480, 0.901, 1.087, 0.070, 0.017, 0.025, 1.735, 3.946, -2.059, 0.714, 1.379,
            1.025};
        assertEquals(spec.layout().names().get(10), "sd.meals");
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, IntegrationConfig.of(DrawType.HALTON, 1500),
                2)) {
            assertEquals(-2278.19, ll.value(mlogit), 0.01);
        }
    }

    private static double derived(EstimationResult r, String name) {
        for (CoefficientEstimate c : r.derived()) {
            if (c.name().equals(name)) {
                return c.estimate();
            }
        }
        throw new AssertionError("no derived quantity " + name + " in " + r.derived());
    }

    private static EstimationResult fitFrom(ChoiceData data, ModelSpec spec, double[] start) {
        EstimatorConfig defaults = EstimatorConfig.defaults();
        EstimatorConfig config = defaults.withThreads(2).withSearch(defaults.search().withStart(start));
        EstimationResult r = new MsleEstimator(config).estimate(data, spec);
        assertTrue(r.isConverged(), r.message());
        assertTrue(r.isCertified(), r.certification());
        return r;
    }

    @Test
    @DisplayName("Dutch Train, time change comfort correlated normal, 100 Halton, panel: mlogit's optimum, LL -1530.12")
    void dutchTrainCorrelated() {
        // mlogit vignette "5. random parameters" (Train.mxlc; price fixed, no constant, the vignette's scaling).
        // Its LL is derived from the printed LR statistics (388.057 against the MNL's -1724.15002716): -1530.12.
        // The simulated surface has several maxima at R = 100 (20 of our starts reach -1530.1213, -1533.9874,
        // -1534.2584, -1535.0016, ...; the default start stops at -1533.9874), so the fit starts near the best
        // one (our 20-start optimum rounded to 2 significant digits; mlogit prints no means or Cholesky factor).
        // The standard deviations and correlations then agree with mlogit's to 4-5 digits: asserted to 2e-4
        // relative, far below their standard errors (0.06 to 0.5) and below the printed precision's half unit
        // plus both optimizers' tolerances. Signs are mlogit's opposite (its 'opposite' argument); sd and cor
        // are unaffected by that.
        String[] names = {"price", "time", "change", "comfort"};
        ChoiceData data = ReferenceData.read("train_dutch_long.csv.gz", CsvLayout.builder().situation("choiceid")
                .decisionMaker("id").chosen("choice").attributes(names).build());
        ModelSpec spec = ModelSpec.builder().fixed("price").random("time", Distribution.NORMAL)
                .random("change", Distribution.NORMAL).random("comfort", Distribution.NORMAL)
                .correlated("time", "change", "comfort").build();
        double[] start = {-0.15, -4.9, -1.0, -2.7, -5.4, 0.05, -1.8, -1.0, -0.73, -2.5};
        EstimationResult r = fitFrom(data, spec, start);
        assertEquals(-1530.12, r.logLikelihood(), 0.005);
        assertEquals(5.352199, derived(r, "sd(time)"), 2e-4 * 5.35);
        assertEquals(1.762026, derived(r, "sd(change)"), 2e-4 * 1.76);
        assertEquals(2.809899, derived(r, "sd(comfort)"), 2e-4 * 2.81);
        assertEquals(0.369565, derived(r, "cor(comfort,time)"), 2e-4);
        assertEquals(0.248927, derived(r, "cor(comfort,change)"), 2e-4);
    }

    @Test
    @DisplayName("car100, price and range lognormal, 100 Halton, panel: xlogit's optimum, LL -1302.683")
    void car100() {
        // xlogit notebook (Train's MATLAB example data): price := -price/10000, opcost := -opcost; hiperf and
        // medhiperf fixed; price, range lognormal (underlying normal's mean and sd), opcost, ev, hybrid normal.
        // At 100 draws the surface has several maxima (5 of our starts: -1297.9375, -1298.3798, -1298.8899,
        // -1302.6828, -1302.8423 from the default start); xlogit's is -1302.6828. Started at xlogit's printed
        // estimates we must stay there: LL to 1e-3 (printed to 3 decimals), estimates to 1e-4 absolute plus 2e-4
        // relative (xlogit prints 7 digits; its and our gradient tolerances leave a few 1e-5 on the flat sds).
        String[] names = {"hiperf", "medhiperf", "nprice", "nopcost", "range", "ev", "hybrid"};
        ChoiceData data = ReferenceData.read("car100_long.csv.gz", CsvLayout.builder().situation("choice_id")
                .decisionMaker("person_id").chosen("choice").attributes(names).build());
        ModelSpec spec = ModelSpec.builder().fixed("hiperf").fixed("medhiperf")
                .random("nprice", Distribution.LOGNORMAL).random("nopcost", Distribution.NORMAL)
                .random("range", Distribution.LOGNORMAL).random("ev", Distribution.NORMAL)
                .random("hybrid", Distribution.NORMAL).build();
        double[] xlogit = {0.1058410, 0.5604997, -0.7871346, 0.0110846, -0.6857957, -1.5574339, 0.6883966,
            0.8666443, 0.0401550, -0.5527011, 0.9139887, 0.7099238};
        EstimationResult r = fitFrom(data, spec, xlogit);
        assertEquals(-1302.683, r.logLikelihood(), 1e-3);
        double[] theta = r.estimates();
        for (int i = 0; i < xlogit.length; i++) {
            double value = i < 7 ? theta[i] : Math.copySign(theta[i], xlogit[i]);
            assertEquals(xlogit[i], value, 1e-4 + 2e-4 * Math.abs(xlogit[i]), r.names().get(i));
        }
    }

    @Test
    @DisplayName("Swissmetro, time normal, cross-section, Gauss-Hermite 200: Biogeme's 10,000-draw LL -5214.905")
    void swissmetroCrossSectionQuadrature() {
        // Biogeme b05 family (3.3.4 reports): 10,000 Halton -5214.905, MLHS -5214.947, pseudo-random -5215.694;
        // release benchmark, 2,000 draws: -5214.785 (asc_train -0.40151, asc_car 0.13640, cost -1.28463, time
        // -2.25779, sd 1.65147). The integral is one-dimensional but the integrand is steep in z (time, in units
        // of 100 minutes, reaches 15.6; sd 1.65), so Gauss-Hermite needs many points: 40 points give -5215.327,
        // 100 -5214.783, 200 -5214.879, 400 -5214.897, 1,000 -5214.893. At 200 points we are within 0.02 of the
        // integral and within 0.03 of Biogeme's Halton value, whose own simulation error is a few hundredths (its
        // MLHS differs by 0.04): asserted to 0.1. The estimates agree with the 2,000-draw benchmark within 0.05 of
        // a standard error (0.06 to 0.14), asserted to 0.1 s.e. Biogeme's b05b "integral" report (-5213.725, sd
        // 1.68) is not reproduced: it is 1.2 above every simulated value of Biogeme's own and above this converged
        // quadrature.
        String[] names = {"asc_train", "asc_car", "cost", "time"};
        ChoiceData data = ReferenceData.read("swissmetro_long.csv.gz", CsvLayout.of("gid", "choice", names));
        ModelSpec spec = ModelSpec.builder().fixed("asc_train").fixed("asc_car").fixed("cost")
                .random("time", Distribution.NORMAL).build();
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withIntegration(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 200));
        EstimationResult r = new MsleEstimator(config).estimate(data, spec);
        assertTrue(r.isCertified(), r.certification());
        assertEquals(-5214.905, r.logLikelihood(), 0.1);
        double[] biogeme = {-0.40151, 0.13640, -1.28463, -2.25779, 1.65147};
        double[] theta = r.estimates();
        for (int i = 0; i < 5; i++) {
            double value = i < 4 ? theta[i] : Math.abs(theta[i]);
            assertEquals(biogeme[i], value, 0.1 * r.coefficients().get(i).standardError(), r.names().get(i));
        }
    }
}
