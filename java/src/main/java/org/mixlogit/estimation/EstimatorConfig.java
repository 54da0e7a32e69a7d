package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;

/**
 * How an estimation runs, one part per concern: the integration rule ({@link IntegrationConfig}), the search for
 * the optimum ({@link SearchConfig}: optimizer, starts, start values), inference ({@link InferenceConfig}:
 * covariance shown, clusters, confidence level), post-estimation checks ({@link DiagnosticsConfig}), the method
 * ({@link MethodConfig}: MSLE or MSM with its settings) and execution ({@link ExecutionConfig}: threads).
 * Immutable; each part is validated by its own constructor and changed with {@code withX} copies of the part and
 * then of this aggregate, e.g. {@code config.withSearch(config.search().withStarts(5))}.
 *
 * <p>Defaults ({@link #defaults()}): 100 plain Halton draws, BFGS, one start, Hessian covariance, clusters =
 * decision-makers, confidence level 95%, no integration check or re-estimations, MSLE, all processors.
 */
public final class EstimatorConfig {
    private final IntegrationConfig integration;
    private final SearchConfig search;
    private final InferenceConfig inference;
    private final DiagnosticsConfig diagnostics;
    private final MethodConfig method;
    private final ExecutionConfig execution;

    private EstimatorConfig(IntegrationConfig integration, SearchConfig search, InferenceConfig inference,
            DiagnosticsConfig diagnostics, MethodConfig method, ExecutionConfig execution) {
        this.integration = required(integration, "integration");
        this.search = required(search, "search");
        this.inference = required(inference, "inference");
        this.diagnostics = required(diagnostics, "diagnostics");
        this.method = required(method, "method");
        this.execution = required(execution, "execution");
    }

    private static <T> T required(T part, String name) {
        if (part == null) {
            throw new InvalidSpecificationException("The " + name + " settings of the estimation are missing: give"
                    + " them, or keep the defaults.");
        }
        return part;
    }

    public static EstimatorConfig defaults() {
        return new EstimatorConfig(IntegrationConfig.of(DrawType.HALTON, 100), SearchConfig.defaults(),
                InferenceConfig.defaults(), DiagnosticsConfig.defaults(), MethodConfig.defaults(),
                ExecutionConfig.defaults());
    }

    public IntegrationConfig integration() {
        return integration;
    }

    /** Optimizer, starts, start seed and start values. */
    public SearchConfig search() {
        return search;
    }

    /** Covariance shown, clusters, confidence level. */
    public InferenceConfig inference() {
        return inference;
    }

    /** Integration check and simulation-noise study. */
    public DiagnosticsConfig diagnostics() {
        return diagnostics;
    }

    /** MSLE or MSM with its settings. */
    public MethodConfig method() {
        return method;
    }

    /** Worker threads. */
    public ExecutionConfig execution() {
        return execution;
    }

    /** Worker threads: shorthand for {@code execution().threads()}, which every simulator needs. */
    public int threads() {
        return execution.threads();
    }

    public EstimatorConfig withIntegration(IntegrationConfig c) {
        return new EstimatorConfig(c, search, inference, diagnostics, method, execution);
    }

    public EstimatorConfig withSearch(SearchConfig c) {
        return new EstimatorConfig(integration, c, inference, diagnostics, method, execution);
    }

    public EstimatorConfig withInference(InferenceConfig c) {
        return new EstimatorConfig(integration, search, c, diagnostics, method, execution);
    }

    public EstimatorConfig withDiagnostics(DiagnosticsConfig c) {
        return new EstimatorConfig(integration, search, inference, c, method, execution);
    }

    public EstimatorConfig withMethod(MethodConfig c) {
        return new EstimatorConfig(integration, search, inference, diagnostics, c, execution);
    }

    public EstimatorConfig withExecution(ExecutionConfig c) {
        return new EstimatorConfig(integration, search, inference, diagnostics, method, c);
    }

    /** Shorthand for {@code withExecution(execution().withThreads(n))}. */
    public EstimatorConfig withThreads(int n) {
        return withExecution(execution.withThreads(n));
    }

    /** The effective configuration, defaults included, one part per concern. */
    @Override
    public String toString() {
        return "EstimatorConfig[" + integration + ", " + search + ", " + inference + ", " + diagnostics + ", "
                + method + ", " + execution + "]";
    }
}
