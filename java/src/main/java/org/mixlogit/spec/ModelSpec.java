package org.mixlogit.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.mixlogit.InvalidSpecificationException;

/**
 * What is estimated: the coefficients in declaration order (fixed or random), at most one block of correlated
 * random coefficients (a multivariate normal parameterised by the lower Cholesky factor of its covariance, each
 * member then transformed by its own distribution, as mlogit's {@code correlation = TRUE} does), zero-mean error
 * components and observed heterogeneity. Immutable, validated by {@link Builder#build()}.
 *
 * <p>Random coefficients take draw dimensions in declaration order; {@link ParameterLayout} gives the parameter
 * vector.
 *
 * <p>A latent class model ({@link #latentClasses()} present) has C classes of this model: its coefficients are the
 * {@link #classModel()}'s, with one copy of the parameters per class except the common ones, and class shares that
 * depend on the decision-maker's characteristics (see {@link LatentClasses}); random coefficients are then random
 * within each class.
 */
public final class ModelSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<CoefficientSpec> coefficients;
    private final List<String> correlated;
    /** The latent classes, or null for a model of one population. */
    private final LatentClasses latent;
    /** This model without its latent classes (itself when it has none). */
    private final ModelSpec classModel;

    private ModelSpec(List<CoefficientSpec> coefficients, List<String> correlated, LatentClasses latent) {
        this.coefficients = Collections.unmodifiableList(new ArrayList<>(coefficients));
        this.correlated = Collections.unmodifiableList(new ArrayList<>(correlated));
        this.latent = latent;
        this.classModel = latent == null ? this : new ModelSpec(coefficients, correlated, null);
    }

    /** True for a latent class model. */
    public boolean isLatentClass() {
        return latent != null;
    }

    /** The latent classes, or null for a model of one population. */
    public LatentClasses latentClasses() {
        return latent;
    }

    /** The number of latent classes: 1 for a model of one population. */
    public int classCount() {
        return latent == null ? 1 : latent.count();
    }

    /**
     * The model within one class: the same coefficients without latent classes (this specification itself when it
     * has none). Its {@link ParameterLayout} is each class's parameter vector ({@link ParameterLayout#classIndex}).
     */
    public ModelSpec classModel() {
        return classModel;
    }

    /** This model with C latent classes (null: without), keeping its coefficients. */
    public ModelSpec withLatentClasses(LatentClasses classes) {
        if (classes != null) {
            Builder.validateClasses(coefficients, correlated, classes);
        }
        return new ModelSpec(coefficients, correlated, classes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<CoefficientSpec> coefficients() {
        return coefficients;
    }

    /** Attributes of the correlated block in declaration order (empty when all random coefficients are independent). */
    public List<String> correlated() {
        return correlated;
    }

    public boolean isCorrelated(String attribute) {
        return correlated.contains(attribute);
    }

    /** Number of random coefficients, which is the dimension of the mixing integral. */
    public int randomDimension() {
        int d = 0;
        for (CoefficientSpec c : coefficients) {
            if (c.isRandom()) {
                d++;
            }
        }
        return d;
    }

    public CoefficientSpec coefficient(String attribute) {
        for (CoefficientSpec c : coefficients) {
            if (c.attribute().equals(attribute)) {
                return c;
            }
        }
        throw new InvalidSpecificationException("No coefficient for '" + attribute + "' in " + this);
    }

    /** The parameter vector implied by this specification. */
    public ParameterLayout layout() {
        return ParameterLayout.of(this);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ModelSpec[");
        for (int i = 0; i < coefficients.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(coefficients.get(i));
        }
        if (!correlated.isEmpty()) {
            b.append("; correlated ").append(correlated).append(" (lower Cholesky)");
        }
        if (latent != null) {
            b.append("; ").append(latent);
        }
        return b.append(']').toString();
    }

    /** Collects coefficient declarations; {@link #build()} validates them together. */
    public static final class Builder {
        private final Map<String, CoefficientSpec> declared = new LinkedHashMap<>();
        private final Map<String, List<String>> heterogeneity = new LinkedHashMap<>();
        private final List<String> correlated = new ArrayList<>();
        private LatentClasses latent;

        private Builder() {
        }

        /**
         * A latent class model of {@code classes} classes whose shares depend on the {@code membership}
         * characteristics and in which the {@code common} coefficients are shared by all classes.
         */
        public Builder latentClasses(int classes, List<String> membership, List<String> common) {
            return latentClasses(new LatentClasses(classes, membership, common));
        }

        public Builder latentClasses(LatentClasses classes) {
            this.latent = classes;
            return this;
        }

        /** A coefficient that is the same for every decision-maker. */
        public Builder fixed(String attribute) {
            return add(attribute, Distribution.FIXED, false);
        }

        /** A random coefficient with an estimated location and scale. */
        public Builder random(String attribute, Distribution distribution) {
            if (distribution == null) {
                throw new InvalidSpecificationException("The distribution of '" + attribute + "' is null: give one of "
                        + java.util.Arrays.toString(Distribution.values()) + ".");
            }
            return add(attribute, distribution, false);
        }

        /** A random coefficient given by its code ("n", "ln", "t", "u", "cn", "tn", "e"). */
        public Builder random(String attribute, String distributionCode) {
            return random(attribute, Distribution.fromCode(distributionCode));
        }

        /** An error component: a normal coefficient whose mean is fixed at zero (only its sd is estimated). */
        public Builder errorComponent(String attribute) {
            return add(attribute, Distribution.NORMAL, true);
        }

        /**
         * A random coefficient whose location is fixed at zero; its distribution must allow it
         * ({@link CoefficientTransform#mayHaveZeroMean()}: normal, triangular or uniform).
         */
        public Builder zeroMean(String attribute, Distribution distribution) {
            return add(attribute, distribution, true);
        }

        /**
         * Correlated random coefficients: a multivariate normal u = m + L z with lower Cholesky factor L, each member
         * then transformed by its own distribution (normal: u, lognormal: exp(u), censored normal: max(0, u)).
         */
        public Builder correlated(String... attributes) {
            return correlated(java.util.Arrays.asList(attributes));
        }

        public Builder correlated(List<String> attributes) {
            if (!correlated.isEmpty()) {
                throw new InvalidSpecificationException("A correlated block " + correlated + " is already declared;"
                        + " put all correlated coefficients in one block.");
            }
            correlated.addAll(attributes);
            return this;
        }

        /** Observed heterogeneity: the characteristics shift the location of a random coefficient. */
        public Builder heterogeneity(String attribute, String... characteristics) {
            return heterogeneity(attribute, java.util.Arrays.asList(characteristics));
        }

        public Builder heterogeneity(String attribute, List<String> characteristics) {
            heterogeneity.computeIfAbsent(attribute, a -> new ArrayList<>()).addAll(characteristics);
            return this;
        }

        private Builder add(String attribute, Distribution distribution, boolean zeroMean) {
            if (attribute == null || attribute.trim().isEmpty()) {
                throw new InvalidSpecificationException("A coefficient has an empty attribute name.");
            }
            CoefficientSpec previous = declared.get(attribute);
            if (previous != null) {
                String what = previous.isRandom() == distribution.isRandom() ? "twice" : "both fixed and random";
                throw new InvalidSpecificationException("Attribute '" + attribute + "' is declared " + what + " ("
                        + previous + ", then " + new CoefficientSpec(attribute, distribution, zeroMean,
                        Collections.emptyList()) + "): declare each attribute once.");
            }
            declared.put(attribute, new CoefficientSpec(attribute, distribution, zeroMean, Collections.emptyList()));
            return this;
        }

        public ModelSpec build() {
            if (declared.isEmpty()) {
                throw new InvalidSpecificationException("The model has no coefficients: declare at least one fixed"
                        + " or random coefficient.");
            }
            for (CoefficientSpec c : declared.values()) {
                if (c.hasZeroMean() && !c.distribution().transform().mayHaveZeroMean()) {
                    throw new InvalidSpecificationException("'" + c.attribute() + "' has its mean fixed at zero but a "
                            + c.distribution().label() + " distribution: zero-mean components must be "
                            + allowed(CoefficientTransform::mayHaveZeroMean) + ".");
                }
            }
            Map<String, CoefficientSpec> result = new LinkedHashMap<>(declared);
            for (Map.Entry<String, List<String>> e : heterogeneity.entrySet()) {
                CoefficientSpec c = result.get(e.getKey());
                if (c == null) {
                    throw new InvalidSpecificationException("Heterogeneity is given for '" + e.getKey()
                            + "', which has no coefficient; declare it random first. Coefficients: "
                            + result.keySet() + ".");
                }
                if (!c.isRandom()) {
                    throw new InvalidSpecificationException("Heterogeneity is given for '" + e.getKey()
                            + "', which is fixed: heterogeneity shifts the mean of a random coefficient; for a fixed"
                            + " coefficient add the interaction as an attribute.");
                }
                Set<String> unique = new LinkedHashSet<>(e.getValue());
                if (unique.size() != e.getValue().size()) {
                    throw new InvalidSpecificationException("Heterogeneity for '" + e.getKey() + "' lists a"
                            + " characteristic twice: " + e.getValue() + ".");
                }
                result.put(e.getKey(), c.withHeterogeneity(e.getValue()));
            }
            List<String> block = validatedBlock(result);
            List<CoefficientSpec> list = new ArrayList<>(result.values());
            if (latent != null) {
                validateClasses(list, block, latent);
            }
            return new ModelSpec(list, block, latent);
        }

        /**
         * Common coefficients must be declared; some coefficient must differ between classes; the correlated block
         * is either wholly class-specific or wholly common.
         */
        static void validateClasses(List<CoefficientSpec> coefficients, List<String> block, LatentClasses classes) {
            List<String> attributes = new ArrayList<>();
            for (CoefficientSpec c : coefficients) {
                attributes.add(c.attribute());
            }
            for (String c : classes.common()) {
                if (!attributes.contains(c)) {
                    throw new InvalidSpecificationException("The common coefficient '" + c + "' is not in the model "
                            + attributes + ": declare it fixed or random first.");
                }
            }
            if (classes.count() > 1 && classes.common().containsAll(attributes)) {
                throw new InvalidSpecificationException("Every coefficient " + attributes + " is common to the "
                        + classes.count() + " classes, so the classes would not differ: leave at least one"
                        + " coefficient class-specific.");
            }
            int commonMembers = 0;
            for (String m : block) {
                commonMembers += classes.isCommon(m) ? 1 : 0;
            }
            if (commonMembers > 0 && commonMembers < block.size()) {
                throw new InvalidSpecificationException("The correlated block " + block + " mixes common and"
                        + " class-specific coefficients: make all of its members common, or none.");
            }
        }

        /** The labels of the random distributions with a property: "normal, triangular or uniform". */
        private static String allowed(Predicate<CoefficientTransform> property) {
            List<String> labels = new ArrayList<>();
            for (Distribution d : Distribution.values()) {
                if (d.isRandom() && property.test(d.transform())) {
                    labels.add(d.label());
                }
            }
            int last = labels.size() - 1;
            return last <= 0 ? String.join("", labels)
                    : String.join(", ", labels.subList(0, last)) + " or " + labels.get(last);
        }

        private List<String> validatedBlock(Map<String, CoefficientSpec> coefficients) {
            if (correlated.isEmpty()) {
                return Collections.emptyList();
            }
            Set<String> members = new LinkedHashSet<>(correlated);
            if (members.size() != correlated.size()) {
                throw new InvalidSpecificationException("The correlated block lists an attribute twice: "
                        + correlated + ".");
            }
            if (members.size() < 2) {
                throw new InvalidSpecificationException("The correlated block " + correlated + " has fewer than two"
                        + " members: a correlation needs at least two random coefficients.");
            }
            List<String> ordered = new ArrayList<>();
            for (CoefficientSpec c : coefficients.values()) {
                if (members.contains(c.attribute())) {
                    ordered.add(c.attribute());
                }
            }
            for (String m : members) {
                CoefficientSpec c = coefficients.get(m);
                if (c == null) {
                    throw new InvalidSpecificationException("The correlated block names '" + m + "', which has no"
                            + " coefficient; declare it random first.");
                }
                if (!c.isRandom()) {
                    throw new InvalidSpecificationException("The correlated block names '" + m + "', which is fixed:"
                            + " only random coefficients can be correlated.");
                }
                if (!c.distribution().transform().mayJoinCorrelatedBlock()) {
                    throw new InvalidSpecificationException("The correlated block names '" + m + "', which is "
                            + c.distribution().label() + ": members of a correlated block must be functions of one"
                            + " underlying normal (" + allowed(CoefficientTransform::mayJoinCorrelatedBlock)
                            + "); change its distribution or leave it out of the block.");
                }
            }
            return ordered;
        }
    }
}
