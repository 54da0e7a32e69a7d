package org.mixlogit.cli;

import java.nio.file.Paths;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.simulation.Backend;

/**
 * Where {@code mixlogit estimate} reads its data and runs its sums over decision-makers: the local engine (a CSV
 * file, local threads), or one that another module plugs in through {@link Main#run(String[], java.io.PrintStream,
 * java.io.PrintStream, EstimationEngine)} (the Spark backend in {@code mixlogit-spark}: any Spark source, sums on
 * the cluster). The options, iteration lines, table and JSON are the same for every engine.
 */
public interface EstimationEngine {
    /** The local engine: {@code --data} is a CSV file, the sums run on {@code --threads} local threads. */
    EstimationEngine LOCAL = new EstimationEngine() {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public boolean readsLocalFiles() {
            return true;
        }

        @Override
        public ChoiceData read(String data, CsvLayout layout) {
            return CsvChoiceDataReader.read(Paths.get(data), layout);
        }

        @Override
        public Backend backend(int threads) {
            return Backend.local(threads);
        }
    };

    /** The value of {@code --engine} that selects it. */
    String name();

    /** True when {@code --data} is a file of this machine (checked before any work, recorded in the JSON). */
    boolean readsLocalFiles();

    /**
     * Reads the estimation data: the columns the layout names, in their roles, validated with the engine's
     * messages (row, id, column).
     */
    ChoiceData read(String data, CsvLayout layout);

    /** Where the sums over decision-makers run. */
    Backend backend(int threads);
}
