package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive maker's two Java commands and its refusals. Making a real archive needs the packaged jars (Java
 * archives no class directory), so the R package's tests do that (test-class-sharing.R: a session started with the
 * archive loads the engine's classes from it and fits the same numbers).
 */
class ClassSharingArchiveTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the training run lists the classes of a small bridge fit; the dump archives them for the jars")
    void commands() {
        ClassSharingArchive a = new ClassSharingArchive(dir.resolve("engine.jsa"), Arrays.asList("/l/a.jar",
                "/l/b.jar"), "/jdk/bin/java");
        String cp = "/l/a.jar" + File.pathSeparator + "/l/b.jar";
        assertEquals(cp, a.classPath());
        Path list = dir.resolve("x.classes");
        assertEquals(Arrays.asList("/jdk/bin/java", "-XX:DumpLoadedClassList=" + list, "-Xshare:auto", "-cp", cp,
                "org.mixlogit.bridge.ClassSharingArchive$Training"), a.trainingCommand(list));
        Path target = dir.resolve("x.tmp");
        assertEquals(Arrays.asList("/jdk/bin/java", "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + target, "-Xlog:cds=off", "-cp", cp), a.dumpCommand(list, target));
        assertEquals(Paths.get(System.getProperty("java.home"), "bin").toString(),
                Paths.get(ClassSharingArchive.currentJava()).getParent().toString());
    }

    @Test
    @DisplayName("a class path without jars, or with a directory, is refused by name")
    void refusals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassSharingArchive(dir.resolve("a.jsa"), Collections.emptyList(), "java"));
        assertTrue(e.getMessage().contains("needs the jars"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ClassSharingArchive(dir.resolve("a.jsa"), Arrays.asList("/l/a.jar", "/l/classes"), "java"));
        assertTrue(e.getMessage().contains("'/l/classes'"), e.getMessage());
    }

    @Test
    @DisplayName("the command line's run: a failure is written to the archive's log, its lock removed, no stamp")
    void runWritesFailureAndRemovesLock() throws Exception {
        Path archive = dir.resolve("engine-x.jsa");
        assertEquals(dir.resolve("engine-x.jsa.java"), ClassSharingArchive.stampOf(archive));
        assertEquals(dir.resolve("engine-x.jsa.log"), ClassSharingArchive.failureOf(archive));
        assertEquals(dir.resolve("engine-x.jsa.lock"), ClassSharingArchive.lockOf(archive));
        Path lock = ClassSharingArchive.lockOf(archive);
        Files.createDirectory(lock);
        Files.write(lock.resolve("owner"), "123 1.5\n".getBytes("UTF-8"));
        String[] args = {archive.toString(), dir.resolve("missing.jar").toString()};
        // a lock another session took over is not this run's to remove
        assertEquals(1, ClassSharingArchive.run(args, "999 2.5"));
        assertTrue(Files.exists(lock.resolve("owner")));
        assertEquals(1, ClassSharingArchive.run(args, null));
        assertTrue(Files.exists(lock.resolve("owner")));
        assertEquals(1, ClassSharingArchive.run(args, "123 1.5"));
        String log = new String(Files.readAllBytes(ClassSharingArchive.failureOf(archive)), "UTF-8");
        assertTrue(log.startsWith("mixlogit: the training run of the class-sharing archive failed"), log);
        assertFalse(Files.exists(ClassSharingArchive.lockOf(archive)));
        assertFalse(Files.exists(ClassSharingArchive.stampOf(archive)));
        assertFalse(Files.exists(archive));
        assertEquals(2, ClassSharingArchive.run(new String[] {archive.toString()}, null));
        assertEquals(System.getProperty("java.home") + " " + System.getProperty("java.vm.version"),
                ClassSharingArchive.currentStamp());
    }

    @Test
    @DisplayName("a failing training run is an error with Java's output, and leaves no archive and no temporary file")
    void failure() throws IOException {
        Path archive = dir.resolve("engine.jsa");
        ClassSharingArchive a = new ClassSharingArchive(archive,
                Collections.singletonList(dir.resolve("missing.jar").toString()), ClassSharingArchive.currentJava());
        IOException e = assertThrows(IOException.class, a::make);
        assertTrue(e.getMessage().startsWith("the training run of the class-sharing archive failed (exit 1)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("ClassSharingArchive$Training"), e.getMessage());
        assertFalse(Files.exists(archive));
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }
}
