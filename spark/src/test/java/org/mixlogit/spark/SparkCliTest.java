package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlogit.cli.EstimationEngine;
import org.mixlogit.cli.Main;

/**
 * The command line with the Spark engine: {@code estimate --engine spark} records the Spark source (qualified by
 * Hadoop), its format and the column roles in the JSON's data block; post-estimation commands with {@code --engine
 * spark} reload the data from it and print what the local engine prints for its own fit (shares by market,
 * conditional coefficients and probabilities by row, willingness to pay, diversion), and write the tables by
 * decision-maker, row or situation from the partitions with the local tables' rows (CSV, or Parquet by the path's
 * extension; an existing path refused); without the engine they say how to run them.
 */
class SparkCliTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path csv;
    private static Path localFit;
    private static Path sparkFit;
    private static String sparkEstimateTable;
    private static String localEstimateTable;
    private String out;
    private String err;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkTestSession.start();
        csv = Electricity.write(dir);
        localFit = dir.resolve("local.json");
        sparkFit = dir.resolve("spark.json");
        SparkCliTest t = new SparkCliTest();
        assertEquals(0, t.run(EstimationEngine.LOCAL, estimate(localFit)), t.err);
        localEstimateTable = t.out;
        assertEquals(0, t.run(engine(), with(estimate(sparkFit), "--engine", "spark")), t.err);
        sparkEstimateTable = t.out;
    }


    private static EstimationEngine engine() {
        return new SparkEngine(spark, 3, null);
    }

    private static String[] estimate(Path json) {
        return new String[] {"estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id",
            "id", "--alt", "alt", "--market", "market", "--fixed", "pf,loc,wk,tod,seas", "--random", "cl=n", "--R",
            "10", "--integration-check", "1", "--quiet", "--threads", "2", "--json", json.toString()};
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    private int run(EstimationEngine engine, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), engine);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** The table with its timings (seconds), which differ between runs, blanked. */
    private static String numbers(String table) {
        return table.replaceAll("\\d+(\\.\\d+)? s\\b", "_ s");
    }

    @Test
    @DisplayName("estimate --engine spark prints the local table and records the Spark source, format and columns")
    void estimateRecordsTheSource() throws Exception {
        assertEquals(numbers(localEstimateTable), numbers(sparkEstimateTable));
        JsonNode data = new ObjectMapper().readTree(Files.readAllBytes(sparkFit)).get("data");
        assertEquals("spark", data.get("engine").asText());
        assertEquals(csv.toUri().toString().replace("file:///", "file:/"), data.get("source").asText());
        assertEquals("csv", data.get("format").asText());
        assertEquals("SITUATION_ID", data.get("columns").get("chid").asText());
        assertEquals("MARKET", data.get("columns").get("market").asText());
        assertEquals("ATTRIBUTE", data.get("columns").get("cl").asText());
    }

    @Test
    @DisplayName("shares, conditional and wtp --engine spark on the recorded source equal the local commands' output")
    void postEstimationOnSpark() throws Exception {
        String[][] commands = {{"shares", "--replicates", "0"}, {"conditional"}, {"wtp", "--attribute", "cl",
            "--cost", "pf"}};
        for (String[] command : commands) {
            Path here = dir.resolve(command[0] + "-local.csv");
            Path there = dir.resolve(command[0] + "-spark.csv");
            assertEquals(0, run(EstimationEngine.LOCAL, with(with(command, "--from", localFit.toString(), "--csv",
                    here.toString()))), err);
            String expected = out;
            assertEquals(0, run(engine(), with(with(command, "--from", sparkFit.toString(), "--csv",
                    there.toString()), "--engine", "spark")), err);
            assertEquals(expected, out, command[0]);
            if (command[0].equals("shares")) {
                // an aggregate's table is small: written here as the local file
                assertEquals(Files.readString(here), Files.readString(there), command[0] + " --csv");
            } else {
                // a table by decision-maker: written by Spark from the partitions, a directory of CSV files
                assertTrue(Files.isDirectory(there), there.toString());
                assertEquals(WrittenTables.local(here), WrittenTables.spark(spark, there.toString()),
                        command[0] + " --csv");
            }
        }
        Path here = dir.resolve("probabilities-local.csv");
        Path there = dir.resolve("probabilities-spark.parquet");
        assertEquals(0, run(EstimationEngine.LOCAL, "conditional", "--from", localFit.toString(), "--probabilities",
                here.toString()), err);
        assertEquals(0, run(engine(), "conditional", "--from", sparkFit.toString(), "--probabilities",
                there.toString(), "--engine", "spark"), err);
        // the extension .parquet asks for Parquet
        assertEquals(WrittenTables.local(here), WrittenTables.shown(spark.read().parquet(there.toString())
                .selectExpr("CAST(row AS STRING) row", "CAST(situation AS STRING) situation", "alternative",
                        "CAST(probability AS STRING) probability",
                        "CAST(conditional_probability AS STRING) conditional_probability")),
                "conditional --probabilities");
        // Spark never overwrites: an existing path is a usage error naming the option
        assertEquals(2, run(engine(), "conditional", "--from", sparkFit.toString(), "--probabilities",
                there.toString(), "--engine", "spark"));
        assertTrue(err.contains("--probabilities") && err.contains("exists"), err);
        // nor under a file: a usage error naming the option and the file (was an internal error, exit 5)
        assertEquals(2, run(engine(), "conditional", "--from", sparkFit.toString(), "--csv",
                here.resolve("table.csv").toString(), "--engine", "spark"));
        assertTrue(err.contains("Cannot write --csv " + here.resolve("table.csv") + ": file:" + here
                + " is a file, not a directory. Give another path."), err);
        here = dir.resolve("decomposition-local.csv");
        there = dir.resolve("decomposition-spark.csv");
        assertEquals(0, run(EstimationEngine.LOCAL, "diversion", "--attribute", "pf", "--replicates", "0",
                "--from", localFit.toString(), "--decomposition", here.toString()), err);
        String expected = out;
        assertEquals(0, run(engine(), "diversion", "--attribute", "pf", "--replicates", "0", "--from",
                sparkFit.toString(), "--decomposition", there.toString(), "--engine", "spark"), err);
        assertEquals(expected, out, "diversion");
        assertEquals(WrittenTables.local(here), WrittenTables.spark(spark, there.toString()),
                "diversion --decomposition");
    }

    @Test
    @DisplayName("shares --data with --engine spark reads a counterfactual (loc 0 everywhere) with post-estimation's"
            + " checks, as the local engine does")
    void counterfactualData() throws Exception {
        Path cf = dir.resolve("no-loc.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int loc = List.of(lines.get(0).split(",")).indexOf("loc");
        List<String> changed = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[loc] = "0";
            changed.add(String.join(",", cells));
        }
        Files.write(cf, changed, StandardCharsets.UTF_8);
        String[] data = {"--data", cf.toString(), "--choice", "choice", "--group", "chid", "--id", "id", "--alt",
            "alt", "--market", "market", "--replicates", "0"};
        assertEquals(0, run(EstimationEngine.LOCAL, with(with(new String[] {"shares"}, data), "--from",
                localFit.toString())), err);
        String expected = out;
        assertEquals(0, run(engine(), with(with(new String[] {"shares"}, data), "--from", sparkFit.toString(),
                "--engine", "spark")), err);
        assertEquals(expected, out);
    }

    @Test
    @DisplayName("post-estimation on a Spark fit without --engine spark is a usage error that says how to run it")
    void sparkFitNeedsTheSparkEngine() {
        assertEquals(2, run(EstimationEngine.LOCAL, "shares", "--from", sparkFit.toString()));
        assertTrue(err.contains("--engine spark"), err);
        assertTrue(err.contains("spark source"), err);
    }

    @Test
    @DisplayName("bad files on Spark are refused as the local engine refuses them (exit 3, the row and what to do),"
            + " never with Spark's stack trace: a missing file, an empty one, a line with too many or too few fields,"
            + " a missing cell")
    void badFilesAsLocally() throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int width = lines.get(0).split(",").length;
        List<String> ragged = new ArrayList<>(lines);
        ragged.set(15, ragged.get(15) + ",7"); // row 15: one field too many (Spark drops it unless told)
        String cut = ragged.get(40);
        ragged.set(40, cut.substring(0, cut.lastIndexOf(','))); // row 40: one too few
        Path tooMany = dir.resolve("ragged.csv");
        Files.write(tooMany, ragged, StandardCharsets.UTF_8);
        ragged.set(15, lines.get(15));
        Path tooFew = dir.resolve("short.csv");
        Files.write(tooFew, ragged, StandardCharsets.UTF_8);
        Path empty = dir.resolve("empty.csv");
        Files.write(empty, new byte[0]);
        List<String> holed = new ArrayList<>(lines);
        int pf = List.of(lines.get(0).split(",")).indexOf("pf");
        String[] cells = lines.get(11).split(",", -1);
        cells[pf] = ""; // row 11: an empty cell
        holed.set(11, String.join(",", cells));
        Path missing = dir.resolve("missing.csv");
        Files.write(missing, holed, StandardCharsets.UTF_8);
        Object[][] cases = {
            {dir.resolve("no-such.csv"), "Cannot read " + dir.resolve("no-such.csv") + ": no such file or directory"},
            {empty, empty + " is empty: its first line must be a header naming the columns."},
            {tooMany, "There are " + (width + 1) + " fields in row 15 of " + tooMany + " but " + width
                    + " columns in the header: every line needs one value per column"},
            {tooFew, "There are " + (width - 1) + " fields in row 40 of " + tooFew + " but " + width
                    + " columns in the header"},
            {missing, "The attribute column 'pf' has a missing value (null) in row 11 of " + missing + ": remove or impute the row's whole"
                    + " choice situation.\n"}};
        for (Object[] c : cases) {
            String[] args = estimate(dir.resolve("bad.json"));
            args[2] = c[0].toString();
            assertEquals(3, run(EstimationEngine.LOCAL, args), c[0] + ": " + err);
            assertEquals(3, run(engine(), with(args, "--engine", "spark")), c[0] + ": " + err);
            assertTrue(err.contains((String) c[1]), err);
            assertTrue(!err.contains("\tat ") && !err.contains("Exception"), err);
        }
    }
}
