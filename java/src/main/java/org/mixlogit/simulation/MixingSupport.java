package org.mixlogit.simulation;

/**
 * What a simulator integrates over for one decision-maker: {@link #points()} points, each a coefficient vector
 * beta_r, with weights w_r, where both may depend on the parameters. The log-likelihood kernel computes
 * log sum_r w_r prod_t P_t(beta_r); probabilities, shares and their Jacobian, substitution patterns and posterior
 * summaries are other sums of the same form. Every kernel reads its points through this interface, so a new
 * mixing model (simulation draws or quadrature nodes mapped through each coefficient's distribution; classes of a
 * latent class model, whose shares depend on the parameters; classes times draws) is one implementation.
 *
 * <p>One instance per worker thread; not thread-safe. Arrays returned by the Ref methods are the instance's own:
 * read-only for the caller, valid until the next {@link #prepare}.
 */
interface MixingSupport {
    /** Points per decision-maker (the same for every decision-maker). */
    int points();

    /** Prepares decision-maker n at theta: the points' coefficients, their derivatives and the weights. */
    void prepare(int n, double[] theta);

    /** {@code beta[k][r]}: coefficient k at point r after {@link #prepare}. */
    double[][] betaRef();

    /** The weights w_r after {@link #prepare}, from {@link #weightOffset()}. */
    double[] weightsRef();

    int weightOffset();

    /** True when some weight depends on the parameters (then {@link #toParameters} uses its weight terms). */
    boolean weightsDependOnParameters();

    /**
     * The chain rule to the parameters, after {@link #prepare} for the same decision-maker:
     * {@code out[at + j] = sum_r sum_k g[k][r] d beta_kr / d theta_j + sum_r c_r d log|w_r| / d theta_j}.
     * A caller differentiating sum_r w_r f_r(beta_r) passes g[k][r] = (its factor of point r) x d f_r / d beta_kr
     * and c_r = (the same factor) x f_r.
     *
     * @param g <b>Modified</b> (used as scratch): K x R
     * @param c Not modified: R weight terms; may be null when {@link #weightsDependOnParameters()} is false
     * @param out <b>Modified</b>: the P derivatives from {@code at}
     */
    void toParameters(int n, double[][] g, double[] c, double[] out, int at);
}
