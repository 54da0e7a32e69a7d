package org.mixlogit.integration;

/**
 * What every simulation-draw rule shares: its type, dimension and draws per decision-maker, checked once, and
 * its description ("halton, 100 draws, burn 100"). Subclasses add the nodes.
 */
abstract class SimulationDraws implements IntegrationRule {
    private final DrawType type;
    private final int dimension;
    private final int draws;

    /**
     * @throws IllegalArgumentException if the configuration is of another type or the dimension is below 1
     */
    SimulationDraws(IntegrationConfig config, DrawType type, int dimension, String ruleName) {
        EqualWeightCursor.checkType(config, type, ruleName);
        EqualWeightCursor.checkSize(config.draws(), dimension);
        this.type = type;
        this.dimension = dimension;
        this.draws = config.draws();
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final int nodeCount() {
        return draws;
    }

    /** The settings beyond type and size, e.g. ", seed 12345, burn 0". */
    abstract String settings();

    @Override
    public final String describe() {
        return type.code() + ", " + draws + " draws" + settings();
    }

    @Override
    public final String toString() {
        return describe();
    }
}
