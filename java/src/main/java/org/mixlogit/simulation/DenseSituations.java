package org.mixlogit.simulation;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.mixlogit.InvalidSpecificationException;

/**
 * Chooses the {@link DenseSituation} of a worker. The Vector API one ({@code VectorDenseSituation}, compiled for
 * Java 17 from {@code src/main/java17}, behind {@link WarmingDenseSituation}) needs Java 17 or later with the
 * incubating module {@code jdk.incubator.vector} in the JVM's boot layer (the launcher adds it for all but small
 * data; R and Stata start their JVMs without it) and SIMD registers of at least four doubles. Where it can run, the
 * system property {@code mixlogit.vector} decides: {@code true} always, {@code false} never, and by default
 * ({@code auto}) when one evaluation has at least {@link #AUTO_TERMS} rows x draws: C2's compilation of the Vector
 * API loops costs about a second of CPU on a compiler thread, and they save about 15% of the portable kernel's
 * time, so they pay for themselves only over a few billion terms. Both give the same bits, so the choice changes
 * speed only.
 */
final class DenseSituations {
    /** The property that forces the Vector API path on ({@code true}) or off ({@code false}). */
    static final String PROPERTY = "mixlogit.vector";
    /** Rows x draws of one evaluation from which {@code auto} chooses the Vector API path. */
    static final long AUTO_TERMS = 250_000_000L;
    private static final String VECTOR_CLASS = "org.mixlogit.simulation.VectorDenseSituation";
    /**
     * The arrays of one double per draw that the Vector API implementation holds ({@code VectorDenseSituation}'s
     * zeros and five spare rows; DenseSituationTest checks it against an instance).
     */
    static final int VECTOR_SCRATCH_ROWS = 6;
    /** The property's text, trimmed and in lower case (immutable). */
    private static final String PROPERTY_TEXT = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);

    /** What the property asks for. */
    enum Choice {
        /** From {@link #AUTO_TERMS} rows x draws per evaluation (the default). */
        AUTO,
        /** Whenever the JVM can run it. */
        TRUE,
        /** Never. */
        FALSE;

        /**
         * The choice a property text names.
         *
         * @throws InvalidSpecificationException for any other text, naming the property and its values
         */
        static Choice of(String text) {
            for (Choice c : values()) {
                if (c.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return c;
                }
            }
            throw new InvalidSpecificationException("The Java system property " + PROPERTY + " is '" + text
                    + "'; it takes true (the Vector API kernel whenever Java can run it), false (never) or auto (the"
                    + " default: for evaluations of at least " + AUTO_TERMS + " rows x draws). Correct or remove"
                    + " -D" + PROPERTY + " in the Java options (MIXLOGIT_JAVA_OPTS for the launcher).");
        }
    }

    /**
     * Whether this JVM can run the Vector API path, decided once, when first asked (so that a JVM that never needs
     * it does not load the Vector API's classes).
     */
    private static final class Usable {
        static final boolean VALUE = vectorUsable();
    }

    private DenseSituations() {
    }

    /**
     * The implementation for a worker of a simulator over {@code rows} rows with {@code draws} draws: the Vector API
     * one behind its warm-up where this JVM can run it and the property's choice (or the size) asks for it, else
     * the portable one.
     *
     * @throws InvalidSpecificationException when the property names no choice
     */
    static DenseSituation create(int draws, long rows) {
        return vectorFor((double) draws * rows) ? new WarmingDenseSituation(new PlainDenseSituation(draws),
                vector(draws)) : new PlainDenseSituation(draws);
    }

    /**
     * How many arrays of one double per draw the implementation that {@link #create} chooses holds: the portable
     * one's, or with the Vector API path (behind its warm-up) both implementations'. For memory plans.
     *
     * @throws InvalidSpecificationException when the property names no choice
     */
    static int scratchRows(int draws, long rows) {
        return scratchRows(vectorFor((double) draws * rows));
    }

    /** As {@link #scratchRows(int, long)}, for the Vector API path or the portable one. */
    static int scratchRows(boolean vector) {
        return vector ? PlainDenseSituation.SCRATCH_ROWS + VECTOR_SCRATCH_ROWS : PlainDenseSituation.SCRATCH_ROWS;
    }

    /**
     * Whether one evaluation of this many rows x draws gets the Vector API path in this JVM.
     *
     * @throws InvalidSpecificationException when the property names no choice
     */
    static boolean vectorFor(double terms) {
        return choose(Choice.of(PROPERTY_TEXT), () -> Usable.VALUE, terms);
    }

    /** Whether this JVM can run the Vector API path at all (Java 17 or later, the module, wide enough registers). */
    static boolean jvmCanRun() {
        return Usable.VALUE;
    }

    /**
     * The rule: never where the JVM cannot run it or the choice is FALSE; always for TRUE; for AUTO from {@link
     * #AUTO_TERMS} rows x draws. Whether the JVM can run it is asked only when the choice and the size call for it.
     */
    static boolean choose(Choice choice, BooleanSupplier usable, double terms) {
        return (choice == Choice.TRUE || choice == Choice.AUTO && terms >= AUTO_TERMS) && usable.getAsBoolean();
    }

    /** In words, for benchmarks: which path an evaluation of this many rows x draws gets. */
    static String describe(double terms) {
        if (vectorFor(terms)) {
            return "Vector API";
        }
        Choice choice = Choice.of(PROPERTY_TEXT);
        return choice != Choice.FALSE && Usable.VALUE ? "portable (" + PROPERTY + "=" + PROPERTY_TEXT
                + ": the Vector API from " + AUTO_TERMS + " rows x draws)" : "portable";
    }

    /** The Vector API implementation; throws when this JVM cannot run it (tests). */
    static DenseSituation vector(int draws) {
        try {
            return (DenseSituation) Class.forName(VECTOR_CLASS).getDeclaredConstructor(int.class).newInstance(draws);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("The Vector API kernel cannot run in this JVM (Java "
                    + Runtime.version().feature() + "; it needs Java 17 or later started with --add-modules "
                    + "jdk.incubator.vector): " + e, e);
        }
    }

    private static boolean vectorUsable() {
        if (Runtime.version().feature() < 17 || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return (Boolean) Class.forName(VECTOR_CLASS).getDeclaredMethod("usable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
