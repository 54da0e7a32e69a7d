package org.mixlogit.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import org.mixlogit.InvalidSpecificationException;

/**
 * The latent class part of a {@link ModelSpec}: C classes, each with its own copy of the class model's parameters
 * except those of the {@link #common()} coefficients (shared by all classes), and class shares that are a
 * multinomial logit in a constant and the {@link #membership()} characteristics of the decision-maker, class 1 the
 * base: pi_nc = exp(gamma_c' z_n) / sum_s exp(gamma_s' z_n), gamma_1 = 0, z_n = (1, characteristics). In a panel a
 * decision-maker belongs to one class for all of their situations. Immutable; serializable as its {@link ModelSpec}
 * (a distributed backend ships the specification to its executors).
 */
public final class LatentClasses implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The most classes a model may have. */
    public static final int MAX_CLASSES = 50;

    private final int count;
    private final List<String> membership;
    private final List<String> common;

    /**
     * @param count the number of classes C (1 or more; C = 1 is the class model itself)
     * @param membership decision-maker characteristics in the class-share logit (besides its constant)
     * @param common attributes whose coefficients all classes share
     */
    public LatentClasses(int count, List<String> membership, List<String> common) {
        if (count < 1 || count > MAX_CLASSES) {
            throw new InvalidSpecificationException("The number of latent classes is " + count + ": give 1 to "
                    + MAX_CLASSES + ".");
        }
        this.count = count;
        this.membership = unique(membership, "The membership characteristics");
        this.common = unique(common, "The common coefficients");
    }

    private static List<String> unique(List<String> names, String what) {
        List<String> list = names == null ? Collections.emptyList() : names;
        for (String n : list) {
            if (n == null || n.trim().isEmpty()) {
                throw new InvalidSpecificationException(what + " " + list + " include an empty name.");
            }
        }
        if (new LinkedHashSet<>(list).size() != list.size()) {
            throw new InvalidSpecificationException(what + " " + list + " list a name twice.");
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The number of classes C. */
    public int count() {
        return count;
    }

    /** Characteristics of the class-share logit, besides its constant (empty: constant shares). */
    public List<String> membership() {
        return membership;
    }

    /** Attributes whose coefficients (location, scale, heterogeneity) are the same in every class. */
    public List<String> common() {
        return common;
    }

    public boolean isCommon(String attribute) {
        return common.contains(attribute);
    }

    /** Membership parameters per class other than the base: the constant and one per characteristic. */
    public int membershipWidth() {
        return 1 + membership.size();
    }

    @Override
    public String toString() {
        return count + " latent classes" + (membership.isEmpty() ? "" : ", membership " + membership)
                + (common.isEmpty() ? "" : ", common " + common);
    }
}
