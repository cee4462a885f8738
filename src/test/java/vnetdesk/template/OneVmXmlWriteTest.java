package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import vnetdesk.model.AddressRange;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.model.vm.VmState;

/** {@code onevm show -x} and {@code onevm list -x} as vnetdesk writes them, checked against OpenNebula's schemas. */
class OneVmXmlWriteTest {

    static final VirtualNetwork NETWORK = OneXmlWriteTest.network(Optional.empty());
    static final Host HOST = new Host(2, "kvm1", 100, "10.9.0.1", Map.of(), 0);
    static final Qos NIC_QOS = new Qos(OptionalLong.of(1000), OptionalLong.of(2000), OptionalLong.empty(),
            OptionalLong.of(500), OptionalLong.empty(), OptionalLong.empty());

    static Nic leased(int index, AddressRange ar, long leaseIndex, List<Integer> groups, Optional<Qos> qos,
                      String model, Map<String, String> attributes) {
        return new Nic(index, new NicNetwork.Leased(NETWORK.id(), ar.id(), leaseIndex, ar.addressesAt(leaseIndex)),
                groups, qos, model, attributes);
    }

    /** VM 7, RUNNING on kvm1: an IPv4 NIC, a dual-stack NIC with its own group and QoS, a static IPv6 NIC. */
    static ExportedVm running() {
        Nic ipv4 = leased(0, OneXmlWriteTest.IP4, 0, List.of(), Optional.empty(), Nic.DEFAULT_MODEL, Map.of());
        Nic dual = leased(1, OneXmlWriteTest.DUAL, 3, List.of(101), Optional.of(NIC_QOS), "e1000",
                Map.of("VIRTIO_QUEUES", "4"));
        Nic static6 = leased(2, OneXmlWriteTest.STATIC6, 0, List.of(), Optional.empty(), Nic.DEFAULT_MODEL, Map.of());
        Vm vm = new Vm(7, "web", new Ownership(0, 0, new Permissions(0640)), Optional.empty(), VmState.RUNNING,
                Optional.of(HOST.id()), Map.of("GATEWAY_IFACE", "1", "DESCRIPTION", "front end"),
                List.of(ipv4, dual, static6), 3);
        return new ExportedVm(vm, "oneadmin", "oneadmin", Optional.of(HOST), List.of(
                new ExportedVm.ExportedNic(ipv4, Optional.of(NETWORK), "alice", List.of(0), Qos.NONE),
                new ExportedVm.ExportedNic(dual, Optional.of(NETWORK), "alice", List.of(101, 0), NIC_QOS),
                new ExportedVm.ExportedNic(static6, Optional.of(NETWORK), "alice", List.of(0), Qos.NONE)));
    }

    /** VM 8, PENDING and locked, with one NIC waiting for automatic network selection. */
    static ExportedVm pending() {
        Nic auto = new Nic(0, new NicNetwork.Automatic("VN_MAD = \"802.1Q\"", "-USED_LEASES"), List.of(101),
                Optional.empty(), Nic.DEFAULT_MODEL, Map.of());
        Vm vm = new Vm(8, "batch", new Ownership(2, 1, new Permissions(0600)), Optional.of(LockLevel.MANAGE),
                VmState.PENDING, Optional.empty(), Map.of(), List.of(auto), 0);
        return new ExportedVm(vm, "alice", "users", Optional.empty(),
                List.of(new ExportedVm.ExportedNic(auto, Optional.empty(), "", List.of(101), Qos.NONE)));
    }

    @Test
    void showOfARunningVmWithIpv4DualStackAndStaticIpv6NicsIsValidAgainstVmXsd() throws Exception {
        OpenNebulaSchemas.validate("vm.xsd", OneVmXml.write(running()));
    }

    @Test
    void showOfAPendingVmWithAnAutomaticNicIsValidAgainstVmXsd() throws Exception {
        OpenNebulaSchemas.validate("vm.xsd", OneVmXml.write(pending()));
    }

    @Test
    void listOfVmsAndAnEmptyListAreValidAgainstVmPoolXsd() throws Exception {
        OpenNebulaSchemas.validate("vm_pool.xsd", OneVmXml.writePool(List.of(running(), pending())));
        OpenNebulaSchemas.validate("vm_pool.xsd", OneVmXml.writePool(List.of()));
    }

    @Test
    void theSchemaCheckCatchesAMissingRequiredElement() throws Exception {
        String broken = OneVmXml.write(running()).replaceFirst("<VMID>7</VMID>", "");
        OpenNebulaSchemas.require("vm.xsd");
        SAXException e = assertThrows(SAXException.class, () -> OpenNebulaSchemas.validate("vm.xsd", broken));
        assertTrue(e.getMessage().contains("VMID"), e.getMessage());
    }

    @Test
    void identityStateAndHostAreWrittenAsOpenNebulaDoes() throws Exception {
        Document d = dom(OneVmXml.write(running()));
        assertEquals("7", x(d, "/VM/ID"));
        assertEquals("web", x(d, "/VM/NAME"));
        assertEquals("oneadmin", x(d, "/VM/UNAME"));
        assertEquals("1", x(d, "/VM/PERMISSIONS/GROUP_U"));
        assertEquals("0", x(d, "/VM/PERMISSIONS/GROUP_M"));
        assertEquals("3", x(d, "/VM/STATE"));
        assertEquals("3", x(d, "/VM/LCM_STATE"));
        assertEquals("one-7", x(d, "/VM/DEPLOY_ID"));
        assertEquals(0, count(d, "/VM/LOCK"));
        assertEquals("7", x(d, "/VM/TEMPLATE/VMID"));
        assertEquals("kvm1", x(d, "/VM/HISTORY_RECORDS/HISTORY/HOSTNAME"));
        assertEquals("2", x(d, "/VM/HISTORY_RECORDS/HISTORY/HID"));
        assertEquals("100", x(d, "/VM/HISTORY_RECORDS/HISTORY/CID"));
        assertEquals("kvm", x(d, "/VM/HISTORY_RECORDS/HISTORY/VM_MAD"));
        assertEquals(List.of("DESCRIPTION", "GATEWAY_IFACE"), children(d, "/VM/USER_TEMPLATE"));

        Document p = dom(OneVmXml.write(pending()));
        assertEquals("1", x(p, "/VM/STATE"));
        assertEquals("0", x(p, "/VM/LCM_STATE"));
        assertEquals("", x(p, "/VM/DEPLOY_ID"));
        assertEquals("2", x(p, "/VM/LOCK/LOCKED"));
        assertEquals(0, count(p, "/VM/HISTORY_RECORDS/HISTORY"));
    }

    @Test
    void nicsCarryIdsLeasesTapNamesGroupsAndQosInAlphabeticalOrder() throws Exception {
        Document d = dom(OneVmXml.write(running()));
        assertEquals(3, count(d, "/VM/TEMPLATE/NIC"));
        assertEquals(List.of("AR_ID", "BRIDGE", "IP", "MAC", "MODEL", "NAME", "NETWORK", "NETWORK_ID", "NETWORK_UNAME",
                "NIC_ID", "PHYDEV", "SECURITY_GROUPS", "TARGET", "VLAN_ID", "VN_MAD"), children(d, "/VM/TEMPLATE/NIC[1]"));
        assertEquals("10.0.0.1", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/IP"));
        assertEquals("one-7-0", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/TARGET"));
        assertEquals("private-net", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/NETWORK"));
        assertEquals("5", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/NETWORK_ID"));
        assertEquals("alice", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/NETWORK_UNAME"));
        assertEquals("br50", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/BRIDGE"));
        assertEquals("802.1Q", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/VN_MAD"));
        assertEquals("50", x(d, "/VM/TEMPLATE/NIC[NIC_ID=0]/VLAN_ID"));

        String dual = "/VM/TEMPLATE/NIC[NIC_ID=1]";
        assertEquals("1", x(d, dual + "/AR_ID"));
        assertEquals("10.0.1.4", x(d, dual + "/IP"));
        assertEquals(OneXmlWriteTest.DUAL.addressesAt(3).ip6Global().orElseThrow().toString(), x(d, dual + "/IP6_GLOBAL"));
        assertEquals(OneXmlWriteTest.DUAL.addressesAt(3).ip6Ula().orElseThrow().toString(), x(d, dual + "/IP6_ULA"));
        assertEquals(OneXmlWriteTest.DUAL.addressesAt(3).mac().toString(), x(d, dual + "/MAC"));
        assertEquals("0,101", x(d, dual + "/SECURITY_GROUPS"), "the effective groups, sorted as OpenNebula's set");
        assertEquals("1000", x(d, dual + "/INBOUND_AVG_BW"));
        assertEquals("500", x(d, dual + "/OUTBOUND_AVG_BW"));
        assertEquals("e1000", x(d, dual + "/MODEL"));
        assertEquals("4", x(d, dual + "/VIRTIO_QUEUES"));
        assertEquals("one-7-1", x(d, dual + "/TARGET"));
        assertEquals("2001:db8:1::10", x(d, "/VM/TEMPLATE/NIC[NIC_ID=2]/IP6"));

        Document p = dom(OneVmXml.write(pending()));
        assertEquals(List.of("MODEL", "NAME", "NETWORK_MODE", "NIC_ID", "SCHED_RANK", "SCHED_REQUIREMENTS",
                "SECURITY_GROUPS", "TARGET"), children(p, "/VM/TEMPLATE/NIC"));
        assertEquals("VN_MAD = \"802.1Q\"", x(p, "/VM/TEMPLATE/NIC/SCHED_REQUIREMENTS"));
    }

    @Test
    void theListHasTheShortBodyWithTheSameNics() throws Exception {
        Document d = dom(OneVmXml.writePool(List.of(running(), pending())));
        assertEquals(2, count(d, "/VM_POOL/VM"));
        assertEquals(0, count(d, "/VM_POOL/VM/PERMISSIONS"));
        assertEquals(0, count(d, "/VM_POOL/VM/PREV_STATE"));
        assertEquals("one-7-1", x(d, "/VM_POOL/VM[ID=7]/TEMPLATE/NIC[NIC_ID=1]/TARGET"));
        assertEquals("kvm1", x(d, "/VM_POOL/VM[ID=7]/HISTORY_RECORDS/HISTORY/HOSTNAME"));
        assertEquals("2", x(d, "/VM_POOL/VM[ID=8]/LOCK/LOCKED"));
        assertEquals("<VM_POOL></VM_POOL>\n", OneVmXml.writePool(List.of()));
    }

    @Test
    void aValueXmlCannotCarryIsRefusedNamingItsElement() {
        ExportedVm vm = running();
        Vm bad = new Vm(7, "web", vm.vm().ownership(), Optional.empty(), VmState.RUNNING, Optional.of(HOST.id()),
                Map.of("NOTE", "bell \u0007"), vm.vm().nics(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneVmXml.write(
                new ExportedVm(bad, "oneadmin", "oneadmin", vm.host(), vm.nics())));
        assertTrue(e.getMessage().startsWith("NOTE: the value contains a character"), e.getMessage());
    }

    @Test
    void exportedNicsMustBeTheVmsNics() {
        ExportedVm vm = running();
        assertThrows(IllegalArgumentException.class, () -> new ExportedVm(vm.vm(), "a", "b", vm.host(),
                vm.nics().subList(0, 2)));
    }

    /** The names of the element children of the node at {@code path}, in order. */
    static List<String> children(Document d, String path) throws Exception {
        Element e = (Element) XPathFactory.newInstance().newXPath().evaluate(path, d, XPathConstants.NODE);
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                names.add(n.getNodeName());
            }
        }
        return names;
    }
}
