package vnetdesk.service.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vnetdesk.model.Attributes;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Problems;
import vnetdesk.model.Qos;
import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.sched.Rank;
import vnetdesk.sched.Requirements;
import vnetdesk.store.VmRepository.LeaseKey;
import vnetdesk.store.VmRepository.NicRow;

/**
 * A NIC's {@code NIC = [ … ]} attributes: read into a {@link NicRequest}
 * (what a VM template or the CLI asks for, every value checked), and the
 * stored form of a NIC (its own attributes; addresses come from its lease).
 */
final class NicAttributes {

    /** Attributes with a typed home; the rest of a NIC vector is kept as it is. */
    private static final Set<String> TYPED = Set.of("NETWORK", "NETWORK_ID", "NETWORK_UNAME", "NETWORK_UID", "IP",
            "IP6", "MAC", "AR_ID", "SECURITY_GROUPS", "MODEL", "NETWORK_MODE", "SCHED_REQUIREMENTS", "SCHED_RANK",
            "INBOUND_AVG_BW", "INBOUND_PEAK_BW", "INBOUND_PEAK_KB", "OUTBOUND_AVG_BW", "OUTBOUND_PEAK_BW",
            "OUTBOUND_PEAK_KB");
    /** Attributes a NIC shows but that are derived (from its lease and network), never taken from input. */
    private static final Set<String> DERIVED = Set.of("NIC_ID", "BRIDGE", "BRIDGE_TYPE", "VN_MAD", "TARGET",
            "IP6_GLOBAL", "IP6_ULA", "IP6_LINK", "VLAN_ID", "PHYDEV", "MTU", "NETWORK_ADDRESS", "NETWORK_MASK",
            "GATEWAY", "DNS", "SEARCH_DOMAIN", "LEASE", "FILTER_IP_SPOOFING", "FILTER_MAC_SPOOFING", "PARENT_NETWORK_ID",
            "VROUTER_ID", "CLUSTER_ID", "NAME", "ALIAS_IDS");

    private NicAttributes() {
    }

    /** The NIC a vector asks for; {@code field} names it in errors (e.g. {@code NIC 2}). */
    static NicRequest request(String field, Map<String, String> raw) {
        Problems problems = new Problems();
        Map<String, String> a = new LinkedHashMap<>();
        raw.forEach((k, v) -> problems.value(() -> Attributes.name(k)).ifPresent(name -> a.put(name, v == null ? "" : v)));
        problems.throwFirst();
        boolean auto = "AUTO".equalsIgnoreCase(a.getOrDefault("NETWORK_MODE", "").trim());
        Optional<ObjectRef> network = Optional.empty();
        if (a.containsKey("NETWORK_ID") && !a.get("NETWORK_ID").isBlank()) {
            network = Optional.of(ObjectRef.id(vnetdesk.model.Numbers.parseInt(field + " NETWORK_ID",
                    a.get("NETWORK_ID").trim(), 0, Integer.MAX_VALUE)));
        } else if (a.containsKey("NETWORK") && !a.get("NETWORK").isBlank()) {
            network = Optional.of(ObjectRef.parse(field + " NETWORK", a.get("NETWORK")));
        }
        if (auto && network.isPresent()) {
            throw new ValidationException("NETWORK_MODE", field + ": NETWORK_MODE = auto chooses the network;"
                    + " do not name one (NETWORK or NETWORK_ID)");
        }
        if (!auto && network.isEmpty()) {
            throw new ValidationException("NETWORK", field + ": give NETWORK (or NETWORK_ID), or NETWORK_MODE = auto");
        }
        if (a.containsKey("NETWORK_MODE") && !auto && !a.get("NETWORK_MODE").isBlank()) {
            throw ValidationException.invalid(field + " NETWORK_MODE", a.get("NETWORK_MODE"), "expected auto");
        }
        Optional<String> address = firstOf(a, "IP", "IP6", "MAC");
        Optional<Integer> arId = nonBlank(a.get("AR_ID"))
                .map(v -> vnetdesk.model.Numbers.parseInt(field + " AR_ID", v, 0, Integer.MAX_VALUE));
        List<Integer> groups = NetworkAttributes.idList(field + " SECURITY_GROUPS", a.get("SECURITY_GROUPS"))
                .orElse(List.of());
        Problems qosProblems = new Problems();
        Optional<Qos> qos = Qos.fromAttributes(a, qosProblems).filter(q -> !q.isNone());
        qosProblems.throwFirst();
        String model = nonBlank(a.get("MODEL")).orElse(Nic.DEFAULT_MODEL);
        if (!model.matches("[a-z0-9_\\-]{1,32}")) {
            throw ValidationException.invalid(field + " MODEL", model, "expected a device model such as virtio or e1000");
        }
        Map<String, String> rest = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!TYPED.contains(k) && !DERIVED.contains(k)) {
                NetworkAttributes.checkText(k, v, NetworkAttributes.MAX_TEXT_LENGTH);
                rest.put(k, v);
            }
        });
        Optional<NicRequest.Automatic> automatic = Optional.empty();
        if (auto) {
            String requirements = a.getOrDefault("SCHED_REQUIREMENTS", "").trim();
            String rank = a.getOrDefault("SCHED_RANK", "").trim();
            // checked now, so that a VM is never stored with an expression its deploy would refuse
            Requirements.parse(field + " SCHED_REQUIREMENTS", requirements);
            Rank.parse(field + " SCHED_RANK", rank);
            automatic = Optional.of(new NicRequest.Automatic(requirements, rank));
        }
        return new NicRequest(network, automatic, address, arId, groups, qos, model, rest);
    }

    /** The stored form of a NIC: its lease key, and its own attributes (never its addresses). */
    static NicRow row(int vmId, Nic nic) {
        Map<String, String> a = new LinkedHashMap<>(nic.attributes());
        a.put("MODEL", nic.model());
        if (!nic.securityGroups().isEmpty()) {
            a.put("SECURITY_GROUPS", join(nic.securityGroups()));
        }
        nic.qos().ifPresent(q -> a.putAll(q.toAttributes()));
        if (nic.network() instanceof NicNetwork.Automatic auto) {
            a.put("NETWORK_MODE", "auto");
            putIfNotBlank(a, "SCHED_REQUIREMENTS", auto.requirements());
            putIfNotBlank(a, "SCHED_RANK", auto.rank());
        }
        Optional<LeaseKey> lease = nic.lease().map(l -> new LeaseKey(l.networkId(), l.arId(), l.leaseIndex()));
        return new NicRow(vmId, nic.index(), lease, a);
    }

    /** A NIC from its stored form; {@code network} is its lease with addresses, or its automatic request. */
    static Nic nic(NicRow row, NicNetwork network) {
        Map<String, String> a = row.attributes();
        List<Integer> groups = NetworkAttributes.idList("SECURITY_GROUPS", a.get("SECURITY_GROUPS")).orElse(List.of());
        Problems problems = new Problems();
        Optional<Qos> qos = Qos.fromAttributes(a, problems).filter(q -> !q.isNone());
        problems.throwFirst();
        Map<String, String> rest = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!TYPED.contains(k)) {
                rest.put(k, v);
            }
        });
        return new Nic(row.index(), network, groups, qos, a.getOrDefault("MODEL", Nic.DEFAULT_MODEL), rest);
    }

    /** The automatic request a stored NIC without lease carries. */
    static NicNetwork.Automatic automatic(NicRow row) {
        return new NicNetwork.Automatic(row.attributes().getOrDefault("SCHED_REQUIREMENTS", ""),
                row.attributes().getOrDefault("SCHED_RANK", ""));
    }

    private static Optional<String> firstOf(Map<String, String> a, String... names) {
        for (String n : names) {
            Optional<String> v = nonBlank(a.get(n));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static void putIfNotBlank(Map<String, String> a, String k, String v) {
        if (!v.isBlank()) {
            a.put(k, v);
        }
    }

    static String join(List<Integer> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
