package org.mixlogit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link DecimalText} accepts exactly what the reader's former regular expressions accepted: every string over an
 * alphabet of signs, digits, points, exponent letters and letters of "inf", up to length 4, and typical cells.
 */
class DecimalTextTest {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITE = Pattern.compile("[+-]?(?i:inf|infinity)");

    private static List<String> cells() {
        List<String> out = new ArrayList<>(List.of("", "0", "3", "-0.5", "+.5", "5.", ".", "1e-3", "1E+30", "2.5e",
                "2.5e+", "e5", "1.2.3", "--1", "+-1", "1e5.5", " 1", "1 ", "0x1p3", "1d", "1f", "NaN", "inf", "-Inf",
                "+INFINITY", "infinit", "infinityy", "Infinity", "٣", "1,5", "123456789012345678901234567890"));
        char[] alphabet = {'+', '-', '.', '0', '7', 'e', 'E', 'i', 'n', 'f'};
        for (int length = 1; length <= 4; length++) {
            for (int count = 0; count < Math.pow(alphabet.length, length); count++) {
                StringBuilder b = new StringBuilder();
                int c = count;
                for (int i = 0; i < length; i++) {
                    b.append(alphabet[c % alphabet.length]);
                    c /= alphabet.length;
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    @DisplayName("the scan and the regular expressions agree on every cell of length <= 4 and on typical ones")
    void agreesWithTheRegularExpressions() {
        List<String> cells = cells();
        int decimals = 0;
        for (String s : cells) {
            assertEquals(DECIMAL.matcher(s).matches(), DecimalText.isDecimal(s), () -> "decimal: \"" + s + "\"");
            assertEquals(INFINITE.matcher(s).matches(), DecimalText.isInfinite(s), () -> "infinite: \"" + s + "\"");
            decimals += DecimalText.isDecimal(s) ? 1 : 0;
        }
        // the alphabet yields both kinds: a scan that accepted or refused everything would fail above
        assertTrue(decimals > 100 && decimals < cells.size() / 2, "decimals among the cells: " + decimals);
    }
}
