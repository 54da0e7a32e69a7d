package org.mixlogit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.simulation.ShardedLikelihood;

import scala.Tuple2;

/**
 * Long-format choice data from any Spark source (CSV, Parquet, ORC, JSON, a table, or a DataFrame the caller
 * made), with the command line's column roles ({@link CsvLayout}) and its validation messages.
 *
 * <p>The driver streams the used columns once, partition by partition, into validated {@link ChoiceData} (the
 * estimators' own checks — the design's rank, separation, starting values, the data's fingerprint — need the whole
 * data). The executors then build the shards from their own rows: every row is keyed by its decision-maker's
 * ordinal (a broadcast of the ids in identity order), sent to the partition of its range of whole reduction blocks,
 * sorted back into input order and built with the whole data's label tables (broadcast), so that a partition's
 * shard equals the slice of the driver's data. The shards stay in executor memory for the backend's evaluators.
 */
public final class SparkChoiceData {
    private SparkChoiceData() {
    }

    /**
     * Loads a source: {@code table:NAME} (a table of the session's catalog), or a path or URI (hdfs://, s3a://,
     * file:) in {@code format} (csv, parquet, orc or json; null: by the extension, csv otherwise). CSV files have a
     * header line and their column types are inferred.
     */
    public static Dataset<Row> load(SparkSession spark, String location, String format) {
        if (location.startsWith("table:")) {
            return spark.table(location.substring("table:".length()));
        }
        String f = format != null ? format.toLowerCase(Locale.ROOT) : byExtension(location);
        switch (f) {
            case "csv":
                return spark.read().option("header", "true").option("inferSchema", "true").csv(location);
            case "parquet":
            case "orc":
            case "json":
                return spark.read().format(f).load(location);
            default:
                throw new InvalidDataException("Unknown data format '" + format + "': use csv, parquet, orc or json,"
                        + " or table:NAME for a table.");
        }
    }

    static String byExtension(String location) {
        String lower = location.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        for (String ext : new String[] {"parquet", "orc", "json"}) {
            if (lower.endsWith("." + ext)) {
                return ext;
            }
        }
        return "csv";
    }

    /**
     * Reads the layout's columns of {@code frame}, validates them as the local engine does, and distributes them
     * over the backend's partitions in shards of whole reduction blocks.
     *
     * @param source what messages call the data, e.g. the path
     * @return the driver's copy of the data (pass it to the estimators with the same backend)
     */
    public static ChoiceData read(SparkBackend backend, Dataset<Row> frame, CsvLayout layout, String source) {
        return read(backend, frame, layout, source, false);
    }

    /**
     * As {@link #read(SparkBackend, Dataset, CsvLayout, String)}; with {@code forPrediction}, as data for
     * post-estimation (the local engine's post-estimation checks: no identification checks, so a counterfactual may
     * hold an attribute constant across alternatives).
     */
    public static ChoiceData read(SparkBackend backend, Dataset<Row> frame, CsvLayout layout, String source,
            boolean forPrediction) {
        ColumnRoles roles = new ColumnRoles(layout, source);
        roles.check(frame.columns());
        List<String> names = roles.names();
        Column[] columns = new Column[names.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = functions.col("`" + names.get(c).replace("`", "``") + "`");
        }
        JavaPairRDD<Row, Long> indexed = frame.select(columns).javaRDD().zipWithIndex()
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ShardColumns whole = new ShardColumns(roles);
            if (forPrediction) {
                whole.forPrediction();
            }
            Iterator<Tuple2<Row, Long>> rows = indexed.toLocalIterator();
            while (rows.hasNext()) {
                Tuple2<Row, Long> row = rows.next();
                whole.add(row._1(), row._2());
            }
            if (whole.rowCount() == 0) {
                throw new InvalidDataException(source + " has no data rows: nothing to estimate.");
            }
            ChoiceData data = whole.build();
            backend.register(data, distribute(backend, indexed, roles, data));
            return data;
        } finally {
            indexed.unpersist(false);
        }
    }

    /** The executors' shards of the rows, one per partition, cached (computed before this returns). */
    private static JavaRDD<Shard> distribute(SparkBackend backend, JavaPairRDD<Row, Long> indexed, ColumnRoles roles,
            ChoiceData data) {
        long[] owners = new long[data.decisionMakerCount()];
        for (int n = 0; n < owners.length; n++) {
            owners[n] = data.decisionMakerId(n);
        }
        List<int[]> ranges = ShardedLikelihood.ranges(owners.length, backend.partitions());
        long[] starts = new long[ranges.size()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = ranges.get(k)[0];
        }
        int ownerColumn = roles.names().indexOf(data.isPanel() ? layoutColumn(roles, CsvLayout.Role.DECISION_MAKER_ID)
                : layoutColumn(roles, CsvLayout.Role.SITUATION_ID));
        Broadcast<long[]> ids = backend.context().broadcast(owners);
        List<String> alternatives = data.hasAlternativeIds() ? new ArrayList<>(data.alternativeLabels()) : null;
        List<String> markets = data.hasMarkets() ? new ArrayList<>(data.marketLabels()) : null;
        JavaRDD<Shard> shards = indexed
                .mapToPair(row -> new Tuple2<>((long) Arrays.binarySearch(ids.value(),
                        ShardColumns.validId(row._1().get(ownerColumn))), row))
                .partitionBy(new BlockRangePartitioner(starts))
                .mapPartitionsWithIndex((k, it) -> {
                    List<Tuple2<Row, Long>> mine = new ArrayList<>();
                    it.forEachRemaining(keyed -> mine.add(keyed._2()));
                    mine.sort((a, b) -> Long.compare(a._2(), b._2()));
                    ShardColumns shard = new ShardColumns(roles).shardFrom(starts[k], alternatives, markets);
                    for (Tuple2<Row, Long> row : mine) {
                        shard.add(row._1(), row._2());
                    }
                    return List.<Shard>of(shard).iterator();
                }, true)
                .persist(StorageLevel.MEMORY_ONLY());
        shards.count();
        ids.unpersist(false);
        return shards;
    }

    private static String layoutColumn(ColumnRoles roles, CsvLayout.Role role) {
        for (String name : roles.names()) {
            if (roles.role(name) == role) {
                return name;
            }
        }
        throw new IllegalStateException("No " + role + " column");
    }
}
