package vnetdesk.template;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <LEASE>} of an imported address range, as written; nothing is validated.
 *
 * @param ip    the {@code IP} element
 * @param ip6   the {@code IP6} element, else {@code IP6_GLOBAL}, else {@code IP6_ULA}
 * @param mac   the {@code MAC} element
 * @param owner the lease's owner
 */
public record ImportedLease(Optional<String> ip, Optional<String> ip6, Optional<String> mac, ImportedOwner owner) {

    public ImportedLease {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(ip6, "ip6");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(owner, "owner");
    }
}
