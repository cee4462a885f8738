package vnetdesk.service.interchange;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import vnetdesk.model.vm.Cluster;
import vnetdesk.model.vm.Host;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.store.VmRepository.NicRow;
import vnetdesk.store.VmRepository.VmRow;

/**
 * The clusters, hosts and VMs of a whole-inventory JSON backup: written from
 * the store (a VM in its stored form, each NIC with the key of its lease and
 * its own attributes; addresses come from the lease), read back with every
 * field checked for JSON type and range. The values are checked when they are
 * restored ({@link InterchangeVmRestore}). A host's identity is {@code agent},
 * {@code password} (asked when connecting: there is no password to write) or
 * a key file's path; apply outcomes and applied digests are not backed up.
 *
 * <pre>
 * "clusters": [{"id": 0, "name": "default"}, {"id": 100, "name": "edge"}],
 * "hosts": [{"id": 0, "name": "kvm1", "clusterId": 100, "address": "10.9.0.1", "attributes": {},
 *            "connection": {"port": 22, "user": "root", "identity": "agent"}}],
 * "networks": [...],
 * "vms": [{"id": 7, "name": "web", "uid": 0, "gid": 0, "permissions": "640", "lock": null, "state": "RUNNING",
 *          "hostId": 0, "attributes": {"GATEWAY_IFACE": "1"},
 *          "nics": [{"nicId": 0, "lease": {"networkId": 3, "arId": 0, "index": "4"}, "attributes": {"MODEL": "virtio"}},
 *                   {"nicId": 1, "lease": null, "attributes": {"MODEL": "virtio", "NETWORK_MODE": "auto"}}]}]
 * </pre>
 */
final class JsonBackupVms {

    private static final Set<String> CLUSTER_FIELDS = Set.of("id", "name");
    private static final Set<String> HOST_FIELDS = Set.of("id", "name", "clusterId", "address", "attributes",
            "connection");
    /** Backups of format version 2 have hosts without connection settings. */
    private static final Set<String> OPTIONAL_HOST_FIELDS = Set.of("connection");
    private static final Set<String> CONNECTION_FIELDS = Set.of("port", "user", "identity");
    private static final Set<String> VM_FIELDS = Set.of("id", "name", "uid", "gid", "permissions", "lock", "state",
            "hostId", "attributes", "nics");
    private static final Set<String> NIC_FIELDS = Set.of("nicId", "lease", "attributes");
    private static final Set<String> LEASE_FIELDS = Set.of("networkId", "arId", "index");

    private JsonBackupVms() {
    }

    // ---- writing ----------------------------------------------------------------------------

    /** The {@code clusters} and {@code hosts} arrays, by id. */
    static void writeClustersAndHosts(JsonGenerator out, Connection c, ClusterRepository clusters,
                                      HostRepository hosts) throws IOException, SQLException {
        out.writeArrayFieldStart("clusters");
        for (Cluster cluster : clusters.list(c)) {
            out.writeStartObject();
            out.writeNumberField("id", cluster.id());
            out.writeStringField("name", cluster.name());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("hosts");
        for (Host h : hosts.list(c)) {
            out.writeStartObject();
            out.writeNumberField("id", h.id());
            out.writeStringField("name", h.name());
            out.writeNumberField("clusterId", h.clusterId());
            out.writeStringField("address", h.address());
            attributes(out, h.attributes());
            out.writeObjectFieldStart("connection");
            out.writeNumberField("port", h.connection().port());
            out.writeStringField("user", h.connection().user());
            out.writeStringField("identity", h.connection().identity().text());
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** The {@code vms} array, by id, each with its NICs by index. */
    static void writeVms(JsonGenerator out, Connection c, VmRepository vms) throws IOException, SQLException {
        out.writeArrayFieldStart("vms");
        for (VmRow vm : vms.list(c)) {
            out.writeStartObject();
            out.writeNumberField("id", vm.id());
            out.writeStringField("name", vm.name());
            out.writeNumberField("uid", vm.ownership().uid());
            out.writeNumberField("gid", vm.ownership().gid());
            out.writeStringField("permissions", vm.ownership().permissions().octal());
            out.writeFieldName("lock");
            if (vm.lock().isPresent()) {
                out.writeString(vm.lock().get().name());
            } else {
                out.writeNull();
            }
            out.writeStringField("state", vm.state().name());
            out.writeFieldName("hostId");
            if (vm.hostId().isPresent()) {
                out.writeNumber(vm.hostId().get());
            } else {
                out.writeNull();
            }
            attributes(out, vm.attributes());
            out.writeArrayFieldStart("nics");
            for (NicRow nic : vm.nics()) {
                nic(out, nic);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void nic(JsonGenerator out, NicRow nic) throws IOException {
        out.writeStartObject();
        out.writeNumberField("nicId", nic.index());
        out.writeFieldName("lease");
        if (nic.lease().isPresent()) {
            VmRepository.LeaseKey key = nic.lease().get();
            out.writeStartObject();
            out.writeNumberField("networkId", key.networkId());
            out.writeNumberField("arId", key.arId());
            out.writeStringField("index", Long.toUnsignedString(key.index()));
            out.writeEndObject();
        } else {
            out.writeNull();
        }
        attributes(out, nic.attributes());
        out.writeEndObject();
    }

    private static void attributes(JsonGenerator out, Map<String, String> attributes) throws IOException {
        out.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            out.writeStringField(e.getKey(), e.getValue());
        }
        out.writeEndObject();
    }

    // ---- reading ----------------------------------------------------------------------------

    /** The fields of one cluster, host or lease object while it is being read. */
    private static final class Fields {
        int id;
        int clusterId;
        int arId;
        String name;
        String address;
        String index;
        final Map<String, String> attributes = new LinkedHashMap<>();
    }

    /** The {@code clusters} array at the stream's token. */
    static List<JsonBackup.ClusterEntry> readClusters(JsonBackupStream s, String path) throws IOException {
        List<JsonBackup.ClusterEntry> out = new ArrayList<>();
        s.array(path, i -> {
            JsonBackup.Where at = s.where();
            Fields f = new Fields();
            s.object(path + "[" + i + "]", CLUSTER_FIELDS, (name, field) -> {
                if (name.equals("id")) {
                    f.id = s.integer(field, 0, JsonBackup.MAX_ID);
                } else {
                    f.name = s.string(field);
                }
            });
            out.add(new JsonBackup.ClusterEntry(at, f.id, f.name));
        });
        return out;
    }

    /** The {@code hosts} array at the stream's token. */
    static List<JsonBackup.HostEntry> readHosts(JsonBackupStream s, String path) throws IOException {
        List<JsonBackup.HostEntry> out = new ArrayList<>();
        s.array(path, i -> {
            JsonBackup.Where at = s.where();
            Fields f = new Fields();
            List<JsonBackup.ConnectionEntry> connection = new ArrayList<>();
            s.object(path + "[" + i + "]", HOST_FIELDS, OPTIONAL_HOST_FIELDS, (name, field) -> {
                switch (name) {
                    case "id" -> f.id = s.integer(field, 0, JsonBackup.MAX_ID);
                    case "name" -> f.name = s.string(field);
                    case "clusterId" -> f.clusterId = s.integer(field, 0, JsonBackup.MAX_ID);
                    case "address" -> f.address = s.string(field);
                    case "connection" -> connection.add(connection(s, field));
                    default -> f.attributes.putAll(s.attributes(field));
                }
            });
            out.add(new JsonBackup.HostEntry(at, f.id, f.name, f.clusterId, f.address, f.attributes,
                    connection.stream().findFirst()));
        });
        return out;
    }

    private static JsonBackup.ConnectionEntry connection(JsonBackupStream s, String path) throws IOException {
        JsonBackup.Where at = s.where();
        Fields f = new Fields();
        s.object(path, CONNECTION_FIELDS, (name, field) -> {
            switch (name) {
                case "port" -> f.id = s.integer(field, 1, 65535);
                case "user" -> f.name = s.string(field);
                default -> f.address = s.string(field);
            }
        });
        return new JsonBackup.ConnectionEntry(at, f.id, f.name, f.address);
    }

    /** The fields of one VM object while it is being read. */
    private static final class VmFields {
        int id;
        int uid;
        int gid;
        String name;
        String permissions;
        String state;
        Optional<String> lock = Optional.empty();
        Optional<Integer> hostId = Optional.empty();
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<JsonBackup.NicEntry> nics = new ArrayList<>();
    }

    /** The {@code vms} array at the stream's token. */
    static List<JsonBackup.VmEntry> readVms(JsonBackupStream s, String path) throws IOException {
        List<JsonBackup.VmEntry> out = new ArrayList<>();
        s.array(path, i -> {
            JsonBackup.Where at = s.where();
            VmFields f = new VmFields();
            String vmPath = path + "[" + i + "]";
            s.object(vmPath, VM_FIELDS, (name, field) -> {
                switch (name) {
                    case "id" -> f.id = s.integer(field, 0, JsonBackup.MAX_ID);
                    case "name" -> f.name = s.string(field);
                    case "uid" -> f.uid = s.integer(field, 0, Integer.MAX_VALUE);
                    case "gid" -> f.gid = s.integer(field, 0, Integer.MAX_VALUE);
                    case "permissions" -> f.permissions = s.string(field);
                    case "lock" -> f.lock = s.nullOr(() -> s.string(field));
                    case "state" -> f.state = s.string(field);
                    case "hostId" -> f.hostId = s.nullOr(() -> s.integer(field, 0, JsonBackup.MAX_ID));
                    case "attributes" -> f.attributes.putAll(s.attributes(field));
                    default -> s.array(field, n -> f.nics.add(nic(s, field + "[" + n + "]")));
                }
            });
            out.add(new JsonBackup.VmEntry(at, f.id, f.name, f.uid, f.gid, f.permissions, f.lock, f.state, f.hostId,
                    f.attributes, f.nics));
        });
        return out;
    }

    private static JsonBackup.NicEntry nic(JsonBackupStream s, String path) throws IOException {
        JsonBackup.Where at = s.where();
        Fields f = new Fields();
        List<Optional<JsonBackup.LeaseRef>> lease = new ArrayList<>();
        s.object(path, NIC_FIELDS, (name, field) -> {
            switch (name) {
                case "nicId" -> f.id = s.integer(field, 0, Integer.MAX_VALUE);
                case "lease" -> lease.add(s.nullOr(() -> leaseRef(s, field)));
                default -> f.attributes.putAll(s.attributes(field));
            }
        });
        return new JsonBackup.NicEntry(at, f.id, lease.get(0), f.attributes);
    }

    private static JsonBackup.LeaseRef leaseRef(JsonBackupStream s, String path) throws IOException {
        JsonBackup.Where at = s.where();
        Fields f = new Fields();
        s.object(path, LEASE_FIELDS, (name, field) -> {
            switch (name) {
                case "networkId" -> f.id = s.integer(field, 0, JsonBackup.MAX_ID);
                case "arId" -> f.arId = s.integer(field, 0, Integer.MAX_VALUE - 1);
                default -> f.index = s.indexString(field);
            }
        });
        return new JsonBackup.LeaseRef(at, f.id, f.arId, f.index);
    }
}
