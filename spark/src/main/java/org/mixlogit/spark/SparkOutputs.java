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
import org.mixlogit.data.ChoiceData;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * Per-decision-maker outputs computed where the data live and returned as a DataFrame (write it with
 * {@code .write().parquet(path)}), never collected on the driver: the conditional coefficients E[beta_n | y_n]
 * and their standard deviations given each person's choices. Each partition computes its decision-makers' rows with
 * the same simulator the local engine uses, so the values equal the local ones to the last bit.
 *
 * <p>Hook for latent classes (issue 13): the posterior class probabilities of each decision-maker are one more
 * output of this shape (one row per decision-maker, one column per class) from the classes' simulator.
 */
public final class SparkOutputs {
    private SparkOutputs() {
    }

    /**
     * Columns {@code id} (the decision-maker's id; the situation's without a panel), {@code ordinal} (its place in
     * the identity order), then {@code mean_<attribute>} and {@code sd_<attribute>} for every coefficient in
     * declaration order; one row per decision-maker of {@code data}, which must have been read by (or given to)
     * {@code backend}.
     */
    public static Dataset<Row> conditionalCoefficients(SparkSession spark, SparkBackend backend, FittedModel model,
            ChoiceData data) {
        ModelSpec spec = model.spec();
        double[] theta = model.estimates();
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("ordinal", DataTypes.LongType, false));
        for (CoefficientSpec c : spec.coefficients()) {
            fields.add(DataTypes.createStructField("mean_" + c.attribute(), DataTypes.DoubleType, false));
            fields.add(DataTypes.createStructField("sd_" + c.attribute(), DataTypes.DoubleType, false));
        }
        int k = spec.coefficients().size();
        SparkLikelihood ll = (SparkLikelihood) backend.likelihood(data, spec, model.integration(), theta);
        JavaRDD<Row> rows = ll.perDecisionMaker(engine -> {
            double[][] cond = engine.simulator.conditionalCoefficients(theta);
            List<Row> out = new ArrayList<>();
            for (int n = 0; n < engine.data.decisionMakerCount(); n++) {
                Object[] values = new Object[2 + 2 * k];
                values[0] = engine.data.decisionMakerId(n);
                values[1] = (long) engine.data.decisionMakerOrdinal(n);
                for (int j = 0; j < k; j++) {
                    values[2 + 2 * j] = cond[0][n * k + j];
                    values[3 + 2 * j] = cond[1][n * k + j];
                }
                out.add(RowFactory.create(values));
            }
            return out.iterator();
        });
        // the rows recompute the engines from their lineage when the DataFrame is written: no cache to keep
        ll.close();
        return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
    }
}
