package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.InferenceConfig;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.estimation.MsmEstimator;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.msm.Instruments;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.postestimation.QuantityTable;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.SimulatedMoments;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The canonical reduction order makes a split of the data into shards of whole blocks, each built as its own data
 * object with its own simulator, give the local backend's numbers to the last bit: value, gradient, Hessian, the
 * OPG and sandwich sums, cluster sums, the method of simulated moments' moments, Jacobian and covariances, and a
 * whole estimation. This is what a distributed backend (one shard per partition) must reproduce.
 */
class PartitionInvarianceTest {
    private static final IntegrationConfig DRAWS = IntegrationConfig.of(DrawType.HALTON, 20);
    private static final ChoiceData DATA = electricityWithRegionAndWeights();
    /** pf and cl correlated normal, loc lognormal with heterogeneity, the rest fixed. */
    private static final ModelSpec SPEC = ModelSpec.builder().random("pf", Distribution.NORMAL)
            .random("cl", Distribution.NORMAL).random("loc", Distribution.NORMAL).fixed("wk").fixed("tod")
            .fixed("seas").correlated("pf", "cl").heterogeneity("loc", "region").build();
    private static final double[] THETA = theta();

    private static double[] theta() {
        double[] t = new double[SPEC.layout().size()];
        double[] values = {-0.9, -0.2, 1.9, 0.05, 1.4, -8.5, -8.7, 0.3, 0.1, 0.25, 0.9};
        for (int i = 0; i < t.length; i++) {
            t[i] = values[i % values.length];
        }
        return t;
    }

    /** Train's Electricity data with a region characteristic (id mod 7) and weights 1, 1.5 and 2 by id mod 3. */
    private static ChoiceData electricityWithRegionAndWeights() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(ExampleData.openElectricity())) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = rows.size();
        int[] situation = new int[n];
        int[] person = new int[n];
        double[] chosen = new double[n];
        String[] alternative = new String[n];
        double[][] x = new double[6][n];
        double[] region = new double[n];
        String[] market = new String[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i);
            chosen[i] = Double.parseDouble(f[0]);
            person[i] = Integer.parseInt(f[1]);
            alternative[i] = f[2];
            for (int k = 0; k < 6; k++) {
                x[k][i] = Double.parseDouble(f[3 + k]);
            }
            situation[i] = Integer.parseInt(f[9]);
            region[i] = person[i] % 7;
            market[i] = person[i] % 2 == 0 ? "north" : "south";
            weight[i] = 1 + 0.5 * (person[i] % 3);
        }
        String[] names = {"pf", "cl", "loc", "wk", "tod", "seas"};
        org.mixlogit.data.ChoiceDataBuilder b = ChoiceData.builder().situations(situation).decisionMakers(person)
                .chosen(chosen).alternatives(alternative).markets(market).characteristic("region", region)
                .weights(weight);
        for (int k = 0; k < 6; k++) {
            b.attribute(names[k], x[k]);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    @DisplayName("likelihood sums over shards equal the local backend's bit for bit")
    void likelihoodSums(int shards) {
        try (SimulatedLogLikelihood local = Simulators.likelihood(DATA, SPEC, DRAWS, 2);
                ShardedLikelihood split = ShardedLikelihood.split(DATA, SPEC, DRAWS, null, shards, 1)) {
            assertEquals(Math.min(shards, 12), split.shardCount());
            assertEquals(local.value(THETA), split.value(THETA), 0.0);
            double[] g1 = new double[THETA.length];
            double[] g2 = new double[THETA.length];
            assertEquals(local.valueAndGradient(THETA, g1), split.valueAndGradient(THETA, g2), 0.0);
            assertArrayEquals(g1, g2, 0.0);
            for (String cluster : new String[] {null, "region"}) {
                ScoreSums a = local.scoreSums(THETA, cluster);
                ScoreSums b = split.scoreSums(THETA, cluster);
                assertEquals(a.logLikelihood(), b.logLikelihood(), 0.0);
                assertArrayEquals(a.gradient(), b.gradient(), 0.0);
                assertArrayEquals(a.information(), b.information(), 0.0);
                assertArrayEquals(a.meat(), b.meat(), 0.0);
                assertArrayEquals(a.clusterMeat(), b.clusterMeat(), 0.0);
                assertEquals(a.clusterCount(), b.clusterCount());
            }
            assertEquals(7, local.scoreSums(THETA, "region").clusterCount());
            assertArrayEquals(local.hessian(THETA), split.hessian(THETA), 0.0);
            // and the sums are the sums: the gradient equals the per-decision-maker scores added up
            Contributions c = local.contributions(THETA);
            double sum = 0;
            for (int n = 0; n < c.decisionMakerCount(); n++) {
                sum += c.weight(n) * c.score(n, 0);
            }
            assertEquals(sum, g1[0], 1e-9 * Math.abs(sum));
        }
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    @DisplayName("simulated moments over shards equal the local ones bit for bit")
    void momentSums(int shards) {
        ModelSpec spec = ModelSpec.builder().random("pf", Distribution.NORMAL).fixed("cl").fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").build();
        double[] theta = {-0.8, 0.3, -0.2, 1.9, 1.4, -8.5, -8.7};
        Instruments z = Instruments.defaults(DATA, spec);
        int l = z.count();
        int n = DATA.decisionMakerCount();
        int blocks = (n + BlockPartials.BLOCK_SIZE - 1) / BlockPartials.BLOCK_SIZE;
        List<SimulatedShares> simulators = new ArrayList<>();
        List<SimulatedMoments.Shard> parts = new ArrayList<>();
        try (SimulatedShares whole = Simulators.shares(DATA, spec, DRAWS, 2)) {
            int[] dmStart = DATA.decisionMakerStartRef();
            int[] situationStart = DATA.situationStartRef();
            for (int s = 0; s < shards; s++) {
                int from = Math.min(n, blocks * s / shards * BlockPartials.BLOCK_SIZE);
                int to = Math.min(n, blocks * (s + 1) / shards * BlockPartials.BLOCK_SIZE);
                if (to == from) {
                    continue;
                }
                SimulatedShares part = Simulators.shares(DATA.slice(from, to), spec, DRAWS, 1);
                simulators.add(part);
                int r0 = situationStart[dmStart[from]];
                int r1 = situationStart[dmStart[to]];
                parts.add(new SimulatedMoments.Shard(part, Arrays.copyOfRange(z.valuesRef(), r0 * l, r1 * l)));
            }
            SimulatedMoments local = new SimulatedMoments(whole, z);
            SimulatedMoments split = new SimulatedMoments(parts, z);
            local.evaluate(theta, true);
            split.evaluate(theta, true);
            assertArrayEquals(local.momentsRef(), split.momentsRef(), 0.0);
            assertArrayEquals(local.jacobianRef(), split.jacobianRef(), 0.0);
            assertArrayEquals(local.momentCovariance(), split.momentCovariance(), 0.0);
            assertArrayEquals(local.momentCovariance("region").covariance(),
                    split.momentCovariance("region").covariance(), 0.0);
            assertEquals(7, split.momentCovariance("region").clusters());
        } finally {
            simulators.forEach(SimulatedShares::close);
        }
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {2, 5})
    @DisplayName("a whole estimation on the sharded backend equals the local one bit for bit")
    void estimation(int shards) {
        ModelSpec spec = ModelSpec.builder().random("pf", Distribution.NORMAL).random("cl", Distribution.NORMAL)
                .fixed("loc").fixed("wk").fixed("tod").fixed("seas").build();
        EstimatorConfig config = EstimatorConfig.defaults().withIntegration(DRAWS).withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withInference(InferenceConfig.defaults().withCluster("region")
                        .withCovariance(CovarianceType.CLUSTER));
        EstimationResult local = new MsleEstimator(config).estimate(DATA, spec);
        EstimationResult split = new MsleEstimator(config, Backend.sharded(shards, 1)).estimate(DATA, spec);
        assertArrayEquals(local.estimates(), split.estimates(), 0.0);
        assertEquals(local.logLikelihood(), split.logLikelihood(), 0.0);
        for (CovarianceType type : new CovarianceType[] {CovarianceType.HESSIAN, CovarianceType.OPG,
                CovarianceType.ROBUST, CovarianceType.CLUSTER}) {
            assertArrayEquals(local.covariances().get().matrix(type), split.covariances().get().matrix(type), 0.0,
                    type.toString());
        }
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {2, 5})
    @DisplayName("a whole MSM estimation (optimal instruments, two-step, cluster sandwich) on shards equals the local one")
    void msmEstimation(int shards) {
        ModelSpec spec = ModelSpec.builder().random("pf", Distribution.NORMAL).fixed("cl").fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").build();
        EstimatorConfig config = EstimatorConfig.defaults().withIntegration(IntegrationConfig.of(DrawType.HALTON, 10))
                .withThreads(2).withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withInference(InferenceConfig.defaults().withCluster("region").withCovariance(CovarianceType.CLUSTER))
                .withMethod(MethodConfig.msm(MsmConfig.defaults()));
        EstimationResult local = new MsmEstimator(config).estimate(DATA, spec);
        EstimationResult split = new MsmEstimator(config, Backend.sharded(shards, 1)).estimate(DATA, spec);
        assertArrayEquals(local.estimates(), split.estimates(), 0.0);
        assertEquals(local.gmm().get().objective(), split.gmm().get().objective(), 0.0);
        for (CovarianceType type : new CovarianceType[] {CovarianceType.GMM, CovarianceType.CLUSTER}) {
            assertArrayEquals(local.covariances().get().matrix(type), split.covariances().get().matrix(type), 0.0,
                    type.toString());
        }
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {2, 5})
    @DisplayName("post-estimation aggregates on shards equal the local ones bit for bit, with all their errors")
    void postEstimationAggregates(int shards) {
        ModelSpec spec = ModelSpec.builder().random("pf", Distribution.NORMAL).random("cl", Distribution.LOGNORMAL)
                .fixed("loc").fixed("wk").fixed("tod").fixed("seas").correlated("pf", "cl").build();
        double[] theta = {-0.9, -0.4, 2.0, 1.5, -8.6, -8.8, 0.3, 0.1, 0.5};
        int p = theta.length;
        double[] covariance = new double[p * p];
        for (int i = 0; i < p; i++) {
            covariance[i * p + i] = 1e-3 * (1 + i);
        }
        FittedModel local = new FittedModel(spec, theta, covariance, "hessian", DRAWS, 95, 2);
        FittedModel split = local.withBackend(Backend.sharded(shards, 1));
        PostEstimationOptions options = PostEstimationOptions.defaults().withKrinskyRobb(20).withReplicates(2);
        PostEstimation a = new PostEstimation(local, DATA, options);
        PostEstimation b = new PostEstimation(split, DATA, options);
        assertSameTable(a.shares(), b.shares());
        assertSameTable(a.elasticities("pf"), b.elasticities("pf"));
        assertSameTable(a.marginalDiversion("pf"), b.marginalDiversion("pf"));
        assertSameTable(a.removalDiversion(), b.removalDiversion());
        assertEquals(2, a.shares().markets().stream().distinct().count());
    }

    private static void assertSameTable(QuantityTable a, QuantityTable b) {
        assertEquals(a.size(), b.size());
        assertTrue(a.size() > 0);
        assertArrayEquals(a.estimates(), b.estimates(), 0.0);
        assertArrayEquals(a.standardErrors(), b.standardErrors(), 0.0);
        assertArrayEquals(a.krinskyRobbSd(), b.krinskyRobbSd(), 0.0);
        assertArrayEquals(a.simulationErrors(), b.simulationErrors(), 0.0);
        for (double e : a.estimates()) {
            assertTrue(Double.isFinite(e));
        }
    }
}
