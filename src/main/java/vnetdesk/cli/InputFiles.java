package vnetdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import vnetdesk.model.ValidationException;

/**
 * Reads a FILE argument ({@code -} = standard input) as strict UTF-8 text,
 * refusing anything above a size limit before it is all in memory.
 */
final class InputFiles {

    /** 16 MiB: the template parser's own input limit. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** 1 GiB for imports: a JSON backup takes about 65 bytes per lease, so this holds a full /8. */
    static final int MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

    private InputFiles() {
    }

    /** The name errors and parsers use for this argument. */
    static String sourceName(String file) {
        return "-".equals(file) ? "<stdin>" : file;
    }

    static String read(String file, InputStream stdin) {
        return read(file, stdin, MAX_BYTES);
    }

    /** An import file (JSON backup, XML or template), which may be much larger than a template. */
    static String readImport(String file, InputStream stdin) {
        return read(file, stdin, MAX_IMPORT_BYTES);
    }

    private static String read(String file, InputStream stdin, int maxBytes) {
        String name = sourceName(file);
        byte[] bytes;
        try {
            if ("-".equals(file)) {
                bytes = readCapped(stdin, name, maxBytes);
            } else {
                Path p = Path.of(file);
                if (Files.isDirectory(p)) {
                    throw problem(name, "it is a folder");
                }
                try (InputStream in = Files.newInputStream(p)) {
                    bytes = readCapped(in, name, maxBytes);
                }
            }
        } catch (NoSuchFileException e) {
            throw problem(name, "no such file");
        } catch (AccessDeniedException e) {
            throw problem(name, "permission denied");
        } catch (IOException | InvalidPathException e) {
            throw problem(name, e.getMessage());
        }
        return decode(bytes, name);
    }

    private static byte[] readCapped(InputStream in, String name, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw problem(name, "larger than " + (maxBytes >> 20) + " MiB");
        }
        return bytes;
    }

    private static String decode(byte[] bytes, String name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // Editors on some systems start UTF-8 files with a byte order mark; it is not content.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw problem(name, "not UTF-8 text");
        }
    }

    private static ValidationException problem(String name, String reason) {
        return new ValidationException("FILE", "FILE: cannot read " + name + ": " + reason);
    }
}
