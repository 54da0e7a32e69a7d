package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
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
import org.mixlogit.io.CsvLayout;

/**
 * Data from a Spark source are read with the command line's roles and refused with its messages, naming the
 * column, the row and the source: a missing column, a null cell, an id that is not whole, a situation without a
 * chosen alternative; and a frame's rows in any order give the same data.
 */
class SparkDataTest {
    private static SparkSession spark;
    private static final StructType SCHEMA = new StructType()
            .add("person", DataTypes.LongType).add("task", DataTypes.DoubleType)
            .add("alt", DataTypes.StringType).add("chosen", DataTypes.BooleanType)
            .add("price", DataTypes.DoubleType);
    private static final CsvLayout LAYOUT = CsvLayout.builder().decisionMaker("person").situation("task")
            .chosen("chosen").alternative("alt").attributes(List.of("price")).build();

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
    }


    /** Three people, two tasks each, alternatives "bus" and "car"; {@code edit} may change a row. */
    private static Dataset<Row> frame(java.util.function.UnaryOperator<Object[]> edit, boolean reversed) {
        List<Row> rows = new ArrayList<>();
        int task = 0;
        for (long person = 1; person <= 3; person++) {
            for (int t = 0; t < 2; t++) {
                task++;
                for (String alt : new String[] {"bus", "car"}) {
                    boolean chosen = alt.equals(task % 2 == 0 ? "bus" : "car");
                    Object[] row = {person, (double) task, alt, chosen, 1.0 + task * (alt.equals("car") ? 2 : 1)};
                    rows.add(RowFactory.create(edit.apply(row)));
                }
            }
        }
        if (reversed) {
            java.util.Collections.reverse(rows);
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static ChoiceData read(Dataset<Row> frame, CsvLayout layout) {
        return SparkChoiceData.read(new SparkBackend(spark, 2), frame, layout, "the test frame");
    }

    /** The data gathered on the driver (each row at its source position), to compare grouped columns. */
    private static ChoiceData gathered(Dataset<Row> frame, CsvLayout layout) {
        SparkBackend backend = new SparkBackend(spark, 2);
        return SparkChoiceData.gather(backend, SparkChoiceData.read(backend, frame, layout, "the test frame"));
    }

    @Test
    @DisplayName("a missing column names itself, its role and the columns there are")
    void missingColumn() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> read(frame(r -> r, false), LAYOUT.withAttributes("price", "time")));
        assertEquals("Column 'time' (attribute) is not a column of the test frame. Columns in the data: [person, task,"
                + " alt, chosen, price]. Check the spelling.", e.getMessage());
        InvalidDataException c = assertThrows(InvalidDataException.class,
                () -> read(frame(r -> r, false), LAYOUT.withAttributes("Price")));
        assertTrue(c.getMessage().contains("did you mean 'price'?"), c.getMessage());
    }

    @Test
    @DisplayName("a null cell is a missing value naming its column and row")
    void nullCell() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(frame(r -> {
            if (r[1].equals(2.0) && r[2].equals("car")) {
                r[4] = null;
            }
            return r;
        }, false), LAYOUT));
        assertEquals("The attribute column 'price' has a missing value (null) in row 4 of the test frame: remove or"
                + " impute the row's whole choice situation.", e.getMessage());
    }

    @Test
    @DisplayName("an id that is not a whole number is refused as the CSV reader refuses it")
    void fractionalId() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(frame(r -> {
            if (r[1].equals(3.0)) {
                r[1] = 3.5;
            }
            return r;
        }, false), LAYOUT));
        assertTrue(e.getMessage().startsWith("The choice-situation id column 'task' holds \"3.5\" in row 5 of the"
                + " test frame, which is not an integer"), e.getMessage());
    }

    @Test
    @DisplayName("the core's validation runs on the whole data: a situation without a chosen alternative")
    void noChoice() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(frame(r -> {
            if (r[1].equals(4.0)) {
                r[3] = false;
            }
            return r;
        }, false), LAYOUT));
        assertEquals("Choice situation 4 has no chosen alternative (rows starting at row 7 of the test frame):"
                + " exactly one row per situation must have chosen = 1.", e.getMessage());
    }

    @Test
    @DisplayName("rows in any order give the same grouped data")
    void rowOrder() {
        ChoiceData forward = gathered(frame(r -> r, false), LAYOUT);
        ChoiceData backward = gathered(frame(r -> r, true), LAYOUT);
        assertEquals(3, forward.decisionMakerCount());
        assertEquals(List.of("bus", "car"), backward.alternativeLabels());
        assertTrue(java.util.Arrays.equals(forward.attributeMatrix(), backward.attributeMatrix()));
        assertTrue(java.util.Arrays.equals(forward.chosenRowRef(), backward.chosenRowRef()));
    }
}
