package org.mixlogit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the command-line tests run on. */
final class CliTestData {
    private CliTestData() {
    }

    /** The bundled Electricity data written to {@code dir/electricity.csv}. */
    static Path electricityCsv(Path dir) throws IOException {
        Path csv = dir.resolve("electricity.csv");
        try (InputStream in = CliTestData.class.getResourceAsStream("/org/mixlogit/io/electricity_long.csv")) {
            Files.copy(in, csv);
        }
        return csv;
    }
}
