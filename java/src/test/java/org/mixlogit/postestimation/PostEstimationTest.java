package org.mixlogit.postestimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Market aggregates of shares, elasticities and diversion: the plain-logit closed forms, finite differences of the
 * aggregate shares with random coefficients, removal diversions summing to one, the decomposition reproducing the
 * aggregate, delta-method standard errors against their closed form, and conditional predictions.
 */
class PostEstimationTest {
    private static final String[] ALTS = {"A", "B", "C", "D"};

    /** Situations of 3 or 4 alternatives (D sometimes missing) with price and quality, in two markets. */
    private static final class Design {
        final List<Long> situation = new ArrayList<>();
        final List<Long> person = new ArrayList<>();
        final List<String> alternative = new ArrayList<>();
        final List<String> market = new ArrayList<>();
        final List<Double> price = new ArrayList<>();
        final List<Double> quality = new ArrayList<>();
        final List<Double> chosen = new ArrayList<>();

        Design(int situations, long seed, boolean marketPerSituation) {
            Random random = new Random(seed);
            for (int s = 0; s < situations; s++) {
                int n = s % 3 == 0 ? 3 : 4;
                int pick = random.nextInt(n);
                for (int j = 0; j < n; j++) {
                    situation.add((long) s + 1);
                    person.add((long) s / 3 + 1);
                    alternative.add(ALTS[j]);
                    market.add(marketPerSituation ? "s" + s : (s < situations / 2 ? "north" : "south"));
                    price.add(1 + j * 0.5 + random.nextDouble());
                    quality.add(random.nextGaussian());
                    chosen.add(j == pick ? 1.0 : 0.0);
                }
            }
        }

        ChoiceData data(boolean panel, double priceShift, String shiftedAlternative, String shiftedMarket) {
            int n = situation.size();
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                boolean shift = alternative.get(i).equals(shiftedAlternative) && market.get(i).equals(shiftedMarket);
                p[i] = price.get(i) + (shift ? priceShift : 0);
            }
            return ChoiceData.builder().situations(longs(situation)).decisionMakers(panel ? longs(person) : null)
                    .alternatives(alternative.toArray(new String[0])).markets(market.toArray(new String[0]))
                    .chosen(chosen.stream().mapToDouble(Double::doubleValue).toArray())
                    .attribute("price", p).attribute("quality", quality.stream().mapToDouble(Double::doubleValue)
                            .toArray()).build();
        }

        private static long[] longs(List<Long> v) {
            return v.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static FittedModel model(ModelSpec spec, double[] theta, IntegrationConfig integration) {
        int p = theta.length;
        double[] v = new double[p * p];
        for (int i = 0; i < p; i++) {
            v[i * p + i] = 0.01;
        }
        return new FittedModel(spec, theta, v, "hessian", integration, 95, 2);
    }

    @Test
    @DisplayName("plain logit, one situation per market: the aggregates equal the closed forms exactly")
    void plainLogitClosedForms() {
        Design d = new Design(12, 3, true);
        ChoiceData data = d.data(false, 0, null, null);
        ModelSpec spec = ModelSpec.builder().fixed("price").fixed("quality").build();
        double[] beta = {-0.9, 0.7};
        PostEstimation post = new PostEstimation(model(spec, beta, IntegrationConfig.of(DrawType.HALTON, 10)), data,
                PostEstimationOptions.defaults().withReplicates(0));
        QuantityTable shares = post.shares();
        QuantityTable elasticity = post.elasticities("price");
        QuantityTable marginal = post.marginalDiversion("price");
        QuantityTable removal = post.removalDiversion();
        for (int s = 0; s < data.situationCount(); s++) {
            String m = "s" + s;
            int first = data.situationStartRef()[s];
            int n = data.alternatives(s);
            double[] u = new double[n];
            double den = 0;
            for (int j = 0; j < n; j++) {
                u[j] = Math.exp(beta[0] * data.attribute(first + j, 0) + beta[1] * data.attribute(first + j, 1));
                den += u[j];
            }
            for (int j = 0; j < n; j++) {
                double sj = u[j] / den;
                double xj = data.attribute(first + j, 0);
                assertEquals(sj, shares.estimate(m, ALTS[j], null), 1e-14);
                assertEquals(beta[0] * xj * (1 - sj), elasticity.estimate(m, ALTS[j], ALTS[j]), 1e-12);
                for (int k = 0; k < n; k++) {
                    if (k == j) {
                        continue;
                    }
                    double sk = u[k] / den;
                    double xk = data.attribute(first + k, 0);
                    assertEquals(-beta[0] * xk * sk, elasticity.estimate(m, ALTS[j], ALTS[k]), 1e-12);
                    assertEquals(sk / (1 - sj), marginal.estimate(m, ALTS[j], ALTS[k]), 1e-12);
                    assertEquals(sk / (1 - sj), removal.estimate(m, ALTS[j], ALTS[k]), 1e-12);
                }
            }
            assertTrue(Double.isNaN(shares.estimate(m, "D", null)) == (n == 3));
        }
    }

    @Test
    @DisplayName("plain logit: delta-method standard error of a share equals s(1-s)|dx| sd(beta) for two alternatives")
    void deltaMethodClosedForm() {
        long[] sit = {1, 1};
        double[] chosen = {1, 0};
        double[] x = {0.3, 1.7};
        ChoiceData data = ChoiceData.builder().situations(sit).chosen(chosen).attribute("x", x)
                .alternatives(new String[] {"a", "b"}).build();
        ModelSpec spec = ModelSpec.builder().fixed("x").build();
        double beta = -0.8;
        double variance = 0.04;
        FittedModel fit = new FittedModel(spec, new double[] {beta}, new double[] {variance}, "hessian",
                IntegrationConfig.of(DrawType.HALTON, 10), 95, 1);
        QuantityTable shares = new PostEstimation(fit, data, PostEstimationOptions.defaults().withKrinskyRobb(4000))
                .shares();
        double sa = 1 / (1 + Math.exp(beta * (x[1] - x[0])));
        double se = sa * (1 - sa) * Math.abs(x[1] - x[0]) * Math.sqrt(variance);
        assertEquals(sa, shares.estimates()[0], 1e-14);
        assertEquals(se, shares.standardErrors()[0], 1e-9);
        assertEquals(se, shares.standardErrors()[1], 1e-9);
        assertEquals(se, shares.krinskyRobbSd()[0], 0.05 * se, "Krinsky-Robb sd near the delta-method one");
        assertTrue(shares.krinskyRobbLower()[0] < sa && sa < shares.krinskyRobbUpper()[0]);
        assertEquals(sa - 1.959963984540054 * se, shares.lower()[0], 1e-9);
    }

    @Test
    @DisplayName("mixed logit: aggregate elasticities and marginal diversion match finite differences of shares")
    void mixedLogitFiniteDifferences() {
        Design d = new Design(60, 5, false);
        ModelSpec spec = ModelSpec.builder().random("price", Distribution.LOGNORMAL).random("quality",
                Distribution.NORMAL).build();
        double[] theta = {-0.4, 0.5, 0.6, 0.8};
        IntegrationConfig draws = IntegrationConfig.of(DrawType.SOBOL, 500);
        FittedModel fit = model(spec, theta, draws);
        PostEstimationOptions none = PostEstimationOptions.defaults().withReplicates(0);
        ChoiceData base = d.data(true, 0, null, null);
        PostEstimation post = new PostEstimation(fit, base, none);
        QuantityTable elasticity = post.elasticities("price");
        QuantityTable marginal = post.marginalDiversion("price");
        QuantityTable removal = post.removalDiversion();
        QuantityTable shares = post.shares();
        double h = 1e-5;
        for (String market : Arrays.asList("north", "south")) {
            for (String j : ALTS) {
                QuantityTable up = new PostEstimation(fit, d.data(true, h, j, market), none).shares();
                QuantityTable down = new PostEstimation(fit, d.data(true, -h, j, market), none).shares();
                double dsj = (up.estimate(market, j, null) - down.estimate(market, j, null)) / (2 * h);
                for (String k : ALTS) {
                    double dsk = (up.estimate(market, k, null) - down.estimate(market, k, null)) / (2 * h);
                    if (!k.equals(j)) {
                        assertEquals(-dsk / dsj, marginal.estimate(market, j, k), 1e-6, j + " -> " + k);
                    }
                }
            }
            for (String j : ALTS) {
                double sum = 0;
                for (String k : ALTS) {
                    if (!k.equals(j)) {
                        sum += removal.estimate(market, j, k);
                    }
                }
                assertEquals(1.0, sum, 1e-12, "removal diversion from " + j + " sums to one in " + market);
            }
            // a lognormal (positive) price coefficient: own elasticities positive, cross ones negative
            assertTrue(elasticity.estimate(market, "A", "A") > 0);
            assertTrue(elasticity.estimate(market, "A", "B") < 0);
            assertTrue(shares.estimate(market, "A", null) > 0);
        }
        // Proportional change of price of k in every situation of the market: finite differences of log shares
        ChoiceData scaledUp = scaled(d, "B", "north", 1 + h);
        ChoiceData scaledDown = scaled(d, "B", "north", 1 - h);
        QuantityTable up = new PostEstimation(fit, scaledUp, none).shares();
        QuantityTable down = new PostEstimation(fit, scaledDown, none).shares();
        for (String j : ALTS) {
            double e = (up.estimate("north", j, null) - down.estimate("north", j, null)) / (2 * h)
                    / shares.estimate("north", j, null);
            assertEquals(e, elasticity.estimate("north", j, "B"), 1e-6, "elasticity of " + j + " w.r.t. B");
        }
    }

    private static ChoiceData scaled(Design d, String alternative, String market, double factor) {
        Design copy = d;
        int n = copy.situation.size();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            boolean scale = copy.alternative.get(i).equals(alternative) && copy.market.get(i).equals(market);
            p[i] = copy.price.get(i) * (scale ? factor : 1);
        }
        return ChoiceData.builder().situations(copy.situation.stream().mapToLong(Long::longValue).toArray())
                .decisionMakers(copy.person.stream().mapToLong(Long::longValue).toArray())
                .alternatives(copy.alternative.toArray(new String[0])).markets(copy.market.toArray(new String[0]))
                .chosen(copy.chosen.stream().mapToDouble(Double::doubleValue).toArray()).attribute("price", p)
                .attribute("quality", copy.quality.stream().mapToDouble(Double::doubleValue).toArray()).build();
    }

    @Test
    @DisplayName("decomposition: weights sum to one and reproduce the aggregate diversions")
    void decompositionReproducesAggregates() {
        Design d = new Design(45, 8, false);
        ChoiceData data = d.data(true, 0, null, null);
        ModelSpec spec = ModelSpec.builder().random("price", Distribution.NORMAL).fixed("quality").build();
        FittedModel fit = model(spec, new double[] {-1.0, 0.8, 0.5}, IntegrationConfig.of(DrawType.HALTON, 200));
        PostEstimation post = new PostEstimation(fit, data, PostEstimationOptions.defaults().withReplicates(0));
        DiversionDecomposition dec = post.decomposition("price");
        QuantityTable removal = post.removalDiversion();
        QuantityTable marginal = post.marginalDiversion("price");
        for (String market : Arrays.asList("north", "south")) {
            for (String j : ALTS) {
                for (String k : ALTS) {
                    if (j.equals(k)) {
                        continue;
                    }
                    double rem = 0;
                    double mar = 0;
                    double[] rd = dec.removalDiversion();
                    double[] rw = dec.removalWeights();
                    double[] md = dec.marginalDiversion();
                    double[] mw = dec.marginalWeights();
                    for (int i = 0; i < dec.size(); i++) {
                        if (dec.markets().get(i).equals(market) && dec.from().get(i).equals(j)
                                && dec.to().get(i).equals(k)) {
                            rem += rw[i] * rd[i];
                            mar += mw[i] * md[i];
                        }
                    }
                    double expected = removal.estimate(market, j, k);
                    if (!Double.isNaN(expected)) {
                        assertEquals(expected, rem, 1e-12);
                        assertEquals(marginal.estimate(market, j, k), mar, 1e-12);
                    }
                }
            }
        }
        double[] logit = dec.logitDiversion();
        double[] rd = dec.removalDiversion();
        double gap = 0;
        for (int i = 0; i < dec.size(); i++) {
            gap = Math.max(gap, Math.abs(logit[i] - rd[i]));
        }
        assertTrue(gap > 1e-3, "a random price coefficient makes diversion differ from logit's: " + gap);
    }

    @Test
    @DisplayName("simulation error: positive for simulated random coefficients, absent without them")
    void simulationError() {
        Design d = new Design(30, 9, false);
        ChoiceData data = d.data(true, 0, null, null);
        ModelSpec mixed = ModelSpec.builder().random("price", Distribution.NORMAL).fixed("quality").build();
        QuantityTable shares = new PostEstimation(model(mixed, new double[] {-1.0, 1.2, 0.5},
                IntegrationConfig.of(DrawType.HALTON, 50)), data, PostEstimationOptions.defaults()).shares();
        for (double e : shares.simulationErrors()) {
            assertTrue(e > 0 && e < 0.05, "simulation sd " + e);
        }
        assertTrue(shares.notes().contains("5 independent draw sets"), shares.notes());
        ModelSpec plain = ModelSpec.builder().fixed("price").fixed("quality").build();
        QuantityTable exact = new PostEstimation(model(plain, new double[] {-1.0, 0.5},
                IntegrationConfig.of(DrawType.HALTON, 50)), data, PostEstimationOptions.defaults()).shares();
        for (double e : exact.simulationErrors()) {
            assertTrue(Double.isNaN(e));
        }
        assertTrue(exact.text().contains("Predicted shares"));
    }

    @Test
    @DisplayName("conditional probabilities: equal to unconditional without random coefficients, sharper with them")
    void conditionalProbabilities() {
        Design d = new Design(90, 11, false);
        ChoiceData data = d.data(true, 0, null, null);
        ModelSpec plain = ModelSpec.builder().fixed("price").fixed("quality").build();
        PostEstimation fixed = new PostEstimation(model(plain, new double[] {-1.0, 0.5},
                IntegrationConfig.of(DrawType.HALTON, 20)), data, PostEstimationOptions.defaults());
        double[] u = fixed.probabilities();
        double[] c = fixed.conditionalProbabilities();
        for (int i = 0; i < u.length; i++) {
            assertEquals(u[i], c[i], 1e-14);
        }
        ModelSpec mixed = ModelSpec.builder().random("price", Distribution.NORMAL).random("quality",
                Distribution.NORMAL).build();
        PostEstimation random = new PostEstimation(model(mixed, new double[] {-1.0, 2.0, 0.5, 2.0},
                IntegrationConfig.of(DrawType.HALTON, 300)), data, PostEstimationOptions.defaults());
        double[] pu = random.probabilities();
        double[] pc = random.conditionalProbabilities();
        double chosenU = 0;
        double chosenC = 0;
        for (int t = 0; t < data.situationCount(); t++) {
            int row = data.chosenRowRef()[t];
            chosenU += Math.log(pu[row]);
            chosenC += Math.log(pc[row]);
            double sum = 0;
            for (int i = data.situationStartRef()[t]; i < data.situationStartRef()[t + 1]; i++) {
                sum += pc[i];
            }
            assertEquals(1.0, sum, 1e-12);
        }
        assertTrue(chosenC > chosenU + 5, "knowing a person's choices predicts them better: " + chosenC + " vs "
                + chosenU);
    }

    @Test
    @DisplayName("conditional predictions for known decision-makers in other data: matched by id, order-free")
    void conditionalPredictionsOnOtherData() {
        Design d = new Design(60, 13, false);
        ChoiceData data = d.data(true, 0, null, null);
        ModelSpec mixed = ModelSpec.builder().random("price", Distribution.NORMAL).fixed("quality").build();
        PostEstimation post = new PostEstimation(model(mixed, new double[] {-1.0, 1.5, 0.5},
                IntegrationConfig.of(DrawType.HALTON, 100)), data, PostEstimationOptions.defaults());
        double[] inSample = post.conditionalProbabilities();
        assertEquals(0.0, maxAbsDifference(inSample, post.conditionalProbabilities(data)));
        // the same rows with the decision-makers in reverse order and prices raised by 0.5 for alternative B
        int n = d.situation.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = n - 1 - i;
        }
        double[] price = new double[n];
        double[] quality = new double[n];
        double[] chosen = new double[n];
        long[] situation = new long[n];
        long[] person = new long[n];
        for (int i = 0; i < n; i++) {
            int src = order[i];
            situation[i] = d.situation.get(src);
            person[i] = d.person.get(src);
            price[i] = d.price.get(src) + (d.alternative.get(src).equals("B") ? 0.5 : 0);
            quality[i] = d.quality.get(src);
            chosen[i] = d.chosen.get(src);
        }
        ChoiceData moved = ChoiceData.builder().situations(situation).decisionMakers(person)
                .chosen(chosen).attribute("price", price).attribute("quality", quality).build();
        double[] shifted = post.conditionalProbabilities(moved);
        double[] same = post.conditionalProbabilities(ChoiceData.builder().situations(situation)
                .decisionMakers(person).chosen(chosen).attribute("price", java.util.stream.IntStream
                        .range(0, n).mapToDouble(i -> d.price.get(order[i])).toArray())
                .attribute("quality", quality).build());
        for (int t = 0; t < data.situationCount(); t++) {
            for (int i = data.situationStartRef()[t]; i < data.situationStartRef()[t + 1]; i++) {
                int input = data.sourceRow(i);
                int movedGrouped = groupedRowOf(moved, n - 1 - input);
                assertEquals(inSample[i], same[movedGrouped], 1e-14, "same person, same row: same prediction");
                if (d.alternative.get(input).equals("B")) {
                    assertTrue(shifted[movedGrouped] < same[movedGrouped], "a higher price lowers B's probability");
                }
            }
        }
        ChoiceData stranger = ChoiceData.builder().situations(new long[] {1, 1}).decisionMakers(new long[] {999,
            999}).chosen(new double[] {1, 0}).attribute("price", new double[] {1, 2}).attribute("quality",
                    new double[] {0, 1}).build();
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> post.conditionalProbabilities(stranger));
        assertTrue(e.getMessage().contains("Decision-maker 999 of the new data is not in the estimation data"),
                e.getMessage());
    }

    private static int groupedRowOf(ChoiceData data, int inputRow) {
        for (int i = 0; i < data.rowCount(); i++) {
            if (data.sourceRow(i) == inputRow) {
                return i;
            }
        }
        throw new AssertionError(inputRow);
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    @DisplayName("bad input: unknown attribute, duplicate alternative, market changing within a situation")
    void errors() {
        Design d = new Design(6, 1, false);
        ChoiceData data = d.data(false, 0, null, null);
        ModelSpec spec = ModelSpec.builder().fixed("price").fixed("quality").build();
        PostEstimation post = new PostEstimation(model(spec, new double[] {-1, 1},
                IntegrationConfig.of(DrawType.HALTON, 5)), data, PostEstimationOptions.defaults());
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> post.elasticities("cost"));
        assertTrue(e.getMessage().contains("'cost'") && e.getMessage().contains("[price, quality]"), e.getMessage());
        InvalidDataException dup = assertThrows(InvalidDataException.class, () -> ChoiceData.builder()
                .situations(new long[] {1, 1, 2, 2}).chosen(new double[] {1, 0, 0, 1})
                .attribute("x", new double[] {1, 2, 3, 4}).alternatives(new String[] {"a", "a", "a", "b"}).build());
        assertTrue(dup.getMessage().contains("lists alternative 'a' twice (row 1 and row 2)"), dup.getMessage());
        InvalidDataException market = assertThrows(InvalidDataException.class, () -> ChoiceData.builder()
                .situations(new long[] {1, 1, 2, 2}).chosen(new double[] {1, 0, 0, 1})
                .attribute("x", new double[] {1, 2, 3, 4}).markets(new String[] {"m", "n", "m", "m"}).build());
        assertTrue(market.getMessage().contains("market changes within choice situation 1"), market.getMessage());
        assertThrows(InvalidSpecificationException.class, () -> PostEstimationOptions.defaults().withKrinskyRobb(1));
        InvalidDataException alt = assertThrows(InvalidDataException.class, () -> data.alternativeIndex("Z"));
        assertTrue(alt.getMessage().contains("[A, B, C, D]"), alt.getMessage());
    }
}
