package org.mixlogit.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The system's reason a file could not be read or written, in words ("no such file or directory", "permission
 * denied", "is a directory"), for messages that otherwise would give only the path.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * Why {@code e} happened on {@code file}: the operating system's reason, and for a missing file whether its
     * directory is missing too.
     *
     * @param file the file as the user gave it (may be null)
     */
    public static String reason(IOException e, Path file) {
        if (e instanceof NoSuchFileException) {
            Path parent = file == null ? null : file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return "no such directory (" + parent + ")";
            }
            return "no such file or directory (the working directory is " + Paths.get("").toAbsolutePath() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "the file already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a directory that is not empty";
        }
        if (file != null && Files.isDirectory(file)) {
            return "is a directory, not a file";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return lower(((FileSystemException) e).getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : lower(e.getMessage());
    }

    private static String lower(String reason) {
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
