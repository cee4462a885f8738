package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.ValidationException;

/** The file reading shared by the CLI's FILE arguments and the console's "Open file…". */
class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8TextWithoutItsByteOrderMark() throws Exception {
        Path f = dir.resolve("t.tmpl");
        Files.write(f, "\uFEFFNAME = \"réseau\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("NAME = \"réseau\"\n", TextFiles.read(f, TextFiles.MAX_TEMPLATE_BYTES));
    }

    @Test
    void eachProblemIsOneLineNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.tmpl");
        assertEquals("FILE: cannot read " + missing + ": no such file",
                assertThrows(ValidationException.class, () -> TextFiles.read(missing, 100)).getMessage());
        assertEquals("FILE: cannot read " + dir + ": it is a folder",
                assertThrows(ValidationException.class, () -> TextFiles.read(dir, 100)).getMessage());
        Path latin1 = dir.resolve("latin1.tmpl");
        Files.write(latin1, new byte[]{'N', (byte) 0xE9});
        assertEquals("FILE: cannot read " + latin1 + ": not UTF-8 text",
                assertThrows(ValidationException.class, () -> TextFiles.read(latin1, 100)).getMessage());
        Path big = dir.resolve("big.tmpl");
        Files.write(big, new byte[(1 << 20) + 1]);
        assertEquals("FILE: cannot read " + big + ": larger than 1 MiB",
                assertThrows(ValidationException.class, () -> TextFiles.read(big, 1 << 20)).getMessage());
    }
}
