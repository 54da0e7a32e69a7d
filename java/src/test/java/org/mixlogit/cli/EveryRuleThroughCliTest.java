package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixlogit.integration.DrawType;
import org.mixlogit.io.ExampleData;

/**
 * Every integration rule, for a model of normal coefficients, an exponential price and a correlated block of a
 * normal and a lognormal coefficient, through the command line as a user runs it: {@code estimate --json} on the
 * first 30 Electricity respondents in two markets, then every post-estimation command {@code --from} the saved
 * result (shares, conditional with its probabilities, elasticities, diversion removal and marginal with the
 * decomposition, wtp, shares on other data). The tables are checked against identities that hold whatever the
 * estimates: shares and diversion rows sum to one, share-weighted elasticities add up to zero, shares are the
 * situation averages of the probabilities, fixed coefficients are their own conditional means.
 */
class EveryRuleThroughCliTest extends CliTestBase {
    private static final int PEOPLE = 30;
    private static final int NEW_PEOPLE = 10;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9.]+(?:e[-+]?[0-9]+)?");
    private static final Charset UTF8 = StandardCharsets.UTF_8;

    @TempDir
    static Path dir;
    private static Path estimationCsv;
    private static Path newCsv;

    /**
     * The models: their --fixed/--random/--correlated options, a fixed and a random attribute for wtp, and the rule
     * with which the per-situation diversion decomposition is written too (formatting it costs a fifth of a second).
     */
    enum Model {
        NORMAL("pf,wk,tod,seas", "cl=n,loc=n", null, "wk", "cl", DrawType.PSEUDO_RANDOM),
        EXPONENTIAL("cl,loc,wk,tod,seas", "pf=e", null, "cl", "loc", DrawType.SOBOL),
        LOGNORMAL_BLOCK("pf,cl,tod,seas", "loc=n,wk=ln", "loc,wk", "cl", "wk", DrawType.SPARSE_GRID);

        final String fixed;
        final String random;
        final String correlated;
        /** wtp of this attribute over pf ... */
        final String fixedAttribute;
        /** ... and of this one. */
        final String randomAttribute;
        final DrawType decompositionRule;

        Model(String fixed, String random, String correlated, String fixedAttribute, String randomAttribute,
                DrawType decompositionRule) {
            this.decompositionRule = decompositionRule;
            this.fixed = fixed;
            this.random = random;
            this.correlated = correlated;
            this.fixedAttribute = fixedAttribute;
            this.randomAttribute = randomAttribute;
        }

        boolean allNormal() {
            return !random.contains("=e") && !random.contains("=ln");
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Model m : Model.values()) {
            for (DrawType t : DrawType.values()) {
                out.add(Arguments.of(m, t));
            }
        }
        return out.stream();
    }

    /** Respondents 1-30 to estimate on, 31-40 as other data; a market column: north for odd ids, south for even. */
    @BeforeAll
    static void writeData() throws IOException {
        String[] lines;
        try (Reader r = ExampleData.openElectricity()) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            for (int n = r.read(buf); n > 0; n = r.read(buf)) {
                b.append(buf, 0, n);
            }
            lines = b.toString().trim().split("\\R");
        }
        StringBuilder estimation = new StringBuilder(lines[0]).append(",region\n");
        StringBuilder other = new StringBuilder(lines[0]).append(",region\n");
        for (int i = 1; i < lines.length; i++) {
            int id = Integer.parseInt(lines[i].split(",")[1]);
            String row = lines[i] + (id % 2 == 1 ? ",north\n" : ",south\n");
            if (id <= PEOPLE) {
                estimation.append(row);
            } else if (id <= PEOPLE + NEW_PEOPLE) {
                other.append(row);
            }
        }
        estimationCsv = Files.write(dir.resolve("estimation.csv"), estimation.toString().getBytes(UTF8));
        newCsv = Files.write(dir.resolve("other.csv"), other.toString().getBytes(UTF8));
    }

    /**
     * Draws per person, points per dimension or sparse-grid level: small, a case takes a fraction of a second. The
     * adaptive sparse grid and samplers take level 6 and 50 draws: with fewer, their re-centring rounds do not settle
     * on the lognormal block of 30 people (a weakly identified model), which the result reports as not converged.
     */
    private static String[] size(DrawType type) {
        if (type == DrawType.ADAPTIVE_SPARSE) {
            return new String[] {"--level", "6"};
        }
        if (type == DrawType.ADAPTIVE_HALTON || type == DrawType.ADAPTIVE_SOBOL) {
            return new String[] {"--R", "50"};
        }
        switch (type.sizeKind()) {
            case "draws":
                return new String[] {"--R", "20"};
            case "level":
                return new String[] {"--level", "3"};
            default:
                return new String[] {"--points", "4"};
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    @DisplayName("estimate, then every post-estimation command from the saved result")
    void everyCommand(Model model, DrawType type) throws IOException {
        String tag = model + "-" + type.code();
        Path json = dir.resolve(tag + ".json");
        List<String> args = new ArrayList<>(Arrays.asList("estimate", "--data", estimationCsv.toString(), "--choice",
                "choice", "--group", "chid", "--id", "id", "--alt", "alt", "--market", "region", "--fixed",
                model.fixed, "--random", model.random, "--draws", type.code(), "--json", json.toString(), "--quiet",
                "--threads", "2", "--integration-check", "0"));
        args.addAll(Arrays.asList(size(type)));
        if (model.correlated != null) {
            args.addAll(Arrays.asList("--correlated", model.correlated));
        }
        int code = runFresh(args.toArray(new String[0]));
        if (type == DrawType.ADAPTIVE_GH && !model.allNormal()) {
            assertEquals(3, code, "adaptive quadrature adapts normal coefficients only: " + out());
            assertTrue(err().contains("Adaptive quadrature needs normal random coefficients")
                    && err().contains("Use Gauss-Hermite, a sparse grid or draws"), err());
            assertNoStackTrace();
            return;
        }
        assertEquals(0, code, err() + out());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertTrue(result.get("converged").asBoolean(), tag);
        assertEquals(type.code(), result.get("integration").get("type").asText());
        Map<String, Double> b = estimates(result);

        double[][] shares = shares(json, tag);
        conditional(json, tag, model, b, shares);
        elasticities(json, tag, shares);
        diversion(json, tag, type == model.decompositionRule);
        wtp(json, tag, model, type, b);
        sharesOnOtherData(json, tag);
    }

    /** shares: a probability per market and alternative, summing to one in each market. Returns [market][alt]. */
    private double[][] shares(Path json, String tag) throws IOException {
        Path csv = dir.resolve(tag + "-shares.csv");
        assertEquals(0, runFresh("shares", "--from", json.toString(), "--replicates", "2", "--threads", "2", "--csv",
                csv.toString()), err());
        assertTrue(out().startsWith("Predicted shares"), out());
        List<String[]> rows = rows(csv);
        assertEquals(8, rows.size(), "two markets of four alternatives");
        double[][] shares = new double[2][4];
        for (String[] r : rows) {
            double s = Double.parseDouble(r[2]);
            assertTrue(s > 0 && s < 1, Arrays.toString(r));
            assertTrue(Double.parseDouble(r[3]) > 0, "a delta-method standard error: " + Arrays.toString(r));
            assertTrue(Double.isFinite(Double.parseDouble(r[9])), "a simulation error: " + Arrays.toString(r));
            shares[market(r[0])][Integer.parseInt(r[1]) - 1] = s;
        }
        for (double[] market : shares) {
            assertEquals(1.0, market[0] + market[1] + market[2] + market[3], 1e-12);
        }
        return shares;
    }

    /**
     * conditional: every decision-maker's conditional means are finite, a fixed coefficient's is the estimate with
     * sd 0; the probabilities sum to one in each situation, and their averages by market are the shares.
     */
    private void conditional(Path json, String tag, Model model, Map<String, Double> b, double[][] shares)
            throws IOException {
        Path csv = dir.resolve(tag + "-conditional.csv");
        Path probabilities = dir.resolve(tag + "-probabilities.csv");
        assertEquals(0, runFresh("conditional", "--from", json.toString(), "--threads", "2", "--csv", csv.toString(),
                "--probabilities", probabilities.toString()), err());
        assertTrue(out().contains("(" + PEOPLE + " decision-makers)"), out());
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(PEOPLE + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            for (int c = 1; c < f.length; c++) {
                assertTrue(Double.isFinite(Double.parseDouble(f[c])), header.get(c) + " of " + line);
            }
            for (String fixed : model.fixed.split(",")) {
                int c = header.indexOf(fixed);
                assertEquals(b.get(fixed), Double.parseDouble(f[c]), 1e-9 * Math.abs(b.get(fixed)), fixed);
                assertEquals(0.0, Double.parseDouble(f[c + 1]), 0.0, "sd of fixed " + fixed);
            }
        }
        List<String[]> rows = rows(probabilities);
        Map<String, double[]> bySituation = new HashMap<>();
        double[][] sum = new double[2][4];
        int[] situations = new int[2];
        for (String[] r : rows) {
            double[] s = bySituation.computeIfAbsent(r[1], k -> new double[2]);
            s[0] += Double.parseDouble(r[3]);
            s[1] += Double.parseDouble(r[4]);
        }
        for (double[] s : bySituation.values()) {
            assertEquals(1.0, s[0], 1e-9, "unconditional probabilities of a situation");
            assertEquals(1.0, s[1], 1e-9, "conditional probabilities of a situation");
        }
        // the rows are the estimation file's, in its order: the market is that of the row's respondent
        List<String> data = Files.readAllLines(estimationCsv);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int m = market(data.get(i + 1).split(",")[10]);
            sum[m][Integer.parseInt(r[2]) - 1] += Double.parseDouble(r[3]);
            situations[m] += r[2].equals("1") ? 1 : 0;
        }
        for (int m = 0; m < 2; m++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(shares[m][j], sum[m][j] / situations[m], 1e-9, "share = mean probability");
            }
        }
    }

    /** elasticities of pf: own negative, cross positive, and sum over j of S_j E_jk = 0 in each market. */
    private void elasticities(Path json, String tag, double[][] shares) throws IOException {
        Path csv = dir.resolve(tag + "-elasticities.csv");
        assertEquals(0, runFresh("elasticities", "--from", json.toString(), "--attribute", "pf", "--replicates", "0",
                "--threads", "2", "--csv", csv.toString()), err());
        double[][] addingUp = new double[2][4];
        double scale = 0;
        for (String[] r : rows(csv)) {
            int m = market(r[0]);
            int from = Integer.parseInt(r[1]) - 1;
            int to = Integer.parseInt(r[2]) - 1;
            double e = Double.parseDouble(r[3]);
            assertTrue(from == to ? e < 0 : e > 0, (from == to ? "own" : "cross") + " elasticity " + e);
            assertTrue(Double.parseDouble(r[4]) > 0, "standard error of " + Arrays.toString(r));
            addingUp[m][to] += shares[m][from] * e;
            scale = Math.max(scale, Math.abs(e));
        }
        for (double[] market : addingUp) {
            for (double s : market) {
                assertEquals(0.0, s, 1e-10 * scale, "share-weighted elasticities add up to zero");
            }
        }
    }

    /** diversion, both types in one CSV (and the per-situation decomposition): every row of ratios sums to one. */
    private void diversion(Path json, String tag, boolean withDecomposition) throws IOException {
        Path csv = dir.resolve(tag + "-diversion.csv");
        Path decomposition = dir.resolve(tag + "-decomposition.csv");
        List<String> args = new ArrayList<>(Arrays.asList("diversion", "--from", json.toString(), "--attribute", "pf",
                "--type", "both", "--replicates", "0", "--threads", "2", "--csv", csv.toString()));
        if (withDecomposition) {
            args.addAll(Arrays.asList("--decomposition", decomposition.toString()));
        }
        assertEquals(0, runFresh(args.toArray(new String[0])), err());
        assertTrue(out().contains("Product-removal (second-choice) diversion ratios")
                && out().contains("Marginal diversion ratios (change in pf of 'from')"), out());
        Map<String, Double> rowSums = new HashMap<>();
        int entries = 0;
        for (String[] r : rows(csv)) {
            double d = Double.parseDouble(r[4]);
            assertTrue(d > 0 && d < 1, Arrays.toString(r));
            assertTrue(Double.isFinite(Double.parseDouble(r[5])), "standard error of " + Arrays.toString(r));
            rowSums.merge(r[0] + " " + r[1] + " " + r[2], d, Double::sum);
            entries++;
        }
        assertEquals(2 * 2 * 4 * 3, entries, "two types, two markets, four alternatives, three others each");
        assertEquals(16, rowSums.size());
        rowSums.forEach((row, s) -> assertEquals(1.0, s, 1e-12, row));
        if (!withDecomposition) {
            return;
        }
        Map<String, double[]> bySituation = new HashMap<>();
        for (String[] r : rows(decomposition)) {
            double[] s = bySituation.computeIfAbsent(r[0] + " " + r[2], k -> new double[3]);
            for (int c = 0; c < 3; c++) {
                s[c] += Double.parseDouble(r[5 + c]);
            }
        }
        assertFalse(bySituation.isEmpty());
        bySituation.forEach((row, s) -> {
            assertEquals(1.0, s[0], 1e-8, "removal " + row);
            assertEquals(1.0, s[1], 1e-8, "marginal " + row);
            assertEquals(1.0, s[2], 1e-8, "logit " + row);
        });
    }

    /**
     * wtp: with draws, a fixed attribute over the fixed price is the ratio of the estimates, and a random one has
     * ordered quantiles (for a normal over a fixed price, centred at -mu/b_pf with the normal's spread); with
     * quadrature, refused with exit 3 and a message that says why, no stack trace.
     */
    private void wtp(Path json, String tag, Model model, DrawType type, Map<String, Double> b) {
        int code = runFresh("wtp", "--from", json.toString(), "--attribute", model.randomAttribute, "--cost", "pf",
                "--threads", "2");
        if (!type.isSimulation()) {
            assertEquals(3, code, out());
            assertTrue(err().startsWith("mixlogit: Willingness to pay needs simulation draws with equal weights;"
                    + " this likelihood uses "), err());
            assertNoStackTrace();
            return;
        }
        assertEquals(0, code, err());
        double[] w = wtpNumbers(out());
        double median = w[1];
        double[] q = {w[2], w[3], median, w[4], w[5]};
        for (int i = 0; i < q.length; i++) {
            assertTrue(Double.isFinite(q[i]) && (i == 0 || q[i - 1] <= q[i]), out());
        }
        assertTrue(Double.isFinite(w[0]) && Double.isFinite(w[6]), out());
        String a = model.randomAttribute;
        if (model == Model.NORMAL) {
            double centre = -b.get(a) / b.get("pf");
            double spread = Math.abs(b.get("sd." + a) / b.get("pf"));
            assertEquals(centre, median, 0.15 * spread, out());
            assertEquals(1.349 * spread, q[3] - q[1], 0.15 * 1.349 * spread, "interquartile range: " + out());
        } else {
            // a lognormal coefficient over a negative price, or a fixed one over an exponential price with a
            // negative location and scale (a long negative tail): the sign never changes across the population
            assertTrue(b.get("pf") < 0, "price " + b);
            assertTrue(model != Model.EXPONENTIAL || b.get("sd.pf") < 0, "the exponential's scale " + b);
            assertTrue(q[0] * q[4] > 0, out());
        }
        if (model != Model.EXPONENTIAL) {
            assertEquals(0, runFresh("wtp", "--from", json.toString(), "--attribute", model.fixedAttribute, "--cost", "pf",
                    "--threads", "2"), err());
            double ratio = -b.get(model.fixedAttribute) / b.get("pf");
            double[] fixed = wtpNumbers(out());
            assertEquals(ratio, fixed[0], 1e-5 * Math.abs(ratio), out());
            assertEquals(ratio, fixed[1], 1e-5 * Math.abs(ratio), out());
        }
    }

    /** shares on respondents 31-40 (--data): still one per market. */
    private void sharesOnOtherData(Path json, String tag) throws IOException {
        Path csv = dir.resolve(tag + "-new-shares.csv");
        assertEquals(0, runFresh("shares", "--from", json.toString(), "--data", newCsv.toString(), "--group", "chid",
                "--choice", "choice", "--id", "id", "--alt", "alt", "--market", "region", "--replicates", "0",
                "--threads", "2", "--csv", csv.toString()), err());
        double[] total = new double[2];
        for (String[] r : rows(csv)) {
            total[market(r[0])] += Double.parseDouble(r[2]);
        }
        assertEquals(1.0, total[0], 1e-12);
        assertEquals(1.0, total[1], 1e-12);
    }

    /** mean, median, 5%, 25%, 75%, 95% and the mean of conditional means, as wtp prints them. */
    private static double[] wtpNumbers(String text) {
        String numbers = text.substring(text.indexOf("population over"));
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:mean|median|5%|25%|75%|95%|conditional means:) (" + NUMBER + ")")
                .matcher(numbers);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(7, out.size(), text);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void assertNoStackTrace() {
        assertFalse(err().contains("Exception") || err().contains("\tat "), err());
        assertEquals(1, err().trim().split("\\R").length, "one line: " + err());
    }

    private static Map<String, Double> estimates(JsonNode result) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode c : result.get("coefficients")) {
            out.put(c.get("name").asText(), c.get("estimate").asDouble());
        }
        return out;
    }

    private static int market(String name) {
        assertTrue(name.equals("north") || name.equals("south"), name);
        return name.equals("north") ? 0 : 1;
    }

    /** The data lines of a CSV file, split at commas (no field holds one). */
    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split(","));
        }
        return out;
    }
}
