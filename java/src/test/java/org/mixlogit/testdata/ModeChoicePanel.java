package org.mixlogit.testdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mixlogit.data.ChoiceData;

/**
 * Apollo's simulated mode-choice panel (cran/apollo 0.3.8 apollo_modeChoiceData, exported unchanged; bundled as
 * the test resource apollo_modechoice.csv): 500 people, 2 revealed- and 14 stated-preference tasks each, wide
 * format with four alternatives (car, bus, air, rail) and availabilities. {@link #statedPreference} turns the SP
 * rows into long format, one row per available alternative, with the attributes of the Apollo vignette's MNL:
 * constants asc_bus, asc_air, asc_rail (car the base), alternative-specific travel times tt_car, tt_bus, tt_air,
 * tt_rail (minutes) and a generic cost (pounds).
 */
public final class ModeChoicePanel {
    /** Attribute names, in the order of the columns built. */
    public static final List<String> ATTRIBUTES = Arrays.asList("asc_bus", "asc_air", "asc_rail", "tt_car",
            "tt_bus", "tt_air", "tt_rail", "cost");
    private static final String[] MODES = {"car", "bus", "air", "rail"};

    private ModeChoicePanel() {
    }

    /** The SP tasks (7,000 situations of 500 people) in long format; unavailable alternatives dropped. */
    public static ChoiceData statedPreference() {
        List<String[]> rows = new ArrayList<>();
        String[] header;
        try (InputStream in = ModeChoicePanel.class.getResourceAsStream("apollo_modechoice.csv")) {
            if (in == null) {
                throw new IllegalStateException("Test resource apollo_modechoice.csv is missing.");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            header = reader.readLine().split(",");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = Arrays.asList(header);
        int sp = names.indexOf("SP");
        int id = names.indexOf("ID");
        int choice = names.indexOf("choice");
        List<long[]> keys = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<Double> chosen = new ArrayList<>();
        long situation = 0;
        for (String[] r : rows) {
            if (Double.parseDouble(r[sp]) != 1) {
                continue;
            }
            situation++;
            for (int a = 0; a < MODES.length; a++) {
                if (Double.parseDouble(r[names.indexOf("av_" + MODES[a])]) != 1) {
                    continue;
                }
                double[] x = new double[ATTRIBUTES.size()];
                if (a > 0) {
                    x[a - 1] = 1;
                }
                x[3 + a] = Double.parseDouble(r[names.indexOf("time_" + MODES[a])]);
                x[7] = Double.parseDouble(r[names.indexOf("cost_" + MODES[a])]);
                keys.add(new long[] {situation, Long.parseLong(r[id])});
                values.add(x);
                chosen.add(Double.parseDouble(r[choice]) == a + 1 ? 1.0 : 0.0);
            }
        }
        int n = keys.size();
        long[] situations = new long[n];
        long[] people = new long[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            situations[i] = keys.get(i)[0];
            people[i] = keys.get(i)[1];
            y[i] = chosen.get(i);
        }
        org.mixlogit.data.ChoiceDataBuilder builder = ChoiceData.builder().situations(situations)
                .decisionMakers(people).chosen(y);
        for (int k = 0; k < ATTRIBUTES.size(); k++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = values.get(i)[k];
            }
            builder.attribute(ATTRIBUTES.get(k), column);
        }
        return builder.build();
    }
}
