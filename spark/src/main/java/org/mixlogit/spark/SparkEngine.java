package org.mixlogit.spark;

import java.io.IOException;
import java.util.Locale;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.mixlogit.cli.EstimationEngine;
import org.mixlogit.cli.PostEstimationOutputs;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.simulation.Backend;

/**
 * {@code mixlogit estimate|shares|elasticities|diversion|conditional|wtp --engine spark}: {@code --data} is any Spark
 * source ({@link SparkChoiceData#load}) and the sums and per-decision-maker outputs run on the {@link SparkBackend};
 * everything else (options, iteration lines, table, JSON) is the command line's. The estimate's JSON records the
 * source (qualified by Hadoop), its format and the column roles, so that post-estimation reloads it.
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

    /**
     * Post-estimation's data (the saved source or {@code --data}), with post-estimation's checks, as a summary on the
     * driver (shares, elasticities and diversion ratios are sums on the partitions; the tables by decision-maker, row
     * or situation are computed and written there, {@link #outputs}).
     */
    @Override
    public ChoiceData read(String data, String savedFormat, CsvLayout layout) {
        String f = savedFormat != null && !savedFormat.equals("table") ? savedFormat : format;
        return SparkChoiceData.read(backend, SparkChoiceData.load(spark, data, f), layout, data, true);
    }

    /**
     * Post-estimation's tables by decision-maker, data row or situation, computed on the partitions and written from
     * there as Spark tables ({@link SparkPostEstimationOutputs}); only their summaries reach the driver.
     */
    @Override
    public PostEstimationOutputs outputs(PostEstimation post, String warning) {
        return new SparkPostEstimationOutputs(spark, backend, post.model(), post.data(), warning);
    }

    /** A path as Hadoop qualifies it (file:/abs/path, hdfs://namenode/user/me/path); a table as given. */
    @Override
    public String qualified(String data) {
        if (data.startsWith("table:")) {
            return data;
        }
        try {
            Path path = new Path(data);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
        } catch (IOException | IllegalArgumentException e) {
            return data;
        }
    }

    @Override
    public String format(String data) {
        return data.startsWith("table:") ? "table" : format != null ? format.toLowerCase(Locale.ROOT)
                : SparkChoiceData.byExtension(data);
    }

    @Override
    public Backend backend(int threads) {
        return backend;
    }
}
