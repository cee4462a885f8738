package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.AddressRange;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.HostConnection.Identity;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.vm.VmService;
import vnetdesk.store.LeaseRepository;
import vnetdesk.template.TemplateParser;

/** Export → import round trips of the JSON backup and the template syntax. */
class InterchangeRoundTripTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;

    /** Ids of the networks of {@link #populate}. */
    record Fixture(int lan, int tagged, int static6, int vxlan, int reservation, int reservation6) {
        List<Integer> all() {
            return List.of(lan, tagged, static6, vxlan, reservation, reservation6);
        }
    }

    /**
     * A bridged IPv4 network with holds and VM leases, an 802.1Q dual-stack network with an
     * ETHER AR, a static IPv6 network, a locked VXLAN network with an automatic VLAN id, and
     * a reservation from the first network with a VM lease of its own, and a reservation deep in
     * the static IPv6 range.
     */
    static Fixture populate(Inventory inv) {
        int lan = inv.networks().create(ADMIN, TemplateParser.parse("""
                NAME = lan
                VN_MAD = bridge
                BRIDGE = br0
                DESCRIPTION = "office LAN"
                GATEWAY = 10.0.0.1
                DNS = "10.0.0.2 10.0.0.3"
                ALLOCATION = ROUND_ROBIN
                AR = [ TYPE = IP4, IP = 10.0.0.10, SIZE = 100, GATEWAY = 10.0.0.254 ]
                """, "lan"));
        inv.leases().hold(ADMIN, ObjectRef.name("lan"), List.of("10.0.0.12", "10.0.0.20-10.0.0.24"), Optional.empty());
        inv.leases().allocate(ADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(3, 0), Optional.of("10.0.0.30"),
                Optional.empty());
        inv.leases().allocate(ADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(4, 1), Optional.empty(),
                Optional.empty());
        int tagged = inv.networks().create(ADMIN, TemplateParser.parse("""
                NAME = tagged
                VN_MAD = 802.1Q
                PHYDEV = eth0
                VLAN_ID = 100
                MTU = 9000
                FILTER_IP_SPOOFING = YES
                AR = [ TYPE = IP4_6, IP = 192.168.1.1, SIZE = 50, GLOBAL_PREFIX = "2001:db8:1::", ULA_PREFIX = "fd00:1::" ]
                AR = [ TYPE = ETHER, SIZE = 20 ]
                """, "tagged"));
        inv.leases().hold(ADMIN, ObjectRef.name("tagged"), List.of("192.168.1.5"), Optional.empty());
        inv.leases().allocate(ADMIN, ObjectRef.name("tagged"), new LeaseOwner.VmNic(7, 0), Optional.empty(),
                Optional.of(1));
        inv.leases().allocate(ADMIN, ObjectRef.name("tagged"), new LeaseOwner.VmNic(7, 1), Optional.empty(),
                Optional.of(0));
        int static6 = inv.networks().create(ADMIN, TemplateParser.parse("""
                NAME = static6
                VN_MAD = fw
                AR = [ TYPE = IP6_STATIC, IP6 = "2001:db8:2::10", PREFIX_LENGTH = 64 ]
                """, "static6"));
        inv.leases().hold(ADMIN, ObjectRef.name("static6"), List.of("2001:db8:2::20",
                "2001:db8:2:0:ffff:ffff:ffff:ffff"), Optional.empty());
        inv.leases().allocate(ADMIN, ObjectRef.name("static6"), new LeaseOwner.VmNic(9, 2), Optional.empty(),
                Optional.empty());
        int vxlan = inv.networks().create(ADMIN, TemplateParser.parse("""
                NAME = overlay
                VN_MAD = vxlan
                PHYDEV = eth1
                AUTOMATIC_VLAN_ID = YES
                AR = [ TYPE = IP4, IP = 172.16.0.1, SIZE = 10 ]
                """, "overlay"));
        inv.networks().lock(ADMIN, ObjectRef.name("overlay"), LockLevel.MANAGE);
        int reservation = inv.reservations().reserve(ADMIN, ObjectRef.name("lan"), new ReservationService.Request(5,
                Optional.of("lan-res"), Optional.empty(), Optional.empty(), Optional.of("10.0.0.50")));
        inv.leases().allocate(ADMIN, ObjectRef.name("lan-res"), new LeaseOwner.VmNic(11, 0), Optional.empty(),
                Optional.empty());
        // beyond 2^32 addresses into the /64, where MACs repeat and only the IPv6 address places the block
        int reservation6 = inv.reservations().reserve(ADMIN, ObjectRef.name("static6"),
                new ReservationService.Request(4,
                Optional.of("static6-res"), Optional.empty(), Optional.empty(), Optional.of("2001:db8:2:0:1::")));
        return new Fixture(lan, tagged, static6, vxlan, reservation, reservation6);
    }

    /** Ids of the VMs of {@link #populateVms}. */
    record VmFixture(int running, int pending, int poweredOff) {
        List<Integer> all() {
            return List.of(running, pending, poweredOff);
        }
    }

    /**
     * A second cluster "edge" with host kvm1 and the networks lan and tagged, a host kvm2 in the default
     * cluster; a VM running on kvm1 with an IPv4 NIC and a dual-stack NIC with its own group, QoS and
     * model; a pending VM with a NIC waiting for automatic selection; a VM powered off on kvm1, locked,
     * chmod 600, whose NIC 0 was detached (so its NIC is 1).
     */
    static VmFixture populateVms(Inventory inv) {
        int edge = inv.clusters().create(ADMIN, "edge");
        inv.hosts().create(ADMIN, "kvm1", Optional.of(ObjectRef.id(edge)), Optional.of("10.9.0.1"),
                HostConnection.DEFAULT.withIdentity(Identity.PASSWORD));
        inv.hosts().create(ADMIN, "kvm2", Optional.empty(), Optional.empty(),
                new HostConnection(2222, "deploy", new Identity.KeyFile("/home/admin/.ssh/id_ed25519")));
        inv.clusters().addNetwork(ADMIN, ObjectRef.id(edge), ObjectRef.name("lan"));
        inv.clusters().addNetwork(ADMIN, ObjectRef.id(edge), ObjectRef.name("tagged"));
        int web = inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n", "t"));
        int running = inv.vms().create(ADMIN, TemplateParser.parse("NAME = web\nGATEWAY_IFACE = 1\n"
                + "NIC = [ NETWORK = lan ]\n"
                + "NIC = [ NETWORK = tagged, IP = 192.168.1.9, SECURITY_GROUPS = \"" + web + "\","
                + " INBOUND_AVG_BW = 1000, MODEL = e1000, VIRTIO_QUEUES = 4 ]\n", "vm"));
        inv.vms().deploy(ADMIN, ObjectRef.id(running), ObjectRef.name("kvm1"));
        int pending = inv.vms().create(ADMIN, TemplateParser.parse("NAME = batch\n"
                + "NIC = [ NETWORK_MODE = auto, SCHED_REQUIREMENTS = \"VN_MAD = \\\"802.1Q\\\"\","
                + " SCHED_RANK = FREE_LEASES ]\n", "vm"));
        int off = inv.vms().create(ADMIN, TemplateParser.parse("NAME = db\nNIC = [ NETWORK = lan ]\n"
                + "NIC = [ NETWORK = lan ]\n", "vm"));
        inv.vms().detachNic(ADMIN, ObjectRef.id(off), 0);
        inv.vms().deploy(ADMIN, ObjectRef.id(off), ObjectRef.name("kvm1"));
        inv.vms().act(ADMIN, ObjectRef.id(off), VmService.Action.POWEROFF);
        inv.vms().chmod(ADMIN, ObjectRef.id(off), Permissions.parseOctal("p", "600"));
        inv.vms().lock(ADMIN, ObjectRef.id(off), LockLevel.MANAGE);
        return new VmFixture(running, pending, off);
    }

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    @Test
    void jsonBackupRestoresNetworksLeasesOwnersAndCountsWithTheirIds() {
        String backup;
        String cursors;
        Fixture f;
        Map<Integer, NetworkDetails> before = new LinkedHashMap<>();
        List<String> whoisBefore = new ArrayList<>();
        List<String> probes = List.of("10.0.0.12", "10.0.0.30", "10.0.0.50", "10.0.0.99", "192.168.1.5",
                "2001:db8:2::20", "2001:db8:2:0:1::2", "172.16.0.3");
        try (Inventory inv = open("source")) {
            f = populate(inv);
            for (int id : f.all()) {
                before.put(id, inv.queries().details(ADMIN, ObjectRef.id(id), Integer.MAX_VALUE));
            }
            for (String probe : probes) {
                whoisBefore.add(whois(inv, probe));
            }
            backup = inv.interchange().exportJson(ADMIN, List.of());
            cursors = cursors(inv, f);
        }
        assertTrue(cursors.contains("OptionalLong[0]"), "lan's round-robin cursor: " + cursors);
        assertTrue(backup.startsWith("{\n  \"format\" : \"vnetdesk-inventory\""), backup.substring(0, 80));
        assertTrue(backup.contains("\"owner\" : \"VM:3:0\""), "owners are written in backup notation");
        assertTrue(backup.contains("\"owner\" : \"NET:" + f.reservation() + "\""));
        assertTrue(backup.contains("\"index\" : \"18446744073709551599\""), "the last /64 index as a string");

        try (Inventory inv = open("restored")) {
            List<Integer> ids = inv.interchange().importFile(ADMIN, backup, "backup.json");
            assertEquals(f.all().stream().sorted().toList(), ids.stream().sorted().toList());
            for (int id : f.all()) {
                NetworkDetails original = before.get(id);
                NetworkDetails restored = inv.queries().details(ADMIN, ObjectRef.id(id), Integer.MAX_VALUE);
                assertEquals(withoutVersion(original.network()), withoutVersion(restored.network()), "network " + id);
                assertEquals(original.usedPerAr(), restored.usedPerAr(), "used counts of " + id);
                assertEquals(original.leases(), restored.leases(), "leases of " + id);
                assertEquals(original.ownerLabels(), restored.ownerLabels());
                assertEquals(original.ownerName(), restored.ownerName());
            }
            for (int i = 0; i < probes.size(); i++) {
                assertEquals(whoisBefore.get(i), whois(inv, probes.get(i)), "whois " + probes.get(i));
            }
            assertEquals(cursors, cursors(inv, f), "round-robin cursors and version-free AR state");
            assertEquals(Optional.of(LockLevel.MANAGE), inv.queries().details(ADMIN, ObjectRef.name("overlay"),
                    0).network().lock());
            int next = inv.networks().create(ADMIN, TemplateParser.parse("NAME = after\nVN_MAD = bridge\n", "t"));
            assertTrue(next > f.all().stream().mapToInt(Integer::intValue).max().getAsInt(),
                    "the id sequence moved past the restored ids: " + next);
            // the restored state is live: the next automatic address skips the restored leases
            Lease l = inv.leases().allocate(ADMIN, ObjectRef.name("tagged"), new LeaseOwner.VmNic(20, 0),
                    Optional.empty(), Optional.of(0));
            assertEquals("192.168.1.2", l.addresses().ip().orElseThrow().toString());
            ConflictException again = assertThrows(ConflictException.class,
                    () -> inv.interchange().importFile(ADMIN, backup, "backup.json"));
            assertTrue(again.getMessage().contains("already has networks"), again.getMessage());
        }
    }

    @Test
    void aWholeInventoryBackupRestoresClustersHostsAndVmsAndTheRestoredInventoryBacksUpIdentically() {
        String backup;
        VmFixture vf;
        List<Vm> vmsBefore;
        List<String> hostsBefore;
        Map<String, String> contextBefore;
        try (Inventory inv = open("source")) {
            populate(inv);
            vf = populateVms(inv);
            vmsBefore = vms(inv);
            hostsBefore = hosts(inv);
            contextBefore = inv.vms().context(ADMIN, ObjectRef.id(vf.running())).attributes();
            backup = inv.interchange().exportJson(ADMIN, List.of());
        }
        assertTrue(backup.contains("\"version\" : 3"), backup.substring(0, 80));
        assertTrue(backup.contains("\"clusters\" : [") && backup.contains("\"hosts\" : [")
                && backup.contains("\"vms\" : ["), "the whole inventory has clusters, hosts and VMs");
        assertTrue(backup.indexOf("\"hosts\"") < backup.indexOf("\"networks\"")
                && backup.indexOf("\"networks\"") < backup.indexOf("\"vms\""), "VMs after the networks they lease from");
        try (Inventory inv = open("restored")) {
            inv.interchange().importFile(ADMIN, backup, "backup.json");
            assertEquals(vmsBefore, vms(inv));
            assertEquals(hostsBefore, hosts(inv));
            assertEquals(contextBefore, inv.vms().context(ADMIN, ObjectRef.id(vf.running())).attributes());
            assertEquals(backup, inv.interchange().exportJson(ADMIN, List.of()), "backup, restore, backup: identical");
            int next = inv.vms().create(ADMIN, TemplateParser.parse("NAME = after\n", "t"));
            assertTrue(next > vf.poweredOff(), "the VM id sequence moved past the restored ids: " + next);
            assertTrue(inv.clusters().create(ADMIN, "more") > 100, "and the cluster sequence");
            // the restored VMs are live: deleting one releases its leases
            long tagged = inv.queries().details(ADMIN, ObjectRef.name("tagged"), 0).usedLeases();
            inv.vms().delete(ADMIN, ObjectRef.id(vf.running()));
            assertEquals(tagged - 1, inv.queries().details(ADMIN, ObjectRef.name("tagged"), 0).usedLeases());
        }
        try (Inventory used = open("used")) {
            used.hosts().create(ADMIN, "mine", Optional.empty(), Optional.empty());
            ConflictException e = assertThrows(ConflictException.class,
                    () -> used.interchange().importFile(ADMIN, backup, "backup.json"));
            assertTrue(e.getMessage().contains("restores clusters, hosts and VMs only into a new inventory; this one"
                    + " already has hosts"), e.getMessage());
            assertEquals(0, used.queries().list(ADMIN).size(), "nothing restored");
        }
    }

    /** The VMs as their details show them, without the optimistic-locking version (a restore starts it anew). */
    private static List<Vm> vms(Inventory inv) {
        return inv.vms().list(ADMIN).stream().map(d -> {
            Vm v = d.vm();
            return new Vm(v.id(), v.name(), v.ownership(), v.lock(), v.state(), v.hostId(), v.attributes(), v.nics(), 0);
        }).toList();
    }

    private static List<String> hosts(Inventory inv) {
        return inv.hosts().list(ADMIN).stream().map(h -> h.host().label() + " " + h.cluster().label() + " "
                + h.host().address() + " " + h.host().connection() + " " + h.vms()).toList();
    }

    @Test
    void exportingNamedNetworksIncludesTheirReservationsAndParents() {
        try (Inventory inv = open("source")) {
            Fixture f = populate(inv);
            String backup = inv.interchange().exportJson(ADMIN, List.of(ObjectRef.name("lan-res")));
            try (Inventory target = open("target")) {
                List<Integer> ids = target.interchange().importFile(ADMIN, backup, "part.json");
                assertEquals(List.of(f.lan(), f.reservation()), ids);
                assertEquals(inv.queries().details(ADMIN, ObjectRef.name("lan"), 1000).leases(),
                        target.queries().details(ADMIN, ObjectRef.name("lan"), 1000).leases());
            }
            inv.users().createUser(ADMIN, "bob", "users");
            Actor bob = inv.actor("bob");
            assertRefused(() -> inv.interchange().exportJson(bob, List.of()), "oneadmin rights");
            assertRefused(() -> inv.interchange().importFile(bob, "{}", "x.json"), "oneadmin rights");
        }
    }

    @Test
    void templateExportRoundTripsAttributesAndAddressRanges() {
        Map<String, VirtualNetwork> originals = new LinkedHashMap<>();
        Map<String, String> templates = new LinkedHashMap<>();
        try (Inventory inv = open("source")) {
            Fixture f = populate(inv);
            for (int id : f.all()) {
                VirtualNetwork n = inv.queries().details(ADMIN, ObjectRef.id(id), 0).network();
                originals.put(n.name(), n);
                templates.put(n.name(), inv.interchange().exportTemplate(ADMIN, ObjectRef.id(id)));
            }
        }
        assertTrue(templates.get("tagged").contains("AR = [\n  TYPE = \"IP4_6\""), templates.get("tagged"));
        try (Inventory inv = open("fresh")) {
            for (Map.Entry<String, String> e : templates.entrySet()) {
                List<Integer> ids = inv.interchange().importFile(ADMIN, e.getValue(), e.getKey() + ".tpl");
                VirtualNetwork copy = inv.queries().details(ADMIN, ObjectRef.id(ids.get(0)), 0).network();
                VirtualNetwork original = originals.get(e.getKey());
                Map<String, String> expected = NetworkAttributes.toAttributes(original);
                assertEquals(expected, NetworkAttributes.toAttributes(copy), e.getKey());
                assertEquals(arAttributes(original), arAttributes(copy), e.getKey());
                assertEquals(TemplateParser.parse(e.getValue(), "a"),
                        TemplateParser.parse(inv.interchange().exportTemplate(ADMIN, ObjectRef.id(ids.get(0))), "b"),
                        "export of the copy is the same template");
            }
        }
    }

    @Test
    void templateFilesAreCreatedLikeVnetCreate() {
        try (Inventory inv = open("t")) {
            List<Integer> ids = inv.interchange().importFile(ADMIN,
                    "\uFEFF  # a comment first\nNAME = plain\nVN_MAD = bridge\nAR = [ TYPE = ETHER, SIZE = 4 ]\n", "p.tpl");
            assertEquals(1, ids.size());
            assertEquals("plain", inv.queries().details(ADMIN, ObjectRef.name("plain"), 0).network().name());
            assertRefused(() -> inv.interchange().importFile(ADMIN, "NAME = [", "bad.tpl"), "bad.tpl");
        }
    }

    private static List<Map<String, String>> arAttributes(VirtualNetwork n) {
        List<Map<String, String>> out = new ArrayList<>();
        for (AddressRange ar : n.addressRanges()) {
            Map<String, String> a = new LinkedHashMap<>(ar.toAttributes());
            a.remove("PARENT_NETWORK_AR_ID");
            a.put("AR_ID", Integer.toString(ar.id()));
            out.add(a);
        }
        return out;
    }

    static void assertRefused(Executable call, String fragment) {
        VnetException e = assertThrows(VnetException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** Used counter and round-robin cursor of every AR, straight from the store. */
    private static String cursors(Inventory inv, Fixture f) {
        LeaseRepository repo = new LeaseRepository();
        StringBuilder b = new StringBuilder();
        for (int id : f.all()) {
            for (AddressRange ar : inv.queries().details(ADMIN, ObjectRef.id(id), 0).network().addressRanges()) {
                LeaseRepository.ArState s = inv.database().read(c -> repo.readAr(c, id, ar.id())).orElseThrow();
                b.append(id).append('/').append(ar.id()).append(" used=").append(s.used()).append(' ')
                        .append(s.roundRobinCursor()).append('\n');
            }
        }
        return b.toString();
    }

    static VirtualNetwork withoutVersion(VirtualNetwork n) {
        return n.toBuilder().version(0).build();
    }

    static String whois(Inventory inv, String address) {
        StringBuilder b = new StringBuilder();
        for (QueryService.WhoisMatch m : inv.queries().whois(ADMIN, address)) {
            b.append(m.network().id()).append('/').append(m.arId()).append('/')
                    .append(Long.toUnsignedString(m.index())).append('=').append(m.owner().orElse("free")).append(';');
        }
        assertFalse(b.isEmpty(), address + " is in some network");
        return b.toString();
    }
}
