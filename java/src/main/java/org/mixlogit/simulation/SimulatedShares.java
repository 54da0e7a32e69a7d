package org.mixlogit.simulation;

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
    private final SupportFactory supports;
    private final DecisionMakerWorkers workers;
    private final SituationShareKernel[] kernels;
    private final int decisionMakers;
    private final BlockReducer reducer;
    /** Rows of the decision-maker with the most rows. */
    private final int maxRows;

    /**
     * Binds a specification to data and a rule; build instances through {@link Simulators}.
     *
     * @param threads worker threads (1 or more); results do not depend on it
     */
    SimulatedShares(ChoiceData data, ModelSpec spec, IntegrationRule rule, long cacheBytes, int threads) {
        this(data, spec, NodePlan.of(rule, cacheBytes), threads);
    }

    /** Binds a specification to data and planned nodes: the memory they need is checked before they are built. */
    SimulatedShares(ChoiceData data, ModelSpec spec, NodePlan plan, int threads) {
        this(new ModelDesign(data, spec), threads, (design, workers) -> {
            VariateStore store = plan.store(design, workers);
            return new DrawSupports(design, store, store.describe());
        });
    }

    /** Binds a specification to data and a mixing support of another kind (latent classes, or a test's support). */
    SimulatedShares(ChoiceData data, ModelSpec spec, java.util.function.Function<ModelDesign, SupportFactory> support,
            int threads) {
        this(new ModelDesign(data, spec), threads, (design, workers) -> support.apply(design));
    }

    private SimulatedShares(ModelDesign design, int threads,
            java.util.function.BiFunction<ModelDesign, DecisionMakerWorkers, SupportFactory> support) {
        if (threads < 1) {
            throw new InvalidSpecificationException("threads is " + threads + ": use 1 or more.");
        }
        this.design = design;
        ChoiceData data = design.data;
        this.decisionMakers = data.decisionMakerCount();
        this.workers = new DecisionMakerWorkers(threads);
        this.supports = support.apply(design, workers);
        this.kernels = new SituationShareKernel[threads];
        for (int w = 0; w < threads; w++) {
            kernels[w] = new SituationShareKernel(design, supports.newSupport());
        }
        this.reducer = new BlockReducer(data, workers);
        int[] dmStart = data.decisionMakerStartRef();
        int[] situationStart = data.situationStartRef();
        int most = 1;
        for (int n = 0; n < decisionMakers; n++) {
            most = Math.max(most, situationStart[dmStart[n + 1]] - situationStart[dmStart[n]]);
        }
        this.maxRows = most;
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
        return supports.points();
    }

    /** The integration rule in words, e.g. "halton, 100 draws, burn 100". */
    public String integrationDescription() {
        return supports.describe();
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

    /**
     * Block partials of the weighted moment sums, in the canonical order of {@link BlockPartials}, with
     * m_n = sum over n's rows i of z_i (y_i - s_i): laid out {@code [sum w_n m_n (L), sum -w_n sum_i z_i ds_i/dtheta'
     * (L x P, zero without the Jacobian), sum w_n^2 m_n m_n' (L x L), count of non-finite shares]}. Neither the rows x
     * P Jacobian nor the N x L contributions are ever held.
     *
     * @param instruments Not modified: rows x L instrument values by grouped row, row-major
     */
    public synchronized BlockPartials momentPartials(double[] theta, double[] instruments, int l,
            boolean withJacobian) {
        int p = design.p;
        checkMoments(theta, instruments, l);
        double[] w = design.data.weightsRef();
        Scratch[] scratch = scratch(l);
        int width = momentWidth(l, p);
        return reducer.sums(width, (worker, n, acc, at) -> {
            Scratch sc = moment(scratch[worker], worker, n, theta, instruments, l, withJacobian);
            int first = sc.first;
            int end = sc.end;
            double wn = w[n];
            for (int a = 0; a < l; a++) {
                acc[at + a] += wn * sc.moment[a];
            }
            if (withJacobian) {
                int g = at + l;
                for (int i = first; i < end; i++) {
                    int jo = (i - first) * p;
                    for (int a = 0; a < l; a++) {
                        double wz = -wn * instruments[i * l + a];
                        if (wz == 0) {
                            continue;
                        }
                        for (int k = 0; k < p; k++) {
                            acc[g + a * p + k] += wz * sc.jacobian[jo + k];
                        }
                    }
                }
            }
            int v = at + l + l * p;
            for (int a = 0; a < l; a++) {
                double ma = wn * sc.moment[a];
                for (int b = 0; b < l; b++) {
                    acc[v + a * l + b] += ma * wn * sc.moment[b];
                }
            }
            acc[at + width - 1] += sc.nonFinite;
        });
    }

    /** Values per block of {@link #momentPartials}. */
    public static int momentWidth(int l, int p) {
        return l + l * p + l * l + 1;
    }

    /**
     * Per-cluster sums of w_n m_n (length L each) in canonical order.
     *
     * @param clusters Not modified: the cluster key of every decision-maker (see {@link #clusterKeys})
     */
    public synchronized ClusterPartials momentClusterPartials(double[] theta, double[] instruments, int l,
            long[] clusters) {
        checkMoments(theta, instruments, l);
        double[] w = design.data.weightsRef();
        Scratch[] scratch = scratch(l);
        return reducer.clusterSums(l, clusters, (worker, n, out) -> {
            Scratch sc = moment(scratch[worker], worker, n, theta, instruments, l, false);
            for (int a = 0; a < l; a++) {
                out[a] = w[n] * sc.moment[a];
            }
        });
    }

    /** The cluster key of every decision-maker: its global ordinal, or its value of the cluster characteristic. */
    public long[] clusterKeys(String clusterCharacteristic) {
        return reducer.clusterKeys(clusterCharacteristic);
    }

    /**
     * Decision-maker n's shares (with their Jacobian when asked) and moment contribution into the worker's scratch.
     */
    private Scratch moment(Scratch sc, int worker, int n, double[] theta, double[] instruments, int l,
            boolean withJacobian) {
        int[] dmStart = design.data.decisionMakerStartRef();
        int[] situationStart = design.data.situationStartRef();
        sc.first = situationStart[dmStart[n]];
        sc.end = situationStart[dmStart[n + 1]];
        kernels[worker].evaluate(n, theta, sc.shares, withJacobian ? sc.jacobian : null, sc.first);
        contribution(n, sc.first, sc.end, instruments, l, design.data.chosenRowRef(), dmStart, sc);
        return sc;
    }

    /** m_n = sum_i z_i (y_i - s_i) over n's rows into the scratch, counting non-finite shares. */
    private static void contribution(int n, int first, int end, double[] z, int l, int[] chosen, int[] dmStart,
            Scratch sc) {
        java.util.Arrays.fill(sc.moment, 0.0);
        sc.nonFinite = 0;
        for (int i = first; i < end; i++) {
            double residual = -sc.shares[i - first];
            if (!Double.isFinite(residual)) {
                sc.nonFinite++;
            }
            for (int a = 0; a < l; a++) {
                sc.moment[a] += z[i * l + a] * residual;
            }
        }
        for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
            int i = chosen[t];
            for (int a = 0; a < l; a++) {
                sc.moment[a] += z[i * l + a];
            }
        }
    }

    private void checkMoments(double[] theta, double[] instruments, int l) {
        if (theta.length != design.p) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", expected " + design.p);
        }
        if (instruments.length != (long) design.data.rowCount() * l) {
            throw new IllegalArgumentException("The instruments have " + instruments.length + " values; "
                    + design.data.rowCount() + " rows x " + l + " instruments need " + design.data.rowCount() * l);
        }
    }

    private Scratch[] scratch(int l) {
        Scratch[] out = new Scratch[workers.threads()];
        for (int w = 0; w < out.length; w++) {
            out[w] = new Scratch(maxRows, design.p, l);
        }
        return out;
    }

    /** One worker's buffers for one decision-maker's rows. */
    private static final class Scratch {
        final double[] shares;
        final double[] jacobian;
        final double[] moment;
        int nonFinite;
        /** The decision-maker's grouped rows first..end-1. */
        int first;
        int end;

        Scratch(int rows, int p, int l) {
            shares = new double[rows];
            jacobian = new double[rows * p];
            moment = new double[l];
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
