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
 * Random coefficients use draw dimensions in declaration order. Immutable; the array accessors copy.
 */
public final class ParameterLayout {
    private final ModelSpec spec;
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

    ParameterLayout(ModelSpec spec) {
        this.spec = spec;
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
        return meanIndex.length;
    }

    /** Index of coefficient k's location parameter, or -1 for a zero-mean component. */
    public int meanIndex(int k) {
        return meanIndex[k];
    }

    /** Index of coefficient k's first heterogeneity parameter (there are heterogeneity().size() of them). */
    public int heterogeneityStart(int k) {
        return heterogeneityStart[k];
    }

    /** Index of coefficient k's scale parameter, or -1 for fixed coefficients and members of the correlated block. */
    public int scaleIndex(int k) {
        return scaleIndex[k];
    }

    /** Draw dimension of coefficient k, or -1 when fixed. */
    public int dimension(int k) {
        return dimension[k];
    }

    /** Position of coefficient k in the correlated block, or -1. */
    public int blockPosition(int k) {
        return blockPosition[k];
    }

    /** Coefficient indices of the correlated block's members, in block order. */
    public int[] blockMembers() {
        return blockMembers.clone();
    }

    public int blockSize() {
        return blockMembers.length;
    }

    /** Index of the Cholesky element L(a, b), 0 &lt;= b &lt;= a &lt; blockSize(). */
    public int choleskyIndex(int a, int b) {
        if (b > a || a >= blockMembers.length) {
            throw new IllegalArgumentException("No Cholesky element (" + a + ", " + b + ")");
        }
        return choleskyStart + a * (a + 1) / 2 + b;
    }

    @Override
    public String toString() {
        return "ParameterLayout" + names;
    }
}
