package vnetdesk.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of object an ACL rule can name, with OpenNebula's spelling
 * ({@code NET}, also written {@code VNET}) and the noun the UI shows.
 */
public enum ResourceType {
    NET("network"),
    VNTEMPLATE("network template"),
    SECGROUP("security group"),
    VM("virtual machine"),
    HOST("host"),
    CLUSTER("cluster"),
    USER("user"),
    GROUP("group");

    private final String noun;

    ResourceType(String noun) {
        this.noun = noun;
    }

    /** Singular noun for messages, e.g. "security group". */
    public String noun() {
        return noun;
    }

    /** Plural noun; every noun here takes a plain "s". */
    public String plural() {
        return noun + "s";
    }

    /** The type with this name, ignoring case; {@code VNET} is OpenNebula's other name for {@code NET}. */
    public static Optional<ResourceType> find(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("VNET")) {
            return Optional.of(NET);
        }
        return Arrays.stream(values()).filter(t -> t.name().equals(n)).findFirst();
    }

    public static ResourceType parse(String field, String text) {
        return find(text == null ? "" : text).orElseThrow(
                () -> ValidationException.invalid(field, text, "unknown resource type; " + expected()));
    }

    /** {@code expected NET, VNTEMPLATE, … or GROUP}, for error messages. */
    static String expected() {
        return "expected " + Words.list(Arrays.stream(values()).map(Enum::name).toList(), "or");
    }
}
