package org.mixlogit.stata;

/**
 * Stata column stripes ("equation:name") for the engine's parameters, following Hole's mixlogit: means in
 * equation Mean, standard deviations in SD (named by their variable), Cholesky elements in SD as l11, l21, ...,
 * heterogeneity in equation Het named variable_characteristic.
 */
final class Stripes {
    private Stripes() {
    }

    static String of(String[] names, String[] kinds) {
        StringBuilder b = new StringBuilder();
        int row = 1;
        int column = 1;
        for (int i = 0; i < names.length; i++) {
            String stripe;
            switch (kinds[i]) {
                case "SCALE":
                    stripe = "SD:" + names[i].substring(names[i].indexOf('.') + 1);
                    break;
                case "CHOLESKY":
                    stripe = "SD:l" + row + column;
                    if (column == row) {
                        row++;
                        column = 1;
                    } else {
                        column++;
                    }
                    break;
                case "HETEROGENEITY":
                    stripe = "Het:" + names[i].replace(':', '_');
                    break;
                default:
                    stripe = "Mean:" + names[i];
                    break;
            }
            b.append(i == 0 ? "" : " ").append(stripe);
        }
        return b.toString();
    }

    /**
     * A label (an alternative, a market) as a Stata matrix row or column name: characters other than letters,
     * digits and underscores become underscores, a leading digit gets an underscore in front ("1" becomes "_1"),
     * and the result is cut to 32 characters.
     */
    static String name(String label) {
        String s = label.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "_" + s;
        }
        return s.length() > 32 ? s.substring(0, 32) : s;
    }
}
