package org.mixlogit.simulation;

import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.NumericColumn;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * A model specification bound to a data set: the attribute matrix in coefficient order and flat index tables
 * that the likelihood kernel reads. Immutable after construction; unknown variable names fail here with the
 * data's own message listing the known columns. For a latent class model the tables are those of one class
 * ({@link ModelSpec#classModel()}) and {@link #p} counts the whole vector (every class and the class shares).
 */
final class ModelDesign {
    final ChoiceData data;
    final ModelSpec spec;
    final ParameterLayout layout;
    /** Coefficients K. */
    final int k;
    /** Draw dimensions D. */
    final int d;
    /** Parameters P. */
    final int p;
    /** Row-major rows x K attributes in coefficient order. */
    final double[] x;
    /** Distribution of each coefficient. */
    final Distribution[] distribution;
    final int[] meanIndex;
    final int[] scaleIndex;
    final int[] dimension;
    final int[] blockPosition;
    final int[] blockMembers;
    /** Cholesky parameter index of (a, b), row-major over the full block x block square (-1 above diagonal). */
    final int[] choleskyIndex;
    final int[] heterogeneityStart;
    /** Characteristic columns (indices into the data's characteristics) of each coefficient's heterogeneity. */
    final int[][] heterogeneityColumns;
    /** Distribution of each draw dimension. */
    final Distribution[] dimensionDistribution;
    /** Sparse rows and per-decision-maker attribute levels of x. */
    final RowStructure rows;

    ModelDesign(ChoiceData data, ModelSpec spec) {
        this.data = data;
        this.spec = spec;
        this.layout = spec.layout();
        ParameterLayout perClass = layout.classLayout();
        List<CoefficientSpec> cs = spec.coefficients();
        this.k = cs.size();
        this.d = spec.randomDimension();
        this.p = layout.size();
        int[] column = new int[k];
        distribution = new Distribution[k];
        meanIndex = new int[k];
        scaleIndex = new int[k];
        dimension = new int[k];
        blockPosition = new int[k];
        heterogeneityStart = new int[k];
        heterogeneityColumns = new int[k][];
        dimensionDistribution = new Distribution[d];
        for (int i = 0; i < k; i++) {
            CoefficientSpec c = cs.get(i);
            column[i] = data.attributeIndex(c.attribute());
            distribution[i] = c.distribution();
            meanIndex[i] = perClass.meanIndex(i);
            scaleIndex[i] = perClass.scaleIndex(i);
            dimension[i] = perClass.dimension(i);
            blockPosition[i] = perClass.blockPosition(i);
            heterogeneityStart[i] = perClass.heterogeneityStart(i);
            heterogeneityColumns[i] = new int[c.heterogeneity().size()];
            for (int h = 0; h < heterogeneityColumns[i].length; h++) {
                heterogeneityColumns[i][h] = data.characteristicIndex(c.heterogeneity().get(h));
            }
            if (dimension[i] >= 0) {
                dimensionDistribution[dimension[i]] = c.distribution();
            }
        }
        blockMembers = perClass.blockMembers();
        int b = blockMembers.length;
        choleskyIndex = new int[b * b];
        for (int a = 0; a < b; a++) {
            for (int c = 0; c < b; c++) {
                choleskyIndex[a * b + c] = c <= a ? perClass.choleskyIndex(a, c) : -1;
            }
        }
        int rowCount = data.rowCount();
        x = new double[rowCount * k];
        for (int i = 0; i < k; i++) {
            NumericColumn values = data.attributeValues(column[i]);
            for (int r = 0; r < rowCount; r++) {
                x[r * k + i] = values.get(r);
            }
        }
        rows = new RowStructure(x, k, data.situationStartRef(), data.chosenRowRef(), data.decisionMakerStartRef());
    }
}
