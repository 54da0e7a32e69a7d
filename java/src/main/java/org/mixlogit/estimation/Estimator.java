package org.mixlogit.estimation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.ModelSpec;

/** Turns data and a model specification into an {@link EstimationResult}. */
public interface Estimator {
    /** Estimates; the listener sees every iteration of the optimizer and may cancel. */
    EstimationResult estimate(ChoiceData data, ModelSpec spec, IterationListener listener);

    default EstimationResult estimate(ChoiceData data, ModelSpec spec) {
        return estimate(data, spec, IterationListener.NONE);
    }

    /**
     * The estimator the configuration's method names: {@link MsleEstimator}, {@link MsmEstimator} or
     * {@link MssEstimator}.
     */
    static Estimator of(EstimatorConfig config) {
        switch (config.method().type()) {
            case MSM:
                return new MsmEstimator(config);
            case MSS:
                return new MssEstimator(config);
            default:
                return new MsleEstimator(config);
        }
    }

    /** As {@link #of(EstimatorConfig)}, with the sums over decision-makers computed by {@code backend}. */
    static Estimator of(EstimatorConfig config, Backend backend) {
        switch (config.method().type()) {
            case MSM:
                return new MsmEstimator(config, backend);
            case MSS:
                return new MssEstimator(config, backend);
            default:
                return new MsleEstimator(config, backend);
        }
    }
}
