package org.mixlogit.stata;

/** Labels as Stata names (the parameters' stripes are {@link StataLayout}'s). */
final class Stripes {
    private Stripes() {
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
