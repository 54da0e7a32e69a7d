package org.mixlogit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a command's time goes, for measuring start-up: with the environment variable {@code MIXLOGIT_TIMING} set
 * (to anything), each {@link #mark} prints one line on standard error with the wall time since the process started
 * and the process's CPU time (all threads: workers, JIT compilers, garbage collector) so far, e.g.
 * {@code [timing]   0.412 s wall   0.655 s CPU  data read}; {@link #threads} then splits the CPU time by thread
 * (the JIT's compiler threads, the garbage collector's, the workers, main) where Linux's /proc tells it. Unset, the
 * clock does nothing and costs nothing. It never changes a result, only adds lines on standard error. Immutable.
 */
final class StageClock {
    /** The clock that prints nothing. */
    static final StageClock OFF = new StageClock(null, null);

    private final PrintStream err;
    private final Instant start;

    private StageClock(PrintStream err, Instant start) {
        this.err = err;
        this.start = start;
    }

    /** A clock printing on {@code err} when {@code MIXLOGIT_TIMING} is set, {@link #OFF} otherwise. */
    static StageClock fromEnvironment(PrintStream err) {
        if (System.getenv("MIXLOGIT_TIMING") == null) {
            return OFF;
        }
        // the JVM's own record of its start (milliseconds): the process's start instant that ProcessHandle gives is
        // computed from the boot time, which Linux states in whole seconds, so it can be off by up to a second
        long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        return new StageClock(err, Instant.ofEpochMilli(started));
    }

    /** True when {@link #mark} prints (so that a caller can skip composing a label). */
    boolean isOn() {
        return err != null;
    }

    /** Prints the stage's line (nothing when off). */
    void mark(String stage) {
        if (err == null) {
            return;
        }
        double wall = Duration.between(start, Instant.now()).toNanos() * 1e-9;
        double cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() * 1e-9;
        err.println(String.format(Locale.ROOT, "[timing] %7.3f s wall %7.3f s CPU  %s", wall, cpu, stage));
    }

    /**
     * Prints the CPU time so far of each group of this process's live threads (by Linux's 15-character name,
     * trailing numbers dropped: "C2 CompilerThre", "C1 CompilerThre", "GC Thread", "java" for main, ...), read from
     * /proc/self/task, and the rest of the process's CPU time as "ended threads" (the estimation's workers, once it
     * closed them); nothing when off or where there is no /proc. Clock ticks of 10 ms.
     */
    void threads() {
        if (err == null) {
            return;
        }
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Paths.get("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = new String(Files.readAllBytes(task.resolve("stat")), StandardCharsets.US_ASCII);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[#0-9]+$", "").trim();
                    String[] f = stat.substring(close + 2).split(" ");
                    // after the name: state(0) ... utime(11) stime(12), fields 14 and 15 of proc(5)
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return;
        }
        double process = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() * 1e-9;
        long live = ticks.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[timing] CPU by thread: ended threads"
                + " %.2f s;", Math.max(0, process - live * 0.01)));
        ticks.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.2f s;", e.getKey(), e.getValue() * 0.01)));
        err.println(line);
    }
}
