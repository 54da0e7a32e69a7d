package org.mixlogit.stata;

import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.mixlogit.bridge.MixlogitBridge;

/** Loads the bundled Electricity data into the in-memory Stata, as {@code import delimited} would. */
final class ElectricityInStata {
    static final String[] COLUMNS = {"choice", "id", "alt", "pf", "cl", "loc", "wk", "tod", "seas", "chid"};

    private ElectricityInStata() {
    }

    /** All columns of the CSV, by name (file order). */
    static double[][] columns() {
        String[] lines = MixlogitBridge.electricityCsv().trim().split("\\R");
        double[][] out = new double[COLUMNS.length][lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            for (int c = 0; c < COLUMNS.length; c++) {
                out[c][i - 1] = Double.parseDouble(f[c]);
            }
        }
        return out;
    }

    /** Resets the simulator and defines the variables. */
    static double[][] load() {
        StataSimulator.reset();
        double[][] data = columns();
        for (int c = 0; c < COLUMNS.length; c++) {
            StataSimulator.addNumericVariable(COLUMNS[c], data[c]);
        }
        return data;
    }

    /** Sets the locals the ado-file sets, from defaults (b, V and the optima named {@link InStata#B}, V, OPTIMA) plus the given ones. */
    static void locals(Map<String, String> given) {
        for (String local : PluginOptions.LOCALS) {
            String fallback = local.equals("jm_bname") ? InStata.B : local.equals("jm_Vname") ? InStata.V
                    : local.equals("jm_optname") ? InStata.OPTIMA : "";
            StataSimulator.putLocal(local, given.getOrDefault(local, fallback));
        }
    }
}
