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

import vnetdesk.model.AttributeVector;
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

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "access", "clusters", "hosts",
            "networks", "vms");
    /** What a backup of named networks leaves out; a version 1 backup has no clusters, hosts and VMs. */
    private static final Set<String> OPTIONAL_ROOT_FIELDS = Set.of("access", "clusters", "hosts", "vms");
    private static final Set<String> NETWORK_FIELDS = Set.of("id", "uid", "gid", "permissions", "lock", "nextArId",
            "bridgeGenerated", "pickedVlanId", "parentNetworkId", "attributes", "vectors", "addressRanges");
    private static final Set<String> VECTOR_FIELDS = Set.of("name", "entries");
    private static final Set<String> AR_FIELDS = Set.of("arId", "attributes", "roundRobinCursor", "leases");
    private static final Set<String> LEASE_FIELDS = Set.of("index", "owner");

    private final JsonBackupStream s;
    private final JsonParser p;

    private JsonBackupReader(JsonParser p, String source) {
        this.s = new JsonBackupStream(p, source);
        this.p = p;
    }

    /** A backup as read: its networks and, for a whole-inventory backup, the access section, clusters, hosts and VMs. */
    record Document(List<JsonBackup.Network> networks, Optional<JsonBackupAccess.Section> access,
                    Optional<JsonBackup.VmSection> vms) {
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
            throw s.wrong("the document", "a JSON object {\"format\": \"" + JsonBackup.FORMAT + "\", ...}");
        }
        List<JsonBackup.Network> networks = new ArrayList<>();
        List<JsonBackupAccess.Section> access = new ArrayList<>();
        List<JsonBackup.ClusterEntry> clusters = new ArrayList<>();
        List<JsonBackup.HostEntry> hosts = new ArrayList<>();
        List<JsonBackup.VmEntry> vms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        s.object("the document", ROOT_FIELDS, OPTIONAL_ROOT_FIELDS, (name, path) -> {
            seen.add(name);
            switch (name) {
                case "format" -> {
                    String format = s.string(path);
                    if (!format.equals(JsonBackup.FORMAT)) {
                        throw s.error(path + ": expected \"" + JsonBackup.FORMAT + "\", found \""
                                + ValidationException.printable(format) + "\"; this is not a vnetdesk backup");
                    }
                }
                case "version" -> {
                    int version = s.integer(path, 0, Integer.MAX_VALUE);
                    if (version < JsonBackup.OLDEST_VERSION || version > JsonBackup.VERSION) {
                        throw s.error(path + ": this backup has format version " + version
                                + "; this vnetdesk reads versions " + JsonBackup.OLDEST_VERSION + " to "
                                + JsonBackup.VERSION);
                    }
                }
                case "access" -> {
                    String place = s.where().text();
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw s.wrong(path, "an object {...}");
                    }
                    access.add(JsonBackupAccess.read(TREES.readTree(p), place));
                }
                case "clusters" -> clusters.addAll(JsonBackupVms.readClusters(s, path));
                case "hosts" -> hosts.addAll(JsonBackupVms.readHosts(s, path));
                case "vms" -> vms.addAll(JsonBackupVms.readVms(s, path));
                default -> s.array(path, i -> networks.add(network(path + "[" + i + "]")));
            }
        });
        if (p.nextToken() != null) {
            throw s.error("unexpected content after the end of the JSON document");
        }
        boolean hasVms = seen.contains("clusters") || seen.contains("hosts") || seen.contains("vms");
        return new Document(networks, access.stream().findFirst(), hasVms
                ? Optional.of(new JsonBackup.VmSection(clusters, hosts, vms)) : Optional.empty());
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
        final List<AttributeVector> vectors = new ArrayList<>();
        final List<JsonBackup.Ar> addressRanges = new ArrayList<>();
    }

    private JsonBackup.Network network(String path) throws IOException {
        JsonBackup.Where at = s.where();
        NetworkFields f = new NetworkFields();
        s.object(path, NETWORK_FIELDS, Set.of("vectors"), (name, field) -> {
            switch (name) {
                case "id" -> f.id = s.integer(field, 0, JsonBackup.MAX_ID);
                case "uid" -> f.uid = s.integer(field, 0, Integer.MAX_VALUE);
                case "gid" -> f.gid = s.integer(field, 0, Integer.MAX_VALUE);
                case "nextArId" -> f.nextArId = s.integer(field, 0, Integer.MAX_VALUE);
                case "permissions" -> f.permissions = s.string(field);
                case "lock" -> f.lock = s.nullOr(() -> s.string(field));
                case "bridgeGenerated" -> f.bridgeGenerated = s.bool(field);
                case "pickedVlanId" -> f.pickedVlanId = s.nullOr(() -> s.integer(field, 1, 16_777_215));
                case "parentNetworkId" -> f.parentNetworkId = s.nullOr(() -> s.integer(field, 0, JsonBackup.MAX_ID));
                case "attributes" -> f.attributes.putAll(s.attributes(field));
                case "vectors" -> s.array(field, i -> f.vectors.add(vector(field + "[" + i + "]")));
                default -> s.array(field, i -> f.addressRanges.add(addressRange(field + "[" + i + "]")));
            }
        });
        return new JsonBackup.Network(at, f.id, f.uid, f.gid, f.permissions, f.lock, f.nextArId, f.bridgeGenerated,
                f.pickedVlanId, f.parentNetworkId, f.attributes, f.vectors, f.addressRanges);
    }

    /** One kept template vector: its name and its entries. */
    private AttributeVector vector(String path) throws IOException {
        String[] name = new String[1];
        Map<String, String> entries = new LinkedHashMap<>();
        s.object(path, VECTOR_FIELDS, (field, at) -> {
            if (field.equals("name")) {
                name[0] = s.string(at);
            } else {
                entries.putAll(s.attributes(at));
            }
        });
        try {
            return new AttributeVector(name[0], entries);
        } catch (ValidationException e) {
            throw s.error(path + ": " + e.getMessage());
        }
    }

    /** The fields of one address range object while it is being read. */
    private static final class ArFields {
        int arId;
        Optional<String> roundRobinCursor = Optional.empty();
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<JsonBackup.LeaseEntry> leases = new ArrayList<>();
    }

    private JsonBackup.Ar addressRange(String path) throws IOException {
        JsonBackup.Where at = s.where();
        ArFields f = new ArFields();
        s.object(path, AR_FIELDS, (name, field) -> {
            switch (name) {
                case "arId" -> f.arId = s.integer(field, 0, Integer.MAX_VALUE - 1);
                case "attributes" -> f.attributes.putAll(s.attributes(field));
                case "roundRobinCursor" -> f.roundRobinCursor = s.nullOr(() -> s.indexString(field));
                default -> s.array(field, i -> f.leases.add(lease(field + "[" + i + "]")));
            }
        });
        return new JsonBackup.Ar(at, f.arId, f.attributes, f.roundRobinCursor, f.leases);
    }

    private JsonBackup.LeaseEntry lease(String path) throws IOException {
        JsonBackup.Where at = s.where();
        String[] values = new String[2];
        s.object(path, LEASE_FIELDS, (name, field) -> {
            if (name.equals("index")) {
                values[0] = s.indexString(field);
            } else {
                values[1] = s.string(field);
            }
        });
        return new JsonBackup.LeaseEntry(at, values[0], values[1]);
    }
}
