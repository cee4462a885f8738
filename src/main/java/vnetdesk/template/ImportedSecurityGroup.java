package vnetdesk.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A security group read from {@code onesecgroup show -x} / {@code list -x} XML, as written: only the
 * structure and the ids are checked; the rules are validated by the importing service.
 *
 * @param id               the {@code ID}, if present
 * @param name             the {@code NAME}, {@code ""} if none
 * @param owner            {@code UID}, {@code GID}, {@code UNAME} and {@code GNAME}, when all four are given
 * @param permissionsOctal the {@code PERMISSIONS} bits as three octal digits such as {@code 644}
 * @param description      {@code TEMPLATE/DESCRIPTION}, if present
 * @param rules            each {@code TEMPLATE/RULE} as its upper-case entries, in document order
 * @param ignored          the names of the other {@code TEMPLATE} elements, which a security group cannot hold
 */
public record ImportedSecurityGroup(OptionalInt id, String name, Optional<ImportedNetwork.Owner> owner,
                                    Optional<String> permissionsOctal, Optional<String> description,
                                    List<Map<String, String>> rules, List<String> ignored) {

    public ImportedSecurityGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(permissionsOctal, "permissionsOctal");
        Objects.requireNonNull(description, "description");
        List<Map<String, String>> copy = new ArrayList<>();
        rules.forEach(r -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(r))));
        rules = List.copyOf(copy);
        ignored = List.copyOf(ignored);
    }
}
