package org.mixlogit.spark;

import org.apache.spark.sql.SparkSession;
import org.mixlogit.cli.EstimationEngine;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.simulation.Backend;

/**
 * {@code mixlogit estimate --engine spark}: {@code --data} is any Spark source ({@link SparkChoiceData#load}) and
 * the sums run on the {@link SparkBackend}; everything else (options, iteration lines, table, JSON) is the
 * command line's.
 */
final class SparkEngine implements EstimationEngine {
    private final SparkSession spark;
    private final SparkBackend backend;
    private final String format;

    SparkEngine(SparkSession spark, int partitions, String format) {
        this.spark = spark;
        this.backend = new SparkBackend(spark, partitions);
        this.format = format;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public boolean readsLocalFiles() {
        return false;
    }

    @Override
    public ChoiceData read(String data, CsvLayout layout) {
        return SparkChoiceData.read(backend, SparkChoiceData.load(spark, data, format), layout, data);
    }

    @Override
    public Backend backend(int threads) {
        return backend;
    }
}
