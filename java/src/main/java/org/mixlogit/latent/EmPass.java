package org.mixlogit.latent;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;
import org.mixlogit.simulation.PartSums;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * One pass of the latent class logit's EM over the data, as sums over decision-makers that a backend computes where
 * the data live ({@link PartSums}: each part builds its class logit and membership design once, then adds its
 * decision-makers' terms into their reduction blocks). Each decision-maker's posteriors h_n are those at theta (the
 * E-step: pi_nc L_nc / sum_s pi_ns L_ns) or, for a start from a split of the decision-makers, the indicator of its
 * class ({@link Assignment}); a_nc = w_n h_nc. Three kinds of pass:
 * <ul>
 * <li>{@link #at}: the log-likelihood, the expected complete-data log-likelihood of the coefficients
 * sum a_nc log L_nc(theta) with its gradient and Hessian in the classes' and common coefficients, and the class
 * shares' M-step terms at theta's gamma (sizes, objective, gradient, Hessian; {@link MembershipLogit#addTerms});</li>
 * <li>{@link #coefficientTrial}: sum a_nc(theta) log L_nc(trial), a Newton step's trial of the coefficients;</li>
 * <li>{@link #membershipTrial}: sum w_n h_nc(theta) log pi_nc(gamma), a trial of the class shares.</li>
 * </ul>
 * Every backend reduces the block partials in block order, so the EM is the same to the last bit on any. Immutable;
 * serializable with the model and the parameters.
 */
final class EmPass implements PartSums {
    private static final long serialVersionUID = 1L;

    private enum Kind { AT, COEFFICIENT_TRIAL, MEMBERSHIP_TRIAL }

    private final Kind kind;
    private final ModelSpec spec;
    private final double[] theta;
    /** The trial coefficients (a full parameter vector) or the trial gamma (from 0); null for {@link Kind#AT}. */
    private final double[] trial;
    private final Assignment assignment;

    private EmPass(Kind kind, ModelSpec spec, double[] theta, double[] trial, Assignment assignment) {
        this.kind = kind;
        this.spec = spec;
        this.theta = theta.clone();
        this.trial = trial == null ? null : trial.clone();
        this.assignment = assignment;
    }

    /** The statistics at theta (posteriors from {@code assignment} when not null). */
    static EmPass at(ModelSpec spec, double[] theta, Assignment assignment) {
        return new EmPass(Kind.AT, spec, theta, null, assignment);
    }

    /** The expected complete-data log-likelihood of trial coefficients, posteriors at theta. */
    static EmPass coefficientTrial(ModelSpec spec, double[] theta, double[] trial, Assignment assignment) {
        return new EmPass(Kind.COEFFICIENT_TRIAL, spec, theta, trial, assignment);
    }

    /** The class shares' M-step objective at a trial gamma, posteriors at theta. */
    static EmPass membershipTrial(ModelSpec spec, double[] theta, double[] gamma, Assignment assignment) {
        return new EmPass(Kind.MEMBERSHIP_TRIAL, spec, theta, gamma, assignment);
    }

    /** Parameters before the class shares' (the classes' and common coefficients). */
    static int coefficientParameters(ModelSpec spec) {
        return spec.classCount() > 1 ? spec.layout().membershipStart() : spec.layout().size();
    }

    /** Values per block of an {@link #at} pass. */
    static int atWidth(ModelSpec spec) {
        int p = coefficientParameters(spec);
        int c = spec.classCount();
        int pm = (c - 1) * spec.latentClasses().membershipWidth();
        return 2 + p + p * p + (c > 1 ? c + 1 + pm + pm * pm : 0);
    }

    @Override
    public BlockPartials partials(ChoiceData part) {
        Part state = new Part(part);
        int width = kind == Kind.AT ? atWidth(spec) : 1;
        return DataSums.partials(part, width, (data, n, sums, at) -> state.add(n, sums, at));
    }

    /** One part's class logit, membership design and scratch, for one pass. */
    private final class Part {
        final ChoiceData data;
        final int classes = spec.classCount();
        final ParameterLayout layout = spec.layout();
        final ClassLogit logit;
        final MembershipLogit membership;
        final int k;
        final int p = coefficientParameters(spec);
        final int[][] classIndex;
        final double[] beta;
        final double[][] probabilities;
        final double[] ll;
        final double[] h;
        final double[] pi;
        final double[] gamma;
        final double[] g;
        final double[] hk;
        final double[] lower;

        Part(ChoiceData data) {
            this.data = data;
            this.logit = new ClassLogit(data, spec.classModel());
            this.membership = classes > 1 ? new MembershipLogit(data, spec.latentClasses()) : null;
            this.k = logit.coefficients();
            this.classIndex = new int[classes][];
            for (int c = 0; c < classes; c++) {
                classIndex[c] = layout.classIndices(c);
            }
            this.beta = new double[k];
            this.probabilities = new double[classes][Math.max(1, logit.maxRowsPerDecisionMaker())];
            this.ll = new double[classes];
            this.h = new double[classes];
            this.pi = new double[classes];
            this.gamma = classes > 1 ? java.util.Arrays.copyOfRange(theta, layout.membershipStart(), layout.size())
                    : new double[0];
            this.g = new double[k];
            this.hk = new double[k * k];
            this.lower = new double[k * k];
        }

        void add(int n, double[] sums, int at) {
            double w = data.weight(n);
            double logLik = posteriors(n, kind == Kind.AT);
            switch (kind) {
                case AT:
                    addAt(n, w, logLik, sums, at);
                    break;
                case COEFFICIENT_TRIAL:
                    for (int c = 0; c < classes; c++) {
                        classBeta(trial, c);
                        sums[at] += w * h[c] * logit.logLikelihood(n, beta, null);
                    }
                    break;
                default:
                    sums[at] += membership.objective(n, trial, w, h, 0, pi);
            }
        }

        /**
         * Decision-maker n's classes' log-likelihoods at theta into {@link #ll} (with their rows' probabilities when
         * asked), its posteriors into {@link #h}; returns its log-likelihood log sum_c pi_nc L_nc.
         */
        double posteriors(int n, boolean withProbabilities) {
            for (int c = 0; c < classes; c++) {
                classBeta(theta, c);
                ll[c] = logit.logLikelihood(n, beta, withProbabilities ? probabilities[c] : null);
            }
            if (membership != null) {
                membership.shares(n, gamma, 0, pi, 0);
            } else {
                pi[0] = 1;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                h[c] = Math.log(pi[c]) + ll[c];
                max = Math.max(max, h[c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                h[c] = Math.exp(h[c] - max);
                sum += h[c];
            }
            for (int c = 0; c < classes; c++) {
                h[c] /= sum;
            }
            if (assignment != null) {
                java.util.Arrays.fill(h, 0.0);
                h[assignment.classOf(logit, data, n)] = 1;
            }
            return max + Math.log(sum);
        }

        void addAt(int n, double w, double logLik, double[] sums, int at) {
            sums[at] += w * logLik;
            int grad = at + 2;
            int hess = grad + p;
            for (int c = 0; c < classes; c++) {
                double a = w * h[c];
                sums[at + 1] += a * ll[c];
                java.util.Arrays.fill(g, 0.0);
                java.util.Arrays.fill(hk, 0.0);
                if (a != 0) {
                    logit.derivatives(n, probabilities[c], a, g, hk, lower);
                }
                int[] index = classIndex[c];
                for (int i = 0; i < k; i++) {
                    sums[grad + index[i]] += g[i];
                    for (int j = 0; j < k; j++) {
                        sums[hess + index[i] * p + index[j]] += hk[i * k + j];
                    }
                }
            }
            if (membership != null) {
                membership.addTerms(n, gamma, w, h, 0, sums, hess + p * p, pi);
            }
        }

        void classBeta(double[] parameters, int c) {
            for (int j = 0; j < k; j++) {
                beta[j] = parameters[classIndex[c][j]];
            }
        }
    }
}
