package org.mixlogit.spec;

/** beta = m for every decision-maker: no scale, no variate. */
final class FixedTransform extends NamedTransform implements PiecewiseLinearTransform {
    FixedTransform() {
        super("f", "fixed", "sd");
    }

    @Override
    public boolean isRandom() {
        return false;
    }

    @Override
    public double variate(double z) {
        return z;
    }

    @Override
    public boolean variateIsNode() {
        return true;
    }

    @Override
    public void apply(double location, double scale, double[] variate, int draws, double[] beta,
            double[] dLocation, double[] dScale) {
        for (int q = 0; q < draws; q++) {
            beta[q] = location;
            dLocation[q] = 1.0;
            dScale[q] = 0.0;
        }
    }

    @Override
    public double mean(double location, double scale) {
        return location;
    }

    @Override
    public double median(double location, double scale) {
        return location;
    }

    @Override
    public double standardDeviation(double location, double scale) {
        return 0;
    }

    @Override
    public double quantile(double p, double location, double scale) {
        return location;
    }

    @Override
    public double density(double x, double location, double scale) {
        return x == location ? Double.POSITIVE_INFINITY : 0.0;
    }

    @Override
    public boolean scaleSignIdentified() {
        return false;
    }

    @Override
    public boolean mayJoinCorrelatedBlock() {
        return false;
    }

    @Override
    public boolean mayHaveZeroMean() {
        return false;
    }

    @Override
    public double startLocation(double plainLogit, double scale) {
        return plainLogit;
    }
}
