package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reason in words for each way creating the inventory folder fails. */
class FolderProblemsTest {

    @TempDir
    Path dir;

    @Test
    void theFileSystemsExceptionsBecomeWords() {
        Path inv = dir.resolve("a").resolve("inv");
        assertEquals("permission denied", FolderProblems.whyNotCreated(inv, new AccessDeniedException(inv.toString())));
        assertEquals(inv.getParent() + " does not accept new folders",
                FolderProblems.whyNotCreated(inv, new NoSuchFileException(inv.toString())));
        assertEquals("read-only file system", FolderProblems.whyNotCreated(inv,
                new FileSystemException(inv.toString(), null, "Read-only file system")));
        assertEquals("IOException", FolderProblems.whyNotCreated(inv, new IOException(inv.toString())));
        assertEquals("disk on fire", FolderProblems.whyNotCreated(inv, new IOException("disk on fire")));
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed() throws Exception {
        Path file = Files.createFile(dir.resolve("plain"));
        Path inv = file.resolve("deeper").resolve("inv");
        assertEquals(file + " is a file, not a folder", FolderProblems.whyNotCreated(inv,
                new FileSystemException(inv.toString(), null, "Not a directory")));
    }
}
