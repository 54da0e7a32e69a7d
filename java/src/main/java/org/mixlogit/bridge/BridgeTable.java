package org.mixlogit.bridge;

import org.mixlogit.postestimation.QuantityTable;

/**
 * A post-estimation table through the facade: one entry per market x alternative (x other alternative for
 * matrices) in parallel arrays of strings and doubles. NaN marks what is undefined or was not computed.
 */
public final class BridgeTable {
    private final QuantityTable table;

    BridgeTable(QuantityTable table) {
        this.table = table;
    }

    public String title() {
        return table.title();
    }

    public String notes() {
        return table.notes();
    }

    public String text() {
        return table.text();
    }

    public double level() {
        return table.level();
    }

    public String[] markets() {
        return table.markets().toArray(new String[0]);
    }

    public String[] alternatives() {
        return table.alternatives().toArray(new String[0]);
    }

    /** The other alternative of matrix entries; empty strings for shares. */
    public String[] others() {
        String[] out = new String[table.size()];
        for (int i = 0; i < out.length; i++) {
            String o = table.others().get(i);
            out[i] = o == null ? "" : o;
        }
        return out;
    }

    public double[] estimates() {
        return table.estimates();
    }

    public double[] standardErrors() {
        return table.standardErrors();
    }

    public double[] lower() {
        return table.lower();
    }

    public double[] upper() {
        return table.upper();
    }

    public double[] krinskyRobbSd() {
        return table.krinskyRobbSd();
    }

    public double[] krinskyRobbLower() {
        return table.krinskyRobbLower();
    }

    public double[] krinskyRobbUpper() {
        return table.krinskyRobbUpper();
    }

    public double[] simulationErrors() {
        return table.simulationErrors();
    }
}
