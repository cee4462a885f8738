package vnetdesk.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code <NIC>} of an imported VM's {@code TEMPLATE}, as written: the
 * numbers are checked to be whole numbers, everything else is taken as text
 * and validated later by the same paths as any other NIC. An empty element
 * counts as absent (OpenNebula's pool listing writes {@code <NETWORK_ID></NETWORK_ID>}
 * for a NIC that waits for automatic selection).
 *
 * @param at               where the {@code <NIC>} element starts
 * @param nicId            {@code NIC_ID}
 * @param networkId        {@code NETWORK_ID}
 * @param network          {@code NETWORK}, the network's name
 * @param networkOwnerName {@code NETWORK_UNAME}
 * @param arId             {@code AR_ID}
 * @param ip               {@code IP}
 * @param ip6              {@code IP6} (a static IPv6 lease)
 * @param ip6Global        {@code IP6_GLOBAL} (SLAAC)
 * @param ip6Ula           {@code IP6_ULA} (SLAAC)
 * @param mac              {@code MAC}
 * @param target           {@code TARGET}, the tap device
 * @param securityGroups   {@code SECURITY_GROUPS}, comma-separated ids
 * @param model            {@code MODEL}
 * @param attributes       every other leaf element (QoS, {@code NETWORK_MODE}, {@code SCHED_REQUIREMENTS},
 *                         what OpenNebula derives such as {@code BRIDGE} …): upper-case names, document order
 */
public record ImportedNic(XmlPosition at, OptionalInt nicId, OptionalInt networkId, Optional<String> network,
                          Optional<String> networkOwnerName, OptionalInt arId, Optional<String> ip,
                          Optional<String> ip6, Optional<String> ip6Global, Optional<String> ip6Ula,
                          Optional<String> mac, Optional<String> target, Optional<String> securityGroups,
                          Optional<String> model, Map<String, String> attributes) {

    public ImportedNic {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nicId, "nicId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(networkOwnerName, "networkOwnerName");
        Objects.requireNonNull(arId, "arId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(ip6, "ip6");
        Objects.requireNonNull(ip6Global, "ip6Global");
        Objects.requireNonNull(ip6Ula, "ip6Ula");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(securityGroups, "securityGroups");
        Objects.requireNonNull(model, "model");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Whether the NIC names any address (IP, IPv6 or MAC). */
    public boolean hasAddress() {
        return ip.isPresent() || ip6.isPresent() || ip6Global.isPresent() || ip6Ula.isPresent() || mac.isPresent();
    }
}
