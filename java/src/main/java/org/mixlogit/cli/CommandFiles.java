package org.mixlogit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mixlogit.io.FileErrors;

/**
 * The files a command reads and writes: no output may be an input or another output (compared as real paths, so
 * that {@code ./d.csv}, {@code d.csv} and a link to it are one file), an output's directory must exist before any
 * work is done, outputs are written to a temporary file in the same directory and then moved into place (no
 * partial file after a failure), and errors give the system's reason. Failures are {@link UsageException}s (exit
 * 2) naming the option.
 */
final class CommandFiles {
    private final Map<String, Path> inputs = new LinkedHashMap<>();
    private final Map<String, Path> outputs = new LinkedHashMap<>();

    /** Adds an input ({@code path} may be null: nothing). */
    CommandFiles input(String option, Path path) {
        if (path != null) {
            inputs.put(option, path);
        }
        return this;
    }

    /** Adds an output ({@code path} may be null: nothing). */
    CommandFiles output(String option, String path) {
        if (path != null) {
            outputs.put(option, Paths.get(path));
        }
        return this;
    }

    /**
     * Refuses an output that is an input or another output, or whose directory does not exist, or that is a
     * directory; call before any work.
     *
     * @throws UsageException naming both options
     */
    void check() {
        Map<String, Path> earlier = new LinkedHashMap<>();
        for (Map.Entry<String, Path> out : outputs.entrySet()) {
            Path target = real(out.getValue());
            for (Map.Entry<String, Path> in : inputs.entrySet()) {
                if (real(in.getValue()).equals(target)) {
                    throw new UsageException(option(out.getKey()) + " " + out.getValue() + " is the same file as "
                            + option(in.getKey()) + " " + in.getValue() + ": an output may never overwrite an input."
                            + " Write it to another file.");
                }
            }
            for (Map.Entry<String, Path> other : earlier.entrySet()) {
                if (real(other.getValue()).equals(target)) {
                    throw new UsageException(option(out.getKey()) + " " + out.getValue() + " is the same file as "
                            + option(other.getKey()) + " " + other.getValue() + ": two outputs cannot share a file."
                            + " Give each its own.");
                }
            }
            earlier.put(out.getKey(), out.getValue());
            Path parent = target.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UsageException("Cannot write " + option(out.getKey()) + " " + out.getValue() + ": no such"
                        + " directory (" + parent + "). Create it first or give another path.");
            }
            if (Files.isDirectory(target)) {
                throw new UsageException("Cannot write " + option(out.getKey()) + " " + out.getValue() + ": is a"
                        + " directory. Give a file name.");
            }
        }
    }

    private static String option(String name) {
        return name.contains(" ") ? name : "--" + name;
    }

    /** The file's real path when it exists, otherwise its normalized absolute path (resolving an existing parent). */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            if (parent != null && Files.exists(parent)) {
                return parent.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            return absolute;
        }
        return absolute;
    }

    /**
     * Writes {@code text} to {@code file} atomically: a temporary file in the same directory, then a move over the
     * target; after a failure no partial file is left.
     *
     * @throws UsageException naming the option and the system's reason
     */
    static void write(String option, String file, String text) {
        Path target = Paths.get(file).toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            Files.write(temporary, text.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UsageException("Cannot write " + option(option) + " " + file + ": "
                    + FileErrors.reason(e, Paths.get(file)) + ".");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the temporary file's own directory refused: nothing more can be done
                }
            }
        }
    }

    /**
     * The UTF-8 text of an input file.
     *
     * @param hint what to do about it, appended to the reason
     * @throws UsageException naming the option and the system's reason
     */
    static String read(String option, Path file, String hint) {
        try {
            if (Files.isDirectory(file)) {
                throw new UsageException("Cannot read " + option(option) + " " + file + ": is a directory, not a"
                        + " file." + hint);
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Cannot read " + option(option) + " " + file + ": " + FileErrors.reason(e, file)
                    + "." + hint);
        }
    }
}
