package org.mixlogit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages depend on one another only in the documented direction (docs/architecture.md): every
 * reference from one package of {@code org.mixlogit} to another, by import or by fully qualified name, must be
 * allowed here. A new package must be added here (and to the root package-info and the README) before it compiles
 * into a passing build.
 */
class PackageRulesTest {
    /** Package to the packages it may use (the root package, which holds the exceptions, is open to all). */
    private static final Map<String, Set<String>> ALLOWED = new TreeMap<>();

    static {
        allow("math");
        allow("data");
        allow("optim");
        allow("spec", "math");
        allow("integration", "math");
        allow("inference", "spec");
        allow("io", "data", "spec");
        allow("simulation", "data", "spec", "integration", "math");
        allow("msm", "data", "spec", "integration", "simulation", "optim", "inference", "math");
        allow("latent", "data", "spec", "integration", "simulation", "optim", "inference", "math");
        allow("estimation", "data", "spec", "integration", "simulation", "msm", "latent", "optim", "inference",
                "math");
        allow("postestimation", "data", "spec", "integration", "simulation", "latent", "inference", "estimation",
                "math");
        allow("report", "data", "spec", "integration", "simulation", "msm", "latent", "optim", "inference",
                "estimation", "postestimation", "io", "math");
        String[] engine = {"data", "spec", "integration", "simulation", "msm", "latent", "optim", "inference",
            "estimation", "postestimation", "report", "io", "math"};
        allow("bench", engine);
        allow("bridge", engine);
        String[] command = new String[engine.length + 2];
        System.arraycopy(engine, 0, command, 0, engine.length);
        command[engine.length] = "bench";
        command[engine.length + 1] = "bridge";
        allow("cli", command);
    }

    private static void allow(String pkg, String... uses) {
        ALLOWED.put(pkg, new TreeSet<>(List.of(uses)));
    }

    private static final Pattern REFERENCE = Pattern.compile("org\\.mixlogit\\.([a-z][a-z0-9]*)\\.");

    private static Path sources() {
        Path p = Paths.get("src/main/java/org/mixlogit");
        return Files.isDirectory(p) ? p : Paths.get("java/src/main/java/org/mixlogit");
    }

    @Test
    @DisplayName("every package depends only on the packages its rule allows")
    void dependenciesFollowTheLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources())) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Path relative = sources().relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String pkg = relative.getName(0).toString();
                packages.add(pkg);
                Set<String> allowed = ALLOWED.get(pkg);
                String text = read(file);
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && (allowed == null || !allowed.contains(used))) {
                        violations.add(relative + " uses " + used);
                    }
                }
            }
        }
        assertEquals(ALLOWED.keySet(), packages, "every package has a rule, every rule a package");
        assertTrue(violations.isEmpty(), "package rules broken: " + violations);
    }

    @Test
    @DisplayName("every package has a package-info naming what it may depend on; the root lists every package")
    void packageInfos() throws IOException {
        String root = read(sources().resolve("package-info.java"));
        for (String pkg : ALLOWED.keySet()) {
            Path info = sources().resolve(pkg).resolve("package-info.java");
            assertTrue(Files.exists(info), pkg + " has no package-info.java");
            assertTrue(root.contains("{@code " + pkg + "}"), "the root package-info does not list " + pkg);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
