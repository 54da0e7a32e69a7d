package org.mixlogit.spark;

import java.io.Serializable;
import java.util.Comparator;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.DataProblem;

import scala.Tuple2;

/**
 * The check that all rows of a situation name one decision-maker, over the whole data on Spark (a situation split
 * between decision-makers may span partitions): the first offending row in source order, whose decision-maker
 * differs from that of its situation's first row, reported with the local engine's message.
 */
final class SituationOwners {
    private SituationOwners() {
    }

    /** An offending row: source row, situation, owner, and its situation's first row and owner. */
    private static final class Offence implements Serializable {
        private static final long serialVersionUID = 1L;
        final long row;
        final long situation;
        final long owner;
        final long firstRow;
        final long firstOwner;

        Offence(long row, long situation, long owner, long firstRow, long firstOwner) {
            this.row = row;
            this.situation = situation;
            this.owner = owner;
            this.firstRow = firstRow;
            this.firstOwner = firstOwner;
        }
    }

    /** Orders offences by source row. */
    private static final class ByRow implements Comparator<Offence>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Offence a, Offence b) {
            return Long.compare(a.row, b.row);
        }
    }

    /**
     * @param situation the layout position of the situation id column
     * @param owner the layout position of the decision-maker id column
     * @return the first situation split between decision-makers, or null
     */
    static InvalidDataException firstSplit(JavaPairRDD<Row, Long> indexed, ColumnRoles roles, int situation,
            int owner) {
        JavaPairRDD<Long, Tuple2<Long, Long>> rows = indexed.mapToPair(r -> new Tuple2<>(
                ShardColumns.validId(r._1().get(situation)),
                new Tuple2<>(r._2(), ShardColumns.validId(r._1().get(owner)))));
        JavaPairRDD<Long, Tuple2<Long, Long>> firsts = rows.reduceByKey((a, b) -> a._1() <= b._1() ? a : b);
        JavaRDD<Offence> offences = rows.join(firsts)
                .filter(j -> !j._2()._1()._2().equals(j._2()._2()._2()))
                .map(j -> new Offence(j._2()._1()._1(), j._1(), j._2()._1()._2(), j._2()._2()._1(),
                        j._2()._2()._2()));
        if (offences.isEmpty()) {
            return null;
        }
        Offence o = offences.min(new ByRow());
        return DataProblem.splitSituation(o.situation, o.firstOwner, roles.describe(o.firstRow), o.owner,
                roles.describe(o.row), o.row);
    }
}
