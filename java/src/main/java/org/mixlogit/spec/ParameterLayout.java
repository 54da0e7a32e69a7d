package org.mixlogit.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The parameter vector theta of a {@link ModelSpec}, in this order:
 * <ol>
 * <li>locations: one per coefficient in declaration order, except zero-mean components (name = attribute);</li>
 * <li>heterogeneity: for each random coefficient in declaration order, one per characteristic
 * (name = "attribute:characteristic");</li>
 * <li>scales of independent random coefficients in declaration order (name = "sd.attribute" or
 * "spread.attribute");</li>
 * <li>the lower Cholesky factor L of the correlated block, row by row: L11, L21, L22, L31, ...
 * (name = "chol.row:column", attributes of row and column).</li>
 * </ol>
 * Random coefficients use draw dimensions in declaration order.
 *
 * <p>A latent class model's vector is, in this order: class 1's parameters of its {@link #classLayout()} without
 * those of common coefficients (name = "class1." + name), then class 2's, ..., class C's; the common coefficients'
 * parameters (their own names); and the class-share logit's parameters of classes 2..C, the constant then each
 * membership characteristic (name = "share2._cons", "share2.income", ...; class 1 is the base). Its per-coefficient
 * accessors ({@link #meanIndex}, ...) refuse: a class's parameters are those of {@link #classLayout()} mapped by
 * {@link #classIndex}. Immutable; the array accessors copy.
 */
public final class ParameterLayout {
    /** The membership logit's constant, in the names of the class-share parameters. */
    public static final String CONSTANT = "_cons";

    private final ModelSpec spec;
    /** The layout of one class of a latent class model, or null. */
    private final ParameterLayout classLayout;
    /** Latent classes: the index in this vector of each class's parameters of the class layout. */
    private final int[][] classIndex;
    private final int membershipStart;
    private final List<String> names;
    private final List<ParameterKind> kinds;
    private final boolean[] signIdentified;
    private final int[] meanIndex;
    private final int[] heterogeneityStart;
    private final int[] scaleIndex;
    private final int[] dimension;
    private final int[] blockPosition;
    private final int[] blockMembers;
    private final int choleskyStart;

    /** The layout of a specification: {@link ModelSpec#layout()}. */
    static ParameterLayout of(ModelSpec spec) {
        return spec.isLatentClass() ? new ParameterLayout(spec, new ParameterLayout(spec.classModel()))
                : new ParameterLayout(spec);
    }

    private ParameterLayout(ModelSpec spec, ParameterLayout inner) {
        this.spec = spec;
        this.classLayout = inner;
        LatentClasses lc = spec.latentClasses();
        int classes = lc.count();
        int q = inner.size();
        boolean[] common = new boolean[q];
        List<CoefficientSpec> cs = spec.coefficients();
        for (int i = 0; i < cs.size(); i++) {
            if (lc.isCommon(cs.get(i).attribute())) {
                mark(common, inner.meanIndex[i]);
                mark(common, inner.scaleIndex[i]);
                for (int h = 0; h < cs.get(i).heterogeneity().size(); h++) {
                    mark(common, inner.heterogeneityStart[i] + h);
                }
            }
        }
        int b = inner.blockMembers.length;
        if (b > 0 && lc.isCommon(cs.get(inner.blockMembers[0]).attribute())) {
            for (int a = 0; a < b; a++) {
                for (int c = 0; c <= a; c++) {
                    mark(common, inner.choleskyIndex(a, c));
                }
            }
        }
        List<String> n = new ArrayList<>();
        List<ParameterKind> kind = new ArrayList<>();
        List<Boolean> signed = new ArrayList<>();
        classIndex = new int[classes][q];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < q; j++) {
                if (!common[j]) {
                    classIndex[c][j] = n.size();
                    n.add("class" + (c + 1) + "." + inner.names.get(j));
                    kind.add(inner.kinds.get(j));
                    signed.add(inner.signIdentified[j]);
                }
            }
        }
        for (int j = 0; j < q; j++) {
            if (common[j]) {
                for (int c = 0; c < classes; c++) {
                    classIndex[c][j] = n.size();
                }
                n.add(inner.names.get(j));
                kind.add(inner.kinds.get(j));
                signed.add(inner.signIdentified[j]);
            }
        }
        membershipStart = n.size();
        for (int c = 1; c < classes; c++) {
            n.add("share" + (c + 1) + "." + CONSTANT);
            kind.add(ParameterKind.MEMBERSHIP);
            signed.add(true);
            for (String z : lc.membership()) {
                n.add("share" + (c + 1) + "." + z);
                kind.add(ParameterKind.MEMBERSHIP);
                signed.add(true);
            }
        }
        this.names = Collections.unmodifiableList(n);
        this.kinds = Collections.unmodifiableList(kind);
        this.signIdentified = new boolean[n.size()];
        for (int j = 0; j < signIdentified.length; j++) {
            signIdentified[j] = signed.get(j);
        }
        this.meanIndex = null;
        this.heterogeneityStart = null;
        this.scaleIndex = null;
        this.dimension = null;
        this.blockPosition = null;
        this.blockMembers = null;
        this.choleskyStart = -1;
    }

    private static void mark(boolean[] common, int index) {
        if (index >= 0) {
            common[index] = true;
        }
    }

    private ParameterLayout(ModelSpec spec) {
        this.spec = spec;
        this.classLayout = null;
        this.classIndex = null;
        List<CoefficientSpec> cs = spec.coefficients();
        int k = cs.size();
        List<String> n = new ArrayList<>();
        List<ParameterKind> kind = new ArrayList<>();
        meanIndex = new int[k];
        heterogeneityStart = new int[k];
        scaleIndex = new int[k];
        dimension = new int[k];
        blockPosition = new int[k];
        Arrays.fill(blockPosition, -1);
        blockMembers = new int[spec.correlated().size()];
        for (int i = 0; i < k; i++) {
            CoefficientSpec c = cs.get(i);
            meanIndex[i] = c.hasZeroMean() ? -1 : n.size();
            if (!c.hasZeroMean()) {
                n.add(c.attribute());
                kind.add(ParameterKind.MEAN);
            }
        }
        int d = 0;
        for (int i = 0; i < k; i++) {
            CoefficientSpec c = cs.get(i);
            heterogeneityStart[i] = n.size();
            for (String h : c.heterogeneity()) {
                n.add(c.attribute() + ":" + h);
                kind.add(ParameterKind.HETEROGENEITY);
            }
            dimension[i] = c.isRandom() ? d++ : -1;
            int p = spec.correlated().indexOf(c.attribute());
            if (p >= 0) {
                blockPosition[i] = p;
                blockMembers[p] = i;
            }
        }
        for (int i = 0; i < k; i++) {
            CoefficientSpec c = cs.get(i);
            boolean independentRandom = c.isRandom() && blockPosition[i] < 0;
            scaleIndex[i] = independentRandom ? n.size() : -1;
            if (independentRandom) {
                n.add(c.distribution().scalePrefix() + "." + c.attribute());
                kind.add(ParameterKind.SCALE);
            }
        }
        choleskyStart = n.size();
        membershipStart = -1;
        List<String> block = spec.correlated();
        for (int a = 0; a < block.size(); a++) {
            for (int b = 0; b <= a; b++) {
                n.add("chol." + block.get(a) + ":" + block.get(b));
                kind.add(ParameterKind.CHOLESKY);
            }
        }
        this.names = Collections.unmodifiableList(n);
        this.kinds = Collections.unmodifiableList(kind);
        signIdentified = new boolean[n.size()];
        for (int j = 0; j < signIdentified.length; j++) {
            ParameterKind pk = kind.get(j);
            signIdentified[j] = pk == ParameterKind.MEAN || pk == ParameterKind.HETEROGENEITY;
        }
        for (int i = 0; i < k; i++) {
            if (scaleIndex[i] >= 0) {
                signIdentified[scaleIndex[i]] = cs.get(i).distribution().transform().scaleSignIdentified();
            }
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Number of parameters. */
    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public List<ParameterKind> kinds() {
        return kinds;
    }

    /**
     * False when only the absolute value of parameter j is identified: the scale of a distribution whose sign is
     * not identified (all but the exponential), and the Cholesky elements (a column of L may change sign without
     * changing L L'). Reports, multi-start searches and comparisons of optima use |theta_j| for these.
     */
    public boolean isSignIdentified(int j) {
        return signIdentified[j];
    }

    /** Position of a parameter by name; -1 when absent. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** Number of coefficients (attributes in the model). */
    public int coefficientCount() {
        requireOnePopulation();
        return meanIndex.length;
    }

    /** Index of coefficient k's location parameter, or -1 for a zero-mean component. */
    public int meanIndex(int k) {
        requireOnePopulation();
        return meanIndex[k];
    }

    /** Index of coefficient k's first heterogeneity parameter (there are heterogeneity().size() of them). */
    public int heterogeneityStart(int k) {
        requireOnePopulation();
        return heterogeneityStart[k];
    }

    /** Index of coefficient k's scale parameter, or -1 for fixed coefficients and members of the correlated block. */
    public int scaleIndex(int k) {
        requireOnePopulation();
        return scaleIndex[k];
    }

    /** Draw dimension of coefficient k, or -1 when fixed. */
    public int dimension(int k) {
        requireOnePopulation();
        return dimension[k];
    }

    /** Position of coefficient k in the correlated block, or -1. */
    public int blockPosition(int k) {
        requireOnePopulation();
        return blockPosition[k];
    }

    /** Coefficient indices of the correlated block's members, in block order. */
    public int[] blockMembers() {
        requireOnePopulation();
        return blockMembers.clone();
    }

    public int blockSize() {
        requireOnePopulation();
        return blockMembers.length;
    }

    /** Index of the Cholesky element L(a, b), 0 &lt;= b &lt;= a &lt; blockSize(). */
    public int choleskyIndex(int a, int b) {
        requireOnePopulation();
        if (b > a || a >= blockMembers.length) {
            throw new IllegalArgumentException("No Cholesky element (" + a + ", " + b + ")");
        }
        return choleskyStart + a * (a + 1) / 2 + b;
    }

    /** True for the layout of a latent class model. */
    public boolean isLatentClass() {
        return classLayout != null;
    }

    /** Classes C: 1 for a model of one population. */
    public int classCount() {
        return classLayout == null ? 1 : classIndex.length;
    }

    /** The parameter vector of one class (this layout for a model of one population). */
    public ParameterLayout classLayout() {
        return classLayout == null ? this : classLayout;
    }

    /**
     * The index in this vector of parameter j of {@link #classLayout()} in class c (0-based); a common
     * coefficient's parameters have the same index in every class. For one population, j itself (c = 0).
     */
    public int classIndex(int c, int j) {
        if (classLayout == null) {
            if (c != 0) {
                throw new IllegalArgumentException("class " + c + " of a model of one population");
            }
            return j;
        }
        return classIndex[c][j];
    }

    /** {@link #classIndex} for every parameter of class c's layout. */
    public int[] classIndices(int c) {
        if (classLayout == null) {
            int[] all = new int[size()];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
            return all;
        }
        return classIndex[c].clone();
    }

    /** Index of the first class-share parameter (class 2's constant), or -1 for one population. */
    public int membershipStart() {
        return classLayout == null ? -1 : membershipStart;
    }

    /**
     * Index of class-share parameter z (0 the constant, 1.. the membership characteristics) of class c
     * (1..C-1, 0-based; class 0 is the base and has none).
     */
    public int membershipIndex(int c, int z) {
        int width = spec.latentClasses().membershipWidth();
        if (c < 1 || c >= classCount() || z < 0 || z >= width) {
            throw new IllegalArgumentException("No class-share parameter (" + c + ", " + z + ")");
        }
        return membershipStart + (c - 1) * width + z;
    }

    /**
     * The representative of theta's class of equivalent parameter vectors (the same distribution of the
     * coefficients): every scale whose sign is not identified in absolute value, and each column of the Cholesky
     * factor multiplied by the sign of its diagonal element (a column's sign is free, L L' does not change; within a
     * column the elements' signs relative to the diagonal carry the correlations), so that two estimates compare
     * element by element. A latent class layout applies this to each class's parameters (membership parameters are
     * signed). Not modified; a copy.
     */
    public double[] canonical(double[] theta) {
        double[] out = theta.clone();
        if (classLayout != null) {
            for (int c = 0; c < classCount(); c++) {
                int[] index = classIndices(c);
                double[] own = new double[index.length];
                for (int j = 0; j < own.length; j++) {
                    own[j] = theta[index[j]];
                }
                double[] canonical = classLayout.canonical(own);
                for (int j = 0; j < own.length; j++) {
                    out[index[j]] = canonical[j];
                }
            }
            return out;
        }
        for (int j = 0; j < out.length; j++) {
            if (kinds.get(j) == ParameterKind.SCALE && !signIdentified[j]) {
                out[j] = Math.abs(out[j]);
            }
        }
        int m = blockMembers.length;
        for (int b = 0; b < m; b++) {
            if (out[choleskyIndex(b, b)] < 0) {
                for (int a = b; a < m; a++) {
                    out[choleskyIndex(a, b)] = -out[choleskyIndex(a, b)];
                }
            }
        }
        return out;
    }

    private void requireOnePopulation() {
        if (classLayout != null) {
            throw new IllegalStateException("A latent class layout has no per-coefficient indices: use"
                    + " classLayout() with classIndex(c, j).");
        }
    }

    @Override
    public String toString() {
        return "ParameterLayout" + names;
    }
}
