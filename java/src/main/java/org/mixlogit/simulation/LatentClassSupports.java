package org.mixlogit.simulation;

import java.util.function.Function;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.ModelSpec;

/**
 * The {@link SupportFactory} of a latent class model ({@link LatentClassSupport}): binds the class model to the
 * data once and, when it has random coefficients, plans and builds the rule's nodes once (memory checked by
 * {@link NodePlan}: one node table and cache for all classes, every worker's scratch for C x R points); every
 * worker's support shares them. {@link Simulators} builds latent class simulators here.
 */
final class LatentClassSupports implements SupportFactory {
    private final ModelDesign design;
    private final ModelDesign classDesign;
    private final VariateStore store;

    private LatentClassSupports(ModelDesign design, VariateStore store) {
        this.design = design;
        this.classDesign = new ModelDesign(design.data, design.spec.classModel());
        this.store = store;
    }

    /**
     * The support of {@code spec}'s classes on the nodes of {@code integration} (fixed rules only), for a simulator
     * of {@code threads} workers (each holding scratch for the C R points).
     */
    static Function<ModelDesign, SupportFactory> of(ModelSpec spec, IntegrationConfig integration, int threads) {
        int d = spec.randomDimension();
        NodeProvider nodes = NodeProvider.of(integration);
        if (nodes.adapts(spec)) {
            throw new InvalidSpecificationException("Adaptive Gauss-Hermite quadrature centres the nodes at one"
                    + " posterior mode, and a latent class model's posterior has one per class: use --draws gh, a"
                    + " sparse grid or simulation draws for the random coefficients within classes.");
        }
        NodePlan plan = d == 0 ? null : NodePlan.of(integration, d, false, () -> nodes.priorRule(spec));
        return design -> {
            if (plan == null) {
                return new LatentClassSupports(design, null);
            }
            try (DecisionMakerWorkers one = new DecisionMakerWorkers(1)) {
                return new LatentClassSupports(design, plan.store(design, one, threads, spec.classCount()));
            }
        };
    }

    static SimulatedLogLikelihood likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            int threads) {
        return new SimulatedLogLikelihood(data, spec, of(spec, integration, threads), threads,
                integration.memoryLimit());
    }

    static SimulatedShares shares(ChoiceData data, ModelSpec spec, IntegrationConfig integration, int threads) {
        return new SimulatedShares(data, spec, of(spec, integration, threads), threads);
    }

    @Override
    public int points() {
        return design.spec.classCount() * (store == null ? 1 : store.nodeCount());
    }

    @Override
    public MixingSupport newSupport() {
        return new LatentClassSupport(design, classDesign, store);
    }

    /** No analytic Hessian: finite differences of the exact gradient. */
    @Override
    public DrawSupport newSecondOrderSupport() {
        return null;
    }

    @Override
    public String describe() {
        int classes = design.spec.classCount();
        String within = store == null ? "" : " x " + store.describe() + " within classes";
        return classes + (classes == 1 ? " class" : " latent classes") + within;
    }
}
