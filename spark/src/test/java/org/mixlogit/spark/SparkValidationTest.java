package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.io.CsvLayout;

/**
 * Validation runs on the partitions (4 partitions of 25 people each), and the driver reports the problem the local
 * engine reports first, with its message: problems in several partitions are ordered as the local builder checks
 * (the chosen indicator's values before an attribute's, whatever their rows), a situation split between people of
 * different partitions is found, and the checks of the whole data (an attribute that never varies within a
 * situation) come in their place among the others. The reference is the core's builder on the same rows with the
 * same row descriptions. The driver keeps only a summary of valid data.
 */
class SparkValidationTest {
    private static final String SOURCE = "the test frame";
    private static final StructType SCHEMA = new StructType()
            .add("person", DataTypes.LongType).add("task", DataTypes.LongType).add("alt", DataTypes.StringType)
            .add("chosen", DataTypes.DoubleType).add("price", DataTypes.DoubleType)
            .add("flat", DataTypes.DoubleType).add("income", DataTypes.DoubleType);
    private static final CsvLayout LAYOUT = CsvLayout.builder().decisionMaker("person").situation("task")
            .chosen("chosen").alternative("alt").attributes(List.of("price")).characteristics(List.of("income"))
            .build();
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
    }

    /** 100 people, two tasks each (task ids 1..200), bus and car; {@code edit} may change a row. */
    private static List<Object[]> rows(UnaryOperator<Object[]> edit) {
        List<Object[]> rows = new ArrayList<>();
        long task = 0;
        for (long person = 1; person <= 100; person++) {
            for (int t = 0; t < 2; t++) {
                task++;
                for (String alt : new String[] {"bus", "car"}) {
                    double chosen = alt.equals(task % 3 == 0 ? "bus" : "car") ? 1 : 0;
                    Object[] row = {person, task, alt, chosen, 1.0 + task % 7 * (alt.equals("car") ? 2 : 1), 1.0,
                        (double) (person % 5)};
                    rows.add(edit.apply(row));
                }
            }
        }
        return rows;
    }

    /** The message of the local engine's builder on these rows (null when it accepts them). */
    private static String local(List<Object[]> rows, CsvLayout layout) {
        int n = rows.size();
        long[] person = new long[n];
        long[] task = new long[n];
        String[] alt = new String[n];
        double[] chosen = new double[n];
        double[][] columns = new double[3][n];
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            person[i] = (Long) r[0];
            task[i] = (Long) r[1];
            alt[i] = (String) r[2];
            chosen[i] = (Double) r[3];
            for (int c = 0; c < 3; c++) {
                columns[c][i] = (Double) r[4 + c];
            }
        }
        ChoiceDataBuilder b = ChoiceData.builder().rowDescriber(i -> "row " + (i + 1) + " of " + SOURCE)
                .decisionMakers(person).situations(task).alternatives(alt).chosen(chosen);
        for (String a : layout.attributeColumns()) {
            b.attribute(a, columns[a.equals("price") ? 0 : 1]);
        }
        b.characteristic("income", columns[2]);
        try {
            b.build();
            return null;
        } catch (InvalidDataException e) {
            return e.getMessage();
        }
    }

    private static ChoiceData spark(List<Object[]> rows, CsvLayout layout) {
        List<Row> frame = new ArrayList<>();
        for (Object[] r : rows) {
            frame.add(RowFactory.create(r));
        }
        return SparkChoiceData.read(new SparkBackend(spark, 4), spark.createDataFrame(frame, SCHEMA),
                layout, SOURCE);
    }

    /** Spark refuses the rows with the local engine's message, which contains {@code expected}. */
    private static void sameRefusal(List<Object[]> rows, CsvLayout layout, String expected) {
        String local = local(rows, layout);
        assertTrue(local != null && local.contains(expected), local);
        assertEquals(local, assertThrows(InvalidDataException.class, () -> spark(rows, layout)).getMessage());
    }

    @Test
    @DisplayName("valid data: the driver holds a summary (counts and labels), the rows stay on the partitions")
    void summary() {
        ChoiceData data = spark(rows(r -> r), LAYOUT);
        assertTrue(data.isSummary());
        assertEquals(400, data.rowCount());
        assertEquals(200, data.situationCount());
        assertEquals(100, data.decisionMakerCount());
        assertEquals(List.of("bus", "car"), data.alternativeLabels());
        assertThrows(IllegalStateException.class, data::situationStartRef);
    }

    @Test
    @DisplayName("the chosen indicator's bad value (person 80) before price's missing one (person 5, an earlier row)")
    void valuesInBuilderOrder() {
        sameRefusal(rows(r -> {
            if (r[0].equals(5L) && r[2].equals("car")) {
                r[4] = Double.NaN;
            }
            if (r[0].equals(80L) && r[2].equals("bus")) {
                r[3] = 2.0;
            }
            return r;
        }), LAYOUT, "The chosen indicator is 2.0 in row 317 of the test frame");
    }

    @Test
    @DisplayName("a situation split between person 1 and person 90 (different partitions)")
    void splitSituation() {
        sameRefusal(rows(r -> {
            if (r[0].equals(90L) && r[1].equals(179L)) {
                r[1] = 2L;
            }
            return r;
        }), LAYOUT, "Choice situation 2 has rows with different decision-maker ids (1 in row 3 of the test frame,"
                + " 90 in row 357 of the test frame)");
    }

    @Test
    @DisplayName("an attribute constant within every situation (the whole data's check) before a characteristic"
            + " that changes within person 3, and after a situation without a choice (person 99)")
    void wholeDataCheckInItsPlace() {
        CsvLayout withFlat = LAYOUT.withAttributes("price", "flat");
        List<Object[]> changing = rows(r -> {
            if (r[0].equals(3L) && r[1].equals(6L)) {
                r[6] = 9.0;
            }
            return r;
        });
        sameRefusal(changing, withFlat, "Attribute 'flat' takes the same value for every alternative");
        sameRefusal(changing, LAYOUT, "Characteristic 'income' changes within decision-maker 3");
        List<Object[]> noChoice = rows(r -> {
            if (r[0].equals(99L) && r[1].equals(197L)) {
                r[3] = 0.0;
            }
            return r;
        });
        sameRefusal(noChoice, withFlat, "Choice situation 197 has no chosen alternative");
        // flat varies in one situation of the last partition only: the whole data identify it
        List<Object[]> once = rows(r -> {
            if (r[0].equals(100L) && r[2].equals("car")) {
                r[5] = 2.0;
            }
            return r;
        });
        assertEquals(null, local(once, withFlat));
        assertEquals(400, spark(once, withFlat).rowCount());
    }
}
