package vnetdesk.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Says in words why a folder could not be created: the file system's
 * exceptions often carry only the path as their message, which would name
 * the folder twice and the reason not at all.
 */
final class FolderProblems {

    private FolderProblems() {
    }

    /** Why {@code dir} could not be created, given the exception its creation threw. */
    static String whyNotCreated(Path dir, IOException e) {
        Optional<Path> file = fileOnTheWay(dir);
        if (file.isPresent()) {
            return file.get() + " is a file, not a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            // createDirectories makes missing parents, so this is a file system that takes no new folders (/proc)
            return Optional.ofNullable(dir.getParent()).map(p -> p + " does not accept new folders")
                    .orElse("the file system does not accept new folders");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            // the system's own words: "Read-only file system", "No space left on device"
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        String message = Optional.ofNullable(e.getMessage()).orElse("");
        return message.isBlank() || message.equals(dir.toString()) ? e.getClass().getSimpleName() : message;
    }

    /** The first part of {@code dir}'s path that exists and is not a folder, if any. */
    private static Optional<Path> fileOnTheWay(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? Optional.empty() : Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
