package org.mixlogit.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.LatentClassEstimator;
import org.mixlogit.estimation.SearchConfig;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.ModelSpec;

/**
 * The latent class EM runs its E- and M-step sums on the backend and reduces them in block order: starting points
 * (a k-means-like split computed per decision-maker from centres, random partitions keyed by the ordinal,
 * perturbations) and EM runs with class shares in (1, z, female) (Newton M-steps) are the same to the last bit on
 * in-process shards of whole blocks as locally, and the EM still climbs (its trace never decreases).
 */
class EmOnBackendTest {
    /** 300 decision-makers: 10 reduction blocks. */
    private static final ChoiceData DATA = LatentClassData.simulate(300, 6, 3,
            new double[][] {{1.5, -1.0, 0.5}, {-0.5, 0.3, 0.5}, {0.2, -2.0, 0.5}},
            new double[][] {{-0.3, 0.8}, {-0.6, -0.5}}, 3L);
    private static final ModelSpec SPEC = ModelSpec.builder().fixed("x1").fixed("x2").fixed("x3")
            .latentClasses(3, List.of("z", "female"), List.of("x3")).build();
    private static final double[] PLAIN = {0.4, -0.9, 0.5};

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {3, 7})
    @DisplayName("starting points and EM runs equal the local backend's bits")
    void sameBits(int shards) {
        ExpectationMaximization local = new ExpectationMaximization(DATA, SPEC, Backend.local(1));
        ExpectationMaximization sharded = new ExpectationMaximization(DATA, SPEC, Backend.sharded(shards, 1));
        List<double[]> starts = StartingPoints.of(local, PLAIN, 4, 7L);
        List<double[]> shardedStarts = StartingPoints.of(sharded, PLAIN, 4, 7L);
        assertEquals(4, starts.size());
        for (int s = 0; s < starts.size(); s++) {
            assertArrayEquals(starts.get(s), shardedStarts.get(s), 0.0, "start " + s);
            EmRun here = local.run(starts.get(s), 15, 0);
            EmRun there = sharded.run(starts.get(s), 15, 0);
            assertArrayEquals(here.trace(), there.trace(), 0.0, "trace from start " + s);
            assertArrayEquals(here.theta(), there.theta(), 0.0, "theta from start " + s);
            double[] trace = here.trace();
            for (int i = 1; i < trace.length; i++) {
                assertTrue(trace[i] >= trace[i - 1] - 1e-9 * Math.abs(trace[i]), "iteration " + i);
            }
        }
        assertArrayEquals(ClassShares.meanCharacteristics(DATA, SPEC.latentClasses(), Backend.local(1)),
                ClassShares.meanCharacteristics(DATA, SPEC.latentClasses(), Backend.sharded(shards, 1)), 0.0);
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {3})
    @DisplayName("a whole latent class fit (EM search, polish, inference) on shards equals the local fit's bits")
    void wholeFit(int shards) {
        ModelSpec spec = ModelSpec.builder().fixed("x1").fixed("x2").fixed("x3")
                .latentClasses(2, List.of("z"), List.of()).build();
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withSearch(SearchConfig.defaults().withStarts(3))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0));
        EstimationResult here = new LatentClassEstimator(config, Backend.local(2)).estimate(DATA, spec);
        EstimationResult there = new LatentClassEstimator(config, Backend.sharded(shards, 1)).estimate(DATA, spec);
        assertTrue(here.isConverged(), here.message());
        assertArrayEquals(here.estimates(), there.estimates(), 0.0);
        assertEquals(here.logLikelihood(), there.logLikelihood(), 0.0);
        assertArrayEquals(here.latentClasses().orElseThrow().posteriorShares(),
                there.latentClasses().orElseThrow().posteriorShares(), 0.0);
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {3, 7})
    @DisplayName("the k-means steps on shards give the local centres, and the split from them is the assignment")
    void splitFromCentres(int shards) {
        ExpectationMaximization em = new ExpectationMaximization(DATA, SPEC, Backend.sharded(shards, 1));
        ClassLogit logit = new ClassLogit(DATA, SPEC.classModel());
        int n = DATA.decisionMakerCount();
        ModelSpec classModel = SPEC.classModel();
        ClassSplit.Features features = part -> {
            double[] scores = new double[part.decisionMakerCount() * PLAIN.length];
            new ClassLogit(part, classModel).scores(PLAIN, scores);
            return scores;
        };
        // the k-means steps are block sums on the backend: the same standardization and centres on shards
        ClassSplit.Centres centres = ClassSplit.centres(Backend.sharded(shards, 1), DATA, features, 3, 3, 11L);
        ClassSplit.Centres local = ClassSplit.centres(Backend.local(1), DATA, features, 3, 3, 11L);
        double[] all = features.of(DATA);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(local.standardize(all, i, 3), centres.standardize(all, i, 3), 0.0, "standardized " + i);
        }
        assertArrayEquals(local.centresRef(), centres.centresRef(), 0.0, "centres");
        Assignment split = Assignment.nearest(PLAIN, centres);
        int[] sizes = new int[3];
        for (int i = 0; i < n; i++) {
            sizes[split.classOf(logit, DATA, i)]++;
        }
        for (int c = 0; c < 3; c++) {
            assertTrue(sizes[c] > 10, "class " + c + " has " + sizes[c] + " decision-makers");
        }
        assertEquals(n, sizes[0] + sizes[1] + sizes[2]);
        assertTrue(Double.isFinite(em.logLikelihood(em.fromAssignment(split, StartingPoints.of(em, PLAIN, 1, 7L)
                .get(0), 3))));
    }
}
