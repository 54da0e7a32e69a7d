package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixlogit.spark.SparkLikelihoodTest.assertBits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;
import org.mixlogit.spec.ModelSpec;

/**
 * The estimators' data checks run on the partitions: a data-only sum over decision-makers ({@link DataSums}) on
 * Spark equals the local backend's bit for bit with 1, 2 and 4 partitions (sums and running maxima), and the design
 * rank and separation checks refuse Electricity read by Spark (3 partitions) with a column twice pf, or one equal to
 * the choice, with the local engine's message.
 */
class SparkChecksTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path file;
    private static CsvLayout layout;
    private static ChoiceData local;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
        Path electricity = Electricity.write(dir);
        file = dir.resolve("checks.csv");
        try {
            List<String> lines = Files.readAllLines(electricity, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            int pf = header.indexOf("pf");
            int choice = header.indexOf("choice");
            List<String> out = new ArrayList<>();
            out.add(lines.get(0) + ",pf2,signal");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                out.add(line + "," + 2 * Double.parseDouble(cells[pf]) + "," + cells[choice]);
            }
            Files.write(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        layout = Electricity.layout().withAttributes(List.of("pf", "cl", "loc", "wk", "tod", "seas", "pf2",
                "signal"));
        local = CsvChoiceDataReader.read(file, layout);
    }

    private static ChoiceData distribute(SparkBackend backend) {
        return SparkChoiceData.read(backend, SparkChoiceData.load(spark, file.toString(), "csv"), layout,
                file.toString());
    }

    /** Entry 0: the weighted sum of pf times cl over every row; entry 1: the largest cl of a chosen row. */
    private static DataSums terms() {
        return (data, n, sums, at) -> {
            int pf = data.attributeIndex("pf");
            int cl = data.attributeIndex("cl");
            int[] dm = data.decisionMakerStartRef();
            int[] st = data.situationStartRef();
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                for (int r = st[t]; r < st[t + 1]; r++) {
                    sums[at] += data.weight(n) * data.attribute(r, pf) * data.attribute(r, cl);
                }
                sums[at + 1] = Math.max(sums[at + 1], data.attribute(data.chosenRowRef()[t], cl));
            }
        };
    }

    @Test
    @DisplayName("data-only sums and maxima on 1, 2 and 4 partitions equal the local backend's bits")
    void dataSums() {
        double[] expected = Backend.local(2).dataSums(local, 2, terms());
        double expectedMax = BlockPartials.maximum(Backend.local(2).dataPartials(local, 2, terms()))[1];
        for (int partitions : new int[] {1, 2, 4}) {
            // shards cut on the driver: the partitions' built data and the sums are those of shards read by Spark
            SparkBackend backend = new SparkBackend(spark, partitions);
            try {
                List<BlockPartials> parts = backend.dataPartials(local, 2, terms());
                assertEquals(Math.min(partitions, (local.decisionMakerCount() + 31) / 32), parts.size());
                assertBits(expected[0], BlockPartials.total(parts)[0], "sum on " + partitions + " partitions");
                assertBits(expectedMax, BlockPartials.maximum(parts)[1], "maximum on " + partitions + " partitions");
            } finally {
                backend.release(local);
            }
        }
    }

    private static String refusal(Backend backend, ChoiceData data, ModelSpec spec) {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0));
        return assertThrows(InvalidDataException.class,
                () -> new MsleEstimator(config, backend).estimate(data, spec)).getMessage();
    }

    @Test
    @DisplayName("design rank and separation: the local engine's refusals, computed on 3 partitions")
    void checks() {
        SparkBackend backend = new SparkBackend(spark, 3);
        ChoiceData data = distribute(backend);
        try {
            ModelSpec collinear = ModelSpec.builder().fixed("pf").fixed("cl").fixed("pf2").build();
            String rank = refusal(Backend.local(2), local, collinear);
            assertTrue(rank.contains("null direction on: pf, pf2"), rank);
            assertEquals(rank, refusal(backend, data, collinear));
            ModelSpec separated = ModelSpec.builder().fixed("pf").fixed("cl").fixed("signal").build();
            String separation = refusal(Backend.local(2), local, separated);
            assertTrue(separation.contains("Complete separation: signal (+) predicts every one of the 4308 choices"),
                    separation);
            assertEquals(separation, refusal(backend, data, separated));
        } finally {
            backend.release(data);
        }
    }
}
