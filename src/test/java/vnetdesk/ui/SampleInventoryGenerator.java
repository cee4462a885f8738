package vnetdesk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.ReservationService;
import vnetdesk.service.vm.VmService;
import vnetdesk.template.TemplateParser;

/**
 * Writes {@code assets/sample/sample-inventory.json}: networks of every driver
 * and AR type with holds, VM NIC leases and a reservation, security groups, a
 * network template, a user and an ACL rule, a second cluster with a host, a
 * host in the default cluster and four VMs, built through the services and
 * exported as a whole-inventory JSON backup. The bulk leases of VMs 100 to 319
 * stand for VMs of the cloud that are not in this inventory (as after a
 * network XML import); the VMs here are 0 to 3.
 *
 * <p>Run: {@code mvn -q test-compile exec:java} is not configured; use
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vnetdesk.ui.SampleInventoryGenerator assets/sample/sample-inventory.json}
 * (see docs/console.md).
 */
public final class SampleInventoryGenerator {

    private static final Actor ADMIN = Actor.ONEADMIN;

    private SampleInventoryGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path dir = Files.createTempDirectory("vnetdesk-sample");
        try (Inventory inv = Inventory.openDirectory(dir)) {
            build(inv);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, inv.interchange().exportJson(ADMIN, List.of()));
        }
        System.out.println("wrote " + out);
    }

    static void build(Inventory inv) {
        create(inv, """
                NAME = "office-lan"
                DESCRIPTION = "Office desktops and printers"
                VN_MAD = "fw"
                BRIDGE = "br-office"
                NETWORK_ADDRESS = "10.10.0.0"
                NETWORK_MASK = "255.255.255.0"
                GATEWAY = "10.10.0.1"
                DNS = "10.10.0.53 10.10.0.54"
                SECURITY_GROUPS = "0"
                AR = [ TYPE = "IP4", IP = "10.10.0.10", SIZE = "200" ]
                """);
        create(inv, """
                NAME = "dmz"
                DESCRIPTION = "Public services, 802.1Q tagged, dual stack"
                VN_MAD = "802.1Q"
                PHYDEV = "eth1"
                VLAN_ID = "120"
                MTU = "1500"
                FILTER_IP_SPOOFING = "YES"
                FILTER_MAC_SPOOFING = "YES"
                GATEWAY = "192.0.2.1"
                GATEWAY6 = "2001:db8:120::1"
                INBOUND_AVG_BW = "12500"
                OUTBOUND_AVG_BW = "12500"
                AR = [ TYPE = "IP4_6", IP = "192.0.2.10", SIZE = "100", GLOBAL_PREFIX = "2001:db8:120::", ULA_PREFIX = "fd00:120::" ]
                AR = [ TYPE = "ETHER", SIZE = "16" ]
                """);
        create(inv, """
                NAME = "storage"
                DESCRIPTION = "iSCSI / NFS backend, jumbo frames"
                VN_MAD = "bridge"
                MTU = "9000"
                GUEST_MTU = "9000"
                AR = [ TYPE = "IP4", IP = "172.16.0.1", SIZE = "65534" ]
                """);
        create(inv, """
                NAME = "tenant-vxlan-7001"
                DESCRIPTION = "Overlay of tenant 7001"
                VN_MAD = "vxlan"
                PHYDEV = "eth2"
                VLAN_ID = "7001"
                MTU = "1450"
                AR = [ TYPE = "IP4", IP = "10.70.1.2", SIZE = "250" ]
                AR = [ TYPE = "IP6", GLOBAL_PREFIX = "2001:db8:7001::", SIZE = "250" ]
                """);
        create(inv, """
                NAME = "lab-v6"
                DESCRIPTION = "Static IPv6 lab; quote in a value: \\"lab\\""
                VN_MAD = "ebtables"
                AR = [ TYPE = "IP6_STATIC", IP6 = "2001:db8:99::100", PREFIX_LENGTH = "64", SIZE = "1000" ]
                AR = [ TYPE = "IP4_6_STATIC", IP = "10.99.0.1", IP6 = "2001:db8:98::1", PREFIX_LENGTH = "64", SIZE = "50" ]
                """);
        create(inv, """
                NAME = "mgmt"
                DESCRIPTION = "Out-of-band management"
                VN_MAD = "bridge"
                AR = [ TYPE = "IP4", IP = "10.255.0.1", SIZE = "16777214" ]
                """);
        inv.leases().hold(ADMIN, ObjectRef.name("office-lan"), List.of("10.10.0.10-10.10.0.19", "10.10.0.100"),
                Optional.empty());
        for (int vm = 0; vm < 40; vm++) {
            inv.leases().allocate(ADMIN, ObjectRef.name("office-lan"), new LeaseOwner.VmNic(100 + vm, 0),
                    Optional.empty(), Optional.empty());
        }
        for (int vm = 0; vm < 12; vm++) {
            inv.leases().allocate(ADMIN, ObjectRef.name("dmz"), new LeaseOwner.VmNic(200 + vm, 0), Optional.empty(),
                    Optional.empty());
        }
        inv.leases().allocate(ADMIN, ObjectRef.name("dmz"), new LeaseOwner.VmNic(211, 1), Optional.empty(),
                Optional.of(1));
        inv.leases().hold(ADMIN, ObjectRef.name("dmz"), List.of("192.0.2.99"), Optional.empty());
        inv.leases().hold(ADMIN, ObjectRef.name("storage"), List.of("172.16.0.1-172.16.3.232"), Optional.empty());
        inv.reservations().reserve(ADMIN, ObjectRef.name("office-lan"), new ReservationService.Request(16,
                Optional.of("office-printers"), Optional.empty(), Optional.empty(), Optional.of("10.10.0.180")));
        for (int vm = 0; vm < 20; vm++) {
            inv.leases().allocate(ADMIN, ObjectRef.name("tenant-vxlan-7001"), new LeaseOwner.VmNic(300 + vm, 0),
                    Optional.empty(), Optional.empty());
        }
        inv.leases().hold(ADMIN, ObjectRef.name("lab-v6"), List.of("2001:db8:99::100", "2001:db8:99::101"),
                Optional.empty());
        inv.leases().hold(ADMIN, ObjectRef.name("mgmt"), List.of("10.255.0.1-10.255.0.9"), Optional.empty());
        int web = addAccessObjects(inv, ADMIN);
        addVms(inv, web);
    }

    /** Security groups (returns the id of "web"), a network template, a user and an ACL rule. */
    private static int addAccessObjects(Inventory inventory, Actor actor) {
        int web = inventory.securityGroups().create(actor, template("""
                NAME = "web"
                DESCRIPTION = "Public web servers: HTTP(S) from anywhere, ping"
                RULE = [ PROTOCOL = "TCP", RULE_TYPE = "inbound", RANGE = "80,443" ]
                RULE = [ PROTOCOL = "ICMP", RULE_TYPE = "inbound", ICMP_TYPE = "8" ]
                RULE = [ PROTOCOL = "ALL", RULE_TYPE = "outbound" ]
                """));
        int admins = inventory.securityGroups().create(actor, template("""
                NAME = "ssh-from-mgmt"
                DESCRIPTION = "SSH and monitoring from the management network only"
                RULE = [ PROTOCOL = "TCP", RULE_TYPE = "inbound", RANGE = "22,9100:9110", NETWORK_ID = "5" ]
                RULE = [ PROTOCOL = "ICMPV6", RULE_TYPE = "inbound", ICMPV6_TYPE = "128" ]
                """));
        inventory.networks().update(actor, ObjectRef.name("office-lan"),
                template("SECURITY_GROUPS = \"" + web + "," + admins + "\"\n"),
                true);
        inventory.templates().allocate(actor, template("""
                NAME = "Branch office"
                DESCRIPTION = "A branch LAN behind the site firewall; instantiate with its own /24"
                VN_MAD = "fw"
                SECURITY_GROUPS = "0"
                DNS = "10.10.0.53"
                """));
        inventory.users().createUser(actor, "alice", "users");
        inventory.users().addAcl(actor, "@1 VNTEMPLATE/* CREATE");
        return web;
    }

    /**
     * Cluster dc-east with host kvm-01, which carries office-lan and dmz; host kvm-02 in the default
     * cluster; web-01 running on kvm-01 with an office-lan NIC and a dual-stack dmz NIC in group web
     * (the default route on the dmz); batch-01 pending with a NIC waiting for automatic selection;
     * db-01 powered off on kvm-02 on the storage network; alice's dev-01, pending, on the overlay.
     */
    private static void addVms(Inventory inv, int web) {
        int east = inv.clusters().create(ADMIN, "dc-east");
        inv.hosts().create(ADMIN, "kvm-01", Optional.of(ObjectRef.id(east)), Optional.of("10.255.0.11"));
        inv.hosts().create(ADMIN, "kvm-02", Optional.empty(), Optional.of("10.255.0.12"));
        inv.clusters().addNetwork(ADMIN, ObjectRef.id(east), ObjectRef.name("office-lan"));
        inv.clusters().addNetwork(ADMIN, ObjectRef.id(east), ObjectRef.name("dmz"));
        int web01 = inv.vms().create(ADMIN, template("""
                NAME = "web-01"
                DESCRIPTION = "Public web front end"
                GATEWAY_IFACE = "1"
                NIC = [ NETWORK = "office-lan" ]
                NIC = [ NETWORK = "dmz", IP = "192.0.2.50", SECURITY_GROUPS = "%d" ]
                """.formatted(web)));
        inv.vms().deploy(ADMIN, ObjectRef.id(web01), ObjectRef.name("kvm-01"));
        inv.vms().create(ADMIN, template("""
                NAME = "batch-01"
                NIC = [ NETWORK_MODE = "auto", SCHED_REQUIREMENTS = "VN_MAD = \\"vxlan\\"", SCHED_RANK = "FREE_LEASES" ]
                """));
        int db01 = inv.vms().create(ADMIN, template("""
                NAME = "db-01"
                NIC = [ NETWORK = "storage", MODEL = "e1000", INBOUND_AVG_BW = "125000" ]
                """));
        inv.vms().deploy(ADMIN, ObjectRef.id(db01), ObjectRef.name("kvm-02"));
        inv.vms().act(ADMIN, ObjectRef.id(db01), VmService.Action.POWEROFF);
        int dev01 = inv.vms().create(ADMIN, template("""
                NAME = "dev-01"
                NIC = [ NETWORK = "tenant-vxlan-7001" ]
                """));
        inv.vms().chown(ADMIN, ObjectRef.id(dev01), Optional.of("alice"), Optional.of("users"));
    }

    private static vnetdesk.template.Template template(String text) {
        return TemplateParser.parse(text, "sample");
    }

    private static void create(Inventory inv, String template) {
        inv.networks().create(ADMIN, TemplateParser.parse(template, "sample"));
    }
}
