package org.mixlogit.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.DataProblem;
import org.mixlogit.data.DataSummary;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.simulation.ShardedLikelihood;

import scala.Tuple2;

/**
 * Long-format choice data from any Spark source (CSV, Parquet, ORC, JSON, a table, or a DataFrame the caller
 * made), with the command line's column roles ({@link CsvLayout}) and its validation messages.
 *
 * <p>The data never come to the driver. The partitions check every cell as the command line reads it and collect
 * the distinct labels ({@link PartitionChecks.Cells}); Spark sorts and numbers the decision-makers' ids (their
 * ordinals), sends every row to the partition of its range of whole reduction blocks, where it is sorted back into
 * source order and built with the whole data's label tables through the core's builder; situations split between
 * decision-makers ({@link SituationOwners}) and attributes that never vary within a situation are checked over the
 * whole data. The driver names the problem the local engine names first (by {@link InvalidDataException#position()},
 * in the order of {@link DataProblem}), with its message, and otherwise keeps the data's summary
 * ({@link ChoiceData#of(DataSummary)}), by which the backend knows the shards (kept in executor memory, with each
 * partition's built data). No command brings the rows to the driver; {@link #gather} does, for the tests that
 * compare the partitions' shards with the local engine's reading.
 */
public final class SparkChoiceData {
    /** The column of a CSV source's malformed lines (their text; null on well-formed lines). */
    static final String MALFORMED = "_mixlogit_malformed_line";

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
                return csv(spark, location);
            case "parquet":
            case "orc":
            case "json":
                return spark.read().format(f).load(existing(spark, location));
            default:
                throw new InvalidDataException("Unknown data format '" + format + "': use csv, parquet, orc or json,"
                        + " or table:NAME for a table.");
        }
    }

    /**
     * A CSV file with a header, its column types inferred, and one more column, {@link #MALFORMED}: the text of a
     * line whose number of fields differs from the header's (Spark would otherwise drop the extra fields or fill
     * the missing ones with nulls), null on every other line; {@link #read} refuses such a line naming its row.
     *
     * @throws InvalidDataException the file does not exist, or is empty (not even a header)
     */
    private static Dataset<Row> csv(SparkSession spark, String location) {
        StructType inferred = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(existing(spark, location)).schema();
        if (inferred.isEmpty()) {
            throw new InvalidDataException(location + " is empty: its first line must be a header naming the"
                    + " columns.");
        }
        return spark.read().option("header", "true").option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", MALFORMED)
                .schema(inferred.add(MALFORMED, DataTypes.StringType, true)).csv(location);
    }

    /**
     * The location, when some file or directory matches it (Hadoop's glob); otherwise the command line's message
     * for a file that cannot be read, instead of Spark's stack trace.
     */
    private static String existing(SparkSession spark, String location) {
        FileStatus[] found;
        try {
            Path path = new Path(location);
            found = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(path);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDataException("Cannot read " + location + ": " + e.getMessage()
                    + ". Check the path (or URI) and that it is readable.");
        }
        if (found == null || found.length == 0) {
            throw new InvalidDataException("Cannot read " + location + ": no such file or directory (the working"
                    + " directory is " + System.getProperty("user.dir") + "). Check the path (or URI) and that it"
                    + " is readable.");
        }
        return location;
    }

    /** A parsed CSV row's first {@code kept} cells (the layout's columns) and its last (the malformed line). */
    private static Row layoutAndLine(Row row, int kept) {
        Object[] cells = new Object[kept + 1];
        for (int c = 0; c < kept; c++) {
            cells[c] = row.get(c);
        }
        cells[kept] = row.get(row.length() - 1);
        return RowFactory.create(cells);
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
     * Reads the layout's columns of {@code frame}, validates them on the partitions as the local engine does, and
     * distributes them over the backend's partitions in shards of whole reduction blocks.
     *
     * @param source what messages call the data, e.g. the path
     * @return the driver's summary of the data (counts, names, label tables; {@link ChoiceData#isSummary()}): pass
     *         it to the estimators with the same backend, which knows the shards by it
     * @throws InvalidDataException the problem the local engine would report first, with its message
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
        List<String> present = new ArrayList<>(Arrays.asList(frame.columns()));
        boolean csv = present.remove(MALFORMED);
        roles.check(present.toArray(new String[0]));
        List<String> names = roles.names();
        // A CSV file is parsed whole (every column: Spark tells a line's wrong number of fields only when it parses
        // them all), and its rows keep the layout's columns and the malformed line's text, which the first pass reads.
        List<String> selected = new ArrayList<>(names);
        if (csv) {
            for (String c : present) {
                if (!names.contains(c)) {
                    selected.add(c);
                }
            }
            selected.add(MALFORMED);
        }
        Column[] columns = new Column[selected.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = functions.col("`" + selected.get(c).replace("`", "``") + "`");
        }
        int header = present.size();
        int kept = names.size();
        JavaPairRDD<Row, Long> rows = frame.select(columns).javaRDD().zipWithIndex();
        if (csv) {
            rows = rows.mapToPair(r -> new Tuple2<>(layoutAndLine(r._1(), kept), r._2()));
        }
        JavaPairRDD<Row, Long> indexed = rows.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // the first pass: every cell, the distinct labels, the rows
            PartitionChecks.Cells cells = indexed.mapPartitions(it -> List.of(PartitionChecks.Cells.of(roles, header,
                    it)).iterator()).reduce(PartitionChecks.Cells::plus);
            if (cells.problem != null) {
                throw cells.problem;
            }
            if (cells.rows == 0) {
                throw new InvalidDataException(source + " has no data rows: nothing to estimate.");
            }
            boolean panel = hasRole(roles, CsvLayout.Role.DECISION_MAKER_ID);
            int owner = names.indexOf(layoutColumn(roles, panel ? CsvLayout.Role.DECISION_MAKER_ID
                    : CsvLayout.Role.SITUATION_ID));
            int situation = names.indexOf(layoutColumn(roles, CsvLayout.Role.SITUATION_ID));
            InvalidDataException split = panel ? SituationOwners.firstSplit(indexed, roles, situation, owner) : null;
            List<String> alternatives = hasRole(roles, CsvLayout.Role.ALTERNATIVE)
                    ? DataSummary.canonicalLabels(cells.alternatives) : null;
            List<String> markets = hasRole(roles, CsvLayout.Role.MARKET)
                    ? DataSummary.canonicalLabels(cells.markets) : null;
            JavaRDD<Shard> shards = distribute(backend, indexed, roles, owner, alternatives, markets,
                    forPrediction);
            JavaRDD<PartitionChecks.Built> built = shards.map(shard -> new PartitionChecks.Built((ShardColumns) shard))
                    .persist(StorageLevel.MEMORY_ONLY());
            List<PartitionChecks.ShardReport> reports = built.map(b -> b.report).collect();
            InvalidDataException problem = split;
            DataSummary summary = null;
            boolean[] varies = null;
            for (PartitionChecks.ShardReport r : reports) {
                problem = PartitionChecks.first(problem, r.problem);
                if (r.summary != null) {
                    summary = summary == null ? r.summary : summary.plus(r.summary);
                }
                varies = or(varies, r.varies);
            }
            if (!forPrediction) {
                problem = PartitionChecks.first(problem, constantAttribute(roles, varies));
            }
            if (problem != null) {
                built.unpersist(false);
                shards.unpersist(false);
                throw problem;
            }
            ChoiceData data = ChoiceData.of(summary);
            backend.register(data, shards, built);
            return data;
        } finally {
            indexed.unpersist(false);
        }
    }

    /**
     * The whole data on the driver, gathered from the partitions' shards one partition at a time (each row at its
     * source position, so the data equal the local engine's reading). Used by tests only: they compare the shards
     * with the local reading, and the Java API's in-driver post-estimation ({@code PostEstimation} on a model with
     * this backend, which reads ids on the driver) with its local numbers. Every estimator and command runs on the
     * summary. The backend knows the gathered data by the same shards.
     *
     * @param summary data read by {@link #read} with this backend
     */
    static ChoiceData gather(SparkBackend backend, ChoiceData summary) {
        if (!summary.isSummary()) {
            return summary;
        }
        return backend.gather(summary);
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        if (a == null) {
            return b.clone();
        }
        for (int k = 0; k < a.length; k++) {
            a[k] |= b[k];
        }
        return a;
    }

    /** The first attribute (in layout order) that never varies within a situation, as a problem; or null. */
    private static InvalidDataException constantAttribute(ColumnRoles roles, boolean[] varies) {
        int k = 0;
        for (String name : roles.names()) {
            if (roles.role(name) == CsvLayout.Role.ATTRIBUTE) {
                if (!varies[k]) {
                    return DataProblem.constantAttribute(name, k);
                }
                k++;
            }
        }
        return null;
    }

    /**
     * The executors' shards of the rows, one per partition, cached (computed before this returns): each row is keyed
     * by its decision-maker's ordinal (the owners' ids sorted and numbered by Spark, never gathered on the driver),
     * sent to the partition of its range of whole reduction blocks, sorted back into input order and kept with the
     * whole data's label tables and its ordinal range.
     */
    private static JavaRDD<Shard> distribute(SparkBackend backend, JavaPairRDD<Row, Long> indexed,
            ColumnRoles roles, int ownerColumn, List<String> alternatives, List<String> markets,
            boolean forPrediction) {
        JavaPairRDD<Long, Tuple2<Row, Long>> byOwner = indexed.mapToPair(row -> new Tuple2<>(
                ShardColumns.validId(row._1().get(ownerColumn)), row));
        JavaPairRDD<Long, Long> ordinals = byOwner.keys().distinct()
                .sortBy(id -> id, true, backend.partitions()).zipWithIndex()
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = ordinals.count();
            if (count > Integer.MAX_VALUE) {
                throw new InvalidDataException("The data have " + count + " decision-makers: at most 2^31 - 1 are"
                        + " supported.");
            }
            List<int[]> ranges = ShardedLikelihood.ranges((int) count, backend.partitions());
            long[] starts = new long[ranges.size()];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = ranges.get(k)[0];
            }
            JavaRDD<Shard> shards = byOwner.join(ordinals)
                    .mapToPair(keyed -> new Tuple2<>(keyed._2()._2(), keyed._2()._1()))
                    .partitionBy(new BlockRangePartitioner(starts))
                    .mapPartitionsWithIndex((k, it) -> {
                        List<Tuple2<Row, Long>> mine = new ArrayList<>();
                        it.forEachRemaining(keyed -> mine.add(keyed._2()));
                        mine.sort((a, b) -> Long.compare(a._2(), b._2()));
                        ShardColumns shard = new ShardColumns(roles).shardFrom(starts[k], alternatives, markets);
                        if (forPrediction) {
                            shard.forPrediction();
                        }
                        for (Tuple2<Row, Long> row : mine) {
                            shard.add(row._1(), row._2());
                        }
                        return List.<Shard>of(shard).iterator();
                    }, true)
                    .persist(StorageLevel.MEMORY_ONLY());
            shards.count();
            return shards;
        } finally {
            ordinals.unpersist(false);
        }
    }

    private static boolean hasRole(ColumnRoles roles, CsvLayout.Role role) {
        for (String name : roles.names()) {
            if (roles.role(name) == role) {
                return true;
            }
        }
        return false;
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
