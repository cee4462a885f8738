package vnetdesk.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Ordered, immutable attribute maps with upper-case names (OpenNebula template attributes). */
public final class Attributes {

    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_-]{0,127}");

    private Attributes() {
    }

    /** Immutable ordered copy; names are upper-cased and must be valid attribute names. */
    public static Map<String, String> copyOf(Map<String, String> source) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            String key = name(k);
            if (v == null) {
                throw new IllegalArgumentException("attribute " + key + " has no value");
            }
            copy.put(key, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Validates and upper-cases an attribute name. */
    public static String name(String raw) {
        String key = raw == null ? "" : raw.toUpperCase(Locale.ROOT);
        if (!NAME.matcher(key).matches()) {
            throw ValidationException.invalid("attribute name", raw, "must match [A-Z_][A-Z0-9_-]*");
        }
        return key;
    }

    /** The same attributes, in the same order, with validated upper-case names (values kept as given). */
    public static Map<String, String> upperKeys(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(name(k), v));
        return out;
    }
}
