package org.mixlogit.bench;

import java.io.IOException;
import java.io.Writer;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.math.NormalQuantile;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The synthetic panel of issue 18, with continuous attributes (so no attribute levels repeat): N decision-makers,
 * T = 10 situations, J = 5 alternatives, K = 5 normal coefficients. The generator is specified exactly so that any
 * program can rebuild the same file: MINSTD ({@code s <- 48271 s mod (2^31 - 1)}, seed 20240601,
 * {@code u = s / (2^31 - 1)}); per decision-maker 5 uniforms give {@code z_k = Phi^-1(u)} and
 * {@code beta_k = mu_k + sigma_k z_k} (mu = (1, -1, 0.5, -0.5, 0.8), sigma = (0.5, 0.8, 0.4, 0.6, 0.3)); per
 * situation 25 uniforms in alternative-major order give {@code x = (floor(2001 u) - 1000) / 500}, 5 more give
 * Gumbel errors {@code -log(-log u)}, and the chosen alternative maximizes {@code x'beta + e}. With N = 1,000 the
 * chosen alternatives (1-based) add up to 29,821.
 *
 * <p>Columns: {@code id} (decision-maker, 1-based), {@code chid} (situation, 1-based over the panel), {@code alt}
 * (1..5), {@code choice} (0/1) and {@code x1..x5}.
 */
public final class SyntheticPanel {
    public static final int SITUATIONS = 10;
    public static final int ALTERNATIVES = 5;
    public static final int COEFFICIENTS = 5;
    static final long SEED = 20240601L;
    private static final long MODULUS = 2147483647L;
    private static final long MULTIPLIER = 48271L;
    private static final double[] MU = {1, -1, 0.5, -0.5, 0.8};
    private static final double[] SIGMA = {0.5, 0.8, 0.4, 0.6, 0.3};

    private final int people;
    /** Chosen alternative (0-based) of every situation. */
    private final byte[] chosen;
    /** Attributes, situation x alternative x coefficient. */
    private final short[] level;

    private SyntheticPanel(int people, byte[] chosen, short[] level) {
        this.people = people;
        this.chosen = chosen;
        this.level = level;
    }

    /** Generates the panel of {@code people} decision-makers (stored as 2 bytes per attribute value). */
    public static SyntheticPanel generate(int people) {
        if (people < 1) {
            throw new IllegalArgumentException("The synthetic panel needs at least 1 decision-maker; got " + people
                    + ".");
        }
        long situations = (long) people * SITUATIONS;
        long cells = situations * ALTERNATIVES * COEFFICIENTS;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The synthetic panel of " + people + " decision-makers has " + cells
                    + " attribute values, more than one Java array holds: use at most "
                    + (Integer.MAX_VALUE - 8) / (SITUATIONS * ALTERNATIVES * COEFFICIENTS) + ".");
        }
        byte[] chosen = new byte[(int) situations];
        short[] level = new short[(int) cells];
        long s = SEED;
        double[] beta = new double[COEFFICIENTS];
        double[] x = new double[ALTERNATIVES * COEFFICIENTS];
        int sit = 0;
        for (int n = 0; n < people; n++) {
            for (int k = 0; k < COEFFICIENTS; k++) {
                s = s * MULTIPLIER % MODULUS;
                beta[k] = MU[k] + SIGMA[k] * NormalQuantile.quantile(s / (double) MODULUS);
            }
            for (int t = 0; t < SITUATIONS; t++, sit++) {
                int base = sit * ALTERNATIVES * COEFFICIENTS;
                for (int c = 0; c < ALTERNATIVES * COEFFICIENTS; c++) {
                    s = s * MULTIPLIER % MODULUS;
                    int l = (int) Math.floor(2001 * (s / (double) MODULUS)) - 1000;
                    level[base + c] = (short) l;
                    x[c] = l / 500.0;
                }
                int best = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < ALTERNATIVES; j++) {
                    s = s * MULTIPLIER % MODULUS;
                    double u = 0;
                    for (int k = 0; k < COEFFICIENTS; k++) {
                        u += x[j * COEFFICIENTS + k] * beta[k];
                    }
                    u += -Math.log(-Math.log(s / (double) MODULUS));
                    if (u > max) {
                        max = u;
                        best = j;
                    }
                }
                chosen[sit] = (byte) best;
            }
        }
        return new SyntheticPanel(people, chosen, level);
    }

    public int people() {
        return people;
    }

    public int rows() {
        return people * SITUATIONS * ALTERNATIVES;
    }

    /** The sum over situations of the chosen alternative, 1-based (29,821 for 1,000 decision-makers). */
    public long chosenSum() {
        long sum = 0;
        for (byte c : chosen) {
            sum += c + 1;
        }
        return sum;
    }

    /** The model that generated the data: x1..x5 normal, independent. */
    public static ModelSpec spec() {
        ModelSpec.Builder b = ModelSpec.builder();
        for (int k = 1; k <= COEFFICIENTS; k++) {
            b.random("x" + k, Distribution.NORMAL);
        }
        return b.build();
    }

    /** The panel as choice data (decision-makers by id, situations by chid). */
    public ChoiceData data() {
        int rows = rows();
        int[] id = new int[rows];
        int[] chid = new int[rows];
        int[] choice = new int[rows];
        double[][] x = new double[COEFFICIENTS][rows];
        for (int i = 0; i < rows; i++) {
            int sit = i / ALTERNATIVES;
            id[i] = sit / SITUATIONS + 1;
            chid[i] = sit + 1;
            choice[i] = chosen[sit] == i % ALTERNATIVES ? 1 : 0;
            for (int k = 0; k < COEFFICIENTS; k++) {
                x[k][i] = level[i * COEFFICIENTS + k] / 500.0;
            }
        }
        org.mixlogit.data.ChoiceDataBuilder b = ChoiceData.builder().situations(chid).decisionMakers(id)
                .chosen(choice);
        for (int k = 0; k < COEFFICIENTS; k++) {
            b.attribute("x" + (k + 1), x[k]);
        }
        return b.build();
    }

    /**
     * Writes the panel as CSV with a header line {@code id,chid,alt,choice,x1,...,x5}; every attribute value is
     * written with the digits that read back to the same double.
     */
    public void write(Writer out) throws IOException {
        StringBuilder line = new StringBuilder(64);
        out.write("id,chid,alt,choice,x1,x2,x3,x4,x5\n");
        int rows = rows();
        for (int i = 0; i < rows; i++) {
            int sit = i / ALTERNATIVES;
            int j = i % ALTERNATIVES;
            line.setLength(0);
            line.append(sit / SITUATIONS + 1).append(',').append(sit + 1).append(',').append(j + 1).append(',')
                    .append(chosen[sit] == j ? 1 : 0);
            for (int k = 0; k < COEFFICIENTS; k++) {
                line.append(',').append(decimal(level[i * COEFFICIENTS + k]));
            }
            out.write(line.append('\n').toString());
        }
    }

    /** l / 500 in its shortest exact decimal form (l / 500 = 2l / 1000), e.g. -1.234, 0.002, 2. */
    static String decimal(int l) {
        return Double.toString(l / 500.0);
    }
}
