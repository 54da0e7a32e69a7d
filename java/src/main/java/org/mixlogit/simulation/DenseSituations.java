package org.mixlogit.simulation;

/**
 * Chooses the {@link DenseSituation} of a worker, once per JVM: the Vector API one ({@code VectorDenseSituation},
 * compiled for Java 17 from {@code src/main/java17}) when this JVM runs Java 17 or later with the incubating module
 * {@code jdk.incubator.vector} in its boot layer (the launcher adds it; R and Stata start their JVMs without it)
 * and SIMD registers of at least four doubles, unless the system property {@code mixlogit.vector} is
 * {@code false}; otherwise {@link PlainDenseSituation}. Both give the same bits, so the choice changes speed only.
 */
final class DenseSituations {
    /** The property that turns the Vector API path off ({@code -Dmixlogit.vector=false}). */
    static final String PROPERTY = "mixlogit.vector";
    private static final String VECTOR_CLASS = "org.mixlogit.simulation.VectorDenseSituation";
    /** Whether this JVM can run the Vector API path, decided when the class loads (immutable). */
    private static final boolean VECTOR = vectorUsable();

    private DenseSituations() {
    }

    /** The chosen implementation for the given number of draws. */
    static DenseSituation create(int draws) {
        return VECTOR ? vector(draws) : new PlainDenseSituation(draws);
    }

    /** Whether {@link #create} gives the Vector API implementation in this JVM. */
    static boolean vectorPath() {
        return VECTOR;
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
        if (!"true".equalsIgnoreCase(System.getProperty(PROPERTY, "true")) || Runtime.version().feature() < 17
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return (Boolean) Class.forName(VECTOR_CLASS).getDeclaredMethod("usable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
