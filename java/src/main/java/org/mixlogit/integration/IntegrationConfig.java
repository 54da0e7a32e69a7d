package org.mixlogit.integration;

import java.io.Serializable;

import org.mixlogit.InvalidSpecificationException;

/**
 * How the mixing integral is computed: the draw type, the number of draws per decision-maker, the seed, the
 * burn-in, and how much memory may hold precomputed nodes. Immutable; change it with the {@code withX} copies.
 */
public final class IntegrationConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Default memory for precomputed nodes: 256 MiB. Above it nodes are regenerated on demand per evaluation. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;
    /** Default seed of the pseudo-random, scrambled and MLHS draws. */
    public static final long DEFAULT_SEED = 12345L;

    private final DrawType type;
    private final int draws;
    private final long seed;
    private final int burn;
    private final long cacheBytes;
    private final long memoryLimit;

    private IntegrationConfig(DrawType type, int draws, long seed, int burn, long cacheBytes) {
        this(type, draws, seed, burn, cacheBytes, 0);
    }

    private IntegrationConfig(DrawType type, int draws, long seed, int burn, long cacheBytes, long memoryLimit) {
        if (type == null) {
            throw new InvalidSpecificationException("The draw type is missing: use halton, shalton, mlhs, sobol or"
                    + " random.");
        }
        if (draws < 1) {
            throw new InvalidSpecificationException("The number of draws is " + draws + ": it must be at least 1"
                    + " (100 or more for estimation).");
        }
        if (burn < -1) {
            throw new InvalidSpecificationException("burn is " + burn + ": it must be 0 or more.");
        }
        if (cacheBytes < 0) {
            throw new InvalidSpecificationException("The node cache budget is " + cacheBytes + " bytes: it must be"
                    + " 0 (always regenerate) or more.");
        }
        if (memoryLimit < 0) {
            throw new InvalidSpecificationException("The memory limit is " + memoryLimit + " bytes: it must be 0"
                    + " (the Java heap's) or more.");
        }
        this.memoryLimit = memoryLimit;
        this.type = type;
        this.draws = draws;
        this.seed = seed;
        this.burn = burn;
        this.cacheBytes = cacheBytes;
    }

    /** Draws of the given type, default seed, the type's default burn-in and the default cache budget. */
    public static IntegrationConfig of(DrawType type, int draws) {
        return new IntegrationConfig(type, draws, DEFAULT_SEED, -1, DEFAULT_CACHE_BYTES);
    }

    public DrawType type() {
        return type;
    }

    /** Draws (nodes) per decision-maker. */
    public int draws() {
        return draws;
    }

    public long seed() {
        return seed;
    }

    /** Sequence elements skipped before the first decision-maker: the user's value, or the type's default. */
    public int burn() {
        return burn < 0 ? type.defaultBurn() : burn;
    }

    /** Memory that may hold precomputed nodes; 0 means nodes are generated on demand in every evaluation. */
    public long cacheBytes() {
        return cacheBytes;
    }

    public IntegrationConfig withType(DrawType newType) {
        return new IntegrationConfig(newType, draws, seed, burn, cacheBytes, memoryLimit);
    }

    public IntegrationConfig withDraws(int newDraws) {
        return new IntegrationConfig(type, newDraws, seed, burn, cacheBytes, memoryLimit);
    }

    public IntegrationConfig withSeed(long newSeed) {
        return new IntegrationConfig(type, draws, newSeed, burn, cacheBytes, memoryLimit);
    }

    public IntegrationConfig withBurn(int newBurn) {
        if (newBurn < 0) {
            throw new InvalidSpecificationException("burn is " + newBurn + ": it must be 0 or more.");
        }
        return new IntegrationConfig(type, draws, seed, newBurn, cacheBytes, memoryLimit);
    }

    /**
     * Bytes a simulator built with this configuration may use for its nodes and per-thread scratch; 0 (the default)
     * means the Java heap's maximum less a margin. A run that needs more is refused before it allocates.
     */
    public long memoryLimit() {
        return memoryLimit;
    }

    /** A copy with another memory limit in bytes (0: the Java heap's maximum less a margin). */
    public IntegrationConfig withMemoryLimit(long newMemoryLimit) {
        return new IntegrationConfig(type, draws, seed, burn, cacheBytes, newMemoryLimit);
    }

    public IntegrationConfig withCacheBytes(long newCacheBytes) {
        return new IntegrationConfig(type, draws, seed, burn, newCacheBytes, memoryLimit);
    }

    @Override
    public String toString() {
        return "IntegrationConfig[type=" + type + ", draws=" + draws + ", seed=" + seed + ", burn=" + burn()
                + ", cacheBytes=" + cacheBytes
                + (memoryLimit > 0 ? ", memoryLimit=" + memoryLimit : "") + "]";
    }
}
