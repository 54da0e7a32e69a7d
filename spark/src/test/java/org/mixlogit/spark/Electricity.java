package org.mixlogit.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Train's Electricity data (bundled with the core) for the Spark tests, written as a CSV file with two columns
 * added: {@code market} ("north", "south", "west" by respondent id modulo 3, constant within situations) and
 * {@code region} (respondent id modulo 7, a characteristic whose clusters span every partition).
 */
final class Electricity {
    static final List<String> ATTRIBUTES = List.of("pf", "cl", "loc", "wk", "tod", "seas");
    private static final String[] MARKETS = {"north", "south", "west"};

    private Electricity() {
    }

    /** Writes the file into {@code dir}; returns its path. */
    static Path write(Path dir) {
        Path file = dir.resolve("electricity.csv");
        List<String> lines = new ArrayList<>();
        try (Reader r = ExampleData.openElectricity(); BufferedReader in = new BufferedReader(r)) {
            String header = in.readLine();
            lines.add(header + ",market,region");
            List<String> columns = List.of(header.split(","));
            int id = columns.indexOf("id");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                int respondent = Integer.parseInt(line.split(",")[id]);
                lines.add(line + "," + MARKETS[respondent % 3] + "," + respondent % 7);
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The roles: situation chid, chosen choice, respondent id, alternative alt, market, the six attributes and region. */
    static CsvLayout layout() {
        return ExampleData.electricityLayout().withMarket("market").withCharacteristics("region");
    }

    /** The local engine's reading of the file. */
    static ChoiceData local(Path file) {
        return CsvChoiceDataReader.read(file, layout());
    }

    /** Six independent normal coefficients, as the mlogit vignette's model. */
    static ModelSpec spec() {
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : ATTRIBUTES) {
            b.random(a, Distribution.NORMAL);
        }
        return b.build();
    }

    /** Halton draws, few enough for fast tests. */
    static IntegrationConfig draws(int r) {
        return IntegrationConfig.of(DrawType.HALTON, r);
    }

    /** A point near mlogit's estimates (means, then standard deviations). */
    static double[] theta() {
        return new double[] {-0.97, 1.6, 9.0, 6.6, -8.9, -9.0, 0.21, 0.4, 1.7, 1.2, 2.3, 1.4};
    }
}
