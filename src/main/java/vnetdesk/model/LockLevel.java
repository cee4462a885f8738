package vnetdesk.model;

import java.util.Locale;

/**
 * OpenNebula lock levels. A lock refuses operations at its level and above:
 * USE locks everything (the default of OpenNebula's CLI and of ours), MANAGE locks manage
 * and admin operations (the console's Lock button), ADMIN locks admin operations only. ALL is USE
 * under another name.
 */
public enum LockLevel {
    USE, MANAGE, ADMIN, ALL;

    public static LockLevel parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ValidationException.invalid(field, text, "expected USE, MANAGE, ADMIN or ALL");
        }
    }

    /** Whether this lock refuses an operation that needs the given right. */
    public boolean refuses(Permissions.Right needed) {
        return switch (this) {
            case USE, ALL -> true;
            case MANAGE -> needed != Permissions.Right.USE;
            case ADMIN -> needed == Permissions.Right.ADMIN;
        };
    }
}
