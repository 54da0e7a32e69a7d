package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.ResourceLimitException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * A simulator's memory is estimated before anything is allocated: too much is refused with the figure, the limit
 * and what to change; an optional node cache holds what fits and the other nodes are regenerated (same numbers).
 */
class MemoryPlanTest {
    private static final ChoiceData DATA = ExampleData.electricity();
    private static final ModelSpec SPEC = ModelSpec.builder().random("pf", Distribution.NORMAL)
            .random("cl", Distribution.NORMAL).fixed("loc").fixed("wk").build();
    private static final double[] THETA = {-0.9, 0.3, 0.2, 0.1, 2.0, 1.5};

    private static void assertAdvice(String message) {
        assertTrue(message.startsWith("Not enough memory"), message);
        assertTrue(message.contains("-Xmx8g") && message.contains("options(java.parameters = \"-Xmx8g\")")
                && message.contains("set java_heapmax"), message);
        assertTrue(message.contains("fewer threads"), message);
    }

    @Test
    @DisplayName("a billion draws per decision-maker are refused at once, with the figure, the limit and the advice")
    void billionDraws() {
        ResourceLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThrows(
                ResourceLimitException.class, () -> Simulators.likelihood(DATA, SPEC,
                        IntegrationConfig.of(DrawType.HALTON, 1_000_000_000), 2)));
        assertAdvice(e.getMessage());
        assertTrue(e.getMessage().contains("1,000,000,000 nodes per decision-maker (361 decision-makers, 2 random"
                + " dimension(s))"), e.getMessage());
        assertTrue(e.getMessage().contains("use fewer draws (R = 1000000000 now)"), e.getMessage());
        assertTrue(e.getMessage().contains("GiB"), e.getMessage());
        assertThrows(ResourceLimitException.class, () -> Simulators.shares(DATA, SPEC,
                IntegrationConfig.of(DrawType.HALTON, 1_000_000_000), 2));
        assertThrows(ResourceLimitException.class, () -> Simulators.unconditional(DATA, SPEC,
                IntegrationConfig.of(DrawType.HALTON, 1_000_000_000), 2));
    }

    @Test
    @DisplayName("an injected limit: 200 draws on 2 threads need about 200 KiB of scratch; 100 KiB is refused")
    void injectedLimit() {
        IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, 200);
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> Simulators.likelihood(DATA, SPEC, config.withMemoryLimit(100 << 10), 2));
        assertAdvice(e.getMessage());
        assertTrue(e.getMessage().contains("may use 100.0 KiB"), e.getMessage());
        assertTrue(e.getMessage().contains("for 2 thread(s)"), e.getMessage());
        // one thread needs half the scratch
        try (SimulatedLogLikelihood one = Simulators.likelihood(DATA, SPEC, config.withMemoryLimit(140 << 10), 1)) {
            assertFalse(one.nodesCached());
        }
        assertThrows(ResourceLimitException.class,
                () -> Simulators.likelihood(DATA, SPEC, config.withMemoryLimit(140 << 10), 2));
    }

    @Test
    @DisplayName("a cache that does not fit what the limit leaves is dropped: nodes on demand, the same value bit for bit")
    void cacheDropped() {
        IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, 200);
        double cached;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, config, 2)) {
            assertTrue(ll.nodesCached());
            cached = ll.value(THETA);
        }
        // the cache is 361 x 200 x 3 x 8 = 1.7 MB: a 1 MiB limit holds the scratch but not the cache
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, config.withMemoryLimit(1 << 20), 2)) {
            assertFalse(ll.nodesCached());
            assertEquals(cached, ll.value(THETA), 0.0);
        }
    }

    @Test
    @DisplayName("a budget for part of the nodes caches the first decision-makers and regenerates the others: the same"
            + " value and gradient bit for bit on 1 and 2 threads")
    void partialCache() {
        IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, 200);
        double[] gAll = new double[THETA.length];
        double all;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, config, 2)) {
            assertTrue(ll.nodesCached());
            all = ll.valueAndGradient(THETA, gAll);
        }
        // 200 x 3 x 8 = 4,800 bytes per decision-maker: 500,000 bytes hold 104 of the 361
        for (int threads = 1; threads <= 2; threads++) {
            double[] g = new double[THETA.length];
            try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, config.withCacheBytes(500_000),
                    threads)) {
                assertFalse(ll.nodesCached());
                assertEquals(Double.doubleToLongBits(all), Double.doubleToLongBits(ll.valueAndGradient(THETA, g)));
                assertArrayEquals(gAll, g, 0.0);
            }
        }
    }

    @Test
    @DisplayName("adaptive quadrature's per-person nodes count: 361 people x 20^2 nodes are refused under 3 MiB")
    void adaptivePerPerson() {
        IntegrationConfig config = IntegrationConfig.of(DrawType.ADAPTIVE_GH, 20).withMemoryLimit(3 << 20);
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> Simulators.likelihood(DATA, SPEC, config, THETA, 1));
        assertTrue(e.getMessage().contains("400 nodes per decision-maker"), e.getMessage());
        assertTrue(e.getMessage().contains("fewer points per dimension or a sparse grid"), e.getMessage());
        // the prior-centred form shares one table: it fits
        try (SimulatedLogLikelihood ll = Simulators.unconditional(DATA, SPEC, config, 1)) {
            assertTrue(ll.integrationDescription().contains("400 nodes"), ll.integrationDescription());
        }
    }

    @Test
    @DisplayName("outputs sized by the data are checked too: WTP draws and substitution patterns under a tiny limit")
    void dataSizedOutputs() {
        ModelSpec fixedCost = ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).build();
        double[] theta = {-0.9, 0.3, 1.0};
        IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, 50);
        // scratch fits 64 KiB; 361 x 50 WTP draws (141 KiB) and 4,308 x 16 x 2 substitution terms (1.1 MiB) do not
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, fixedCost, config.withMemoryLimit(64 << 10),
                1)) {
            ResourceLimitException e = assertThrows(ResourceLimitException.class,
                    () -> ll.willingnessToPay(theta, "cl", "pf"));
            assertTrue(e.getMessage().startsWith("Not enough memory: the willingness-to-pay draws (361"
                    + " decision-makers x 50 draws) need 141.0 KiB and this run may use 64.0 KiB"), e.getMessage());
            e = assertThrows(ResourceLimitException.class, () -> ll.substitution(theta, "pf"));
            assertTrue(e.getMessage().contains("the substitution patterns (68928 alternative pairs over 4308"
                    + " situations, twice)"), e.getMessage());
        }
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, fixedCost, config, 1)) {
            assertEquals(361, ll.willingnessToPay(theta, "cl", "pf").individual().length);
        }
    }

    @Test
    @DisplayName("a latent class mixed logit's scratch counts C x R points on every thread: 1 MiB holds one class's, not 4")
    void latentClassPoints() {
        IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, 200).withMemoryLimit(1 << 20);
        ModelSpec classes = SPEC.withLatentClasses(new LatentClasses(4, List.of(), List.of()));
        double oneClass;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, config, 2)) {
            oneClass = ll.value(THETA);
        }
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> Simulators.likelihood(DATA, classes, config, 2));
        assertAdvice(e.getMessage());
        assertTrue(e.getMessage().contains("200 nodes per decision-maker in each of 4 latent classes (361"
                + " decision-makers, 2 random dimension(s))") && e.getMessage().contains("for 2 thread(s)"),
                e.getMessage());
        assertThrows(ResourceLimitException.class, () -> Simulators.shares(DATA, classes, config, 2));
        // one class is the class model: the same value under the same limit
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA,
                SPEC.withLatentClasses(new LatentClasses(1, List.of(), List.of())), config, 2)) {
            assertEquals(oneClass, ll.value(THETA), 1e-9 * Math.abs(oneClass));
        }
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, classes, config.withMemoryLimit(8 << 20), 2)) {
            assertTrue(Double.isFinite(ll.value(new double[ll.parameterCount()])));
        }
    }

    @Test
    @DisplayName("MemoryLimit: the heap's limit keeps a margin; an array past the largest Java array is refused")
    void limits() {
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(MemoryLimit.bytes(0) < max && MemoryLimit.bytes(0) >= max - Math.max(MemoryLimit.MIN_MARGIN_BYTES,
                (long) (MemoryLimit.HEAP_MARGIN * max)));
        assertEquals(12345, MemoryLimit.bytes(12345));
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> MemoryLimit.require("a table", 3e9, Long.MAX_VALUE, "use less"));
        assertTrue(e.getMessage().contains("more than the largest Java array") && e.getMessage().contains("use less"),
                e.getMessage());
    }
}
