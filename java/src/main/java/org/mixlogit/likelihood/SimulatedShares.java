package org.mixlogit.likelihood;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Simulated choice probabilities of every situation and alternative, s_tj(theta) = sum_r w_r P_tj(beta_r), with
 * their exact Jacobian d s_tj / d theta: what the method of simulated moments needs. In a panel each situation's
 * probability is marginal over the decision-maker's coefficients (one draw set per decision-maker, shared by the
 * person's situations, unconditional on the other choices). The draws are those of the integration config, so two
 * instances with independent configs give independent simulators.
 *
 * <p>Evaluation runs on {@code threads} workers over decision-makers; every row is computed by one worker in a
 * fixed order, so the results are bit-identical for any thread count. Evaluation methods are synchronized. Close
 * the instance to stop its worker threads.
 */
public final class SimulatedShares implements AutoCloseable {
    private final ModelDesign design;
    private final IntegrationRule rule;
    private final VariateStore store;
    private final DecisionMakerWorkers workers;
    private final SituationShareKernel[] kernels;
    private final int decisionMakers;

    /**
     * Binds a specification to data and a rule; build instances through {@link Simulators}.
     *
     * @param threads worker threads (1 or more); results do not depend on it
     */
    SimulatedShares(ChoiceData data, ModelSpec spec, IntegrationRule rule, long cacheBytes, int threads) {
        if (threads < 1) {
            throw new InvalidSpecificationException("threads is " + threads + ": use 1 or more.");
        }
        this.design = new ModelDesign(data, spec);
        this.rule = rule;
        if (rule.dimension() != design.d) {
            throw new InvalidSpecificationException("The integration rule has " + rule.dimension() + " dimensions;"
                    + " the model has " + design.d + " random coefficients.");
        }
        this.decisionMakers = data.decisionMakerCount();
        this.workers = new DecisionMakerWorkers(threads);
        this.store = VariateStore.forRule(rule, design, cacheBytes, workers);
        this.kernels = new SituationShareKernel[threads];
        for (int w = 0; w < threads; w++) {
            kernels[w] = new SituationShareKernel(design, store);
        }
    }

    public ParameterLayout layout() {
        return design.layout;
    }

    public int parameterCount() {
        return design.p;
    }

    public ChoiceData data() {
        return design.data;
    }

    public ModelSpec spec() {
        return design.spec;
    }

    /** Nodes (draws) per decision-maker. */
    public int nodeCount() {
        return store.nodeCount();
    }

    /** The integration rule in words, e.g. "halton, 100 draws, burn 100". */
    public String integrationDescription() {
        return rule.describe();
    }

    /**
     * Simulated probabilities of all rows and, optionally, their Jacobian.
     *
     * @param theta Not modified
     * @param shares <b>Modified</b>: one probability per grouped row (length rows)
     * @param jacobian <b>Modified</b> when non-null: rows x P, row-major, d s_row / d theta
     */
    public synchronized void evaluate(double[] theta, double[] shares, double[] jacobian) {
        if (theta.length != design.p) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", expected " + design.p);
        }
        int rows = design.data.rowCount();
        if (shares.length != rows || (jacobian != null && jacobian.length != rows * design.p)) {
            throw new IllegalArgumentException("shares must have length " + rows + " and the Jacobian " + rows
                    + " x " + design.p);
        }
        workers.run(decisionMakers, (worker, from, to) -> {
            SituationShareKernel kernel = kernels[worker];
            for (int n = from; n < to; n++) {
                kernel.evaluate(n, theta, shares, jacobian);
            }
        });
    }

    @Override
    public void close() {
        workers.close();
    }
}
