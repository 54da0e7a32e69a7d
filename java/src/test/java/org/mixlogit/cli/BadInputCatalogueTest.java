package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's catalogue of bad inputs through the command line, one row per case: the arguments, the files the
 * case creates, the expected exit code and the key words of its message. For every case: no stack trace, every
 * input file has the same SHA-256 after the run as before, and after a refusal (exit 2 to 5) no output named in the
 * arguments exists and no other file (a temporary one) was left in the directory.
 *
 * <p>Data: the first 30 respondents of the bundled Electricity data with built columns: pf2 = 2 pf (collinear),
 * sep = the choice (complete separation), pfm = pf x 1e6 (scaling), inc = 1 + id mod 7 (a characteristic) and
 * d1..d4 = (alt == k) x inc (the one-too-many set of alternative dummies interacted with a characteristic), k = 1
 * (constant).
 */
class BadInputCatalogueTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HEADER = "choice,id,alt,pf,cl,loc,wk,tod,seas,chid,pf2,sep,pfm,inc,d1,d2,d3,d4,k";

    @TempDir
    static Path shared;
    /** The small data set's lines (header first). */
    private static List<String> data;
    /** A converged plain-logit fit of the small data (its data file is {@code shared/data.csv}). */
    private static String fit;
    /** A fit stopped after one iteration (exit 1). */
    private static String stopped;

    /** What a case creates in its directory, given that directory. */
    interface Files0 {
        Map<String, String> make(Path dir) throws Exception;
    }

    /** One row of the catalogue. */
    static final class Case {
        final String name;
        final String[] args;
        final Files0 files;
        final int code;
        final String[] words;
        final String[] outWords;

        Case(String name, Files0 files, int code, String[] words, String[] outWords, String... args) {
            this.name = name;
            this.args = args;
            this.files = files;
            this.code = code;
            this.words = words;
            this.outWords = outWords;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void prepare() throws Exception {
        data = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(org.mixlogit.io.ExampleData.openElectricity())) {
            assertEquals("choice,id,alt,pf,cl,loc,wk,tod,seas,chid", r.readLine());
            data.add(HEADER);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                int id = Integer.parseInt(f[1]);
                if (id > 30) {
                    continue;
                }
                int alt = Integer.parseInt(f[2]);
                double pf = Double.parseDouble(f[3]);
                int inc = 1 + id % 7;
                StringBuilder b = new StringBuilder(line);
                b.append(',').append(2 * pf).append(',').append(f[0]).append(',').append(pf * 1e6).append(',')
                        .append(inc);
                for (int k = 1; k <= 4; k++) {
                    b.append(',').append(alt == k ? inc : 0);
                }
                data.add(b.append(",1").toString());
            }
        }
        Path csv = shared.resolve("data.csv");
        Files.write(csv, data);
        Path json = shared.resolve("fit.json");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true);
        assertEquals(0, Main.run(new String[] {"estimate", "--data", csv.toString(), "--choice", "choice", "--group",
            "chid", "--id", "id", "--alt", "alt", "--fixed", "pf,cl,loc,wk,tod,seas", "--json", json.toString(),
            "--quiet", "--threads", "2", "--integration-check", "0"}, p, p), sink.toString(StandardCharsets.UTF_8));
        fit = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
        Path stop = shared.resolve("stopped.json");
        assertEquals(1, Main.run(new String[] {"estimate", "--data", csv.toString(), "--choice", "choice", "--group",
            "chid", "--id", "id", "--alt", "alt", "--fixed", "cl,loc,wk,tod,seas", "--random", "pf=n", "--R", "5",
            "--max-iterations", "1", "--integration-check", "0", "--json", stop.toString(), "--quiet", "--threads",
            "2"}, p, p), sink.toString(StandardCharsets.UTF_8));
        stopped = new String(Files.readAllBytes(stop), StandardCharsets.UTF_8);
    }

    // ---- file builders -------------------------------------------------------------------------------------

    /** The small data as data.csv, each line (index 0 the header) passed through {@code edit}. */
    private static Files0 csv(java.util.function.BiFunction<Integer, String, String> edit) {
        return dir -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < data.size(); i++) {
                String line = edit.apply(i, data.get(i));
                if (line != null) {
                    b.append(line).append('\n');
                }
            }
            return Map.of("data.csv", b.toString());
        };
    }

    private static Files0 csv() {
        return csv((i, line) -> line);
    }

    /** Replaces field {@code column} of data line {@code row} (1 = first data line). */
    private static Files0 cell(int row, String column, String value) {
        int c = Arrays.asList(HEADER.split(",")).indexOf(column);
        return csv((i, line) -> {
            if (i != row) {
                return line;
            }
            String[] f = line.split(",", -1);
            f[c] = value;
            return String.join(",", f);
        });
    }

    /** data.csv and a saved result fit.json (the good fit edited by {@code edit}) whose data file is in dir. */
    private static Files0 result(String base, UnaryOperator<ObjectNode> edit, Files0 dataFiles) {
        return dir -> {
            Map<String, String> files = new LinkedHashMap<>(dataFiles.make(dir));
            ObjectNode root = (ObjectNode) MAPPER.readTree(base);
            ((ObjectNode) root.path("data")).put("file", dir.resolve("data.csv").toString());
            files.put("fit.json", MAPPER.writeValueAsString(edit.apply(root)));
            return files;
        };
    }

    private static Files0 result(UnaryOperator<ObjectNode> edit) {
        return result(fit, edit, csv());
    }

    /**
     * Simulated choices (200 people, 2 situations, 4 alternatives) where quality's true coefficient is -1 but it is
     * modelled as censored normal (non-negative): the criterion is minimized where every draw is censored, and there
     * the moments do not move with quality's location or scale. Instruments price, quality, rare, quality^2.
     */
    private static Files0 msmData() {
        return dir -> {
            org.mixlogit.data.ChoiceData d = org.mixlogit.bench.SimulatedChoices.generate(200, 2,
                    new double[] {-1.0, -1.0, -2.5, 0.0}, 3);
            double[] price = d.attributeColumn("price");
            double[] quality = d.attributeColumn("quality");
            double[] rare = d.attributeColumn("rare");
            boolean[] chosen = new boolean[d.rowCount()];
            for (int r : d.chosenRowRef()) {
                chosen[r] = true;
            }
            int[] people = d.decisionMakerStartRef();
            int[] situations = d.situationStartRef();
            StringBuilder b = new StringBuilder("choice,id,chid,price,quality,rare,quality2\n");
            int s = 0;
            for (int n = 0; n + 1 < people.length; n++) {
                for (; s + 1 < situations.length && situations[s] < people[n + 1]; s++) {
                    for (int i = situations[s]; i < situations[s + 1]; i++) {
                        b.append(chosen[i] ? 1 : 0).append(',').append(d.decisionMakerId(n)).append(',').append(s + 1)
                                .append(',').append(price[i]).append(',').append(quality[i]).append(',')
                                .append(rare[i]).append(',').append(quality[i] * quality[i]).append('\n');
                    }
                }
            }
            return Map.of("msm.csv", b.toString());
        };
    }

    private static String[] w(String... words) {
        return words;
    }

    private static final String[] NONE = {};

    private static String[] estimate(String... more) {
        String[] base = {"estimate", "--data", "$/data.csv", "--choice", "choice", "--group", "chid", "--id", "id",
            "--quiet", "--threads", "2", "--integration-check", "0", "--json", "$/out.json"};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- identification ----
        c.add(new Case("perfect separation: an attribute equal to the choice", csv(), 3,
                w("Complete separation", "sep"), NONE, estimate("--fixed", "pf,cl,sep")));
        c.add(new Case("collinear: pf2 = 2 pf", csv(), 3, w("rank deficient", "pf", "pf2"), NONE,
                estimate("--fixed", "pf,cl,loc,pf2")));
        c.add(new Case("one too many: every alternative's dummy x income", csv(), 3,
                w("rank deficient", "d1", "d4"), NONE, estimate("--fixed", "pf,cl,d1,d2,d3,d4")));
        c.add(new Case("scaling: pf x 1e6 is estimated in the user's units (exit 0)", csv(), 0, NONE,
                w("Certified local maximum", "pfm"), estimate("--fixed", "pfm,cl,loc,wk,tod,seas")));
        c.add(new Case("an extreme value 1e308 names row and column", cell(3, "pf", "1e308"), 3,
                w("'pf'", "row 3", "1.0E308"), NONE, estimate("--fixed", "pf,cl")));
        c.add(new Case("a constant attribute", csv(), 3, w("'k'"), NONE, estimate("--fixed", "pf,k")));
        c.add(new Case("MSM exactly identified with G'WG singular at the estimate", msmData(), 3,
                w("do not identify", "quality"), NONE, "estimate", "--data", "$/msm.csv", "--choice", "choice",
                "--group", "chid", "--id", "id", "--fixed", "price,rare", "--random", "quality=cn", "--method", "msm",
                "--instruments", "price,quality,rare,quality2", "--R", "20", "--quiet", "--threads", "2",
                "--json", "$/out.json"));
        // ---- resources ----
        c.add(new Case("--R 1000000000: refused before allocating", csv(), 4,
                w("Not enough memory", "1,000,000,000", "fewer draws"), NONE,
                estimate("--random", "pf=n,cl=n", "--R", "1000000000")));
        c.add(new Case("a sparse grid of level 25 in six dimensions", csv(), 4,
                w("level 25 in 6 dimensions", "lower level"), NONE,
                estimate("--random", "pf=n,cl=n,loc=n,wk=n,tod=n,seas=n", "--draws", "sparse", "--level", "25")));
        c.add(new Case("a sparse-grid level above the rules' 25 is a bad level, not a lack of memory", csv(), 3,
                w("Sparse-grid level 26", "at most 25"), NONE,
                estimate("--random", "pf=n", "--draws", "sparse", "--level", "26")));
        // ---- files ----
        c.add(new Case("--json equal to --data", csv(), 2, w("is the same file as --data", "never overwrite"), NONE,
                "estimate", "--data", "$/data.csv", "--choice", "choice", "--group", "chid", "--fixed", "pf",
                "--quiet", "--json", "$/data.csv"));
        c.add(new Case("--data missing", dir -> Map.of(), 3, w("no such file or directory", "none.csv"), NONE,
                "estimate", "--data", "$/none.csv", "--choice", "choice", "--group", "chid", "--fixed", "pf",
                "--json", "$/out.json"));
        c.add(new Case("--data in a missing directory", dir -> Map.of(), 3, w("Cannot read", "no such directory"), NONE,
                "estimate", "--data", "$/no/d.csv", "--choice", "choice", "--group", "chid", "--fixed", "pf"));
        c.add(new Case("--data is a directory", dir -> {
            Files.createDirectory(dir.resolve("sub"));
            return Map.of();
        }, 3, w("is a directory"), NONE, "estimate", "--data", "$/sub", "--choice", "choice", "--group", "chid",
                "--fixed", "pf"));
        c.add(new Case("--json into a missing directory", csv(), 2, w("no such directory"), NONE,
                "estimate", "--data", "$/data.csv", "--choice", "choice", "--group", "chid", "--fixed", "pf",
                "--quiet", "--json", "$/no/fit.json"));
        c.add(new Case("--spec missing", csv(), 2, w("Cannot read --spec", "no such file or directory"), NONE,
                estimate("--spec", "$/spec.json")));
        c.add(new Case("--from missing", dir -> Map.of(), 2, w("--from", "no such file or directory"), NONE,
                "shares", "--from", "$/fit.json", "--csv", "$/out.csv"));
        c.add(new Case("--csv equal to --from", result(r -> r), 2, w("is the same file as --from"), NONE,
                "shares", "--from", "$/fit.json", "--csv", "$/fit.json"));
        // ---- the saved form ----
        c.add(new Case("a result without estimates", result(r -> {
            r.remove("coefficients");
            return r;
        }), 3, w("$.coefficients is missing"), NONE, "shares", "--from", "$/fit.json", "--csv", "$/out.csv"));
        c.add(new Case("a string estimate", result(r -> {
            ((ObjectNode) r.withArray("coefficients").get(1)).put("estimate", "0.5");
            return r;
        }), 3, w("$.coefficients[1].estimate", "not a finite number"), NONE, "shares", "--from", "$/fit.json",
                "--csv", "$/out.csv"));
        c.add(new Case("a bad column role", result(r -> {
            ((ObjectNode) r.path("data").path("columns")).put("pf", "PRICE");
            return r;
        }), 3, w("$.data.columns.pf", "not a column role"), NONE, "elasticities", "--from", "$/fit.json",
                "--attribute", "pf", "--csv", "$/out.csv"));
        c.add(new Case("a result that is not JSON", dir -> Map.of("fit.json", "{\"format\": "), 3,
                w("not valid JSON", "estimate --json"), NONE, "shares", "--from", "$/fit.json", "--csv",
                "$/out.csv"));
        c.add(new Case("post-estimation on changed data is refused", result(fit, r -> r,
                cell(5, "pf", "99")), 3, w("not the data the model was estimated on", "--allow-other-data"), NONE,
                "shares", "--from", "$/fit.json", "--csv", "$/out.csv"));
        c.add(new Case("post-estimation on changed data with --allow-other-data (exit 0)", result(fit, r -> r,
                cell(5, "pf", "99")), 0, NONE, NONE, "shares", "--from", "$/fit.json", "--csv", "$/out.csv",
                "--allow-other-data", "--replicates", "0"));
        c.add(new Case("a fit that did not converge: the table is flagged (exit 0)", result(stopped, r -> r, csv()),
                0, w("warning: the fit did not converge"), w("Warning: the fit did not converge"), "shares",
                "--from", "$/fit.json", "--csv", "$/out.csv", "--replicates", "0"));
        // ---- data ----
        c.add(new Case("a missing value", cell(6, "cl", ""), 3, w("row 6", "'cl'"), NONE, estimate("--fixed",
                "pf,cl")));
        c.add(new Case("a value that is not a number", cell(7, "pf", "cheap"), 3, w("cheap"), NONE,
                estimate("--fixed", "pf,cl")));
        c.add(new Case("a situation with none chosen", csv((i, line) -> i >= 1 && i <= 4
                ? "0" + line.substring(1) : line), 3, w("Choice situation 1 has no chosen alternative", "row 1"), NONE,
                estimate("--fixed", "pf,cl")));
        c.add(new Case("a situation with two chosen", csv((i, line) -> i >= 1 && i <= 4
                ? "1" + line.substring(1) : line), 3, w("more than one chosen alternative", "row 2"), NONE,
                estimate("--fixed", "pf,cl")));
        c.add(new Case("a choice code that is not 0/1", cell(2, "choice", "2"), 3, w("chosen indicator is 2.0", "row 2"), NONE,
                estimate("--fixed", "pf,cl")));
        c.add(new Case("a one-alternative situation", csv((i, line) -> i >= 1 && i <= 4
                && !line.startsWith("1,") ? null : line), 3, w("Choice situation 1 has only one alternative"), NONE, estimate("--fixed",
                "pf,cl")));
        c.add(new Case("ragged ids: two decision-makers in one situation", cell(2, "id", "2"), 3, w("different decision-maker ids"), NONE,
                estimate("--fixed", "pf,cl")));
        c.add(new Case("a header only", csv((i, line) -> i == 0 ? line : null), 3, w("no data rows"), NONE,
                estimate("--fixed", "pf")));
        c.add(new Case("an unknown variable name", csv(), 3, w("'nosuch'", "not in the header", "Check the spelling"), NONE,
                estimate("--fixed", "pf,nosuch")));
        c.add(new Case("an unknown --choice column", csv(), 3, w("'chosen'", "not in the header"), NONE, "estimate", "--data",
                "$/data.csv", "--choice", "chosen", "--group", "chid", "--fixed", "pf", "--json", "$/out.json"));
        // ---- the command line ----
        c.add(new Case("an impossible option value: --R -5", csv(), 2, w("--R", "-5"), NONE, estimate("--random",
                "pf=n", "--R", "-5")));
        c.add(new Case("an option value that is not a number: --R many", csv(), 2, w("--R", "many"), NONE,
                estimate("--random", "pf=n", "--R", "many")));
        // A bad distribution code is a bad model (exit 3); a bad option word is a bad command line (exit 2). Both
        // messages come from the engine's vocabulary and list the valid words.
        c.add(new Case("a bad distribution code", csv(), 3, w("Unknown distribution 'zz'", "ln (lognormal)"), NONE,
                estimate("--random", "pf=zz")));
        c.add(new Case("a bad draw type", csv(), 2, w("lattice", "sparse"), NONE, estimate("--random", "pf=n", "--draws",
                "lattice")));
        c.add(new Case("a bad optimizer", csv(), 2, w("Unknown optimizer 'newton'", "bfgs"), NONE,
                estimate("--fixed", "pf", "--optimizer", "newton")));
        c.add(new Case("a bad covariance type", csv(), 2, w("--vce", "Unknown covariance type 'jackknife'"), NONE,
                estimate("--fixed", "pf", "--vce", "jackknife")));
        c.add(new Case("--points with Halton draws", csv(), 2, w("--points", "--draws gh"), NONE,
                estimate("--random", "pf=n", "--points", "5")));
        c.add(new Case("--burn with Gauss-Hermite points, where a burn-in does nothing", csv(), 3,
                w("--burn 10 has no effect with draws gh", "drop it"), NONE,
                estimate("--random", "pf=n", "--draws", "gh", "--points", "3", "--burn", "10")));
        c.add(new Case("an empty name in a list (--fixed pf,,cl)", csv(), 2, w("--fixed 'pf,,cl' has an empty element"),
                NONE, estimate("--fixed", "pf,,cl")));
        c.add(new Case("a malformed --random pair", csv(), 2, w("--random", "pf=n,cl=ln"), NONE,
                estimate("--random", "pf")));
        c.add(new Case("an unknown heterogeneity characteristic", csv(), 3, w("'nosuch'", "not in the header"), NONE,
                estimate("--fixed", "cl", "--random", "pf=n", "--R", "5", "--heterogeneity", "pf=nosuch")));
        c.add(new Case("an empty data file", dir -> Map.of("data.csv", ""), 3, w("data.csv is empty", "header"), NONE,
                estimate("--fixed", "pf")));
        c.add(new Case("--threads 0", csv(), 2, w("--threads is 0", "at least 1"), NONE, "estimate", "--data",
                "$/data.csv", "--choice", "choice", "--group", "chid", "--fixed", "pf", "--threads", "0", "--json",
                "$/out.json"));
        c.add(new Case("--threads 100000 is refused at once (failed after 46 s as a full heap)", csv(), 2,
                w("--threads is 100000", "use at most 1024"), NONE, "estimate", "--data", "$/data.csv", "--choice",
                "choice", "--group", "chid", "--random", "pf=n", "--threads", "100000", "--json", "$/out.json"));
        c.add(new Case("shares --threads 100000", result(r -> r), 2, w("--threads is 100000"), NONE, "shares",
                "--from", "$/fit.json", "--csv", "$/out.csv", "--threads", "100000"));
        c.add(new Case("--level with Halton draws", csv(), 2, w("--level"), NONE, estimate("--random", "pf=n",
                "--level", "3")));
        c.add(new Case("--conf-level 100 names the option (was 'level is 100.0', exit 3)", csv(), 2,
                w("--conf-level is 100", "strictly between 0 and 100"), NONE, estimate("--fixed", "pf",
                "--conf-level", "100")));
        c.add(new Case("--reestimate 1 names the option (was 'reestimations is 1', exit 3)", csv(), 2,
                w("--reestimate is 1", "at least 2"), NONE, estimate("--random", "pf=n", "--reestimate", "1")));
        c.add(new Case("--instruments without --method msm", csv(), 2, w("--method msm"), NONE,
                estimate("--fixed", "pf", "--instruments", "pf")));
        c.add(new Case("an unknown option", csv(), 2, w("Unknown option --colour", "Known options"), NONE, estimate("--fixed", "pf", "--colour",
                "red")));
        c.add(new Case("an unknown command", dir -> Map.of(), 2, w("Unknown command 'fiddle'"), NONE, "fiddle"));
        c.add(new Case("estimate without --choice", csv(), 2, w("Missing --choice"), NONE, "estimate", "--data",
                "$/data.csv", "--group", "chid", "--fixed", "pf", "--json", "$/out.json"));
        c.add(new Case("a cluster column that does not exist", csv(), 3, w("'nosuch'", "not in the header"), NONE,
                estimate("--fixed", "pf", "--vce", "cluster:nosuch")));
        c.add(new Case("shares --probabilities: an option of conditional (the file was silently not written)",
                result(r -> r), 2, w("--probabilities is not an option of shares", "conditional"), NONE, "shares",
                "--from", "$/fit.json", "--probabilities", "$/p.csv"));
        c.add(new Case("elasticities --type: an option of diversion (it was ignored)", result(r -> r), 2,
                w("--type is not an option of elasticities", "diversion"), NONE, "elasticities", "--from",
                "$/fit.json", "--attribute", "pf", "--type", "removal"));
        c.add(new Case("conditional --posterior without latent classes (the file was silently not written)",
                result(r -> r), 2, w("--posterior", "only a latent class model has"), NONE, "conditional", "--from",
                "$/fit.json", "--posterior", "$/post.csv"));
        c.add(new Case("conditional on new data of a panel fit without --id (each situation became a person)",
                result(r -> r), 2, w("The fit is a panel", "give --id"), NONE, "conditional", "--from",
                "$/fit.json", "--data", "$/data.csv", "--group", "chid", "--choice", "choice"));
        c.add(new Case("an unknown attribute for elasticities", result(r -> r), 3, w("'nosuch' is not an attribute of the model"), NONE,
                "elasticities", "--from", "$/fit.json", "--attribute", "nosuch", "--csv", "$/out.csv"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusal(Case c, @TempDir Path dir) throws Exception {
        Map<String, String> created = c.files.make(dir);
        for (Map.Entry<String, String> f : created.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> before = checksums(dir);
        String[] args = Arrays.stream(c.args).map(a -> a.startsWith("$/") ? dir.resolve(a.substring(2)).toString()
                : a).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        double seconds = (System.nanoTime() - start) / 1e9;
        String stderr = new String(err.toByteArray(), StandardCharsets.UTF_8);
        String stdout = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(c.code, code, "exit code; stderr: " + stderr);
        for (String word : c.words) {
            assertTrue(stderr.contains(word), "'" + word + "' in: " + stderr);
        }
        for (String word : c.outWords) {
            assertTrue(stdout.contains(word), "'" + word + "' in: " + stdout);
        }
        assertTrue(seconds < 10, "answered in " + seconds + " s");
        assertFalse(stderr.contains("\tat org.") || stderr.contains("Exception in thread"), "stack trace: " + stderr);
        Map<String, String> after = checksums(dir);
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), "input " + e.getKey() + " unchanged");
        }
        if (code >= 2) {
            assertEquals(before.keySet(), after.keySet(), "no output or temporary file left after a refusal");
            for (String a : args) {
                if (a.startsWith(dir.toString()) && !before.containsKey(dir.relativize(Path.of(a)).toString())) {
                    assertFalse(Files.exists(Path.of(a)) && !Files.isDirectory(Path.of(a)), "no output " + a);
                }
            }
        }
    }

    /** SHA-256 of every regular file under dir, by relative path. */
    private static Map<String, String> checksums(Path dir) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                StringBuilder hex = new StringBuilder();
                for (byte b : d) {
                    hex.append(String.format("%02x", b));
                }
                sums.put(dir.relativize(p).toString(), hex.toString());
            }
        }
        return sums;
    }
}
