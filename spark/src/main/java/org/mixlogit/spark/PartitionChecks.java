package org.mixlogit.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.DataProblem;
import org.mixlogit.data.DataSummary;
import org.mixlogit.io.CsvLayout;

import scala.Tuple2;

/**
 * What the partitions report of their validation, so that the driver names the problem the local engine would name
 * first ({@link DataProblem}'s canonical order) without holding the data: the first pass's cells (by source row),
 * distinct labels and row count ({@link Cells}), and each shard's first problem from the core's builder (its
 * {@link InvalidDataException#position()}), whether its
 * attributes vary within some situation, and its summary ({@link ShardReport}).
 */
final class PartitionChecks {
    private PartitionChecks() {
    }

    /** The first problem of two in the canonical order (either may be null). */
    static InvalidDataException first(InvalidDataException a, InvalidDataException b) {
        return DataProblem.first(a, b);
    }

    /** One input partition's first pass: its first bad cell, its distinct alternative and market labels, its rows. */
    static final class Cells implements Serializable {
        private static final long serialVersionUID = 1L;
        InvalidDataException problem;
        long rows;
        final TreeSet<String> alternatives = new TreeSet<>();
        final TreeSet<String> markets = new TreeSet<>();

        /**
         * Reads every cell of the rows (in source order) with the command line's rules, keeping the first problem.
         * A row with one more cell than the roles' columns comes from a CSV file: that cell is the text of a line
         * whose number of fields differs from the header's {@code header} columns (null when it does not).
         */
        static Cells of(ColumnRoles roles, int header, Iterator<Tuple2<Row, Long>> rows) {
            List<String> names = roles.names();
            int alternative = -1;
            int market = -1;
            for (int c = 0; c < names.size(); c++) {
                CsvLayout.Role r = roles.role(names.get(c));
                alternative = r == CsvLayout.Role.ALTERNATIVE ? c : alternative;
                market = r == CsvLayout.Role.MARKET ? c : market;
            }
            ShardColumns reader = new ShardColumns(roles);
            Cells out = new Cells();
            while (rows.hasNext()) {
                Tuple2<Row, Long> row = rows.next();
                out.rows++;
                if (out.problem != null) {
                    continue;
                }
                try {
                    Row cells = row._1();
                    if (cells.length() > names.size() && !cells.isNullAt(names.size())) {
                        throw new InvalidDataException("There are " + fields(cells.getString(names.size()))
                                + " fields in " + roles.describe(row._2()) + " but " + header + " columns in the"
                                + " header: every line needs one value per column; look for a missing or extra"
                                + " comma, or quote text that contains commas.");
                    }
                    reader.check(cells, row._2());
                    if (alternative >= 0) {
                        out.alternatives.add(ShardColumns.labelOf(row._1().get(alternative)));
                    }
                    if (market >= 0) {
                        out.markets.add(ShardColumns.labelOf(row._1().get(market)));
                    }
                } catch (InvalidDataException e) {
                    out.problem = DataProblem.at(e.getMessage(), DataProblem.CELL, row._2());
                }
            }
            return out;
        }

        /** The number of comma-separated fields of a CSV line (commas within double quotes do not separate). */
        static int fields(String line) {
            int n = 1;
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    n++;
                }
            }
            return n;
        }

        /** Both partitions' reports together. */
        Cells plus(Cells other) {
            Cells out = new Cells();
            out.problem = first(problem, other.problem);
            out.rows = rows + other.rows;
            out.alternatives.addAll(alternatives);
            out.alternatives.addAll(other.alternatives);
            out.markets.addAll(markets);
            out.markets.addAll(other.markets);
            return out;
        }
    }

    /** One shard's validation: its first problem (or its summary) and which attributes vary in its situations. */
    static final class ShardReport implements Serializable {
        private static final long serialVersionUID = 1L;
        final InvalidDataException problem;
        final boolean[] varies;
        final DataSummary summary;

        ShardReport(InvalidDataException problem, boolean[] varies, DataSummary summary) {
            this.problem = problem;
            this.varies = varies;
            this.summary = summary;
        }
    }

    /**
     * A partition's shard built where it lives and kept there (a cached RDD element, never serialized): the data, or
     * the problem that stopped the build, with its report.
     */
    static final class Built {
        final ChoiceData data;
        final ShardReport report;

        Built(ShardColumns columns) {
            ChoiceData built = null;
            InvalidDataException problem = null;
            try {
                built = columns.build();
            } catch (InvalidDataException e) {
                problem = e;
            }
            this.data = built;
            this.report = new ShardReport(problem, columns.attributeVaries(),
                    built == null ? null : DataSummary.of(built));
        }
    }
}
