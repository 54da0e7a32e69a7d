package org.mixlogit.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ExampleData;

/**
 * The reference data sets of shared/data/README.md, bundled as gzipped long-format test resources next to this
 * class (nothing here reads /work/shared). Each file keeps only the columns the published models use, prepared as
 * the README describes:
 * <ul>
 * <li>{@code yogurt_long.csv.gz}: yogurt_long.csv with brand dummies hiland, weight, yoplait (dannon the base).
 * <li>{@code car100_long.csv.gz}: car100_long.csv with price10k = price / 10000 and opcost10 = opcost / 10 (the
 * conditional logit's scaling), nprice = -price / 10000 and nopcost = -opcost (xlogit's mixed logit notebook).
 * <li>{@code heating_long.csv.gz}: heating_wide.csv reshaped to one row per household and system (ic, oc).
 * <li>{@code train_dutch_long.csv.gz}: train_dutch_wide.csv reshaped to one row per situation and alternative A/B,
 * price in euros (price / 100 x 2.20371) and time in hours (time / 60), as the mlogit vignette scales them.
 * <li>{@code travelmode_long.csv.gz}: travelmode_long.csv with constants asc_train, asc_bus, asc_car (air the base).
 * <li>{@code swissmetro_long.csv.gz}: swissmetro.dat, the standard preparation (PURPOSE 1 or 3, CHOICE not 0: 6,768
 * situations of 752 people; available alternatives only; cost and time / 100; train and Swissmetro cost 0 with a
 * GA pass; constants asc_train, asc_car, Swissmetro the base).
 * <li>{@code artificial_long.csv.gz}: artificial_long.csv unchanged (columns reordered).
 * </ul>
 * The traindata100 set (Hole's traindata.dta) is the bundled Electricity data restricted to ids 1..100.
 */
final class ReferenceData {
    private ReferenceData() {
    }

    /** A bundled gzipped CSV read with the layout. */
    static ChoiceData read(String resource, CsvLayout layout) {
        try (Reader reader = open(resource)) {
            return CsvChoiceDataReader.read(reader, resource, layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 100 respondents of the Electricity data (Hole's traindata.dta: 1,195 situations, 4,780 rows). */
    static ChoiceData traindata100() {
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(ExampleData.openElectricity())) {
            String header = in.readLine();
            text.append(header).append('\n');
            int id = Arrays.asList(header.split(",")).indexOf("id");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (Integer.parseInt(line.split(",")[id]) <= 100) {
                    text.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CsvChoiceDataReader.read(new StringReader(text.toString()), "traindata100",
                ExampleData.electricityLayout());
    }

    /**
     * The Electricity data with two extra columns ntod = -tod and nseas = -seas (mlogit's {@code opposite}), so that
     * lognormal coefficients can carry the negative effects of time-of-day and seasonal rates.
     */
    static ChoiceData electricityWithReversedRates() {
        StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(ExampleData.openElectricity())) {
            String header = in.readLine();
            text.append(header).append(",ntod,nseas\n");
            List<String> names = Arrays.asList(header.split(","));
            int tod = names.indexOf("tod");
            int seas = names.indexOf("seas");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                text.append(line).append(',').append(negate(f[tod])).append(',').append(negate(f[seas])).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvLayout layout = ExampleData.electricityLayout().toBuilder()
                .attributes("pf", "cl", "loc", "wk", "tod", "seas", "ntod", "nseas").build();
        return CsvChoiceDataReader.read(new StringReader(text.toString()), "electricity+ntod,nseas", layout);
    }

    private static String negate(String value) {
        double v = Double.parseDouble(value);
        return v == 0 ? "0" : Double.toString(-v);
    }

    private static Reader open(String resource) throws IOException {
        InputStream in = ReferenceData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Test resource " + resource + " is missing next to "
                    + ReferenceData.class.getName() + ".");
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
    }
}
