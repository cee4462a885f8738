package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.vm.VmImportResult;
import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.TemplateParser;

/**
 * {@code onevm show -x} import and export through the services: an OpenNebula-shaped VM with an
 * IPv4 NIC, a dual-stack NIC with its own security group and a NIC with its own QoS comes in with
 * its ids, NIC indexes, leases and tap names, and goes out with the same elements.
 */
class VmXmlInterchangeTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    private Inventory inv;

    static String resource(String name) throws IOException {
        try (InputStream in = VmXmlInterchangeTest.class.getResourceAsStream("/vm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The networks, group and host the fixture's VM uses, as an administrator would set them up first. */
    static void prepare(Inventory inv, boolean withNetworks) {
        if (withNetworks) {
            create(inv, "NAME = public\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = IP4, IP = 192.0.2.10, SIZE = 50 ]\n");
            create(inv, "NAME = dual\nVN_MAD = 802.1Q\nPHYDEV = eth1\nVLAN_ID = 120\nBRIDGE = onebr.120\n"
                    + "AR = [ TYPE = IP4_6, IP = 10.1.0.1, SIZE = 20, GLOBAL_PREFIX = \"2001:db8:10::\","
                    + " ULA_PREFIX = \"fd00:10::\" ]\n");
        }
        inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n", "t"));
        inv.hosts().create(ADMIN, "node-a", Optional.empty(), Optional.of("10.9.0.1"));
    }

    @BeforeEach
    void openInventory() {
        inv = open(dir.resolve("a"));
        prepare(inv, true);
    }

    @AfterEach
    void closeInventory() {
        inv.close();
    }

    private Vm vm(int id) {
        return inv.vms().show(ADMIN, ObjectRef.id(id)).vm();
    }

    private List<LeaseOwner> owners(String network) {
        return inv.queries().leasePage(ADMIN, ObjectRef.name(network), 0, OptionalLong.empty(), 100).stream()
                .map(Lease::owner).toList();
    }

    @Test
    void anOpenNebulaVmImportsWithItsIdsNicIndexesLeasesAndTapNames() throws Exception {
        VmImportResult result = inv.interchange().importVms(ADMIN, resource("opennebula-vm.xml"), "vm.xml");
        assertEquals(List.of(42), result.ids());
        assertEquals(List.of(), result.notes());
        Vm vm = vm(42);
        assertEquals("web-42", vm.name());
        assertEquals(VmState.RUNNING, vm.state());
        assertEquals(inv.hosts().show(ADMIN, ObjectRef.name("node-a")).host().id(), vm.hostId().orElseThrow());
        assertEquals("600", vm.ownership().permissions().octal());
        assertEquals("0", vm.attributes().get("GATEWAY_IFACE"));
        assertEquals(List.of(0, 2, 3), vm.nics().stream().map(Nic::index).toList());
        assertEquals(List.of("one-42-0", "one-42-2", "one-42-3"), vm.nics().stream().map(n -> n.tapName(42)).toList());

        NicNetwork.Leased dual = vm.nic(2).orElseThrow().lease().orElseThrow();
        assertEquals("10.1.0.5", dual.addresses().ip().orElseThrow().toString());
        assertEquals("2001:db8:10::aff:fe01:5", dual.addresses().ip6Global().orElseThrow().toString());
        assertEquals(List.of(100), vm.nic(2).orElseThrow().securityGroups(), "0 comes from the network");
        Nic qos = vm.nic(3).orElseThrow();
        assertEquals("e1000", qos.model());
        assertEquals(OptionalLong.of(1024), qos.qos().orElseThrow().inboundAvg());
        assertEquals(Optional.empty(), vm.nic(0).orElseThrow().qos());

        assertEquals(List.of(new LeaseOwner.VmNic(42, 0), new LeaseOwner.VmNic(42, 3)), owners("public"));
        assertEquals(List.of(new LeaseOwner.VmNic(42, 2)), owners("dual"));
        assertEquals(43, inv.vms().create(ADMIN, TemplateParser.parse("NAME = next\n", "t")),
                "the id sequence moved past the imported id");
    }

    /** The elements a round trip keeps, per NIC and for the VM. */
    private static final List<String> NIC_ELEMENTS = List.of("NIC_ID", "NAME", "NETWORK", "NETWORK_ID",
            "NETWORK_UNAME", "AR_ID", "IP", "IP6", "IP6_GLOBAL", "IP6_ULA", "IP6_LINK", "MAC", "TARGET",
            "SECURITY_GROUPS", "MODEL", "INBOUND_AVG_BW", "OUTBOUND_AVG_BW", "BRIDGE", "VN_MAD", "PHYDEV", "VLAN_ID");
    private static final List<String> VM_ELEMENTS = List.of("ID", "UID", "GID", "UNAME", "GNAME", "NAME",
            "PERMISSIONS/OWNER_U", "PERMISSIONS/OWNER_M", "PERMISSIONS/GROUP_U", "PERMISSIONS/OTHER_U", "STATE",
            "LCM_STATE", "PREV_STATE", "PREV_LCM_STATE", "DEPLOY_ID", "TEMPLATE/VMID", "USER_TEMPLATE/DESCRIPTION",
            "USER_TEMPLATE/GATEWAY_IFACE", "USER_TEMPLATE/HYPERVISOR", "USER_TEMPLATE/LOGO",
            "HISTORY_RECORDS/HISTORY[last()]/HOSTNAME", "HISTORY_RECORDS/HISTORY[last()]/VM_MAD");

    /**
     * Export gives back the fixture's elements. What differs, and why: times, MONITORING and
     * LAST_POLL (vnetdesk keeps none: 0 and empty); the storage, console and context parts of
     * TEMPLATE (CPU, MEMORY, DISK, CONTEXT, GRAPHICS, OS, AUTOMATIC_*, SECURITY_GROUP_RULE,
     * TEMPLATE_ID) and TM_MAD_SYSTEM (vnetdesk keeps the networking of a VM only); every HISTORY but
     * the current one, whose HID and CID are this inventory's host and cluster; a NIC's BRIDGE_TYPE
     * and CLUSTER_ID (not written); BACKUPS is empty.
     */
    @Test
    void exportingTheImportedVmGivesBackTheSameElements() throws Exception {
        String fixture = resource("opennebula-vm.xml");
        inv.interchange().importVms(ADMIN, fixture, "vm.xml");
        String exported = inv.interchange().exportVmXml(ADMIN, List.of(ObjectRef.id(42)));
        Document before = dom(fixture);
        Document after = dom(exported);
        List<String> differences = new ArrayList<>();
        for (String path : VM_ELEMENTS) {
            compare(before, after, "/VM/" + path, differences);
        }
        assertEquals(3, count(after, "/VM/TEMPLATE/NIC"));
        for (String nicId : List.of("0", "2", "3")) {
            for (String element : NIC_ELEMENTS) {
                compare(before, after, "/VM/TEMPLATE/NIC[NIC_ID=" + nicId + "]/" + element, differences);
            }
        }
        assertEquals(List.of(), differences);
        assertEquals(1, count(after, "/VM/HISTORY_RECORDS/HISTORY"), "only the current placement");

        // and vnetdesk's own export imports into another inventory and exports identically
        try (Inventory other = open(dir.resolve("b"))) {
            prepare(other, true);
            other.interchange().importVms(ADMIN, exported, "exported.xml");
            assertEquals(exported, other.interchange().exportVmXml(ADMIN, List.of(ObjectRef.id(42))));
        }
    }

    private static void compare(Document before, Document after, String path, List<String> differences)
            throws Exception {
        String a = x(before, path);
        String b = x(after, path);
        if (!a.equals(b)) {
            differences.add(path + ": \"" + a + "\" became \"" + b + "\"");
        }
    }

    @Test
    void aPoolListingImportsEveryVmOrNone() throws Exception {
        String pool = resource("opennebula-vm-pool.xml");
        String bad = pool.replace("FREE_LEASES", "FREE_LEASES *");
        ValidationException e = assertThrows(ValidationException.class,
                () -> inv.interchange().importVms(ADMIN, bad, "pool.xml"));
        assertTrue(e.getMessage().startsWith("pool.xml: line 62, column 12: VM 43:batch-43: NIC 0 SCHED_RANK:"),
                e.getMessage());
        assertEquals(List.of(), inv.vms().list(ADMIN), "VM 42, fine on its own, went with VM 43");
        assertEquals(List.of(), owners("public"), "and so did its leases");

        VmImportResult result = inv.interchange().importVms(ADMIN, pool, "pool.xml");
        assertEquals(List.of(42, 43), result.ids());
        Vm pending = vm(43);
        assertEquals(VmState.PENDING, pending.state());
        assertEquals(new NicNetwork.Automatic("TRAFFIC_TYPE = \"public\"", "FREE_LEASES"),
                pending.nic(0).orElseThrow().network());
        assertEquals("640", vm(42).ownership().permissions().octal(),
                "a pool listing has no PERMISSIONS: the default applies");
    }

    @Test
    void whatVmShowAndVmListPrintIsValidAgainstOpenNebulasSchemas() throws Exception {
        OpenNebulaSchemas.validate("vm_pool.xsd", inv.interchange().exportVmPoolXml(ADMIN));
        inv.interchange().importVms(ADMIN, resource("opennebula-vm-pool.xml"), "pool.xml");
        OpenNebulaSchemas.validate("vm.xsd", inv.interchange().exportVmXml(ADMIN, List.of(ObjectRef.id(42))));
        OpenNebulaSchemas.validate("vm.xsd", inv.interchange().exportVmXml(ADMIN, List.of(ObjectRef.id(43))));
        OpenNebulaSchemas.validate("vm_pool.xsd", inv.interchange().exportVmPoolXml(ADMIN));
        OpenNebulaSchemas.validate("vm_pool.xsd", inv.interchange().exportVmXml(ADMIN,
                List.of(ObjectRef.id(43), ObjectRef.id(42))));
    }

    @Test
    void leasesImportedEarlierWithTheNetworksAreAdopted() throws Exception {
        inv.interchange().importVms(ADMIN, resource("opennebula-vm.xml"), "vm.xml");
        String networks = inv.interchange().exportXml(ADMIN, List.of());
        try (Inventory other = open(dir.resolve("b"))) {
            other.interchange().importFile(ADMIN, networks, "vnets.xml");
            prepare(other, false);
            assertEquals(3, used(other, "public") + used(other, "dual"), "the VM's leases came with the networks");
            assertEquals(43, other.vms().create(ADMIN, TemplateParser.parse("NAME = planned\n", "t")),
                    "a VM id a lease names is never given to a new VM");
            other.interchange().importVms(ADMIN, resource("opennebula-vm.xml"), "vm.xml");
            assertEquals(3, used(other, "public") + used(other, "dual"), "adopted, not taken twice");
            assertEquals(inv.vms().show(ADMIN, ObjectRef.id(42)).vm().nics(),
                    other.vms().show(ADMIN, ObjectRef.id(42)).vm().nics());
        }
    }

    @Test
    void refusalsNameTheVmTheNicTheElementAndTheValueAndLeaveNothing() throws Exception {
        String fixture = resource("opennebula-vm.xml");
        assertRefused(ValidationException.class, fixture.replace("one-42-2", "vnet7"),
                "vm.xml: line 79, column 10: VM 42:web-42: NIC 2 TARGET: invalid value \"vnet7\": vnetdesk names"
                        + " the tap of NIC 2 of VM 42 one-42-2 itself");
        assertRefused(ValidationException.class, fixture.replace("[192.0.2.12]", "[192.0.3.12]"),
                "NIC 0 IP: invalid value \"192.0.3.12\": not inside address range 0 of network 0:public");
        assertRefused(ValidationException.class, fixture.replace("[02:00:c0:00:02:0c]", "[02:00:c0:00:02:0d]"),
                "NIC 0 MAC: invalid value \"02:00:c0:00:02:0d\": the lease of 192.0.2.12 in address range 0 has"
                        + " 02:00:c0:00:02:0c");
        assertRefused(NotFoundException.class, fixture.replace("[dual]", "[duel]").replace("<NETWORK_ID><![CDATA[1]]>",
                "<NETWORK_ID><![CDATA[9]]>"), "NIC 2 NETWORK: no network is named \"duel\"");
        assertRefused(VnetException.class, fixture.replace("<HOSTNAME>node-a", "<HOSTNAME>node-z"),
                "VM 42:web-42: HOSTNAME: the VM is RUNNING on host \"node-z\", which is not in the inventory; add the"
                        + " host first");
        assertRefused(ValidationException.class, fixture.replace("<STATE>3</STATE>", "<STATE>7</STATE>"),
                "STATE: invalid value \"7/3\": not a VM state vnetdesk keeps");
        inv.leases().hold(ADMIN, ObjectRef.name("public"), List.of("192.0.2.17"), Optional.empty());
        assertRefused(ConflictException.class, fixture, "line 101, column 10: VM 42:web-42: NIC 3 IP: 192.0.2.17 is"
                + " already used by");
        assertEquals(List.of(LeaseOwner.HOLD), owners("public"), "NIC 0's lease went with the refusal");

        inv.leases().release(ADMIN, ObjectRef.name("public"), List.of("192.0.2.17"), Optional.empty());
        inv.interchange().importVms(ADMIN, fixture, "vm.xml");
        assertRefused(ConflictException.class, fixture, "vm.xml: line 1, column 5: ID: the inventory already has"
                + " VM 42:web-42");
    }

    @Test
    void aRunningVmsNetworksMustBeInItsHostsCluster() throws Exception {
        int edge = inv.clusters().create(ADMIN, "edge");
        inv.clusters().addHost(ADMIN, ObjectRef.id(edge), ObjectRef.name("node-a"));
        assertRefused(ConflictException.class, resource("opennebula-vm.xml"), "NIC 0: network 0:public is not in"
                + " cluster " + edge + ":edge of host");
        inv.clusters().addNetwork(ADMIN, ObjectRef.id(edge), ObjectRef.name("public"));
        inv.clusters().addNetwork(ADMIN, ObjectRef.id(edge), ObjectRef.name("dual"));
        assertEquals(List.of(42), inv.interchange().importVms(ADMIN, resource("opennebula-vm.xml"), "vm.xml").ids());
    }

    @Test
    void aUserImportsOnlyWithTheCreateRightAndUseOfEachNetworkAndOwnsTheVm() throws Exception {
        inv.users().createUser(ADMIN, "bob", "users");
        Actor bob = inv.actor("bob");
        String fixture = resource("opennebula-vm.xml");
        VnetException noCreate = assertThrows(VnetException.class, () -> inv.interchange().importVms(bob, fixture,
                "vm.xml"));
        assertTrue(noCreate.getMessage().contains("needs the CREATE right on VM"), noCreate.getMessage());
        inv.users().addAcl(ADMIN, "@1 VM/* CREATE");
        inv.users().addAcl(ADMIN, "@1 HOST/* USE");
        VnetException noUse = assertThrows(VnetException.class, () -> inv.interchange().importVms(bob, fixture,
                "vm.xml"));
        assertTrue(noUse.getMessage().contains("may not attach a NIC to network 0:public"), noUse.getMessage());
        for (String net : List.of("public", "dual")) {
            inv.networks().chmod(ADMIN, ObjectRef.name(net), Permissions.parseOctal("p", "644"));
        }
        inv.securityGroups().chmod(ADMIN, ObjectRef.id(100), Permissions.parseOctal("p", "644"));
        VmImportResult result = inv.interchange().importVms(bob, fixture, "vm.xml");
        assertEquals(bob.uid(), vm(42).ownership().uid());
        assertEquals(1, result.notes().size());
        assertTrue(result.notes().get(0).contains("owned by bob, who imports it; the file names user oneadmin"),
                result.notes().get(0));
    }

    @Test
    void anAdministratorsImportGivesTheVmToTheUserTheFileNamesWhenThereIsOne() throws Exception {
        inv.users().createUser(ADMIN, "alice", "users");
        String fixture = resource("opennebula-vm.xml").replace("<UNAME>oneadmin</UNAME>", "<UNAME>alice</UNAME>")
                .replace("<GNAME>oneadmin</GNAME>", "<GNAME>staff</GNAME>");
        VmImportResult result = inv.interchange().importVms(ADMIN, fixture, "vm.xml");
        Actor alice = inv.actor("alice");
        assertEquals(alice.uid(), vm(42).ownership().uid());
        assertEquals(alice.gid(), vm(42).ownership().gid(), "group staff does not exist: the owner's group");
        assertEquals(List.of("vm.xml: line 1, column 5: VM 42:web-42: group staff does not exist here; the VM is in"
                + " its owner's group"), result.notes());
    }

    private void assertRefused(Class<? extends VnetException> kind, String xml, String fragment) {
        VnetException e = assertThrows(VnetException.class, () -> inv.interchange().importVms(ADMIN, xml, "vm.xml"));
        assertTrue(kind.isInstance(e), e.getClass().getSimpleName() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    // ---- XPath ---------------------------------------------------------------------------------

    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String x(Document d, String path) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        return (String) xp.evaluate(path, d, XPathConstants.STRING);
    }

    private static int count(Document d, String path) throws Exception {
        return Integer.parseInt(x(d, "count(" + path + ")").replace(".0", ""));
    }
}
