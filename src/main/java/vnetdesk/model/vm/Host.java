package vnetdesk.model.vm;

import java.util.Map;

import vnetdesk.model.Attributes;

/**
 * A hypervisor host as the inventory keeps it: identity, its cluster, the
 * address the console reaches it at over SSH (empty until set), how it logs
 * in there, and the other attributes of its template.
 */
public record Host(int id, String name, int clusterId, String address, Map<String, String> attributes,
                   long version, HostConnection connection) {

    public Host {
        attributes = Attributes.copyOf(attributes);
        if (connection == null) {
            throw new IllegalArgumentException("host " + id + ": connection settings are required");
        }
    }

    /** A host with the default connection settings ({@link HostConnection#DEFAULT}). */
    public Host(int id, String name, int clusterId, String address, Map<String, String> attributes, long version) {
        this(id, name, clusterId, address, attributes, version, HostConnection.DEFAULT);
    }

    /** {@code id:name}, as messages name it. */
    public String label() {
        return id + ":" + name;
    }

    public Host withName(String newName) {
        return new Host(id, newName, clusterId, address, attributes, version, connection);
    }

    public Host withCluster(int newClusterId) {
        return new Host(id, name, newClusterId, address, attributes, version, connection);
    }

    public Host withAddress(String newAddress) {
        return new Host(id, name, clusterId, newAddress, attributes, version, connection);
    }

    public Host withConnection(HostConnection newConnection) {
        return new Host(id, name, clusterId, address, attributes, version, newConnection);
    }
}
