package org.mixlogit.bridge;

/**
 * Train's Electricity data (the bridge's bundled CSV) as the whole primitive columns the front ends pass, in file
 * order: the first {@code people} respondents, or all of them. Attributes are column-major in {@link #NAMES} order.
 */
final class ElectricityColumns {
    static final String[] NAMES = {"pf", "cl", "loc", "wk", "tod", "seas"};

    final int[] situation;
    final int[] person;
    final double[] chosen;
    final String[] alternative;
    final double[] attributes;
    /** Rows. */
    final int n;

    /** Every respondent. */
    ElectricityColumns() {
        this(Integer.MAX_VALUE);
    }

    /** Respondents with ids 1 to {@code people}. */
    ElectricityColumns(int people) {
        String[] lines = MixlogitBridge.electricityCsv().trim().split("\\R");
        int count = 0;
        while (count + 1 < lines.length && Integer.parseInt(lines[count + 1].split(",")[1]) <= people) {
            count++;
        }
        n = count;
        situation = new int[n];
        person = new int[n];
        chosen = new double[n];
        alternative = new String[n];
        attributes = new double[n * NAMES.length];
        for (int i = 0; i < n; i++) {
            String[] f = lines[i + 1].split(",");
            chosen[i] = Double.parseDouble(f[0]);
            person[i] = Integer.parseInt(f[1]);
            alternative[i] = f[2];
            for (int k = 0; k < NAMES.length; k++) {
                attributes[k * n + i] = Double.parseDouble(f[3 + k]);
            }
            situation[i] = Integer.parseInt(f[9]);
        }
    }
}
