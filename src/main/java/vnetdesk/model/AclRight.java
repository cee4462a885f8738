package vnetdesk.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A right an ACL rule grants. USE, MANAGE and ADMIN are the rights of
 * {@link Permissions}; CREATE is only grantable through ACL rules.
 */
public enum AclRight {
    USE, MANAGE, ADMIN, CREATE;

    /** The right with this name, ignoring case. */
    public static Optional<AclRight> find(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(n)).findFirst();
    }

    /** {@code expected USE, MANAGE, ADMIN or CREATE}, for error messages. */
    static String expected() {
        return "expected " + Words.list(Arrays.stream(values()).map(Enum::name).toList(), "or");
    }
}
