package org.mixlogit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.simulation.Simulators;

/**
 * The engine runs on Java 11: every class compiled from {@code src/main/java} has class-file version 55 (Java 11)
 * and none refers to the Vector API, whose classes (compiled from {@code src/main/java17}, version 61) are loaded
 * only by reflection, where the JVM has the module.
 */
class ReleaseLevelTest {
    /** The classes compiled for Java 17 (and their nested classes). */
    private static final Set<String> JAVA17 = Set.of("org/mixlogit/simulation/VectorDenseSituation",
            "org/mixlogit/math/VectorExp");

    @Test
    @DisplayName("class-file version 55 everywhere but the Vector API kernel's classes (61), and no reference to"
            + " jdk.incubator.vector outside them")
    void java11Classes() throws Exception {
        Path root = Paths.get(Simulators.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertTrue(classes.size() > 300, "compiled classes found under " + root + ": " + classes.size());
        int java17 = 0;
        for (Path file : classes) {
            String name = root.relativize(file).toString().replace('\\', '/').replaceAll("(\\$.*)?\\.class$", "");
            byte[] bytes = Files.readAllBytes(file);
            int major = major(bytes);
            if (JAVA17.contains(name)) {
                java17++;
                assertEquals(61, major, name);
            } else {
                assertEquals(55, major, name);
                assertTrue(!new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("jdk/incubator/vector"), name + " refers to the Vector API");
            }
        }
        // with JDK 17 or later the build compiles them (java/pom.xml's vector-api profile)
        if (Runtime.version().feature() >= 17) {
            assertTrue(java17 >= JAVA17.size(), "the Vector API kernel's classes are missing");
        }
    }

    private static int major(byte[] bytes) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes); DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
