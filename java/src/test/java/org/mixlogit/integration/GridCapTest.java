package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.ResourceLimitException;

/** Every grid family's size is known before it is built, and a grid above the caps is refused at once. */
class GridCapTest {
    @ParameterizedTest(name = "{0} level {1} in {2} dimensions: the count without building bounds the built grid")
    @CsvSource({"sparse, 1, 3", "sparse, 3, 2", "sparse, 5, 2", "sparse, 4, 3", "sparse, 5, 6", "sparse, 8, 3",
        "sparse-gh, 3, 2", "sparse-gh, 5, 3", "sparse-gh, 4, 5"})
    void countWithoutBuilding(String code, int level, int dimension) {
        IntegrationConfig config = IntegrationConfig.of(DrawType.fromCode(code), level);
        double bound = IntegrationRules.nodesPerDecisionMaker(config, dimension);
        int built = IntegrationRules.create(config, dimension).nodeCount();
        // an upper bound: nested rules' count is exact but for nodes whose merged weight cancels
        assertTrue(bound >= built, bound + " < " + built);
        assertTrue(bound <= 2 * built, bound + " vs " + built);
    }

    @Test
    @DisplayName("the nested grid's count is exact where no weight cancels (published sizes: 9, 37 in two dimensions)")
    void publishedSizes() {
        assertEquals(9.0, IntegrationRules.nodesPerDecisionMaker(IntegrationConfig.of(DrawType.SPARSE_GRID, 3), 2));
        assertEquals(9, IntegrationRules.create(IntegrationConfig.of(DrawType.SPARSE_GRID, 3), 2).nodeCount());
        assertEquals(1e6, IntegrationRules.nodesPerDecisionMaker(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 10), 6));
        assertEquals(250.0, IntegrationRules.nodesPerDecisionMaker(IntegrationConfig.of(DrawType.HALTON, 250), 6));
        assertEquals(1.0, IntegrationRules.nodesPerDecisionMaker(IntegrationConfig.of(DrawType.SPARSE_GRID, 9), 0));
    }

    @Test
    @DisplayName("a sparse grid of level 25 in six dimensions is refused before any node is built (the guard only stops a hang), naming size and cap")
    void sparseLevel25() {
        for (DrawType type : new DrawType[] {DrawType.SPARSE_GRID, DrawType.SPARSE_GRID_GH}) {
            ResourceLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThrows(
                    ResourceLimitException.class, () -> IntegrationRules.create(IntegrationConfig.of(type, 25), 6)));
            assertTrue(e.getMessage().contains("level 25 in 6 dimensions"), e.getMessage());
            assertTrue(e.getMessage().contains("cap of " + IntegrationRules.MAX_GRID_NODES), e.getMessage());
            assertTrue(e.getMessage().contains("lower level"), e.getMessage());
            assertThrows(ResourceLimitException.class, () -> new SparseGridRule(IntegrationConfig.of(type, 25), 6));
        }
    }

    @Test
    @DisplayName("a sparse grid with few nodes but a long construction is refused by the work cap")
    void sparseWork() {
        // level 12 in six dimensions: 98,837 nodes, but 6.7 million tensor points to build (about 5 s)
        IntegrationConfig config = IntegrationConfig.of(DrawType.SPARSE_GRID, 13);
        assertTrue(IntegrationRules.nodesPerDecisionMaker(config, 6) < IntegrationRules.MAX_GRID_NODES);
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> IntegrationRules.create(config, 6));
        assertTrue(e.getMessage().contains("tensor-product points to build"), e.getMessage());
        assertTrue(e.getMessage().contains("cap of " + IntegrationRules.MAX_SPARSE_GRID_WORK), e.getMessage());
    }

    @Test
    @DisplayName("a Gauss-Hermite product above the cap (20 points in six dimensions: 64 million) is refused")
    void gaussHermiteProduct() {
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> IntegrationRules.create(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 20), 6));
        assertTrue(e.getMessage().contains("20 points in each of 6 dimensions has 64,000,000 nodes per decision-maker"), e.getMessage());
        assertTrue(e.getMessage().contains("fewer points per dimension or a sparse grid"), e.getMessage());
        assertEquals(1_000_000, IntegrationRules.create(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 10), 6)
                .nodeCount());
    }

    @ParameterizedTest(name = "{0} level 26 in one dimension is a bad level, not a lack of memory")
    @CsvSource({"sparse, nested Genz-Keister", "sparse-gh, Gauss-Hermite", "adaptive-sparse, nested Genz-Keister"})
    void levelBeyondTheRules(String code, String family) {
        // the size check runs before the memory check (NodePlan); a level without rules has no size, and was
        // reported as "Infinity nodes per decision-maker need about unlimited memory"
        IntegrationConfig config = IntegrationConfig.of(DrawType.fromCode(code), 26);
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> IntegrationRules.checkGridSize(config, 1));
        assertEquals("Sparse-grid level 26 (draws " + code + ") is beyond the " + family
                + " rules (at most 25); levels 3 to 12 are usual.", e.getMessage());
    }
}
