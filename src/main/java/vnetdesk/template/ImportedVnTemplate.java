package vnetdesk.template;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import vnetdesk.model.LockLevel;

/**
 * A network template read from {@code onevntemplate show -x} / {@code list -x} XML, as written:
 * only the structure and the ids are checked; the body is validated by the importing service.
 *
 * @param id               the {@code ID}, if present
 * @param name             the {@code NAME}, {@code ""} if none
 * @param owner            {@code UID}, {@code GID}, {@code UNAME} and {@code GNAME}, when all four are given
 * @param permissionsOctal the {@code PERMISSIONS} bits as three octal digits such as {@code 644}
 * @param lock             the {@code LOCK/LOCKED} level, if locked
 * @param body             the {@code TEMPLATE} children (single values and vectors, upper-case names, in
 *                         document order) without {@code NAME}
 */
public record ImportedVnTemplate(OptionalInt id, String name, Optional<ImportedNetwork.Owner> owner,
                                 Optional<String> permissionsOctal, Optional<LockLevel> lock, Template body) {

    public ImportedVnTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(permissionsOctal, "permissionsOctal");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(body, "body");
    }
}
