package org.mixlogit.cli;

import java.io.Serializable;
import java.util.Arrays;

import org.mixlogit.math.ExactSum;

/**
 * Summaries of the columns of a table of values (one row per decision-maker): each column's correctly rounded sum
 * and sum of squares, the sum and count of its finite values, its minimum and maximum. None depends on the order of
 * the rows or on how they are split between accumulators that are merged ({@link #add(ColumnStatistics)}), so
 * summaries computed where the rows live equal the local ones to the last bit. A mutable accumulator, serializable so
 * that partitions return theirs.
 */
public final class ColumnStatistics implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ExactSum[] sum;
    private final ExactSum[] squares;
    private final ExactSum[] finiteSum;
    private final long[] finiteCount;
    private final double[] min;
    private final double[] max;
    private long rows;

    public ColumnStatistics(int columns) {
        sum = sums(columns);
        squares = sums(columns);
        finiteSum = sums(columns);
        finiteCount = new long[columns];
        min = new double[columns];
        max = new double[columns];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    private static ExactSum[] sums(int columns) {
        ExactSum[] out = new ExactSum[columns];
        for (int c = 0; c < columns; c++) {
            out[c] = new ExactSum();
        }
        return out;
    }

    /** Adds one row: {@code values[from .. from + columns - 1]}. Not modified: values. */
    public void add(double[] values, int from) {
        for (int c = 0; c < sum.length; c++) {
            double v = values[from + c];
            sum[c].add(v);
            squares[c].add(v * v);
            if (Double.isFinite(v)) {
                finiteSum[c].add(v);
                finiteCount[c]++;
            }
            min[c] = Math.min(min[c], v);
            max[c] = Math.max(max[c], v);
        }
        rows++;
    }

    /** Adds every row another accumulator holds. Not modified: other. */
    public void add(ColumnStatistics other) {
        for (int c = 0; c < sum.length; c++) {
            sum[c].add(other.sum[c]);
            squares[c].add(other.squares[c]);
            finiteSum[c].add(other.finiteSum[c]);
            finiteCount[c] += other.finiteCount[c];
            min[c] = Math.min(min[c], other.min[c]);
            max[c] = Math.max(max[c], other.max[c]);
        }
        rows += other.rows;
    }

    public long rows() {
        return rows;
    }

    public double sum(int column) {
        return sum[column].value();
    }

    public double sumOfSquares(int column) {
        return squares[column].value();
    }

    /** The mean of the column's finite values (NaN when there are none). */
    public double finiteMean(int column) {
        return finiteCount[column] == 0 ? Double.NaN : finiteSum[column].value() / finiteCount[column];
    }

    public double min(int column) {
        return min[column];
    }

    public double max(int column) {
        return max[column];
    }

    /**
     * The conditional coefficients' summary from the statistics of the table {@code E[beta] (k columns), sd (k
     * columns)}: per coefficient mean, standard deviation of the means, minimum, maximum, mean sd (k x 5).
     */
    public double[] conditionalSummary(int k) {
        double n = rows;
        double[] out = new double[k * 5];
        for (int i = 0; i < k; i++) {
            double mean = sum(i) / n;
            out[i * 5] = mean;
            out[i * 5 + 1] = Math.sqrt(Math.max(0, sumOfSquares(i) / n - mean * mean));
            out[i * 5 + 2] = min(i);
            out[i * 5 + 3] = max(i);
            out[i * 5 + 4] = sum(k + i) / n;
        }
        return out;
    }
}
