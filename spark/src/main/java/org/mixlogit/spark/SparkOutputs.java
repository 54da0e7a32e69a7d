package org.mixlogit.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.postestimation.DecisionMakerOutputs;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.simulation.PerDecisionMaker;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * Per-decision-maker outputs computed where the data live and returned as a DataFrame (write it with
 * {@code .write().parquet(path)}), never collected on the driver: the conditional coefficients E[beta_n | y_n] and
 * their standard deviations, the conditional mean willingness to pay, and a latent class model's posterior class
 * probabilities with the modal class. Each partition computes its decision-makers' rows with the function the local
 * engine uses ({@link DecisionMakerOutputs}), so the values equal the local ones to the last bit. Every frame starts
 * with {@code id} (the decision-maker's id; the situation's without a panel) and {@code ordinal} (its place in the
 * identity order); {@code data} must have been read by (or given to) {@code backend}.
 */
public final class SparkOutputs {
    private SparkOutputs() {
    }

    /**
     * Columns {@code id}, {@code ordinal}, {@code mean_<attribute>} for every coefficient in declaration order, then
     * {@code sd_<attribute>} in the same order.
     */
    public static Dataset<Row> conditionalCoefficients(SparkSession spark, SparkBackend backend, FittedModel model,
            ChoiceData data) {
        List<String> columns = new ArrayList<>();
        for (String prefix : new String[] {"mean_", "sd_"}) {
            for (CoefficientSpec c : model.spec().coefficients()) {
                columns.add(prefix + c.attribute());
            }
        }
        return frame(spark, backend, data, DecisionMakerOutputs.conditionalCoefficients(model), columns, false);
    }

    /**
     * Columns {@code id}, {@code ordinal} and {@code wtp}: each decision-maker's conditional mean of
     * -beta_attribute / beta_cost given their choices (the population's summary over every draw, computed on the
     * partitions: the command line's {@code wtp --engine spark}, {@link SparkPostEstimationOutputs}).
     */
    public static Dataset<Row> willingnessToPay(SparkSession spark, SparkBackend backend, FittedModel model,
            ChoiceData data, String attribute, String cost) {
        return frame(spark, backend, data, DecisionMakerOutputs.willingnessToPay(model, attribute, cost),
                List.of("wtp"), false);
    }

    /**
     * Columns {@code id}, {@code ordinal}, {@code class_1} ... {@code class_C} (posterior class probabilities given
     * the decision-maker's choices) and {@code modal_class} (1-based, the most probable).
     */
    public static Dataset<Row> classPosteriors(SparkSession spark, SparkBackend backend, FittedModel model,
            ChoiceData data) {
        ModelSpec spec = model.spec();
        if (!spec.isLatentClass()) {
            throw new InvalidSpecificationException("Posterior class probabilities need a latent class model; "
                    + spec + " has no classes.");
        }
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= spec.classCount(); c++) {
            columns.add("class_" + c);
        }
        return frame(spark, backend, data, DecisionMakerOutputs.classPosteriors(model), columns, true);
    }

    /**
     * One row per decision-maker: id, ordinal and the first {@code columns.size()} of its values (then, with
     * {@code modal}, the 1-based index of the largest of them).
     */
    private static Dataset<Row> frame(SparkSession spark, SparkBackend backend, ChoiceData data,
            PerDecisionMaker output, List<String> columns, boolean modal) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("ordinal", DataTypes.LongType, false));
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
        }
        if (modal) {
            fields.add(DataTypes.createStructField("modal_class", DataTypes.IntegerType, false));
        }
        int shown = columns.size();
        int threads = backend.partThreads(1);
        JavaRDD<Row> rows = backend.shards(data).flatMap(shard -> {
            ChoiceData part = shard.build();
            int n = part.decisionMakerCount();
            double[] values = output.values(part, threads);
            int width = n == 0 ? 0 : values.length / n;
            List<Row> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object[] row = new Object[2 + shown + (modal ? 1 : 0)];
                row[0] = part.decisionMakerId(i);
                row[1] = (long) part.decisionMakerOrdinal(i);
                int best = 0;
                for (int j = 0; j < shown; j++) {
                    row[2 + j] = values[i * width + j];
                    if (values[i * width + j] > values[i * width + best]) {
                        best = j;
                    }
                }
                if (modal) {
                    row[2 + shown] = best + 1;
                }
                out.add(RowFactory.create(row));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
    }
}
