package vnetdesk.service.interchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vnetdesk.model.SyntaxException;
import vnetdesk.model.ValidationException;

/**
 * Reads a JSON backup into {@link JsonBackup} records with a streaming parser,
 * checking the structure: every field known, present once, of the right JSON
 * type and range. Each error is a {@link SyntaxException} with the line and
 * column of the offending token and the path of the field
 * ({@code networks[2].addressRanges[0].leases[5].index}); Jackson's own
 * messages are reworded so no parser internals reach the user.
 */
final class JsonBackupReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Reads the small access section as a tree (networks are streamed: they can hold millions of leases). */
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final Pattern JACKSON_SOURCE = Pattern.compile(
            "\\s*(at )?\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");
    /** Limits messages name the Jackson setting behind them, e.g. ", from `StreamReadConstraints...`". */
    private static final Pattern JACKSON_SETTING = Pattern.compile(",? from `[^`]*`");
    /** Hints about parser features ("enable `JsonReadFeature.X` to allow") mean nothing to a user. */
    private static final Pattern JACKSON_FEATURE = Pattern.compile(
            "\\s*\\([^)]*Feature '[^']*'[^)]*\\)|:?\\s*enable `[^`]*` to allow");

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "access", "networks");
    private static final Set<String> NETWORK_FIELDS = Set.of("id", "uid", "gid", "permissions", "lock", "nextArId",
            "bridgeGenerated", "pickedVlanId", "parentNetworkId", "attributes", "addressRanges");
    private static final Set<String> AR_FIELDS = Set.of("arId", "attributes", "roundRobinCursor", "leases");
    private static final Set<String> LEASE_FIELDS = Set.of("index", "owner");

    private final JsonParser p;
    private final String source;

    private JsonBackupReader(JsonParser p, String source) {
        this.p = p;
        this.source = source;
    }

    /** A backup as read: its networks and, for a whole-inventory backup, the access section. */
    record Document(List<JsonBackup.Network> networks, Optional<JsonBackupAccess.Section> access) {
    }

    /** Reads the whole document; {@code source} names the file in messages. */
    static Document read(String json, String source) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new JsonBackupReader(parser, source).document();
        } catch (JsonProcessingException e) {
            throw translate(e, source);
        } catch (IOException e) {
            // a String source does no I/O; anything else is a parse problem at an unknown place
            throw new SyntaxException(source, 1, 1, "cannot read the JSON document: " + e.getMessage());
        }
    }

    private static SyntaxException translate(JsonProcessingException e, String source) {
        JsonLocation l = e.getLocation();
        int line = l == null ? 1 : Math.max(1, l.getLineNr());
        int column = l == null ? 1 : Math.max(1, l.getColumnNr());
        if (e instanceof JsonEOFException) {
            return new SyntaxException(source, line, column,
                    "the JSON document ends too early (is the file truncated?)");
        }
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        message = JACKSON_SOURCE.matcher(message).replaceAll(" (line $2, column $3)");
        message = JACKSON_SETTING.matcher(message).replaceAll("");
        message = JACKSON_FEATURE.matcher(message).replaceAll("");
        int nl = message.indexOf('\n');
        return new SyntaxException(source, line, column, "malformed JSON: " + (nl < 0 ? message : message.substring(0, nl)));
    }

    private Document document() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw wrong("the document", "a JSON object {\"format\": \"" + JsonBackup.FORMAT + "\", ...}");
        }
        List<JsonBackup.Network> networks = new ArrayList<>();
        List<JsonBackupAccess.Section> access = new ArrayList<>();
        object("the document", ROOT_FIELDS, Set.of("access"), (name, path) -> {
            switch (name) {
                case "format" -> {
                    String format = string(path);
                    if (!format.equals(JsonBackup.FORMAT)) {
                        throw error(path + ": expected \"" + JsonBackup.FORMAT + "\", found \""
                                + ValidationException.printable(format) + "\"; this is not a vnetdesk backup");
                    }
                }
                case "version" -> {
                    int version = integer(path, 0, Integer.MAX_VALUE);
                    if (version != JsonBackup.VERSION) {
                        throw error(path + ": this backup has format version " + version
                                + "; this vnetdesk reads version " + JsonBackup.VERSION);
                    }
                }
                case "access" -> {
                    String place = where().text();
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw wrong(path, "an object {...}");
                    }
                    access.add(JsonBackupAccess.read(TREES.readTree(p), place));
                }
                default -> array(path, i -> networks.add(network(path + "[" + i + "]")));
            }
        });
        if (p.nextToken() != null) {
            throw error("unexpected content after the end of the JSON document");
        }
        return new Document(networks, access.stream().findFirst());
    }

    /** The fields of one network object while it is being read. */
    private static final class NetworkFields {
        int id;
        int uid;
        int gid;
        int nextArId;
        String permissions;
        Optional<String> lock = Optional.empty();
        boolean bridgeGenerated;
        Optional<Integer> pickedVlanId = Optional.empty();
        Optional<Integer> parentNetworkId = Optional.empty();
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<JsonBackup.Ar> addressRanges = new ArrayList<>();
    }

    private JsonBackup.Network network(String path) throws IOException {
        JsonBackup.Where at = where();
        NetworkFields f = new NetworkFields();
        object(path, NETWORK_FIELDS, (name, field) -> {
            switch (name) {
                case "id" -> f.id = integer(field, 0, JsonBackup.MAX_NETWORK_ID);
                case "uid" -> f.uid = integer(field, 0, Integer.MAX_VALUE);
                case "gid" -> f.gid = integer(field, 0, Integer.MAX_VALUE);
                case "nextArId" -> f.nextArId = integer(field, 0, Integer.MAX_VALUE);
                case "permissions" -> f.permissions = string(field);
                case "lock" -> f.lock = nullOr(() -> string(field));
                case "bridgeGenerated" -> f.bridgeGenerated = bool(field);
                case "pickedVlanId" -> f.pickedVlanId = nullOr(() -> integer(field, 1, 16_777_215));
                case "parentNetworkId" -> f.parentNetworkId = nullOr(() -> integer(field, 0, JsonBackup.MAX_NETWORK_ID));
                case "attributes" -> f.attributes.putAll(attributes(field));
                default -> array(field, i -> f.addressRanges.add(addressRange(field + "[" + i + "]")));
            }
        });
        return new JsonBackup.Network(at, f.id, f.uid, f.gid, f.permissions, f.lock, f.nextArId, f.bridgeGenerated,
                f.pickedVlanId, f.parentNetworkId, f.attributes, f.addressRanges);
    }

    /** The fields of one address range object while it is being read. */
    private static final class ArFields {
        int arId;
        Optional<String> roundRobinCursor = Optional.empty();
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<JsonBackup.LeaseEntry> leases = new ArrayList<>();
    }

    private JsonBackup.Ar addressRange(String path) throws IOException {
        JsonBackup.Where at = where();
        ArFields f = new ArFields();
        object(path, AR_FIELDS, (name, field) -> {
            switch (name) {
                case "arId" -> f.arId = integer(field, 0, Integer.MAX_VALUE - 1);
                case "attributes" -> f.attributes.putAll(attributes(field));
                case "roundRobinCursor" -> f.roundRobinCursor = nullOr(() -> indexString(field));
                default -> array(field, i -> f.leases.add(lease(field + "[" + i + "]")));
            }
        });
        return new JsonBackup.Ar(at, f.arId, f.attributes, f.roundRobinCursor, f.leases);
    }

    private JsonBackup.LeaseEntry lease(String path) throws IOException {
        JsonBackup.Where at = where();
        String[] values = new String[2];
        object(path, LEASE_FIELDS, (name, field) -> {
            if (name.equals("index")) {
                values[0] = indexString(field);
            } else {
                values[1] = string(field);
            }
        });
        return new JsonBackup.LeaseEntry(at, values[0], values[1]);
    }

    // ---- generic structure ------------------------------------------------------------------

    @FunctionalInterface
    private interface FieldReader {
        void read(String name, String path) throws IOException;
    }

    @FunctionalInterface
    private interface ElementReader {
        void read(int index) throws IOException;
    }

    @FunctionalInterface
    private interface ValueReader<T> {
        T read() throws IOException;
    }

    /** Reads the object at the current token; every field in {@code fields} must appear exactly once. */
    private void object(String path, Set<String> fields, FieldReader reader) throws IOException {
        object(path, fields, Set.of(), reader);
    }

    /** As above; the fields in {@code optional} may also be left out. */
    private void object(String path, Set<String> fields, Set<String> optional, FieldReader reader) throws IOException {
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

    private void array(String path, ElementReader reader) throws IOException {
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

    private Map<String, String> attributes(String path) throws IOException {
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

    private String string(String path) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw wrong(path, "a string in double quotes");
        }
        return p.getText();
    }

    /** An unsigned 64-bit index, which the format writes as a string. */
    private String indexString(String path) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            throw error(path + ": expected the index as a string such as \"5\" (indexes are unsigned"
                    + " 64-bit numbers, which JSON numbers cannot carry exactly), found " + found());
        }
        return string(path);
    }

    private boolean bool(String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw wrong(path, "true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private int integer(String path, int min, int max) throws IOException {
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

    private <T> Optional<T> nullOr(ValueReader<T> reader) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(reader.read());
    }

    // ---- messages ---------------------------------------------------------------------------

    private JsonBackup.Where where() {
        JsonLocation l = p.currentTokenLocation();
        return new JsonBackup.Where(source, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private SyntaxException wrong(String path, String expected) throws IOException {
        return error(path + ": expected " + expected + ", found " + found());
    }

    private SyntaxException error(String message) {
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
