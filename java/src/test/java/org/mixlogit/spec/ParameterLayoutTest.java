package org.mixlogit.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parameter vector's order and names are as documented. */
class ParameterLayoutTest {

    @Test
    @DisplayName("means, heterogeneity, independent scales, then the Cholesky factor row by row")
    void order() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", "n").random("wk", "u").errorComponent("nest")
                .random("loc", "n").random("tod", "n").correlated("tod", "cl", "loc")
                .heterogeneity("loc", "income", "age").build();
        ParameterLayout layout = spec.layout();
        assertEquals(Arrays.asList("pf", "cl", "wk", "loc", "tod", "loc:income", "loc:age", "spread.wk", "sd.nest",
                "chol.cl:cl", "chol.loc:cl", "chol.loc:loc", "chol.tod:cl", "chol.tod:loc", "chol.tod:tod"),
                layout.names());
        assertEquals(-1, layout.meanIndex(3));
        assertEquals(-1, layout.dimension(0));
        assertEquals(4, layout.dimension(5));
        assertEquals(5, layout.heterogeneityStart(4));
        assertEquals(8, layout.scaleIndex(3));
        assertEquals(-1, layout.scaleIndex(1));
        assertArrayEquals(new int[] {1, 4, 5}, layout.blockMembers());
        assertEquals(12, layout.choleskyIndex(2, 0));
        assertEquals(ParameterKind.CHOLESKY, layout.kinds().get(14));
        assertEquals(ParameterKind.HETEROGENEITY, layout.kinds().get(6));
    }
}
