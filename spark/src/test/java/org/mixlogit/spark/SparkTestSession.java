package org.mixlogit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The local Spark of the tests: two cores, and up to three attempts per task ({@code local[2,3]}) so that a failed
 * task is retried as on a cluster. One session for the whole test JVM (surefire runs every Spark test class in one
 * fork), as Spark's own SharedSparkSession does: starting a session costs seconds, so the classes share it and never
 * stop it; Spark's shutdown hook stops it when the JVM exits. Each test releases the data it distributed.
 */
final class SparkTestSession {
    private SparkTestSession() {
    }

    /** The shared session (created on first use; getOrCreate returns the running one afterwards). */
    static SparkSession start() {
        return SparkSession.builder().appName("mixlogit-test").master("local[2,3]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
