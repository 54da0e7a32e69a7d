package org.mixlogit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;

class SyntheticPanelTest {
    @Test
    @DisplayName("issue 18's generator: with N = 1,000 the chosen alternatives (1-based) sum to 29,821")
    void chosenSum() {
        assertEquals(29_821, SyntheticPanel.generate(1000).chosenSum());
    }

    @Test
    @DisplayName("the first decision-maker's first row follows MINSTD from seed 20240601 by hand")
    void firstValues() {
        long s = 20240601L;
        for (int i = 0; i < 6; i++) {
            s = s * 48271 % 2147483647L;
        }
        int expected = (int) Math.floor(2001 * (s / 2147483647.0)) - 1000;
        ChoiceData d = SyntheticPanel.generate(1).data();
        assertEquals(expected / 500.0, d.attributeMatrix()[d.attributeIndex("x1")]);
        assertEquals(50, d.rowCount());
        assertEquals(10, d.situationCount());
    }

    @Test
    @DisplayName("the CSV has a header and one line per row; values are exact decimals of l / 500")
    void csv() throws IOException {
        StringWriter w = new StringWriter();
        SyntheticPanel.generate(2).write(w);
        String[] lines = w.toString().split("\n");
        assertEquals("id,chid,alt,choice,x1,x2,x3,x4,x5", lines[0]);
        assertEquals(1 + 2 * 10 * 5, lines.length);
        assertEquals("0.002", SyntheticPanel.decimal(1));
        assertEquals("-2.0", SyntheticPanel.decimal(-1000));
        assertEquals(-1.234, Double.parseDouble(SyntheticPanel.decimal(-617)));
        assertThrows(IllegalArgumentException.class, () -> SyntheticPanel.generate(0));
    }
}
