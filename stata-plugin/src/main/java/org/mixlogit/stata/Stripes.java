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
}
