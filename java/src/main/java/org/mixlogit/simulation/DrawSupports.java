package org.mixlogit.simulation;

/** The {@link SupportFactory} of a rule's nodes: every worker's {@link DrawSupport} shares one node store. */
final class DrawSupports implements SupportFactory {
    private final ModelDesign design;
    private final VariateStore store;
    private final String description;

    DrawSupports(ModelDesign design, VariateStore store, String description) {
        this.design = design;
        this.store = store;
        this.description = description;
    }

    @Override
    public int points() {
        return store.nodeCount();
    }

    @Override
    public MixingSupport newSupport() {
        return new DrawSupport(design, store, false);
    }

    @Override
    public DrawSupport newSecondOrderSupport() {
        return new DrawSupport(design, store, true);
    }

    @Override
    public String describe() {
        return description;
    }
}
