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

    @Test
    @DisplayName("parse gives Double.parseDouble's bits: every accepted cell above, random decimals of 1-20"
            + " significant digits and exponents over the whole range, halfway cases and subnormals")
    void parseMatchesJava() {
        List<String> texts = new ArrayList<>();
        for (String cell : cells()) {
            if (DecimalText.isDecimal(cell)) {
                texts.add(cell);
            }
        }
        texts.addAll(List.of("9007199254740993", "9007199254740992.5", "2.2250738585072011e-308",
                "2.2250738585072012e-308", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
                "1.7976931348623157e308", "1.7976931348623158e308", "1.8e308", "1e-400", "0.1", "0.30000000000000004",
                "123456789012345678901234567890e-10", "-0", "-0.0", "00000.000001000", "1e0000000000000000000022"));
        java.util.Random rnd = new java.util.Random(20261130);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            if (rnd.nextBoolean()) {
                b.append('-');
            }
            int digits = 1 + rnd.nextInt(20);
            int point = rnd.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    b.append('.');
                }
                b.append((char) ('0' + rnd.nextInt(10)));
            }
            if (rnd.nextInt(3) == 0) {
                b.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(660) - 340);
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            assertTrue(DecimalText.isDecimal(text), text);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(DecimalText.parse(text)), text);
        }
    }
}
