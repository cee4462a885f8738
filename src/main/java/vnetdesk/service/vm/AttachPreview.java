package vnetdesk.service.vm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What attaching a NIC would do, worked out in a transaction that is rolled
 * back: the NIC with the lease it would get, that NIC's guest context, which
 * NIC would own the default route, and a warning when the attach moves it.
 */
public record AttachPreview(VmDetails.NicDetails nic, Map<String, String> nicContext, Optional<Integer> defaultRouteNic,
                            Optional<String> routeWarning, List<String> warnings) {

    public AttachPreview {
        // in context.sh order (Map.copyOf would lose it)
        nicContext = Collections.unmodifiableMap(new LinkedHashMap<>(nicContext));
        warnings = List.copyOf(warnings);
    }
}
