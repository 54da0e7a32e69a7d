package org.mixlogit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.NumericColumn;

class CsvCompactColumnsTest {

    private static void assertSameBits(double[] expected, NumericColumn column) {
        assertEquals(expected.length, column.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(column.get(i)),
                    "value " + i + " (" + expected[i] + ") in " + column);
        }
    }

    @Test
    @DisplayName("the CSV reader stores exact columns compactly and gives the doubles of the text")
    void readerStoresCompactly() {
        String csv = "s,c,a,b,d\n1,1,1,0.002,0.1\n1,0,2,-1.5,0.30000000000000004\n2,0,3,7.25,1e-300\n2,1,4,0.004,2\n";
        ChoiceData data = CsvChoiceDataReader.read(new StringReader(csv), "t.csv",
                CsvLayout.of("s", "c", "a", "b", "d"));
        assertEquals(NumericColumn.Encoding.FLOAT, data.attributeValues(0).encoding());
        assertEquals(NumericColumn.Encoding.DECIMAL, data.attributeValues(1).encoding());
        assertEquals(NumericColumn.Encoding.DOUBLE, data.attributeValues(2).encoding());
        assertSameBits(new double[] {0.002, -1.5, 7.25, 0.004}, data.attributeValues(1));
        assertSameBits(new double[] {0.1, 0.30000000000000004, 1e-300, 2}, data.attributeValues(2));
    }
}
