package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Results do not depend on the order of the input rows: a decision-maker's draws are keyed by its place in the
 * id order, not by where its rows first appear. Train's Electricity data (alternative ids given) with its rows
 * shuffled, or its respondents in reverse order, gives bit-identical log-likelihood, gradient, estimates and
 * standard errors; without alternative ids, so does any permutation that keeps each situation's rows in order.
 */
class RowOrderInvarianceTest {
    private static final CsvLayout WITH_ALTERNATIVES = ExampleData.electricityLayout();
    private static final CsvLayout WITHOUT_ALTERNATIVES = CsvLayout.of("chid", "choice", "pf", "cl", "loc", "wk",
            "tod", "seas").withDecisionMaker("id");
    private static final IntegrationConfig DRAWS = IntegrationConfig.of(DrawType.HALTON, 20);
    /** At mlogit's estimates of the 6-normal model, rounded: a point far from the start and from this optimum. */
    private static final double[] THETA = {-0.97, -0.21, 2.08, 1.48, -9.05, -9.10, 0.22, 0.38};

    private static String header;
    private static List<String> rows;

    @BeforeAll
    static void readLines() {
        try (BufferedReader in = new BufferedReader(ExampleData.openElectricity())) {
            header = in.readLine();
            rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(17232, rows.size());
    }

    /** pf and cl normal, the rest fixed: 8 parameters, cheap enough to estimate three times. */
    private static ModelSpec model() {
        return ModelSpec.builder().random("pf", Distribution.NORMAL).random("cl", Distribution.NORMAL).fixed("loc")
                .fixed("wk").fixed("tod").fixed("seas").build();
    }

    private static ChoiceData read(List<String> lines, CsvLayout layout) {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Reader reader = new StringReader(text.toString());
        return CsvChoiceDataReader.read(reader, "electricity.csv", layout);
    }

    private static List<String> shuffled(long seed) {
        List<String> out = new ArrayList<>(rows);
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /** Respondents last to first, each respondent's rows as in the file. */
    private static List<String> respondentsReversed() {
        Map<String, List<String>> byRespondent = new LinkedHashMap<>();
        for (String line : rows) {
            byRespondent.computeIfAbsent(column(line, 1), k -> new ArrayList<>()).add(line);
        }
        List<List<String>> blocks = new ArrayList<>(byRespondent.values());
        Collections.reverse(blocks);
        List<String> out = new ArrayList<>();
        blocks.forEach(out::addAll);
        assertTrue(!out.get(0).equals(rows.get(0)));
        return out;
    }

    /**
     * A random interleaving that keeps each situation's rows in their file order: the rows are shuffled, then the
     * places a situation's rows landed on are given its rows in file order.
     */
    private static List<String> shuffledKeepingSituationOrder(long seed) {
        List<String> out = shuffled(seed);
        Map<String, List<String>> inFileOrder = new LinkedHashMap<>();
        for (String line : rows) {
            inFileOrder.computeIfAbsent(column(line, 9), k -> new ArrayList<>()).add(line);
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (int i = 0; i < out.size(); i++) {
            String situation = column(out.get(i), 9);
            int k = taken.merge(situation, 1, Integer::sum) - 1;
            out.set(i, inFileOrder.get(situation).get(k));
        }
        return out;
    }

    private static String column(String line, int index) {
        return line.split(",", -1)[index];
    }

    private static double[] valueAndGradient(ChoiceData data, int threads) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, model(), DRAWS, threads)) {
            double[] out = new double[THETA.length + 1];
            double[] gradient = new double[THETA.length];
            out[0] = ll.valueAndGradient(THETA, gradient);
            System.arraycopy(gradient, 0, out, 1, gradient.length);
            return out;
        }
    }

    @Test
    @DisplayName("with --alt alt: shuffled rows and reversed respondents give the same LL and gradient, bit for bit")
    void likelihoodWithAlternatives() {
        double[] reference = valueAndGradient(read(rows, WITH_ALTERNATIVES), 2);
        assertTrue(reference[0] < -4000 && reference[0] > -6000, "LL " + reference[0]);
        assertArrayEquals(reference, valueAndGradient(read(shuffled(1L), WITH_ALTERNATIVES), 2), 0.0);
        assertArrayEquals(reference, valueAndGradient(read(shuffled(2L), WITH_ALTERNATIVES), 1), 0.0);
        assertArrayEquals(reference, valueAndGradient(read(respondentsReversed(), WITH_ALTERNATIVES), 2), 0.0);
    }

    @Test
    @DisplayName("without alternative ids: permutations keeping each situation's rows in order give the same LL")
    void likelihoodWithoutAlternatives() {
        double[] reference = valueAndGradient(read(rows, WITHOUT_ALTERNATIVES), 2);
        // the alternatives are listed 1..4 in every situation, so the label order is the file order
        assertArrayEquals(reference, valueAndGradient(read(rows, WITH_ALTERNATIVES), 2), 0.0);
        assertArrayEquals(reference, valueAndGradient(read(shuffledKeepingSituationOrder(3L),
                WITHOUT_ALTERNATIVES), 2), 0.0);
        assertArrayEquals(reference, valueAndGradient(read(respondentsReversed(), WITHOUT_ALTERNATIVES), 2), 0.0);
    }

    @Test
    @DisplayName("with --alt alt: estimates, standard errors (Hessian, OPG, robust) and LL are bit-identical")
    void estimatesWithAlternatives() {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2).withIntegration(DRAWS);
        EstimationResult reference = new MsleEstimator(config).estimate(read(rows, WITH_ALTERNATIVES), model());
        assertTrue(reference.isConverged(), reference.message());
        List<List<String>> orders = List.of(shuffled(4L), respondentsReversed());
        for (List<String> order : orders) {
            EstimationResult r = new MsleEstimator(config).estimate(read(order, WITH_ALTERNATIVES), model());
            assertEquals(reference.logLikelihood(), r.logLikelihood(), 0.0);
            assertArrayEquals(reference.estimates(), r.estimates(), 0.0);
            for (CovarianceType type : List.of(CovarianceType.HESSIAN, CovarianceType.OPG, CovarianceType.ROBUST)) {
                assertArrayEquals(reference.standardErrors(type), r.standardErrors(type), 0.0, type.toString());
            }
            assertEquals(reference.iterations(), r.iterations());
        }
    }

    @Test
    @DisplayName("the shuffled file really is in another order: its decision-makers first appear in another order")
    void shuffleMovesRespondents() {
        List<String> order = shuffled(1L);
        List<String> firstSeen = new ArrayList<>();
        for (String line : order) {
            String id = column(line, 1);
            if (!firstSeen.contains(id)) {
                firstSeen.add(id);
            }
        }
        List<String> sorted = new ArrayList<>(firstSeen);
        sorted.sort(Comparator.comparingLong(Long::parseLong));
        assertTrue(!firstSeen.equals(sorted));
    }
}
