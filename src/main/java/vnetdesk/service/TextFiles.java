package vnetdesk.service;

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
import vnetdesk.template.TemplateParser;

/**
 * Reads a template or import file as strict UTF-8 text for the CLI and the
 * console alike, refusing anything above a size limit before it is all in
 * memory; every problem is one {@code FILE: cannot read NAME: reason}.
 */
public final class TextFiles {

    /** The template parser's own input limit (16 MiB): a larger file could not be parsed anyway. */
    public static final int MAX_TEMPLATE_BYTES = TemplateParser.MAX_INPUT_BYTES;
    /** 1 GiB for imports: a JSON backup takes about 65 bytes per lease, so this holds a full /8. */
    public static final int MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

    private TextFiles() {
    }

    /** Reads {@code file}, at most {@code maxBytes}. */
    public static String read(Path file, int maxBytes) {
        return read(file, file.toString(), maxBytes);
    }

    /** Reads {@code file}, named {@code name} in messages (as the user typed it), at most {@code maxBytes}. */
    public static String read(Path file, String name, int maxBytes) {
        try {
            if (Files.isDirectory(file)) {
                throw problem(name, "it is a folder");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, name, maxBytes);
            }
        } catch (NoSuchFileException e) {
            throw problem(name, "no such file");
        } catch (AccessDeniedException e) {
            throw problem(name, "permission denied");
        } catch (IOException | InvalidPathException e) {
            throw problem(name, e.getMessage());
        }
    }

    /** Reads a stream (standard input) named {@code name} in messages, at most {@code maxBytes}. */
    public static String read(InputStream in, String name, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw problem(name, e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw problem(name, "larger than " + (maxBytes >> 20) + " MiB");
        }
        return decode(bytes, name);
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
