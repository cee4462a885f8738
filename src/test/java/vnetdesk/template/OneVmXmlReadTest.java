package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import vnetdesk.model.LockLevel;
import vnetdesk.model.SyntaxException;

/** Reading {@code onevm show -x} and {@code onevm list -x} XML: OpenNebula's own shape, vnetdesk's, and bad input. */
class OneVmXmlReadTest {

    static String resource(String name) throws IOException {
        try (InputStream in = OneVmXmlReadTest.class.getResourceAsStream("/vm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SyntaxException failsAt(String xml, int line, int column) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> OneVmXml.readAll(xml, "vm.xml"));
        assertTrue(e.getMessage().startsWith("vm.xml: line " + line + ", column " + column + ": "), e.getMessage());
        return e;
    }

    @Test
    void theHandWrittenFixturesFollowOpenNebulasSchemas() throws Exception {
        OpenNebulaSchemas.validate("vm.xsd", resource("opennebula-vm.xml"));
        OpenNebulaSchemas.validate("vm_pool.xsd", resource("opennebula-vm-pool.xml"));
    }

    @Test
    void anOpenNebulaVmGivesItsIdentityStateHostUserTemplateAndNics() throws Exception {
        List<ImportedVm> vms = OneVmXml.readAll(resource("opennebula-vm.xml"), "vm.xml");
        assertEquals(1, vms.size());
        ImportedVm vm = vms.get(0);
        assertEquals(OptionalInt.of(42), vm.id());
        assertEquals(Optional.of("web-42"), vm.name());
        assertEquals(Optional.of("oneadmin"), vm.ownerName());
        assertEquals(Optional.of("600"), vm.permissionsOctal());
        assertEquals(Optional.empty(), vm.lock());
        assertEquals(OptionalInt.of(3), vm.state());
        assertEquals(OptionalInt.of(3), vm.lcmState());
        assertEquals(Optional.of("node-a"), vm.placement().orElseThrow().hostName(), "the history with the highest SEQ");
        assertEquals(OptionalInt.of(3), vm.placement().orElseThrow().hostId());
        assertEquals(Map.of("DESCRIPTION", "Public web server & <proxy>", "GATEWAY_IFACE", "0", "HYPERVISOR", "kvm",
                "LOGO", "images/logos/alpine.png"), vm.userTemplate());
        assertEquals(List.of(0, 2, 3), vm.nics().stream().map(n -> n.nicId().getAsInt()).toList());

        ImportedNic dual = vm.nics().get(1);
        assertEquals(OptionalInt.of(1), dual.networkId());
        assertEquals(Optional.of("dual"), dual.network());
        assertEquals(Optional.of("oneadmin"), dual.networkOwnerName());
        assertEquals(OptionalInt.of(0), dual.arId());
        assertEquals(Optional.of("10.1.0.5"), dual.ip());
        assertEquals(Optional.of("2001:db8:10::aff:fe01:5"), dual.ip6Global());
        assertEquals(Optional.of("fd00:10::aff:fe01:5"), dual.ip6Ula());
        assertEquals(Optional.empty(), dual.ip6());
        assertEquals(Optional.of("02:00:0a:01:00:05"), dual.mac());
        assertEquals(Optional.of("one-42-2"), dual.target());
        assertEquals(Optional.of("0,100"), dual.securityGroups());
        assertEquals(Optional.of("virtio"), dual.model());
        assertEquals("802.1Q", dual.attributes().get("VN_MAD"));
        assertEquals("fe80::aff:fe01:5", dual.attributes().get("IP6_LINK"));
        assertEquals(new XmlPosition(79, 10), dual.at(), "just after its start tag");

        ImportedNic qos = vm.nics().get(2);
        assertEquals("1024", qos.attributes().get("INBOUND_AVG_BW"));
        assertEquals(Optional.of("e1000"), qos.model());
    }

    @Test
    void aPoolListingGivesEveryVmAndEmptyElementsAreAbsent() throws Exception {
        List<ImportedVm> vms = OneVmXml.readAll(resource("opennebula-vm-pool.xml"), "pool.xml");
        assertEquals(List.of(42, 43), vms.stream().map(v -> v.id().getAsInt()).toList());
        assertEquals(Optional.empty(), vms.get(0).permissionsOctal(), "a pool listing has no permissions");
        ImportedNic auto = vms.get(1).nics().get(0);
        assertEquals(OptionalInt.of(0), auto.nicId());
        assertEquals(OptionalInt.empty(), auto.networkId());
        assertEquals(Optional.empty(), auto.network());
        assertEquals(Optional.empty(), auto.mac());
        assertFalse(auto.hasAddress());
        assertEquals("auto", auto.attributes().get("NETWORK_MODE"));
        assertEquals("TRAFFIC_TYPE = \"public\"", auto.attributes().get("SCHED_REQUIREMENTS"));
        assertEquals(Optional.empty(), vms.get(1).placement());
    }

    @Test
    void whatVnetdeskWritesReadsBack() {
        ExportedVm running = OneVmXmlWriteTest.running();
        for (String xml : List.of(OneVmXml.write(running), OneVmXml.writePool(List.of(running)))) {
            ImportedVm vm = OneVmXml.readAll(xml, "x").get(0);
            assertEquals(OptionalInt.of(7), vm.id());
            assertEquals(Optional.of("kvm1"), vm.placement().orElseThrow().hostName());
            assertEquals(List.of(0, 1, 2), vm.nics().stream().map(n -> n.nicId().getAsInt()).toList());
            assertEquals(List.of("one-7-0", "one-7-1", "one-7-2"),
                    vm.nics().stream().map(n -> n.target().orElseThrow()).toList());
            assertEquals(Optional.of("0,101"), vm.nics().get(1).securityGroups());
            assertEquals(Optional.of("2001:db8:1::10"), vm.nics().get(2).ip6());
        }
        ImportedVm pending = OneVmXml.readAll(OneVmXml.write(OneVmXmlWriteTest.pending()), "x").get(0);
        assertEquals(Optional.of(LockLevel.MANAGE), pending.lock());
        assertEquals(Optional.of("600"), pending.permissionsOctal());
    }

    @Test
    void numbersThatAreNotWholeNumbersAreRefusedWhereTheyAre() {
        SyntaxException e = failsAt("<VM>\n  <ID>seven</ID>\n</VM>", 2, 7);
        assertTrue(e.getMessage().contains("<ID> must be a whole number, 0 or more, found \"seven\""), e.getMessage());
        e = failsAt("<VM><ID>1</ID><TEMPLATE>\n<NIC><NIC_ID>one</NIC_ID></NIC></TEMPLATE></VM>", 2, 14);
        assertTrue(e.getMessage().contains("<NIC_ID> must be a whole number, 0 or more, found \"one\""), e.getMessage());
        failsAt("<VM><ID>1</ID><TEMPLATE><NIC><NETWORK_ID>-3</NETWORK_ID></NIC></TEMPLATE></VM>", 1, 42);
        failsAt("<VM><STATE>3.5</STATE></VM>", 1, 12);
    }

    @Test
    void aNicAliasAnElementTwiceAndAnotherRootAreRefused() {
        SyntaxException alias = failsAt("<VM><ID>1</ID><TEMPLATE>\n  <NIC_ALIAS><IP>10.0.0.9</IP></NIC_ALIAS>"
                + "</TEMPLATE></VM>", 2, 14);
        assertTrue(alias.getMessage().contains("vnetdesk has no NIC aliases"), alias.getMessage());
        SyntaxException twice = failsAt("<VM><TEMPLATE><NIC><IP>10.0.0.1</IP>\n<IP>10.0.0.2</IP></NIC></TEMPLATE></VM>",
                2, 5);
        assertTrue(twice.getMessage().contains("<IP> appears twice in one <NIC>"), twice.getMessage());
        SyntaxException root = failsAt("<VNET><ID>1</ID></VNET>", 1, 7);
        assertTrue(root.getMessage().contains("the root element is <VNET>; expected <VM> or <VM_POOL>")
                && root.getMessage().contains("(networks are imported with import)"), root.getMessage());
    }

    @Test
    void hostileOrBrokenDocumentsFailCleanly() {
        SyntaxException dtd = assertThrows(SyntaxException.class, () -> OneVmXml.readAll(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE VM [<!ENTITY x \"y\">]>\n<VM><NAME>&x;</NAME></VM>", "vm.xml"));
        assertTrue(dtd.getMessage().contains("a DOCTYPE declaration is not allowed"), dtd.getMessage());
        SyntaxException cut = assertThrows(SyntaxException.class, () -> OneVmXml.readAll(
                "<VM><ID>1</ID><TEMPLATE><NIC>", "vm.xml"));
        assertTrue(cut.getMessage().contains("not well-formed XML"), cut.getMessage());
        SyntaxException deep = assertThrows(SyntaxException.class, () -> OneVmXml.readAll(
                "<VM>" + "<USER_TEMPLATE>".repeat(70) + "</VM>", "vm.xml"));
        assertTrue(deep.getMessage().contains("nested more than 64 levels"), deep.getMessage());
    }
}
