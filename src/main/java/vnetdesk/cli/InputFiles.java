package vnetdesk.cli;

import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import vnetdesk.model.ValidationException;
import vnetdesk.service.TextFiles;

/** A FILE argument of a command: a path, or {@code -} for standard input, read by {@link TextFiles}. */
final class InputFiles {

    static final int MAX_BYTES = TextFiles.MAX_TEMPLATE_BYTES;

    private InputFiles() {
    }

    /** The name errors and parsers use for this argument. */
    static String sourceName(String file) {
        return "-".equals(file) ? "<stdin>" : file;
    }

    static String read(String file, InputStream stdin) {
        return read(file, stdin, TextFiles.MAX_TEMPLATE_BYTES);
    }

    /** An import file (JSON backup, XML or template), which may be much larger than a template. */
    static String readImport(String file, InputStream stdin) {
        return read(file, stdin, TextFiles.MAX_IMPORT_BYTES);
    }

    private static String read(String file, InputStream stdin, int maxBytes) {
        if ("-".equals(file)) {
            return TextFiles.read(stdin, sourceName(file), maxBytes);
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new ValidationException("FILE", "FILE: cannot read " + file + ": " + e.getMessage());
        }
        return TextFiles.read(path, file, maxBytes);
    }
}
