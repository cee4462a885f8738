package vnetdesk.model.vm;

import java.util.Map;

import vnetdesk.model.Attributes;

/**
 * A hypervisor host as the inventory keeps it: identity, its cluster, the
 * address the console will reach it at over SSH (empty until set), and the
 * other attributes of its template.
 */
public record Host(int id, String name, int clusterId, String address, Map<String, String> attributes,
                   long version) {

    public Host {
        attributes = Attributes.copyOf(attributes);
    }

    /** {@code id:name}, as messages name it. */
    public String label() {
        return id + ":" + name;
    }
}
