package org.mixlogit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The local Spark of a test class: two cores, and up to three attempts per task ({@code local[2,3]}) so that a
 * failed task is retried as on a cluster. One session per test class; stop it after the class.
 */
final class SparkTestSession {
    private SparkTestSession() {
    }

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
