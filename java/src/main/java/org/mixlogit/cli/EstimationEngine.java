package org.mixlogit.cli;

import java.nio.file.Paths;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.ModelSpec;

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

    /**
     * Reads data for post-estimation (recorded in a saved result's data block, {@code qualified} location and
     * {@code format}, or given with {@code --data}) with post-estimation's checks: no identification checks, so a
     * counterfactual may hold an attribute constant across alternatives. By default as
     * {@link #read(String, CsvLayout)}.
     *
     * @param format the recorded format, or null
     */
    default ChoiceData read(String data, String format, CsvLayout layout) {
        return read(data, layout);
    }

    /**
     * The data an estimator receives for this model and configuration: by default as read. An engine whose reader
     * keeps only a summary in this process ({@link ChoiceData#isSummary()}) gathers the rows here for the estimators
     * that still read them on this process.
     */
    default ChoiceData forEstimation(ChoiceData data, ModelSpec spec, EstimatorConfig config) {
        return data;
    }

    /**
     * Post-estimation's tables by decision-maker, data row or situation and their summaries
     * ({@link PostEstimationOutputs}): by default computed from the rows in this process and written as CSV files
     * here; an engine whose reader keeps only a summary computes them where the rows live and writes them from there.
     *
     * @param warning the saved fit's warning (empty when none), carried by every table in a {@code fit_warning} column
     */
    default PostEstimationOutputs outputs(PostEstimation post, String warning) {
        return PostEstimationOutputs.local(post, warning);
    }

    /**
     * {@code --data} as another process of this engine reaches it (recorded in the result JSON for post-estimation):
     * e.g. a fully qualified URI; by default as given.
     */
    default String qualified(String data) {
        return data;
    }

    /** The format this engine reads {@code --data} in (recorded with it), or null when it has one format only. */
    default String format(String data) {
        return null;
    }

    /** Where the sums over decision-makers run. */
    Backend backend(int threads);
}
