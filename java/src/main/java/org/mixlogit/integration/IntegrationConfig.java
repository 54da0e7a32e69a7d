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
    /**
     * Default proposal of the adaptive importance samplers (adaptive-halton, adaptive-sobol): a Student t with 8
     * degrees of freedom at each decision-maker's posterior mode with the curvature's scale. Its tails bound the
     * importance weights where a person's likelihood flattens, which the normal's do not (on Electricity the normal
     * proposal's log-likelihood is still 0.15 below the integral with 25,600 draws; docs/benchmarks.md).
     */
    public static final int DEFAULT_PROPOSAL_DEGREES = 8;
    /** Most degrees of freedom of a Student t proposal (beyond it the t is the normal for practical purposes). */
    public static final int MAX_PROPOSAL_DEGREES = 64;
    /** Default seed of the pseudo-random, scrambled and MLHS draws. */
    public static final long DEFAULT_SEED = 12345L;

    private final DrawType type;
    private final int draws;
    private final long seed;
    private final int burn;
    private final long cacheBytes;
    private final long memoryLimit;
    private final int proposalDegrees;

    private IntegrationConfig(DrawType type, int draws, long seed, int burn, long cacheBytes) {
        this(type, draws, seed, burn, cacheBytes, 0, DEFAULT_PROPOSAL_DEGREES);
    }

    private IntegrationConfig(DrawType type, int draws, long seed, int burn, long cacheBytes, long memoryLimit,
            int proposalDegrees) {
        if (type == null) {
            throw new InvalidSpecificationException("The draw type is missing: use halton, shalton, mlhs, sobol, ssobol"
                    + " or random.");
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
        if (proposalDegrees < 0 || proposalDegrees % 2 != 0 || proposalDegrees > MAX_PROPOSAL_DEGREES) {
            throw new InvalidSpecificationException("The proposal's degrees of freedom are " + proposalDegrees
                    + ": use 0 (a normal proposal) or an even number from 2 to " + MAX_PROPOSAL_DEGREES
                    + " (a Student t proposal).");
        }
        this.proposalDegrees = proposalDegrees;
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
        return new IntegrationConfig(newType, draws, seed, burn, cacheBytes, memoryLimit, proposalDegrees);
    }

    public IntegrationConfig withDraws(int newDraws) {
        return new IntegrationConfig(type, newDraws, seed, burn, cacheBytes, memoryLimit, proposalDegrees);
    }

    public IntegrationConfig withSeed(long newSeed) {
        return new IntegrationConfig(type, draws, newSeed, burn, cacheBytes, memoryLimit, proposalDegrees);
    }

    /**
     * A burn-in the user asked for, checked against the rule: a positive one for a rule that ignores it is an error
     * naming both (it would silently do nothing).
     *
     * @param option how the user gives it ("--burn", "burn()", ...), for the message
     */
    public IntegrationConfig withRequestedBurn(int newBurn, String option) {
        if (newBurn > 0 && !type.usesBurn()) {
            throw new InvalidSpecificationException(option + " " + newBurn + " has no effect with draws " + type.code()
                    + " (" + type.label() + "): a burn-in discards the first elements of a sequence (halton,"
                    + " shalton, sobol, ssobol, adaptive-halton, adaptive-sobol); drop it.");
        }
        return withBurn(newBurn);
    }

    public IntegrationConfig withBurn(int newBurn) {
        if (newBurn < 0) {
            throw new InvalidSpecificationException("burn is " + newBurn + ": it must be 0 or more.");
        }
        return new IntegrationConfig(type, draws, seed, newBurn, cacheBytes, memoryLimit, proposalDegrees);
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
        return new IntegrationConfig(type, draws, seed, burn, cacheBytes, newMemoryLimit, proposalDegrees);
    }

    public IntegrationConfig withCacheBytes(long newCacheBytes) {
        return new IntegrationConfig(type, draws, seed, burn, newCacheBytes, memoryLimit, proposalDegrees);
    }

    /**
     * The proposal of the adaptive importance samplers: 0 for the normal, else the even degrees of freedom of a
     * Student t (heavier tails: bounded importance weights wherever the likelihood flattens). Other rules ignore it.
     */
    public int proposalDegrees() {
        return proposalDegrees;
    }

    /** A copy with another proposal (0: normal; an even number from 2 to 64: Student t with those degrees). */
    public IntegrationConfig withProposalDegrees(int degrees) {
        return new IntegrationConfig(type, draws, seed, burn, cacheBytes, memoryLimit, degrees);
    }

    @Override
    public String toString() {
        return "IntegrationConfig[type=" + type + ", draws=" + draws + ", seed=" + seed + ", burn=" + burn()
                + ", cacheBytes=" + cacheBytes
                + (memoryLimit > 0 ? ", memoryLimit=" + memoryLimit : "")
                + (type == DrawType.ADAPTIVE_HALTON || type == DrawType.ADAPTIVE_SOBOL
                        ? ", proposal=" + (proposalDegrees == 0 ? "normal" : "t" + proposalDegrees) : "") + "]";
    }
}
