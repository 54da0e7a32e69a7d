package org.mixlogit.bridge;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a class-data-sharing archive of the engine's classes for a front end that starts its own JVM (the R package,
 * r-package/R/class-sharing.R), as the command-line launcher makes one for itself: a JVM that finds the engine's
 * classes in such an archive maps them instead of reading, parsing and verifying them from the jars (a first
 * Electricity fit in R: about 0.13 s less CPU). Two JVMs of the Java installation running this class do the work: a
 * training run of a small fit through the bridge, as a front end makes it ({@link Training}), writes the list of the
 * classes it loaded (-XX:DumpLoadedClassList); then -Xshare:dump archives them, with Java's own classes, for the
 * class path given. The archive is written to a temporary file and moved into place, so that a JVM never sees half
 * of one. A static archive, not a dynamic one (-XX:ArchiveClassesAtExit): Java 17's dynamic archive can keep the
 * JIT's "queued for compilation" mark of methods it was compiling, which are then never compiled (JDK-8306460).
 *
 * <p>A JVM uses the archive only when started with {@code -XX:SharedArchiveFile} and a class path that begins with
 * the archive's (the jars, in the same order); one that cannot use it (another Java installation, changed jars)
 * ignores it without a word when its cds logging is off, and runs as without it: an archive never changes a result.
 *
 * <p>Command line: {@code java -cp <jars> org.mixlogit.bridge.ClassSharingArchive <archive> <jar> [<jar> ...]}; the
 * jars in the order of the class path the front end will give its JVM. Next to the archive it keeps: {@code
 * <archive>.java}, the Java installation and version it was made by (written after the archive, so that the two
 * always agree); {@code <archive>.log}, why the last attempt failed; and it removes {@code <archive>.lock}, the
 * directory by which a front end claims the making (r-package/R/class-sharing.R), when it ends either way, if the
 * lock's {@code owner} file holds the system property {@code mixlogit.lock.owner} (so never a lock that another
 * session took over). Exit status 0 when the archive was made.
 */
public final class ClassSharingArchive {
    /** Longest wait for each of the two JVMs. */
    private static final long MINUTES = 10;

    private final Path archive;
    private final List<String> jars;
    private final String java;

    /**
     * @param archive where the archive goes
     * @param jars the class path of the archive, in order (jar files only: Java archives no directory)
     * @param java the {@code java} executable of the installation whose JVMs will use the archive
     */
    public ClassSharingArchive(Path archive, List<String> jars, String java) {
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("A class-sharing archive needs the jars of its class path.");
        }
        for (String jar : jars) {
            if (!jar.endsWith(".jar")) {
                throw new IllegalArgumentException("A class-sharing archive's class path has jars only; got '" + jar
                        + "'.");
            }
        }
        this.archive = archive.toAbsolutePath();
        this.jars = Collections.unmodifiableList(new ArrayList<>(jars));
        this.java = java;
    }

    /** The {@code java} executable of the running JVM's installation. */
    public static String currentJava() {
        String exe = System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
        return Paths.get(System.getProperty("java.home"), "bin", exe).toString();
    }

    /** The class path of the archive, joined with the platform's separator. */
    public String classPath() {
        return String.join(File.pathSeparator, jars);
    }

    /** The training JVM's command: the classes a small fit loads, listed to {@code classList}. */
    List<String> trainingCommand(Path classList) {
        return Arrays.asList(java, "-XX:DumpLoadedClassList=" + classList, "-Xshare:auto", "-cp", classPath(),
                Training.class.getName());
    }

    /** The dumping JVM's command: the listed classes archived to {@code target}. */
    List<String> dumpCommand(Path classList, Path target) {
        return Arrays.asList(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + target, "-Xlog:cds=off", "-cp", classPath());
    }

    /**
     * Runs both JVMs and moves the archive into place.
     *
     * @throws IOException when a JVM fails (its output in the message) or the files cannot be written
     */
    public void make() throws IOException, InterruptedException {
        Path dir = archive.getParent();
        Files.createDirectories(dir);
        String base = archive.getFileName() + "." + ProcessHandle.current().pid();
        Path classList = dir.resolve(base + ".classes");
        Path target = dir.resolve(base + ".tmp");
        try {
            run(trainingCommand(classList), "the training run", dir);
            run(dumpCommand(classList, target), "the dump", dir);
            if (!Files.isRegularFile(target) || Files.size(target) == 0) {
                throw new IOException("Java wrote no class-sharing archive to " + target + ".");
            }
            Files.move(target, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(classList);
            Files.deleteIfExists(target);
        }
    }

    /** Runs one JVM in {@code dir}; its output goes to a temporary file, shown when it fails. */
    private static void run(List<String> command, String what, Path dir) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "mixlogit-cds", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(what + " of the class-sharing archive took more than " + MINUTES
                        + " minutes: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IOException(what + " of the class-sharing archive failed (exit " + p.exitValue() + "): "
                        + String.join(" ", command) + "\n" + new String(Files.readAllBytes(output),
                                StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The file that says which Java installation made {@code archive}: its home and version, one line. */
    public static Path stampOf(Path archive) {
        return sibling(archive, ".java");
    }

    /** The file that says why the last attempt to make {@code archive} failed. */
    public static Path failureOf(Path archive) {
        return sibling(archive, ".log");
    }

    /** The directory whose existence says that a process is making {@code archive}. */
    public static Path lockOf(Path archive) {
        return sibling(archive, ".lock");
    }

    private static Path sibling(Path archive, String suffix) {
        return archive.resolveSibling(archive.getFileName() + suffix);
    }

    /** The running JVM's Java installation and version, as {@link #stampOf} holds them. */
    public static String currentStamp() {
        return System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
    }

    /**
     * Makes the archive named by {@code args[0]} for the jars that follow, with the running JVM's Java; writes its
     * stamp, or on failure the reason to its failure log; either way removes its lock when {@code lockOwner} (the
     * text of the lock's {@code owner} file, which the front end that claimed it wrote; null for none) says it is
     * this run's, and never another's.
     *
     * @return 0 when the archive was made, 1 when not, 2 for a wrong command line
     */
    static int run(String[] args, String lockOwner) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: java -cp <jars> org.mixlogit.bridge.ClassSharingArchive <archive> <jar>...");
            return 2;
        }
        Path archive = Paths.get(args[0]).toAbsolutePath();
        try {
            new ClassSharingArchive(archive, Arrays.asList(args).subList(1, args.length), currentJava()).make();
            Path stamp = stampOf(archive);
            Path partial = sibling(archive, ".java." + ProcessHandle.current().pid());
            Files.write(partial, (currentStamp() + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(partial, stamp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(failureOf(archive));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            Files.write(failureOf(archive), ("mixlogit: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            return 1;
        } finally {
            release(lockOf(archive), lockOwner);
        }
    }

    /** Removes {@code lock} (a directory holding the file {@code owner}) when its owner is {@code lockOwner}. */
    private static void release(Path lock, String lockOwner) throws IOException {
        Path owner = lock.resolve("owner");
        if (lockOwner != null && Files.isRegularFile(owner)
                && new String(Files.readAllBytes(owner), StandardCharsets.UTF_8).trim().equals(lockOwner.trim())) {
            Files.delete(owner);
            Files.deleteIfExists(lock);
        }
    }

    /** The lock's owner comes as the system property {@code mixlogit.lock.owner}. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getProperty("mixlogit.lock.owner")));
    }

    /**
     * The training run: what a front end's session does first, on the bundled Electricity data (its first 100
     * people, so that it takes a few seconds at most): the vocabulary, a fit with six normal coefficients started as
     * a job and awaited, everything the R package collects from it, and its saved form.
     */
    public static final class Training {
        private Training() {
        }

        public static void main(String[] args) throws Exception {
            MixlogitBridge.version();
            MixlogitBridge.vocabulary();
            String[] lines = MixlogitBridge.electricityCsv().trim().split("\\R");
            List<String> header = Arrays.asList(lines[0].split(","));
            String[] names = {"pf", "cl", "loc", "wk", "tod", "seas"};
            int id = header.indexOf("id");
            int rows = 0;
            while (rows + 1 < lines.length && Integer.parseInt(lines[rows + 1].split(",")[id]) <= 100) {
                rows++;
            }
            int[] situation = new int[rows];
            int[] person = new int[rows];
            double[] chosen = new double[rows];
            double[] x = new double[rows * names.length];
            for (int i = 0; i < rows; i++) {
                String[] f = lines[i + 1].split(",");
                chosen[i] = Double.parseDouble(f[header.indexOf("choice")]);
                person[i] = Integer.parseInt(f[id]);
                situation[i] = Integer.parseInt(f[header.indexOf("chid")]);
                for (int k = 0; k < names.length; k++) {
                    x[k * rows + i] = Double.parseDouble(f[header.indexOf(names[k])]);
                }
            }
            StringBuilder spec = new StringBuilder("{\"coefficients\": [");
            for (int k = 0; k < names.length; k++) {
                spec.append(k == 0 ? "" : ", ").append("{\"attribute\": \"").append(names[k])
                        .append("\", \"distribution\": \"n\"}");
            }
            spec.append("]}");
            BridgeFitJob job = BridgeFitJob.start(situation, person, chosen, names, x, new String[0], new double[0],
                    new double[0], new String[0], new String[0], spec.toString(),
                    "{\"R\": 50, \"threads\": 2}");
            while (!job.await(100)) {
                job.progress();
            }
            BridgeFit fit = job.result();
            fit.names();
            fit.estimates();
            fit.covariance(fit.vce());
            fit.statistics();
            fit.statisticNames();
            fit.descriptions();
            fit.descriptionNames();
            fit.derivedNames();
            fit.derivedEstimates();
            fit.derivedStandardErrors();
            fit.integrationCheckNames();
            fit.json();
        }
    }
}
