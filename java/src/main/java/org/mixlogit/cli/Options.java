package org.mixlogit.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixlogit.estimation.ExecutionConfig;

/** Parsed {@code --name value} / {@code --name=value} options, checked against the options a command knows. */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags;

    private Options(Set<String> flags) {
        this.flags = flags;
    }

    /**
     * @param known options taking a value
     * @param flags options without a value
     */
    static Options parse(String[] args, Set<String> known, Set<String> flags) {
        Options o = new Options(flags);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + a + "': options start with --; see --help.");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("Option --" + name + " takes no value.");
                }
                o.values.put(name, "true");
                continue;
            }
            if (!known.contains(name)) {
                List<String> all = new ArrayList<>(known);
                all.addAll(flags);
                Collections.sort(all);
                if (all.isEmpty()) {
                    throw new UsageException("Unknown option --" + name + ": this command takes no options.");
                }
                throw new UsageException("Unknown option --" + name + ". Known options: --" + String.join(", --", all)
                        + ".");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("Option --" + name + " needs a value.");
                }
                value = args[++i];
            }
            if (o.values.containsKey(name)) {
                throw new UsageException("Option --" + name + " is given twice.");
            }
            o.values.put(name, value);
        }
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return flags.contains(name) && values.containsKey(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name, String what) {
        String v = values.get(name);
        if (v == null || v.trim().isEmpty()) {
            throw new UsageException("Missing --" + name + ": give " + what + ".");
        }
        return v.trim();
    }

    int integer(String name, int fallback, int min) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException("--" + name + " is " + n + ": it must be at least " + min + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + v + "'.");
        }
    }

    /**
     * --threads: 1 to {@link ExecutionConfig#MAX_THREADS}, by default the available processors (at most that).
     */
    int threads() {
        int threads = integer("threads", ExecutionConfig.defaults().threads(), 1);
        if (threads > ExecutionConfig.MAX_THREADS) {
            throw new UsageException("--threads is " + threads + ": use at most " + ExecutionConfig.MAX_THREADS
                    + " (this machine has " + Runtime.getRuntime().availableProcessors() + " processors; the"
                    + " results are the same for any number of threads).");
        }
        return threads;
    }

    long longValue(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + v + "'.");
        }
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not '" + v + "'.");
        }
    }

    /**
     * A comma-separated list, each element trimmed (empty when absent or blank); an empty element ("pf,,cl", "pf,")
     * is a usage error, not skipped: it is usually a name lost in typing.
     */
    List<String> list(String name) {
        String v = values.get(name);
        if (v == null || v.trim().isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",", -1)) {
            if (s.trim().isEmpty()) {
                throw new UsageException("--" + name + " '" + v + "' has an empty element: give names (or values)"
                        + " separated by single commas.");
            }
            out.add(s.trim());
        }
        return out;
    }
}
