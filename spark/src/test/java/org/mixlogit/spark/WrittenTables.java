package org.mixlogit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares a table the Spark engine wrote (a directory of CSV files with headers, doubles in full precision, rows in
 * the partitions' order) with the CSV file the local engine wrote: the header, then the rows sorted, each cell shown
 * as the local file shows it (whole numbers and labels as they are, doubles as %.10g).
 */
final class WrittenTables {
    private WrittenTables() {
    }

    /** The local CSV file's header, then its rows sorted. */
    static List<String> local(Path file) {
        try {
            List<String> all = new ArrayList<>(Files.readAllLines(file));
            List<String> rows = new ArrayList<>(all.subList(1, all.size()));
            Collections.sort(rows);
            rows.add(0, all.get(0));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Spark table at {@code path} (read back as strings) shown as the local file shows it, rows sorted. */
    static List<String> spark(SparkSession spark, String path) {
        return shown(read(spark, path));
    }

    static Dataset<Row> read(SparkSession spark, String path) {
        return spark.read().option("header", "true").csv(path);
    }

    /** A table of strings shown as the local CSV file shows it, rows sorted after the header. */
    static List<String> shown(Dataset<Row> table) {
        List<String> rows = new ArrayList<>();
        for (Row row : table.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(cell(row.getString(i)));
            }
            rows.add(String.join(",", cells));
        }
        Collections.sort(rows);
        rows.add(0, String.join(",", table.columns()));
        return rows;
    }

    private static String cell(String cell) {
        if (cell.matches("-?\\d+")) {
            return cell;
        }
        try {
            return String.format(Locale.ROOT, "%.10g", Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    /** Every row's cells of the Spark table at {@code path}, as strings. */
    static List<String[]> cells(SparkSession spark, String path) {
        List<String[]> out = new ArrayList<>();
        for (Row row : read(spark, path).collectAsList()) {
            String[] cells = new String[row.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = row.getString(i);
            }
            out.add(cells);
        }
        return out;
    }
}
