package org.mixlogit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlogit.InvalidDataException;

/** File errors give the system's reason, not just the path. */
class FileErrorsTest {
    @Test
    @DisplayName("each kind of failure in words: missing file or directory, permission, directory, other reasons")
    void reasons(@TempDir Path dir) {
        Path missing = dir.resolve("absent.csv");
        assertTrue(FileErrors.reason(new NoSuchFileException(missing.toString()), missing)
                .startsWith("no such file or directory"));
        Path deep = dir.resolve("nodir").resolve("absent.csv");
        assertEquals("no such directory (" + dir.resolve("nodir") + ")",
                FileErrors.reason(new NoSuchFileException(deep.toString()), deep));
        assertEquals("permission denied", FileErrors.reason(new AccessDeniedException(missing.toString()), missing));
        assertEquals("is a directory, not a file", FileErrors.reason(new IOException("Is a directory"), dir));
        assertEquals("no space left on device", FileErrors.reason(new FileSystemException(missing.toString(), null,
                "No space left on device"), missing));
        assertEquals("read-only file system", FileErrors.reason(new IOException("Read-only file system"), null));
    }

    @Test
    @DisplayName("reading data: a missing directory, a directory instead of a file, named with the reason")
    void csvReader(@TempDir Path dir) throws IOException {
        CsvLayout layout = CsvLayout.builder().situation("s").chosen("c").attributes(java.util.Arrays.asList("x"))
                .build();
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> CsvChoiceDataReader.read(dir.resolve("nodir").resolve("d.csv"), layout));
        assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
        Path sub = Files.createDirectory(dir.resolve("data.csv"));
        e = assertThrows(InvalidDataException.class, () -> CsvChoiceDataReader.read(sub, layout));
        assertTrue(e.getMessage().contains("is a directory, not a file"), e.getMessage());
    }
}
