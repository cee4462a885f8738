package vnetdesk.model;

import java.util.Locale;

/** How automatic allocation picks the next address within an AR. */
public enum AllocationPolicy {
    /** Lowest free index (HyperCX / OpenNebula classic). */
    LOWEST_FREE,
    /** Continue after the last allocated index, wrapping once. */
    ROUND_ROBIN;

    public static AllocationPolicy parse(String field, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("ROUND_ROBIN")) {
            return ROUND_ROBIN;
        }
        if (t.equals("LOWEST_FREE") || t.equals("LOWEST")) {
            return LOWEST_FREE;
        }
        throw ValidationException.invalid(field, text, "expected LOWEST_FREE or ROUND_ROBIN");
    }
}
