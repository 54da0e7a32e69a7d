package org.mixlogit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.cli.ColumnStatistics;
import org.mixlogit.cli.PostEstimationOutputs;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.latent.ClassPosteriors;
import org.mixlogit.postestimation.ClassWillingnessToPay;
import org.mixlogit.postestimation.DecisionMakerOutputs;
import org.mixlogit.postestimation.DiversionDecomposition;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.PerDecisionMaker;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.simulation.WillingnessToPay;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * Post-estimation's tables on Spark ({@code conditional --csv/--probabilities/--posterior}, {@code wtp --csv},
 * {@code diversion --decomposition}): every partition computes its decision-makers', rows' or situations' values from
 * its shard with the local engine's functions (so the values are the local table's to the last bit) and Spark writes
 * them from the partitions as a table at the path given: a directory of Parquet, ORC or JSON files when the path
 * ends so, else of CSV files with a header (the local table's columns, then {@code fit_warning} after a doubtful
 * fit; doubles in full precision); an existing path is refused. Rows are in the partitions' (decision-makers'
 * identity) order. The printed summaries are correctly rounded sums ({@link ColumnStatistics}) of statistics the
 * partitions return, the willingness-to-pay quantiles exact order statistics found by counting passes
 * ({@link OrderStatistics}): the local engine's numbers. Nothing by decision-maker reaches the driver.
 */
final class SparkPostEstimationOutputs implements PostEstimationOutputs {
    private final SparkSession spark;
    private final SparkBackend backend;
    private final ModelSpec spec;
    private final IntegrationConfig integration;
    private final double[] theta;
    private final FittedModel model;
    private final ChoiceData data;
    private final String warning;

    SparkPostEstimationOutputs(SparkSession spark, SparkBackend backend, FittedModel model, ChoiceData data,
            String warning) {
        this.spark = spark;
        this.backend = backend;
        this.model = model;
        this.spec = model.spec();
        this.integration = model.integration();
        this.theta = model.estimates();
        this.data = data;
        this.warning = warning;
    }

    @Override
    public String refusal(String option, String file) {
        try {
            Path path = new Path(file);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(path)) {
                return "Cannot write --" + option + " " + file + ": it exists, and the Spark engine writes its tables"
                        + " as a new directory of files there. Remove it or give another path.";
            }
            // Spark makes the missing directories, but none under a file or where the user may not write
            for (Path up = fs.makeQualified(path).getParent(); up != null; up = up.getParent()) {
                if (fs.exists(up)) {
                    if (!fs.getFileStatus(up).isDirectory()) {
                        return "Cannot write --" + option + " " + file + ": " + up + " is a file, not a directory."
                                + " Give another path.";
                    }
                    if ("file".equals(up.toUri().getScheme()) && !Files.isWritable(Paths.get(up.toUri()))) {
                        return "Cannot write --" + option + " " + file + ": the directory " + up + " is not"
                                + " writable. Give another path.";
                    }
                    break;
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "Cannot write --" + option + " " + file + ": " + e.getMessage();
        }
    }

    @Override
    public double[] conditionals(String file) {
        List<StructField> fields = new ArrayList<>();
        fields.add(field("id", DataTypes.LongType));
        int k = spec.coefficients().size();
        for (CoefficientSpec c : spec.coefficients()) {
            fields.add(field(c.attribute(), DataTypes.DoubleType));
            fields.add(field("sd." + c.attribute(), DataTypes.DoubleType));
        }
        PerDecisionMaker output = DecisionMakerOutputs.conditionalCoefficients(model);
        int threads = backend.partThreads(1);
        JavaRDD<Part> parts = parts(shard -> {
            ChoiceData part = shard.build();
            int n = part.decisionMakerCount();
            double[] values = output.values(part, threads);
            ColumnStatistics statistics = new ColumnStatistics(2 * k);
            List<Row> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                statistics.add(values, i * 2 * k);
                Object[] row = new Object[1 + 2 * k];
                row[0] = part.decisionMakerId(i);
                for (int j = 0; j < k; j++) {
                    row[1 + 2 * j] = values[i * 2 * k + j];
                    row[2 + 2 * j] = values[i * 2 * k + k + j];
                }
                rows.add(RowFactory.create(row));
            }
            return new Part(rows, statistics);
        });
        try {
            write(parts, fields, file);
            return statistics(parts, 2 * k).conditionalSummary(k);
        } finally {
            parts.unpersist(false);
        }
    }

    @Override
    public void probabilities(String file) {
        List<StructField> fields = List.of(field("row", DataTypes.LongType), field("situation", DataTypes.LongType),
                field("alternative", DataTypes.StringType), field("probability", DataTypes.DoubleType),
                field("conditional_probability", DataTypes.DoubleType));
        PerDecisionMaker fitted = DecisionMakerOutputs.probabilities(model);
        PerDecisionMaker conditional = DecisionMakerOutputs.conditionalProbabilities(model);
        int threads = backend.partThreads(1);
        JavaRDD<Part> parts = parts(shard -> {
            ChoiceData part = shard.build();
            double[] u = fitted.values(part, threads);
            double[] c = conditional.values(part, threads);
            int[] start = part.situationStartRef();
            List<Row> rows = new ArrayList<>(part.rowCount());
            for (int s = 0; s < part.situationCount(); s++) {
                for (int i = start[s]; i < start[s + 1]; i++) {
                    rows.add(RowFactory.create(shard.inputRow(part.sourceRow(i)) + 1, part.situationId(s),
                            part.alternativeLabels().get(part.alternativeCode(i)), u[i], c[i]));
                }
            }
            return new Part(rows, new ColumnStatistics(0));
        });
        try {
            write(parts, fields, file);
        } finally {
            parts.unpersist(false);
        }
    }

    @Override
    public double[] classPosteriors(String file) {
        if (!spec.isLatentClass()) {
            throw new InvalidSpecificationException("Posterior class probabilities need a latent class model; "
                    + spec + " has no classes.");
        }
        int classes = spec.classCount();
        List<StructField> fields = new ArrayList<>();
        fields.add(field("id", DataTypes.LongType));
        for (int c = 1; c <= classes; c++) {
            fields.add(field("class" + c, DataTypes.DoubleType));
        }
        fields.add(field("modal", DataTypes.IntegerType));
        PerDecisionMaker output = DecisionMakerOutputs.classPosteriors(model);
        int threads = backend.partThreads(1);
        JavaRDD<Part> parts = parts(shard -> {
            ChoiceData part = shard.build();
            int n = part.decisionMakerCount();
            double[] h = output.values(part, threads);
            int[] modal = ClassPosteriors.modal(h, classes);
            // the posteriors, then an indicator of the modal class (their sums count decision-makers by it)
            ColumnStatistics statistics = new ColumnStatistics(2 * classes);
            double[] both = new double[2 * classes];
            List<Row> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object[] row = new Object[2 + classes];
                row[0] = part.decisionMakerId(i);
                for (int c = 0; c < classes; c++) {
                    row[1 + c] = h[i * classes + c];
                    both[c] = h[i * classes + c];
                    both[classes + c] = modal[i] == c ? 1 : 0;
                }
                row[1 + classes] = modal[i] + 1;
                statistics.add(both, 0);
                rows.add(RowFactory.create(row));
            }
            return new Part(rows, statistics);
        });
        try {
            if (file != null) {
                write(parts, fields, file);
            }
            ColumnStatistics statistics = statistics(parts, 2 * classes);
            double[] out = new double[2 * classes];
            for (int c = 0; c < classes; c++) {
                out[c] = statistics.sum(c) / statistics.rows();
                out[classes + c] = statistics.sum(classes + c);
            }
            return out;
        } finally {
            parts.unpersist(false);
        }
    }

    @Override
    public double[] willingnessToPay(String attribute, String cost, String file) {
        List<StructField> fields = List.of(field("id", DataTypes.LongType), field("wtp", DataTypes.DoubleType));
        ModelSpec s = spec;
        IntegrationConfig rule = integration;
        double[] at = theta;
        int threads = backend.partThreads(1);
        JavaRDD<Part> parts = parts(shard -> {
            ChoiceData part = shard.build();
            WillingnessToPay w;
            try (SimulatedLogLikelihood ll = Simulators.likelihood(part, s, rule, at, threads)) {
                w = ll.willingnessToPay(at, attribute, cost);
            }
            double[] individual = w.individual();
            ColumnStatistics statistics = new ColumnStatistics(1);
            List<Row> rows = new ArrayList<>(individual.length);
            for (int i = 0; i < individual.length; i++) {
                statistics.add(individual, i);
                rows.add(RowFactory.create(part.decisionMakerId(i), individual[i]));
            }
            return new Part(rows, statistics, w.sortedSamples());
        });
        try {
            if (file != null) {
                write(parts, fields, file);
            }
            ColumnStatistics individual = statistics(parts, 1);
            double[] population = DrawSummary.of(parts.map(part -> part.samples));
            return new double[] {population[0], population[1], population[2], population[3], population[4],
                population[5], population[6], individual.rows(), individual.finiteMean(0)};
        } finally {
            parts.unpersist(false);
        }
    }

    /**
     * A latent class model's willingness to pay per class: when a coefficient is random within classes, every
     * evaluation of the delta method simulates each class's draws on the partitions (the class model at the class's
     * own parameters), keeps them sorted there and summarises them as {@link #willingnessToPay} does.
     */
    @Override
    public ClassWillingnessToPay classWillingnessToPay(String attribute, String cost) {
        ModelSpec classModel = spec.isLatentClass() ? spec.classModel() : spec;
        IntegrationConfig rule = integration;
        int threads = backend.partThreads(1);
        return ClassWillingnessToPay.of(model, attribute, cost, own -> {
            double[] at = own.clone();
            JavaRDD<double[]> draws = backend.shards(data).map(shard -> {
                try (SimulatedLogLikelihood ll = Simulators.likelihood(shard.build(), classModel, rule, null,
                        threads)) {
                    return ll.willingnessToPay(at, attribute, cost).sortedSamples();
                }
            }).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                double[] population = DrawSummary.of(draws);
                return Arrays.copyOfRange(population, 1, 7);
            } finally {
                draws.unpersist(false);
            }
        });
    }

    @Override
    public void decomposition(String attribute, String file) {
        double[] sums;
        try (LikelihoodEvaluator ll = backend.unconditional(data, spec, integration)) {
            sums = DiversionDecomposition.marketSums(ll, theta, attribute, data.marketLabels().size(),
                    data.alternativeLabels().size());
        }
        List<StructField> fields = new ArrayList<>(List.of(field("situation", DataTypes.LongType),
                field("market", DataTypes.StringType), field("from", DataTypes.StringType),
                field("to", DataTypes.StringType)));
        for (String c : new String[] {"from_share", "removal", "marginal", "logit", "removal_weight",
            "marginal_weight"}) {
            fields.add(field(c, DataTypes.DoubleType));
        }
        ModelSpec s = spec;
        IntegrationConfig rule = integration;
        double[] at = theta;
        int threads = backend.partThreads(1);
        JavaRDD<Part> parts = parts(shard -> {
            ChoiceData part = shard.build();
            DiversionDecomposition d;
            try (SimulatedLogLikelihood ll = Simulators.unconditional(part, s, rule, threads)) {
                d = DiversionDecomposition.of(part, ll.substitution(at, attribute), sums);
            }
            double[][] columns = {d.fromShares(), d.removalDiversion(), d.marginalDiversion(), d.logitDiversion(),
                d.removalWeights(), d.marginalWeights()};
            List<Row> rows = new ArrayList<>(d.size());
            for (int i = 0; i < d.size(); i++) {
                rows.add(RowFactory.create(d.situationIds().get(i), d.markets().get(i), d.from().get(i),
                        d.to().get(i), columns[0][i], columns[1][i], columns[2][i], columns[3][i], columns[4][i],
                        columns[5][i]));
            }
            return new Part(rows, new ColumnStatistics(0));
        });
        try {
            write(parts, fields, file);
        } finally {
            parts.unpersist(false);
        }
    }

    /** One partition's table rows, the statistics of its values and (willingness to pay) its sorted draws. */
    static final class Part implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<Row> rows;
        final ColumnStatistics statistics;
        final double[] samples;

        Part(List<Row> rows, ColumnStatistics statistics) {
            this(rows, statistics, new double[0]);
        }

        Part(List<Row> rows, ColumnStatistics statistics, double[] samples) {
            this.rows = rows;
            this.statistics = statistics;
            this.samples = samples;
        }
    }

    /** Every partition's part from its shard, cached where it lives (each output reads it more than once). */
    private JavaRDD<Part> parts(org.apache.spark.api.java.function.Function<Shard, Part> part) {
        return backend.shards(data).map(part).persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static ColumnStatistics statistics(JavaRDD<Part> parts, int columns) {
        ColumnStatistics total = new ColumnStatistics(columns);
        for (ColumnStatistics s : parts.map(p -> p.statistics).collect()) {
            total.add(s);
        }
        return total;
    }

    /** Writes the parts' rows from the partitions (after a doubtful fit with a {@code fit_warning} column). */
    private void write(JavaRDD<Part> parts, List<StructField> fields, String file) {
        if (file == null) {
            return;
        }
        Dataset<Row> frame = spark.createDataFrame(parts.flatMap(p -> p.rows.iterator()),
                new StructType(fields.toArray(new StructField[0])));
        if (!warning.isEmpty()) {
            frame = frame.withColumn("fit_warning", functions.lit(warning));
        }
        DataFrameWriter<Row> writer = frame.write().mode(SaveMode.ErrorIfExists);
        String format = SparkChoiceData.byExtension(file);
        if (format.equals("csv")) {
            writer.option("header", "true").csv(file);
        } else {
            writer.format(format.toLowerCase(Locale.ROOT)).save(file);
        }
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, false);
    }
}
