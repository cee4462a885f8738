package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.SyntaxException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.template.ImportedNetwork;
import vnetdesk.template.OneXml;
import vnetdesk.template.TemplateParser;

/**
 * XML export and import: round trips of {@code showXml} and {@code exportXml}, a VNET_POOL with a
 * reservation, and OpenNebula's own XML.
 */
class InterchangeXmlTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    /** {@code onevnet show -x} of an OpenNebula 6 bridged network (shortened), written by hand. */
    private static final String OPENNEBULA_SAMPLE = """
            <VNET>
              <ID>12</ID>
              <UID>2</UID>
              <GID>1</GID>
              <UNAME>alice</UNAME>
              <GNAME>users</GNAME>
              <NAME>private</NAME>
              <PERMISSIONS>
                <OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M><OWNER_A>0</OWNER_A>
                <GROUP_U>1</GROUP_U><GROUP_M>0</GROUP_M><GROUP_A>0</GROUP_A>
                <OTHER_U>0</OTHER_U><OTHER_M>0</OTHER_M><OTHER_A>0</OTHER_A>
              </PERMISSIONS>
              <CLUSTERS><ID>0</ID></CLUSTERS>
              <BRIDGE><![CDATA[onebr12]]></BRIDGE>
              <BRIDGE_TYPE><![CDATA[linux]]></BRIDGE_TYPE>
              <STATE>1</STATE>
              <PREV_STATE>0</PREV_STATE>
              <PARENT_NETWORK_ID><![CDATA[]]></PARENT_NETWORK_ID>
              <VN_MAD><![CDATA[bridge]]></VN_MAD>
              <PHYDEV><![CDATA[]]></PHYDEV>
              <VLAN_ID><![CDATA[]]></VLAN_ID>
              <OUTER_VLAN_ID><![CDATA[]]></OUTER_VLAN_ID>
              <VLAN_ID_AUTOMATIC>0</VLAN_ID_AUTOMATIC>
              <OUTER_VLAN_ID_AUTOMATIC>0</OUTER_VLAN_ID_AUTOMATIC>
              <USED_LEASES>3</USED_LEASES>
              <VROUTERS/>
              <UPDATED_VMS/>
              <OUTDATED_VMS/>
              <UPDATING_VMS/>
              <ERROR_VMS/>
              <TEMPLATE>
                <BRIDGE><![CDATA[onebr12]]></BRIDGE>
                <BRIDGE_TYPE><![CDATA[linux]]></BRIDGE_TYPE>
                <DNS><![CDATA[8.8.8.8]]></DNS>
                <GATEWAY><![CDATA[10.1.0.1]]></GATEWAY>
                <NETWORK_MASK><![CDATA[255.255.255.0]]></NETWORK_MASK>
                <OUTER_VLAN_ID><![CDATA[]]></OUTER_VLAN_ID>
                <PHYDEV><![CDATA[]]></PHYDEV>
                <SECURITY_GROUPS><![CDATA[0]]></SECURITY_GROUPS>
                <VLAN_ID><![CDATA[]]></VLAN_ID>
                <VN_MAD><![CDATA[bridge]]></VN_MAD>
              </TEMPLATE>
              <AR_POOL>
                <AR>
                  <ALLOCATED><![CDATA[ 0 4294967296 1 4294967297 4 4294967298]]></ALLOCATED>
                  <AR_ID><![CDATA[0]]></AR_ID>
                  <IP><![CDATA[10.1.0.10]]></IP>
                  <MAC><![CDATA[02:00:0a:01:00:0a]]></MAC>
                  <SIZE><![CDATA[100]]></SIZE>
                  <TYPE><![CDATA[IP4]]></TYPE>
                  <MAC_END><![CDATA[02:00:0a:01:00:6d]]></MAC_END>
                  <IP_END><![CDATA[10.1.0.109]]></IP_END>
                  <USED_LEASES>3</USED_LEASES>
                  <LEASES>
                    <LEASE>
                      <IP><![CDATA[10.1.0.10]]></IP>
                      <MAC><![CDATA[02:00:0a:01:00:0a]]></MAC>
                      <NIC_NAME><![CDATA[NIC1]]></NIC_NAME>
                      <VM><![CDATA[45]]></VM>
                    </LEASE>
                    <LEASE>
                      <IP><![CDATA[10.1.0.11]]></IP>
                      <MAC><![CDATA[02:00:0a:01:00:0b]]></MAC>
                      <VM><![CDATA[-1]]></VM>
                    </LEASE>
                    <LEASE>
                      <IP><![CDATA[10.1.0.14]]></IP>
                      <MAC><![CDATA[02:00:0a:01:00:0e]]></MAC>
                      <VNET><![CDATA[13]]></VNET>
                    </LEASE>
                  </LEASES>
                </AR>
                <AR>
                  <AR_ID><![CDATA[3]]></AR_ID>
                  <GLOBAL_PREFIX><![CDATA[2001:db8:12::]]></GLOBAL_PREFIX>
                  <MAC><![CDATA[02:00:11:22:00:00]]></MAC>
                  <SIZE><![CDATA[16]]></SIZE>
                  <TYPE><![CDATA[IP6]]></TYPE>
                  <USED_LEASES>1</USED_LEASES>
                  <LEASES>
                    <LEASE>
                      <IP6_GLOBAL><![CDATA[2001:db8:12::11ff:fe22:2]]></IP6_GLOBAL>
                      <MAC><![CDATA[02:00:11:22:00:02]]></MAC>
                      <VM><![CDATA[46]]></VM>
                    </LEASE>
                  </LEASES>
                </AR>
              </AR_POOL>
            </VNET>
            """;

    @TempDir
    Path dir;

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    /** A lease without its network id; reservation owners become holds when the reservation stays behind. */
    private static String portable(Lease l, boolean reservationsBecomeHolds) {
        LeaseOwner owner = reservationsBecomeHolds && l.owner() instanceof LeaseOwner.Reservation ? LeaseOwner.HOLD : l.owner();
        return l.arId() + "/" + Long.toUnsignedString(l.index()) + " " + l.addresses() + " " + ownerLabel(owner);
    }

    /**
     * The owner as the network XML carries it: a VM lease names the VM only (OpenNebula's LEASE has no
     * NIC number; the VM's NIC numbers travel in its own document, VmXmlInterchangeTest).
     */
    private static String ownerLabel(LeaseOwner owner) {
        return owner instanceof LeaseOwner.VmNic nic ? "VM:" + nic.vmId() : owner.label();
    }

    @Test
    void showXmlImportsIntoAFreshInventoryWithTheSameLeases() {
        Map<String, String> xml = new LinkedHashMap<>();
        Map<String, List<String>> leases = new LinkedHashMap<>();
        Map<String, VirtualNetwork> networks = new LinkedHashMap<>();
        try (Inventory inv = open("source")) {
            InterchangeRoundTripTest.populate(inv);
            for (String name : List.of("lan", "tagged", "static6", "overlay")) {
                xml.put(name, inv.interchange().showXml(ADMIN, ObjectRef.name(name)));
                networks.put(name, inv.queries().details(ADMIN, ObjectRef.name(name), 0).network());
                leases.put(name, inv.queries().details(ADMIN, ObjectRef.name(name), Integer.MAX_VALUE).leases().stream()
                        .map(l -> portable(l, true)).toList());
            }
        }
        assertTrue(xml.get("lan").contains("<VNET>4</VNET>"), "the reservation lease is in the XML");
        assertEquals(Optional.of(LockLevel.MANAGE), networks.get("overlay").lock());
        try (Inventory inv = open("fresh")) {
            for (Map.Entry<String, String> e : xml.entrySet()) {
                List<Integer> ids = inv.interchange().importFile(ADMIN, e.getValue(), e.getKey() + ".xml");
                assertEquals(List.of(networks.get(e.getKey()).id()), ids, "the network keeps its id");
                NetworkDetails d = inv.queries().details(ADMIN, ObjectRef.id(ids.get(0)), Integer.MAX_VALUE);
                assertEquals(e.getKey(), d.network().name());
                assertEquals(networks.get(e.getKey()).lock(), d.network().lock(), e.getKey());
                assertEquals(networks.get(e.getKey()).conf().bridgeGenerated(), d.network().conf().bridgeGenerated());
                assertEquals(leases.get(e.getKey()), d.leases().stream().map(l -> portable(l, false)).toList(), e.getKey());
                assertEquals(d.leases().size(), d.usedLeases());
            }
        }
    }

    @Test
    void aPoolWithParentAndReservationRecreatesTheReservation() {
        String pool;
        List<String> parentLeases;
        int reservation;
        try (Inventory inv = open("source")) {
            InterchangeRoundTripTest.Fixture f = InterchangeRoundTripTest.populate(inv);
            reservation = f.reservation();
            pool = "<VNET_POOL>\n" + inv.interchange().showXml(ADMIN, ObjectRef.name("lan-res"))
                    + inv.interchange().showXml(ADMIN, ObjectRef.name("lan")) + "</VNET_POOL>\n";
            parentLeases = inv.queries().details(ADMIN, ObjectRef.name("lan"), 1000).leases().stream()
                    .map(l -> portable(l, false).replace("NET:" + f.reservation(), "NET:child")).toList();
        }
        try (Inventory inv = open("fresh")) {
            List<Integer> ids = inv.interchange().importFile(ADMIN, pool, "pool.xml");
            assertEquals(List.of(0, reservation), ids, "the parent is created first; both keep their ids");
            VirtualNetwork child = inv.queries().details(ADMIN, ObjectRef.name("lan-res"), 0).network();
            assertEquals(Optional.of(0), child.parentNetworkId());
            assertEquals(Optional.of(0), child.addressRanges().get(0).parentArId());
            assertEquals(parentLeases, inv.queries().details(ADMIN, ObjectRef.name("lan"), 1000).leases().stream()
                    .map(l -> portable(l, false).replace("NET:" + child.id(), "NET:child")).toList());
            assertEquals("VM:11 NIC:0", inv.queries().details(ADMIN, ObjectRef.name("lan-res"),
                    10).leases().get(0).owner().label());
            String owner = inv.queries().whois(ADMIN, "10.0.0.52").stream()
                    .filter(m -> m.network().id() == 0).findFirst().orElseThrow().owner().orElseThrow();
            assertTrue(owner.startsWith("NET:" + reservation), owner);
        }
    }

    @Test
    void networksOfOnePoolGetDifferentAutomaticVlanIds() {
        String overlay;
        try (Inventory inv = open("source")) {
            InterchangeRoundTripTest.populate(inv);
            overlay = inv.interchange().showXml(ADMIN, ObjectRef.name("overlay"));
        }
        String second = overlay.replace("<ID>3</ID>", "<ID>30</ID>").replace("overlay", "overlay2");
        try (Inventory inv = open("fresh")) {
            List<Integer> ids = inv.interchange().importFile(ADMIN, "<VNET_POOL>" + overlay + second + "</VNET_POOL>",
                    "pool.xml");
            Optional<Integer> first = inv.queries().details(ADMIN, ObjectRef.id(ids.get(0)),
                    0).network().conf().vlanId();
            Optional<Integer> other = inv.queries().details(ADMIN, ObjectRef.id(ids.get(1)),
                    0).network().conf().vlanId();
            assertTrue(first.isPresent() && other.isPresent());
            assertTrue(!first.equals(other), first + " and " + other);
        }
    }

    @Test
    void anOpenNebulaNetworkImportsForTheActingUser() {
        try (Inventory inv = open("one")) {
            inv.users().createUser(ADMIN, "bob", "users");
            Actor bob = inv.actor("bob");
            InterchangeRoundTripTest.assertRefused(() -> inv.interchange().importFile(bob, OPENNEBULA_SAMPLE, "private.xml"),
                    "needs the CREATE right on NET");
            inv.users().addAcl(ADMIN, "@1 NET/* CREATE");
            InterchangeRoundTripTest.assertRefused(() -> inv.interchange().importFile(bob,
                    OPENNEBULA_SAMPLE.replace("<SECURITY_GROUPS><![CDATA[0]]>", "<SECURITY_GROUPS><![CDATA[0,100]]>"),
                    "private.xml"), "security group 100 does not exist");
            List<Integer> ids = inv.interchange().importFile(bob, OPENNEBULA_SAMPLE, "private.xml");
            NetworkDetails d = inv.queries().details(bob, ObjectRef.id(ids.get(0)), 100);
            VirtualNetwork n = d.network();
            assertEquals("private", n.name());
            assertEquals(bob.uid(), n.ownership().uid());
            assertEquals("onebr12", n.conf().bridge());
            assertEquals("10.1.0.1", n.attributes().get("GATEWAY"));
            assertEquals(List.of(0, 3), n.addressRanges().stream().map(ar -> ar.id()).toList());
            assertEquals(4, n.nextArId());
            assertEquals(List.of("0/0 VM:45 NIC:1", "0/1 HOLD", "0/4 HOLD", "3/2 VM:46 NIC:0"), d.leases().stream()
                    .map(l -> l.arId() + "/" + l.index() + " " + l.owner().label()).toList());
            assertEquals(Map.of(0, 3L, 3, 1L), d.usedPerAr());
        }
    }

    @Test
    void badXmlIsRefusedAndChangesNothing() {
        try (Inventory inv = open("bad")) {
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = first\nVN_MAD = bridge\n", "t"));
            String outside = OPENNEBULA_SAMPLE.replace("<IP><![CDATA[10.1.0.14]]></IP>", "<IP>10.1.0.200</IP>")
                    .replace("<MAC><![CDATA[02:00:0a:01:00:0e]]></MAC>", "");
            String twice = OPENNEBULA_SAMPLE.replace("10.1.0.14", "10.1.0.11").replace("02:00:0a:01:00:0e", "02:00:0a:01:00:0b");
            String disagree = OPENNEBULA_SAMPLE.replace("<IP><![CDATA[10.1.0.14]]></IP>", "<IP>10.1.0.15</IP>");
            String badAr = OPENNEBULA_SAMPLE.replace("<SIZE><![CDATA[100]]></SIZE>", "<SIZE>lots</SIZE>");
            String twoNamed = "<VNET_POOL>" + OPENNEBULA_SAMPLE + OPENNEBULA_SAMPLE.replace("<ID>12</ID>", "<ID>13</ID>")
                    + "</VNET_POOL>";
            Map<String, String> cases = Map.of(
                    outside, "IP: invalid value \"10.1.0.200\": not inside address range 0",
                    twice, "10.1.0.11 is listed twice",
                    disagree, "MAC: invalid value \"02:00:0a:01:00:0e\": not the MAC of 10.1.0.15",
                    badAr, "network 12:private: address range 0: SIZE: invalid value \"lots\"",
                    twoNamed, "network 13:private: NAME: a network named \"private\" already exists",
                    "<VNET><ID>1</ID><NAME>x</NAME>", "x.xml");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                VnetException e = assertThrows(VnetException.class,
                        () -> inv.interchange().importFile(ADMIN, c.getKey(), "x.xml"));
                assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
                assertTrue(e.getMessage().startsWith("x.xml"), e.getMessage());
                assertEquals(1, inv.queries().list(ADMIN).size(), e.getMessage());
            }
            assertThrows(SyntaxException.class, () -> inv.interchange().importFile(ADMIN, "<VNET><ID>1</ID>", "x.xml"));
        }
    }

    // ---- bridges, reservations, permissions, lock and NIC numbers of imported XML ----------

    @Test
    void generatedBridgesAreGeneratedAnewForCopiesAndExplicitOnesKept() {
        List<String> xml = new ArrayList<>();
        try (Inventory inv = open("source")) {
            for (String name : List.of("a", "b", "c")) {
                inv.networks().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nVN_MAD = bridge\n", name));
                xml.add(inv.interchange().showXml(ADMIN, ObjectRef.name(name)));
            }
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = d\nVN_MAD = bridge\nBRIDGE = br-d\n", "d"));
            xml.add(inv.interchange().showXml(ADMIN, ObjectRef.name("d")));
        }
        try (Inventory inv = open("fresh")) {
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = first\nVN_MAD = bridge\n", "t"));
            List<String> bridges = new ArrayList<>();
            for (String file : xml) {
                int id = inv.interchange().importFile(ADMIN, file, "n.xml", true, Progress.NONE).get(0);
                VirtualNetwork n = inv.queries().details(ADMIN, ObjectRef.id(id), 0).network();
                bridges.add(n.conf().bridge() + (n.conf().bridgeGenerated() ? " generated" : ""));
            }
            assertEquals(List.of("onebr1 generated", "onebr2 generated", "onebr3 generated", "br-d"), bridges);
        }
    }

    @Test
    void aReservationImportedWithItsParentTakesTheParentsNewVlanAndBridge() {
        String pool;
        try (Inventory inv = open("source")) {
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = vx\nVN_MAD = 802.1Q\nPHYDEV = eth0\n"
                    + "AUTOMATIC_VLAN_ID = YES\nAR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 20 ]\n", "vx"));
            inv.reservations().reserve(ADMIN, ObjectRef.name("vx"), new ReservationService.Request(4,
                    Optional.of("vx-res"), Optional.empty(), Optional.empty(), Optional.empty()));
            VirtualNetwork child = inv.queries().details(ADMIN, ObjectRef.name("vx-res"), 0).network();
            assertEquals(List.of("onebr0", "2"), List.of(child.conf().bridge(), child.conf().vlanId().orElseThrow() + ""));
            pool = inv.interchange().exportXml(ADMIN, List.of(ObjectRef.name("vx-res")));
        }
        try (Inventory inv = open("fresh")) {
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = v2\nVN_MAD = 802.1Q\nPHYDEV = eth0\nVLAN_ID = 2\n",
                    "t"));
            inv.interchange().importFile(ADMIN, pool, "pool.xml", true, Progress.NONE);
            VirtualNetwork parent = inv.queries().details(ADMIN, ObjectRef.name("vx"), 0).network();
            VirtualNetwork child = inv.queries().details(ADMIN, ObjectRef.name("vx-res"), 0).network();
            assertEquals(Optional.of(3), parent.conf().vlanId(), "VLAN 2 is taken here");
            assertEquals("onebr1", parent.conf().bridge());
            assertEquals(parent.conf().vlanId(), child.conf().vlanId());
            assertEquals(parent.conf().bridge(), child.conf().bridge());
            assertEquals(Optional.of(parent.id()), child.parentNetworkId());
        }
    }

    @Test
    void permissionsAndLockOfTheXmlAreAppliedForTheImportingUser() {
        String xml = OPENNEBULA_SAMPLE.replace("<OTHER_U>0</OTHER_U>", "<OTHER_U>1</OTHER_U>")
                .replace("<USED_LEASES>3</USED_LEASES>\n  <VROUTERS/>",
                        "<USED_LEASES>3</USED_LEASES>\n  <LOCK><LOCKED>1</LOCKED><OWNER>2</OWNER></LOCK><VROUTERS/>");
        assertTrue(xml.contains("<LOCKED>1</LOCKED>"));
        try (Inventory inv = open("one")) {
            inv.users().createUser(ADMIN, "bob", "users");
            Actor bob = inv.actor("bob");
            inv.users().addAcl(ADMIN, "@1 NET/* CREATE");
            int id = inv.interchange().importFile(bob, xml, "private.xml").get(0);
            VirtualNetwork n = inv.queries().details(bob, ObjectRef.id(id), 0).network();
            assertEquals(new Ownership(bob.uid(), 1, Permissions.parseOctal("p", "644")), n.ownership());
            assertEquals(Optional.of(LockLevel.USE), n.lock());
        }
    }

    @Test
    void leasesOfOneVmWithoutNicNameGetNicsInDocumentOrder() {
        String xml = OPENNEBULA_SAMPLE.replace("<VM><![CDATA[-1]]></VM>", "<VM>46</VM>");
        try (Inventory inv = open("one")) {
            int id = inv.interchange().importFile(ADMIN, xml, "private.xml").get(0);
            assertEquals(List.of("VM:45 NIC:1", "VM:46 NIC:0", "HOLD", "VM:46 NIC:1"),
                    inv.queries().details(ADMIN, ObjectRef.id(id), 10).leases().stream()
                            .map(l -> l.owner().label()).toList());
        }
    }

    // ---- exportXml -------------------------------------------------------------------------

    private static List<String> names(String xml) {
        return OneXml.readAll(xml, "x.xml").stream().map(ImportedNetwork::name).toList();
    }

    @Test
    void exportXmlIsOneVnetForOneNetworkAndAPoolWithRelativesOtherwise() {
        try (Inventory inv = open("source")) {
            InterchangeRoundTripTest.populate(inv);
            inv.users().createUser(ADMIN, "bob", "users");
            Actor bob = inv.actor("bob");
            inv.users().addAcl(ADMIN, "@1 NET/* CREATE");
            inv.networks().create(bob, TemplateParser.parse("NAME = bobnet\nVN_MAD = bridge\n", "b"));
            String tagged = inv.interchange().exportXml(ADMIN, List.of(ObjectRef.name("tagged")));
            assertTrue(tagged.startsWith("<VNET>"), tagged);
            assertEquals(inv.interchange().showXml(ADMIN, ObjectRef.name("tagged")), tagged);
            String lan = inv.interchange().exportXml(ADMIN, List.of(ObjectRef.name("lan")));
            assertTrue(lan.startsWith("<VNET_POOL>"), lan);
            assertEquals(List.of("lan", "lan-res"), names(lan));
            assertEquals(List.of("lan", "lan-res"), names(inv.interchange().exportXml(ADMIN,
                    List.of(ObjectRef.name("lan-res")))));
            assertEquals(List.of("lan", "tagged", "static6", "overlay", "lan-res", "static6-res", "bobnet"),
                    names(inv.interchange().exportXml(ADMIN, List.of())));
            String bobs = inv.interchange().exportXml(bob, List.of());
            assertTrue(bobs.startsWith("<VNET_POOL>"), "without NET always a pool, as onevnet list -x");
            assertEquals(List.of("bobnet"), names(bobs));
            VnetException denied = assertThrows(VnetException.class,
                    () -> inv.interchange().exportXml(bob, List.of(ObjectRef.name("bobnet"), ObjectRef.name("lan"))));
            assertTrue(denied.getMessage().contains("USE"), denied.getMessage());
        }
    }

    @Test
    void exportXmlOfEverythingImportsWithTheReservationLeases() {
        String all;
        Map<String, List<String>> before;
        try (Inventory inv = open("source")) {
            InterchangeRoundTripTest.populate(inv);
            all = inv.interchange().exportXml(ADMIN, List.of());
            before = leasesByName(inv);
        }
        try (Inventory inv = open("fresh")) {
            assertEquals(6, inv.interchange().importFile(ADMIN, all, "all.xml").size());
            assertEquals(before, leasesByName(inv));
        }
    }

    /** Every network's leases by network name, a reservation owner by the reservation's name. */
    private static Map<String, List<String>> leasesByName(Inventory inv) {
        Map<Integer, String> namesById = new LinkedHashMap<>();
        inv.queries().list(ADMIN).forEach(sum -> namesById.put(sum.network().id(), sum.network().name()));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : namesById.values()) {
            out.put(name, inv.queries().details(ADMIN, ObjectRef.name(name), Integer.MAX_VALUE).leases().stream()
                    .map(l -> l.arId() + "/" + Long.toUnsignedString(l.index()) + " "
                            + (l.owner() instanceof LeaseOwner.Reservation r ? "NET:" + namesById.get(r.networkId())
                            : ownerLabel(l.owner()))).toList());
        }
        return out;
    }
}
