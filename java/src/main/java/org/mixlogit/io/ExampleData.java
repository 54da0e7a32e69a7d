package org.mixlogit.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.mixlogit.data.ChoiceData;

/**
 * Example data bundled with the engine, for documentation, tests and benchmarks.
 *
 * <p><b>Electricity</b> ({@code electricity_long.csv} next to this class): the stated-preference panel of Revelt and
 * Train (households choosing among four electricity suppliers), as used by Train's textbook, Revelt &amp; Train
 * (2000) and Huber &amp; Train (2001). The file is xlogit's {@code examples/data/electricity_long.csv} and is
 * value-identical to R's {@code mlogit::Electricity} (reshaped to long format). 17,232 rows = 4,308 choice
 * situations x 4 alternatives, answered by 361 respondents: an unbalanced panel (most answered 12 situations, the
 * fewest 8). Columns: {@code choice} (1 = chosen), {@code id} (respondent), {@code alt} (1..4), {@code pf} (fixed
 * price, cents/kWh), {@code cl} (contract length, years), {@code loc} (local supplier), {@code wk} (well-known
 * supplier), {@code tod} (time-of-day rates), {@code seas} (seasonal rates), {@code chid} (choice situation).
 *
 * <p><b>Fishing</b> ({@code fishing_long.csv}): sport-fishing mode choice (Herriges and Kling 1999; Cameron and
 * Trivedi 2005), identical to {@code mlogit::Fishing} in long form: 4,728 rows = 1,182 individuals x 4 modes
 * (beach, boat, charter, pier), a cross-section. Columns: {@code id}, {@code alt}, {@code choice}, {@code income},
 * {@code price}, {@code catch}.
 */
public final class ExampleData {
    private static final String ELECTRICITY = "electricity_long.csv";
    private static final String FISHING = "fishing_long.csv";

    private ExampleData() {
    }

    /** Situation {@code chid}, decision-maker {@code id}, chosen {@code choice}; attributes pf cl loc wk tod seas. */
    public static CsvLayout electricityLayout() {
        return CsvLayout.builder().situation("chid").chosen("choice").attributes("pf", "cl", "loc", "wk", "tod", "seas")
                .decisionMaker("id").alternative("alt").build();
    }

    /** The Electricity data read with {@link #electricityLayout()}; every call reads the file afresh. */
    public static ChoiceData electricity() {
        try (Reader reader = openElectricity()) {
            return CsvChoiceDataReader.read(reader, ELECTRICITY, electricityLayout());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot close the bundled " + ELECTRICITY + ": " + e, e);
        }
    }

    /** The raw CSV text of the Electricity data; the caller closes it. */
    public static Reader openElectricity() {
        return open(ELECTRICITY);
    }

    /** The Fishing data: situation (= decision-maker) {@code id}, chosen {@code choice}; attributes price, catch. */
    public static ChoiceData fishing() {
        try (Reader reader = open(FISHING)) {
            return CsvChoiceDataReader.read(reader, FISHING, CsvLayout.of("id", "choice", "price", "catch")
                    .withAlternative("alt"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot close the bundled " + FISHING + ": " + e, e);
        }
    }

    private static Reader open(String name) {
        InputStream in = ExampleData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The bundled " + name + " is missing from the classpath (expected"
                    + " next to " + ExampleData.class.getName() + "): rebuild the mixlogit-core jar.");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
