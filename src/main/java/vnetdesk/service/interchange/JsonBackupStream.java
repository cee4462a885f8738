package vnetdesk.service.interchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import vnetdesk.model.SyntaxException;
import vnetdesk.model.ValidationException;

/**
 * The checked walk over a JSON backup the section readers share: objects whose
 * fields are all known and present once, arrays of objects, attribute maps,
 * strings, whole numbers in a range, booleans, nulls, unsigned indexes written
 * as strings. Every error is a {@link SyntaxException} with the line and column
 * of the offending token and the path of the field
 * ({@code networks[2].addressRanges[0].leases[5].index}).
 */
final class JsonBackupStream {

    private final JsonParser p;
    private final String source;

    JsonBackupStream(JsonParser p, String source) {
        this.p = p;
        this.source = source;
    }

    @FunctionalInterface
    interface FieldReader {
        void read(String name, String path) throws IOException;
    }

    @FunctionalInterface
    interface ElementReader {
        void read(int index) throws IOException;
    }

    @FunctionalInterface
    interface ValueReader<T> {
        T read() throws IOException;
    }

    /** Reads the object at the current token; every field in {@code fields} must appear exactly once. */
    void object(String path, Set<String> fields, FieldReader reader) throws IOException {
        object(path, fields, Set.of(), reader);
    }

    /** As above; the fields in {@code optional} may also be left out. */
    void object(String path, Set<String> fields, Set<String> optional, FieldReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw wrong(path, "an object {...}");
        }
        JsonBackup.Where start = where();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String field = path.equals("the document") ? name : path + "." + name;
            if (!fields.contains(name)) {
                throw error(field + ": unknown field; expected " + String.join(", ", sorted(fields)));
            }
            if (!seen.add(name)) {
                throw error(field + ": the field appears twice");
            }
            p.nextToken();
            reader.read(name, field);
        }
        List<String> missing = sorted(fields);
        missing.removeAll(seen);
        missing.removeAll(optional);
        if (!missing.isEmpty()) {
            throw new SyntaxException(source, start.line(), start.column(), path + ": missing field"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
    }

    void array(String path, ElementReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrong(path, "an array [...]");
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw wrong(path + "[" + i + "]", "an object {...}");
            }
            reader.read(i++);
        }
    }

    Map<String, String> attributes(String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw wrong(path, "an object of attribute names and string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String field = path + "." + name;
            if (out.containsKey(name)) {
                throw error(field + ": the attribute appears twice");
            }
            p.nextToken();
            out.put(name, string(field));
        }
        return out;
    }

    String string(String path) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw wrong(path, "a string in double quotes");
        }
        return p.getText();
    }

    /** An unsigned 64-bit index, which the format writes as a string. */
    String indexString(String path) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            throw error(path + ": expected the index as a string such as \"5\" (indexes are unsigned"
                    + " 64-bit numbers, which JSON numbers cannot carry exactly), found " + found());
        }
        return string(path);
    }

    boolean bool(String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw wrong(path, "true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    int integer(String path, int min, int max) throws IOException {
        String expected = "a whole number from " + min + " to " + max;
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrong(path, expected);
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw wrong(path, expected);
        }
        long v = p.getLongValue();
        if (v < min || v > max) {
            throw wrong(path, expected);
        }
        return (int) v;
    }

    <T> Optional<T> nullOr(ValueReader<T> reader) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(reader.read());
    }

    // ---- messages ---------------------------------------------------------------------------

    JsonBackup.Where where() {
        JsonLocation l = p.currentTokenLocation();
        return new JsonBackup.Where(source, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    SyntaxException wrong(String path, String expected) throws IOException {
        return error(path + ": expected " + expected + ", found " + found());
    }

    SyntaxException error(String message) {
        JsonBackup.Where at = where();
        return new SyntaxException(source, at.line(), at.column(), message);
    }

    /** The current token for a message: its kind and, for scalars, its text (shortened). */
    private String found() throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the document";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + ValidationException.printable(p.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + ValidationException.printable(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> "null";
            default -> "\"" + ValidationException.printable(p.getText()) + "\"";
        };
    }

    private static List<String> sorted(Set<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(null);
        return out;
    }
}
