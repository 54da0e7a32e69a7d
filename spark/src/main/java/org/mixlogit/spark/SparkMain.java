package org.mixlogit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.mixlogit.MixlogitException;
import org.mixlogit.cli.Main;

/**
 * Entry point of the Spark engine: {@code ./mixlogit estimate ... --engine spark --master 'local[2]'} from the
 * repository, or {@code spark-submit --class org.mixlogit.spark.SparkMain mixlogit-spark.jar estimate ...} on a
 * cluster. Takes the command line's options and three of its own, removed before the command line sees the rest:
 * {@code --master URL} (default: spark-submit's, else {@code local[*]}), {@code --partitions N} (default: Spark's
 * default parallelism) and {@code --format csv|parquet|orc|json} (default: by the extension of {@code --data}).
 * Exit codes are the command line's.
 */
public final class SparkMain {
    /** The commands that read data and run on the engine (the others are the command line's alone). */
    private static final List<String> ENGINE_COMMANDS = List.of("estimate", "shares", "elasticities", "diversion",
            "conditional", "wtp");

    private SparkMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] arguments) {
        List<String> rest = new ArrayList<>(Arrays.asList(arguments));
        String master = take(rest, "master");
        String partitions = take(rest, "partitions");
        String format = take(rest, "format");
        if (!rest.isEmpty() && ENGINE_COMMANDS.contains(rest.get(0)) && !rest.contains("--engine")) {
            rest.add("--engine");
            rest.add("spark");
        }
        SparkSession.Builder builder = SparkSession.builder().appName("mixlogit")
                .config("spark.ui.showConsoleProgress", "false");
        String effective = master != null ? master : new SparkConf().get("spark.master", "local[*]");
        builder.master(effective);
        if (effective.startsWith("local")) {
            // a local Spark talks to itself only
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            int n;
            try {
                n = partitions == null ? spark.sparkContext().defaultParallelism() : Integer.parseInt(partitions);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                System.err.println("mixlogit: --partitions takes a whole number of 1 or more (e.g. two or three per"
                        + " executor core); got '" + partitions + "'.");
                return 2;
            }
            String[] args = rest.toArray(new String[0]);
            SparkEngine engine = new SparkEngine(spark, n, format);
            return Main.guarded(System.err, rest.contains("--debug"), () -> {
                try {
                    return Main.run(args, System.out, System.err, engine);
                } catch (Exception e) { // Spark's job failures are checked exceptions thrown from Scala
                    throw taskCause(e);
                }
            });
        } finally {
            spark.stop();
        }
    }

    /**
     * The mixlogit exception an executor's task threw (bad data, a numerical failure), which Spark wraps in its job
     * failure, so that the driver reports it with the local engine's message and exit code; otherwise the failure
     * itself (as an internal error).
     */
    static RuntimeException taskCause(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MixlogitException) {
                return (MixlogitException) t;
            }
        }
        return failure instanceof RuntimeException ? (RuntimeException) failure
                : new IllegalStateException(failure.getMessage(), failure);
    }

    /** Removes {@code --name VALUE} from the arguments and returns VALUE (null when absent). */
    private static String take(List<String> args, String name) {
        int at = args.indexOf("--" + name);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size()) {
            System.err.println("mixlogit: --" + name + " needs a value.");
            args.remove(at);
            return null;
        }
        String value = args.get(at + 1);
        args.remove(at + 1);
        args.remove(at);
        return value;
    }
}
