package org.mixlogit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fingerprint of the data: blind to the order of the rows, sensitive to every value it covers. */
class DataFingerprintTest {
    private static final List<String> X = Arrays.asList("x", "price");
    private static final List<String> Z = Collections.singletonList("income");

    /** Three decision-makers, one or two situations each, two or three alternatives; rows in the order given. */
    private static ChoiceData data(int[] order, double priceShift, double weight, double income, int chosenRow) {
        int[] situation = {1, 1, 2, 2, 2, 3, 3, 4, 4};
        int[] person = {10, 10, 10, 10, 10, 20, 20, 30, 30};
        int[] alternative = {1, 2, 1, 2, 3, 1, 2, 1, 2};
        double[] chosen = {1, 0, 0, 1, 0, 0, 1, 1, 0};
        if (chosenRow >= 0) {
            chosen[chosenRow - 1] = 0;
            chosen[chosenRow] = 1;
        }
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] price = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5};
        price[3] += priceShift;
        double[] inc = {3, 3, 3, 3, 3, income, income, 9, 9};
        double[] w = {1, 1, 1, 1, 1, weight, weight, 1, 1};
        double[] other = {0, 1, 0, 1, 0, 1, 0, 1, 0};
        int n = order.length;
        int[] s = new int[n];
        int[] p = new int[n];
        long[] a = new long[n];
        double[] c = new double[n];
        double[] xs = new double[n];
        double[] ps = new double[n];
        double[] zs = new double[n];
        double[] ws = new double[n];
        double[] os = new double[n];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            s[i] = situation[r];
            p[i] = person[r];
            a[i] = alternative[r];
            c[i] = chosen[r];
            xs[i] = x[r];
            ps[i] = price[r];
            zs[i] = inc[r];
            ws[i] = w[r];
            os[i] = other[r];
        }
        return ChoiceData.builder().situations(s).decisionMakers(p).alternatives(a).chosen(c).attribute("x", xs)
                .attribute("price", ps).attribute("unused", os).characteristic("income", zs).weights(ws).build();
    }

    private static final int[] IN_ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    @DisplayName("the same data in any row order have the same fingerprint; its counts are the data's")
    void rowOrder() {
        DataFingerprint f = DataFingerprint.of(data(IN_ORDER, 0, 1, 5, -1), X, Z);
        DataFingerprint g = DataFingerprint.of(data(new int[] {8, 3, 0, 5, 2, 7, 1, 6, 4}, 0, 1, 5, -1),
                Arrays.asList("price", "x"), Z);
        assertEquals(f, g);
        assertEquals("", f.difference(g));
        assertEquals(9, f.rows());
        assertEquals(4, f.situations());
        assertEquals(3, f.decisionMakers());
        assertEquals(Arrays.asList("price", "x"), f.attributes());
        assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.sha256());
    }

    @Test
    @DisplayName("an attribute, a characteristic, a weight or a choice that changes changes the checksum")
    void sensitivity() {
        DataFingerprint f = DataFingerprint.of(data(IN_ORDER, 0, 1, 5, -1), X, Z);
        for (ChoiceData changed : Arrays.asList(data(IN_ORDER, 1e-12, 1, 5, -1), data(IN_ORDER, 0, 2, 5, -1),
                data(IN_ORDER, 0, 1, 6, -1), data(IN_ORDER, 0, 1, 5, 1))) {
            DataFingerprint g = DataFingerprint.of(changed, X, Z);
            assertNotEquals(f.sha256(), g.sha256());
            assertTrue(f.difference(g).startsWith("the same numbers of rows, situations and decision-makers but"
                    + " different values"), f.difference(g));
        }
        DataFingerprint fewer = DataFingerprint.of(data(new int[] {0, 1, 2, 3, 4, 5, 6}, 0, 1, 5, -1), X, Z);
        assertEquals("7 rows instead of 9; 3 choice situations instead of 4; 2 decision-makers instead of 3",
                f.difference(fewer));
        DataFingerprint narrower = DataFingerprint.of(data(IN_ORDER, 0, 1, 5, -1), Collections.singletonList("x"), Z);
        assertTrue(f.difference(narrower).startsWith("the columns differ"), f.difference(narrower));
    }
}
