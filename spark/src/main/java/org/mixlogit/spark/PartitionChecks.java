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

        /** Reads every cell of the rows (in source order) with the command line's rules, keeping the first problem. */
        static Cells of(ColumnRoles roles, Iterator<Tuple2<Row, Long>> rows) {
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
                    reader.check(row._1(), row._2());
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
