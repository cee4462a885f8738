package vnetdesk.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code <AR>} of an imported network, as written; nothing is validated.
 *
 * @param arId       the {@code AR_ID} element, if present
 * @param attributes the AR's leaf elements except the computed ones ({@code AR_ID}, {@code MAC_END},
 *                   {@code IP_END}, {@code IP6_GLOBAL}, {@code IP6_GLOBAL_END}, {@code IP6_ULA},
 *                   {@code IP6_ULA_END}, {@code IP6_END}, {@code USED_LEASES}, {@code ALLOCATED});
 *                   upper-case names, in document order
 * @param nextIndex  the {@code NEXT_INDEX} element as written, if present: where the source continues
 *                   its search for a free address (a round-robin network keeps it as its cursor)
 * @param leases     the {@code LEASES/LEASE} elements, in document order; for an AR without {@code LEASES}
 *                   (the list form), those its {@code ALLOCATED} text states, in its order, each named by its
 *                   MAC (and past index 2^32 by its static IPv6 too)
 */
public record ImportedAr(OptionalInt arId, Map<String, String> attributes, Optional<String> nextIndex,
                         List<ImportedLease> leases) {

    public ImportedAr {
        Objects.requireNonNull(arId, "arId");
        Objects.requireNonNull(nextIndex, "nextIndex");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        leases = List.copyOf(leases);
    }
}
