package vnetdesk.model;

import java.util.Map;
import java.util.Objects;

/**
 * A vector attribute of a network's template that the inventory keeps without modelling it
 * ({@code NAME = [ KEY = "value", ... ]} in template syntax, {@code <NAME><KEY>value</KEY>...</NAME>}
 * in OpenNebula's {@code TEMPLATE}), so that a network read from another cloud is written back
 * with it. A network may hold several vectors of one name, as OpenNebula templates may.
 *
 * @param name    the vector's name, upper-case
 * @param entries its single values in order, upper-case keys, each key once (OpenNebula keeps a
 *                vector as a map), possibly none
 */
public record AttributeVector(String name, Map<String, String> entries) {

    public AttributeVector {
        name = Attributes.name(name);
        Objects.requireNonNull(entries, "entries");
        entries = Attributes.copyOf(entries);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            NetworkAttributes.checkText(name + "/" + e.getKey(), e.getValue(), NetworkAttributes.MAX_TEXT_LENGTH);
        }
    }
}
