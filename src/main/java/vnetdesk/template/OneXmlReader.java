package vnetdesk.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.LockLevel;
import vnetdesk.model.VnetException;

/**
 * Reads {@code onevnet show -x} / {@code onevnet list -x} XML into {@link ImportedNetwork}s;
 * see {@link OneXml#read}. A single forward pass over a hardened {@link OneXmlStream} (no DTD,
 * no entity other than the five predefined ones, a bounded element depth), so the time is
 * linear in the input and hostile documents fail early; then the VM NICs without a number
 * are numbered ({@link OneXmlNicNumbers}).
 */
final class OneXmlReader {

    /**
     * AR children that OpenNebula computes (or that are read separately): never AR attributes.
     * ALLOCATED is OpenNebula's lease list in the list form, read apart into leases when the AR has
     * no LEASES ({@link OneXmlAllocated}); NEXT_INDEX is the source's allocation cursor, read apart
     * ({@link ImportedAr#nextIndex}).
     */
    private static final Set<String> AR_COMPUTED = Set.of("AR_ID", "MAC_END", "IP_END", "IP6_GLOBAL",
            "IP6_GLOBAL_END", "IP6_ULA", "IP6_ULA_END", "IP6_END", "USED_LEASES", "LEASES", "ALLOCATED",
            "NEXT_INDEX");

    private final OneXmlStream s;
    private final OneXmlNicNumbers nics = new OneXmlNicNumbers();

    private OneXmlReader(OneXmlStream s) {
        this.s = s;
    }

    static List<ImportedNetwork> read(String xml, String source, boolean poolAllowed) {
        try (OneXmlStream stream = OneXmlStream.open(xml, source)) {
            return new OneXmlReader(stream).run(poolAllowed);
        }
    }

    private List<ImportedNetwork> run(boolean poolAllowed) {
        try {
            List<ImportedNetwork> networks = new ArrayList<>();
            s.toRoot();
            String root = s.name();
            if (root.equals("VNET")) {
                networks.add(network());
            } else if (root.equals("VNET_POOL") && poolAllowed) {
                while (s.nextChild()) {
                    if (s.name().equals("VNET")) {
                        networks.add(network());
                    } else {
                        s.skip();
                    }
                }
            } else if (root.equals("VNET_POOL")) {
                throw s.error(s.here(), "the root element is <VNET_POOL> (a list of networks); expected a single"
                        + " <VNET> as printed by onevnet show -x");
            } else {
                throw s.error(s.here(), "the root element is <" + root + ">; expected <VNET>"
                        + (poolAllowed ? " or <VNET_POOL>" : "") + " as printed by onevnet show -x"
                        + (root.equals("VM") || root.equals("VM_POOL") ? " (VMs are imported with vm import)"
                        : poolAllowed ? " (import also reads <SECURITY_GROUP>, <VNTEMPLATE> and their pools)" : ""));
            }
            s.toEnd();
            return nics.apply(networks);
        } catch (XMLStreamException e) {
            throw s.notWellFormed(e);
        } catch (VnetException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input with unchecked exceptions
            throw s.notWellFormed(e);
        }
    }

    // ---- the network structure ------------------------------------------------------------

    private ImportedNetwork network() throws XMLStreamException {
        OptionalInt id = OptionalInt.empty();
        Map<String, String> top = new LinkedHashMap<>();
        Map<String, String> template = new LinkedHashMap<>();
        List<AttributeVector> vectors = new ArrayList<>();
        OptionalInt uid = OptionalInt.empty();
        OptionalInt gid = OptionalInt.empty();
        Optional<String> userName = Optional.empty();
        Optional<String> groupName = Optional.empty();
        boolean automaticVlan = false;
        Optional<String> outerVlan = Optional.empty();
        boolean automaticOuterVlan = false;
        Optional<String> permissions = Optional.empty();
        Optional<LockLevel> lock = Optional.empty();
        OptionalInt parent = OptionalInt.empty();
        Optional<List<Integer>> clusters = Optional.empty();
        List<ImportedAr> ranges = new ArrayList<>();
        while (s.nextChild()) {
            String name = s.name();
            int[] at = s.here();
            switch (name) {
                case "ID" -> id = OptionalInt.of(s.integer(name, at, 0));
                case "UID" -> uid = OptionalInt.of(s.integer(name, at, 0));
                case "GID" -> gid = OptionalInt.of(s.integer(name, at, 0));
                case "UNAME" -> userName = s.value();
                case "GNAME" -> groupName = s.value();
                case "NAME", "VN_MAD", "BRIDGE", "PHYDEV", "VLAN_ID" -> {
                    String v = s.text();
                    if (v != null && !v.isBlank()) {
                        top.put(name, v);
                    }
                }
                case "VLAN_ID_AUTOMATIC" -> {
                    String v = s.text();
                    automaticVlan = v != null && v.strip().equals("1");
                }
                case "OUTER_VLAN_ID" -> outerVlan = s.value();
                case "OUTER_VLAN_ID_AUTOMATIC" -> {
                    String v = s.text();
                    automaticOuterVlan = v != null && v.strip().equals("1");
                }
                case "PERMISSIONS" -> permissions = Optional.of(s.permissionsOctal());
                case "LOCK" -> lock = s.lockLevel();
                case "PARENT_NETWORK_ID" -> parent = parentId(at);
                case "CLUSTERS" -> clusters = Optional.of(clusterIds());
                case "TEMPLATE" -> template(template, vectors);
                case "AR_POOL" -> {
                    while (s.nextChild()) {
                        if (s.name().equals("AR")) {
                            ranges.add(addressRange());
                        } else {
                            s.skip();
                        }
                    }
                }
                default -> s.skip();
            }
        }
        if (automaticVlan) {
            // the id was picked from the source cloud's pool; the importing side picks its own
            top.remove("VLAN_ID");
            template.remove("VLAN_ID");
        }
        if (template.getOrDefault("BRIDGE", "").isBlank()) {
            // vnetdesk writes a bridge name it generated only at the top level, and the importing side
            // generates its own; OpenNebula repeats every bridge in TEMPLATE, where it then names the host's
            top.remove("BRIDGE");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (top.containsKey("NAME")) {
            attributes.put("NAME", top.get("NAME"));
        }
        template.forEach((k, v) -> attributes.put(k, top.getOrDefault(k, v)));
        top.forEach(attributes::putIfAbsent);
        if (automaticVlan) {
            attributes.put("AUTOMATIC_VLAN_ID", "YES");
        }
        // oned erases an automatic outer VLAN id (a VNI) from TEMPLATE and states the one it picked only at
        // the top; vnetdesk picks none (it does not manage ovswitch_vxlan hosts), so the picked one is kept
        outerVlan.ifPresent(v -> attributes.putIfAbsent("OUTER_VLAN_ID", v));
        if (automaticOuterVlan) {
            attributes.putIfAbsent("AUTOMATIC_OUTER_VLAN_ID", "YES");
        }
        // OpenNebula keeps a network's clusters in CLUSTERS only; vnetdesk writes TEMPLATE/CLUSTER_IDS too
        clusters.ifPresent(ids -> attributes.putIfAbsent("CLUSTER_IDS", String.join(",",
                ids.stream().map(String::valueOf).toList())));
        Optional<ImportedNetwork.Owner> owner = uid.isPresent() && gid.isPresent() && userName.isPresent()
                && groupName.isPresent() ? Optional.of(new ImportedNetwork.Owner(uid.getAsInt(), gid.getAsInt(),
                userName.get(), groupName.get())) : Optional.empty();
        return new ImportedNetwork(id, attributes.getOrDefault("NAME", ""), attributes, vectors, owner, permissions,
                lock, parent, ranges);
    }

    private OptionalInt parentId(int[] at) throws XMLStreamException {
        String v = s.text();
        if (v == null) {
            throw s.error(at, "<PARENT_NETWORK_ID> must be a network id or empty, found nested elements");
        }
        String t = v.strip();
        if (t.isEmpty() || t.equals("-1")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(s.parseInteger("PARENT_NETWORK_ID", v, at, 0));
    }

    /** The ids of a {@code CLUSTERS} element, in document order. */
    private List<Integer> clusterIds() throws XMLStreamException {
        List<Integer> ids = new ArrayList<>();
        while (s.nextChild()) {
            if (s.name().equals("ID")) {
                ids.add(s.integer("CLUSTERS/ID", s.here(), 0));
            } else {
                s.skip();
            }
        }
        return ids;
    }

    /** TEMPLATE children: single values into {@code singles}, vectors (nested elements) into {@code vectors}. */
    private void template(Map<String, String> singles, List<AttributeVector> vectors) throws XMLStreamException {
        while (s.nextChild()) {
            int[] at = s.here();
            TemplateAttribute a = s.templateAttribute();
            if (a instanceof TemplateAttribute.Single single) {
                singles.put(single.name(), single.value());
            } else {
                try {
                    vectors.add(((TemplateAttribute.Vector) a).toAttributeVector());
                } catch (VnetException e) {
                    throw s.error(at, e.getMessage());
                }
            }
        }
    }

    private ImportedAr addressRange() throws XMLStreamException {
        int[] arAt = s.here();
        OptionalInt arId = OptionalInt.empty();
        Map<String, String> attributes = new LinkedHashMap<>();
        Optional<String> nextIndex = Optional.empty();
        List<ImportedLease> leases = new ArrayList<>();
        boolean leasesElement = false;
        Optional<String> allocated = Optional.empty();
        int[] allocatedAt = arAt;
        while (s.nextChild()) {
            String name = s.name();
            String key = name.toUpperCase(Locale.ROOT);
            if (name.equals("AR_ID")) {
                arId = OptionalInt.of(s.integer(name, s.here(), 0));
            } else if (name.equals("ALLOCATED")) {
                allocatedAt = s.here();
                allocated = Optional.ofNullable(s.text());
            } else if (name.equals("LEASES")) {
                leasesElement = true;
                while (s.nextChild()) {
                    if (s.name().equals("LEASE")) {
                        leases.add(lease());
                    } else {
                        s.skip();
                    }
                }
            } else if (name.equals("NEXT_INDEX")) {
                nextIndex = s.value();
            } else if (AR_COMPUTED.contains(key)) {
                s.skip();
            } else {
                String v = s.text();
                if (v != null) {
                    attributes.put(key, v);
                }
            }
        }
        if (!leasesElement && allocated.isPresent()) {
            // the list form states its leases only here; with LEASES too (show), LEASES wins
            try {
                for (ImportedLease lease : OneXmlAllocated.decode(allocated.get(), attributes)) {
                    if (lease.owner() instanceof ImportedOwner.Vm) {
                        nics.add(lease, false);
                    }
                    leases.add(lease);
                }
            } catch (VnetException e) {
                throw s.error(allocatedAt, "address range " + arId.stream().mapToObj(String::valueOf).findFirst()
                        .orElse("without AR_ID") + ": " + e.getMessage());
            }
        }
        return new ImportedAr(arId, attributes, nextIndex, leases);
    }

    private ImportedLease lease() throws XMLStreamException {
        int[] leaseAt = s.here();
        Optional<String> ip = Optional.empty();
        Optional<String> ip6 = Optional.empty();
        Optional<String> ip6Global = Optional.empty();
        Optional<String> ip6Ula = Optional.empty();
        Optional<String> mac = Optional.empty();
        Optional<String> nicName = Optional.empty();
        Optional<String> virtualRouter = Optional.empty();
        String ownerElement = null;
        int ownerId = 0;
        while (s.nextChild()) {
            String name = s.name();
            int[] at = s.here();
            switch (name) {
                case "IP" -> ip = s.value();
                case "IP6" -> ip6 = s.value();
                case "IP6_GLOBAL" -> ip6Global = s.value();
                case "IP6_ULA" -> ip6Ula = s.value();
                case "MAC" -> mac = s.value();
                case "NIC_NAME" -> nicName = s.value();
                case "VROUTER" -> virtualRouter = s.value();
                case "VM", "VNET" -> {
                    if (ownerElement != null) {
                        throw s.error(at, "<LEASE> has both <" + ownerElement + "> and <" + name + ">; a lease has"
                                + " exactly one owner: <VM> (a VM id, or -1 for a hold) or <VNET> (a reservation)");
                    }
                    ownerElement = name;
                    ownerId = name.equals("VM") ? s.integer(name, at, OneXmlLeaseOwner.HOLD_VM_ID)
                            : s.integer(name, at, 0);
                }
                default -> s.skip();
            }
        }
        if (ownerElement == null) {
            if (virtualRouter.isPresent()) {
                // vnetdesk has no virtual routers: the address stays taken, as a hold
                Optional<String> anyIp6 = ip6.isPresent() ? ip6 : ip6Global.isPresent() ? ip6Global : ip6Ula;
                return new ImportedLease(ip, anyIp6, mac, new ImportedOwner.Hold());
            }
            throw s.error(leaseAt, "<LEASE> has no owner; expected <VM> (a VM id, or -1 for a hold) or <VNET>"
                    + " (a reservation)");
        }
        Optional<String> anyIp6 = ip6.isPresent() ? ip6 : ip6Global.isPresent() ? ip6Global : ip6Ula;
        if (ownerElement.equals("VNET")) {
            return new ImportedLease(ip, anyIp6, mac, new ImportedOwner.Vnet(ownerId));
        }
        if (ownerId == OneXmlLeaseOwner.HOLD_VM_ID) {
            return new ImportedLease(ip, anyIp6, mac, new ImportedOwner.Hold());
        }
        OptionalInt nic = nicName.map(OneXmlLeaseOwner::nicIndex).orElse(OptionalInt.empty());
        ImportedLease lease = new ImportedLease(ip, anyIp6, mac, new ImportedOwner.Vm(ownerId, nic.orElse(0)));
        nics.add(lease, nic.isPresent());
        return lease;
    }
}
