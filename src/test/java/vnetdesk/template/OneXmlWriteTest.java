package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import vnetdesk.model.AddressRange;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.ArType;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;

class OneXmlWriteTest {

    // ---- fixture: a network with an IP4, an IP4_6 and an IP6_STATIC range -----------------

    static final AddressRange IP4 = new AddressRange(0, new ArType.Ip4(Ipv4.parse("IP", "10.0.0.1")),
            Mac.parse("MAC", "02:00:0a:00:00:01"), 9, Map.of("GATEWAY", "10.0.0.254"), Optional.empty());
    static final AddressRange DUAL = new AddressRange(1, new ArType.Ip4And6(Ipv4.parse("IP", "10.0.1.1"),
            Optional.of(Ipv6.parse("P", "2001:db8::")), Optional.of(Ipv6.parse("P", "fd00::"))),
            Mac.parse("MAC", "02:00:0a:00:01:01"), 99, Map.of(), Optional.empty());
    static final AddressRange STATIC6 = new AddressRange(2, new ArType.Ip6Static(Ipv6.parse("IP6", "2001:db8:1::10"), 64),
            Mac.parse("MAC", "02:00:00:00:02:00"), 15, Map.of(), Optional.empty());

    static final String DESCRIPTION = "Client network\n\tsecond line: a < b && c > \"d\" ]]> 'e' \u00e9\uD83D\uDE80";

    static VirtualNetwork network(Optional<LockLevel> lock) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("NETWORK_ADDRESS", "10.0.0.0");
        context.put("GATEWAY", "10.0.0.254");
        context.put("DNS", "8.8.8.8 1.1.1.1");
        NetworkConf conf = new NetworkConf(Driver.VLAN, "br50", false, Optional.of("eth1"), Optional.of(50), false,
                Optional.of(1500), false, true, AllocationPolicy.LOWEST_FREE);
        return new VirtualNetwork(5, "private-net", DESCRIPTION, List.of(0, 100),
                new Ownership(2, 1, new Permissions(0640)), lock, conf, Qos.NONE, context, List.of(0),
                List.of(IP4, DUAL, STATIC6), Optional.empty(), 3, 1);
    }

    static Lease lease(AddressRange ar, long index, LeaseOwner owner) {
        return new Lease(5, ar.id(), index, ar.addressesAt(index), owner);
    }

    static NetworkDetails details(VirtualNetwork n) {
        List<Lease> leases = List.of(
                lease(IP4, 0, new LeaseOwner.VmNic(7, 1)),
                lease(IP4, 2, LeaseOwner.HOLD),
                lease(IP4, 5, new LeaseOwner.Reservation(12)),
                lease(DUAL, 3, new LeaseOwner.VmNic(8, 0)),
                lease(STATIC6, 0, LeaseOwner.HOLD));
        return new NetworkDetails(n, "alice", "users", Map.of(0, 3L, 1, 1L, 2, 1L), leases, Map.of());
    }

    static NetworkDetails sample() {
        return details(network(Optional.of(LockLevel.MANAGE)));
    }

    // ---- XPath helpers ---------------------------------------------------------------------

    static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String x(Document d, String path) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        return (String) xp.evaluate(path, d, XPathConstants.STRING);
    }

    static int count(Document d, String path) throws Exception {
        return Integer.parseInt(x(d, "count(" + path + ")").replace(".0", ""));
    }

    // ---- writing -----------------------------------------------------------------------------

    @Test
    void writesIdentityOwnerNamesAndPhysicalSettingsAtTopLevel() throws Exception {
        Document d = dom(OneXml.write(sample()));
        assertEquals("VNET", d.getDocumentElement().getNodeName());
        assertEquals("5", x(d, "/VNET/ID"));
        assertEquals("2", x(d, "/VNET/UID"));
        assertEquals("1", x(d, "/VNET/GID"));
        assertEquals("alice", x(d, "/VNET/UNAME"));
        assertEquals("users", x(d, "/VNET/GNAME"));
        assertEquals("private-net", x(d, "/VNET/NAME"));
        assertEquals("br50", x(d, "/VNET/BRIDGE"));
        assertEquals("802.1Q", x(d, "/VNET/VN_MAD"));
        assertEquals("eth1", x(d, "/VNET/PHYDEV"));
        assertEquals("50", x(d, "/VNET/VLAN_ID"));
        assertEquals("0", x(d, "/VNET/VLAN_ID_AUTOMATIC"));
        assertEquals(1, count(d, "/VNET/PARENT_NETWORK_ID"));
        assertEquals("", x(d, "/VNET/PARENT_NETWORK_ID"));
        assertEquals("5", x(d, "/VNET/USED_LEASES"));
        assertEquals(List.of("0", "100"), List.of(x(d, "/VNET/CLUSTERS/ID[1]"), x(d, "/VNET/CLUSTERS/ID[2]")));
    }

    @Test
    void permissions640AreOwnerUseAndManageAndGroupUse() throws Exception {
        Document d = dom(OneXml.write(sample()));
        Map<String, String> expected = new LinkedHashMap<>();
        for (String who : List.of("OWNER", "GROUP", "OTHER")) {
            for (String right : List.of("U", "M", "A")) {
                expected.put(who + "_" + right, "0");
            }
        }
        expected.put("OWNER_U", "1");
        expected.put("OWNER_M", "1");
        expected.put("GROUP_U", "1");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), x(d, "/VNET/PERMISSIONS/" + e.getKey()), e.getKey());
        }
        assertEquals(9, count(d, "/VNET/PERMISSIONS/*"));
    }

    @Test
    void lockIsWrittenAsItsLevelNumberOnlyWhenLocked() throws Exception {
        assertEquals("2", x(dom(OneXml.write(sample())), "/VNET/LOCK/LOCKED"));
        assertEquals("1", x(dom(OneXml.write(details(network(Optional.of(LockLevel.USE))))), "/VNET/LOCK/LOCKED"));
        assertEquals("3", x(dom(OneXml.write(details(network(Optional.of(LockLevel.ADMIN))))), "/VNET/LOCK/LOCKED"));
        assertEquals("4", x(dom(OneXml.write(details(network(Optional.of(LockLevel.ALL))))), "/VNET/LOCK/LOCKED"));
        assertEquals(0, count(dom(OneXml.write(details(network(Optional.empty())))), "/VNET/LOCK"));
    }

    @Test
    void templateHoldsEveryNetworkAttributeInOrder() throws Exception {
        NetworkDetails details = sample();
        Document d = dom(OneXml.write(details));
        Map<String, String> expected = NetworkAttributes.toAttributes(details.network());
        List<String> names = new ArrayList<>();
        int n = count(d, "/VNET/TEMPLATE/*");
        for (int i = 1; i <= n; i++) {
            names.add(x(d, "name(/VNET/TEMPLATE/*[" + i + "])"));
        }
        assertEquals(List.copyOf(expected.keySet()), names);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), x(d, "/VNET/TEMPLATE/" + e.getKey()), e.getKey());
        }
        assertEquals("br50", x(d, "/VNET/TEMPLATE/BRIDGE"));
        assertEquals("802.1Q", x(d, "/VNET/TEMPLATE/VN_MAD"));
        assertEquals("0", x(d, "/VNET/TEMPLATE/SECURITY_GROUPS"));
        assertEquals("YES", x(d, "/VNET/TEMPLATE/FILTER_IP_SPOOFING"));
    }

    @Test
    void markupCharactersAndLineBreaksInValuesAreEscapedNotBroken() throws Exception {
        String xml = OneXml.write(sample());
        assertTrue(xml.contains("a &lt; b &amp;&amp; c &gt;"), xml);
        assertEquals(DESCRIPTION, x(dom(xml), "/VNET/TEMPLATE/DESCRIPTION"));
    }

    @Test
    void ip4RangeHasEndAddressesSizeAndOverrideAttributes() throws Exception {
        Document d = dom(OneXml.write(sample()));
        String ar = "/VNET/AR_POOL/AR[AR_ID='0']";
        assertEquals("IP4", x(d, ar + "/TYPE"));
        assertEquals("10.0.0.1", x(d, ar + "/IP"));
        assertEquals("02:00:0a:00:00:01", x(d, ar + "/MAC"));
        assertEquals("10", x(d, ar + "/SIZE"));
        assertEquals("10.0.0.10", x(d, ar + "/IP_END"));
        assertEquals("02:00:0a:00:00:0a", x(d, ar + "/MAC_END"));
        assertEquals("10.0.0.254", x(d, ar + "/GATEWAY"));
        assertEquals("3", x(d, ar + "/USED_LEASES"));
        for (String absent : List.of("IP6", "IP6_END", "IP6_GLOBAL", "IP6_ULA", "GLOBAL_PREFIX",
                "PREFIX_LENGTH", "PARENT_NETWORK_AR_ID")) {
            assertEquals(0, count(d, ar + "/" + absent), absent);
        }
    }

    @Test
    void leasesNameExactlyOneOwnerEach() throws Exception {
        Document d = dom(OneXml.write(sample()));
        String leases = "/VNET/AR_POOL/AR[AR_ID='0']/LEASES/LEASE";
        assertEquals(3, count(d, leases));
        assertEquals("7", x(d, leases + "[IP='10.0.0.1']/VM"));
        assertEquals(0, count(d, leases + "/NIC_NAME"), "OpenNebula's schema has no NIC_NAME");
        assertEquals("02:00:0a:00:00:01", x(d, leases + "[IP='10.0.0.1']/MAC"));
        assertEquals("-1", x(d, leases + "[IP='10.0.0.3']/VM"));
        assertEquals("12", x(d, leases + "[IP='10.0.0.6']/VNET"));
        assertEquals(0, count(d, leases + "[IP='10.0.0.6']/VM"));
        assertEquals(3, count(d, leases + "/VM") + count(d, leases + "/VNET"));
    }

    @Test
    void dualStackRangeHasSlaacPrefixesAndFirstAndLastAddresses() throws Exception {
        Document d = dom(OneXml.write(sample()));
        String ar = "/VNET/AR_POOL/AR[AR_ID='1']";
        assertEquals("IP4_6", x(d, ar + "/TYPE"));
        assertEquals("2001:db8::", x(d, ar + "/GLOBAL_PREFIX"));
        assertEquals("fd00::", x(d, ar + "/ULA_PREFIX"));
        assertEquals("100", x(d, ar + "/SIZE"));
        assertEquals("10.0.1.100", x(d, ar + "/IP_END"));
        assertEquals("02:00:0a:00:01:64", x(d, ar + "/MAC_END"));
        assertEquals("2001:db8::aff:fe00:101", x(d, ar + "/IP6_GLOBAL"));
        assertEquals("2001:db8::aff:fe00:164", x(d, ar + "/IP6_GLOBAL_END"));
        assertEquals("fd00::aff:fe00:101", x(d, ar + "/IP6_ULA"));
        assertEquals("fd00::aff:fe00:164", x(d, ar + "/IP6_ULA_END"));
        assertEquals(0, count(d, ar + "/IP6"));
        assertEquals(0, count(d, ar + "/IP6_END"));
        String lease = ar + "/LEASES/LEASE";
        assertEquals("10.0.1.4", x(d, lease + "/IP"));
        assertEquals("2001:db8::aff:fe00:104", x(d, lease + "/IP6_GLOBAL"));
        assertEquals("fd00::aff:fe00:104", x(d, lease + "/IP6_ULA"));
        assertEquals("fe80::aff:fe00:104", x(d, lease + "/IP6_LINK"));
        assertEquals("8", x(d, lease + "/VM"));
    }

    @Test
    void staticIpv6RangeHasStartEndAndPrefixLengthButNoIpv4() throws Exception {
        Document d = dom(OneXml.write(sample()));
        String ar = "/VNET/AR_POOL/AR[AR_ID='2']";
        assertEquals("IP6_STATIC", x(d, ar + "/TYPE"));
        assertEquals("2001:db8:1::10", x(d, ar + "/IP6"));
        assertEquals("2001:db8:1::1f", x(d, ar + "/IP6_END"));
        assertEquals("64", x(d, ar + "/PREFIX_LENGTH"));
        assertEquals("16", x(d, ar + "/SIZE"));
        assertEquals(1, count(d, ar + "/IP6"));
        assertEquals(0, count(d, ar + "/IP"));
        assertEquals(0, count(d, ar + "/IP_END"));
        assertEquals(0, count(d, ar + "/IP6_GLOBAL"));
        assertEquals("2001:db8:1::10", x(d, ar + "/LEASES/LEASE/IP6"));
        assertEquals("-1", x(d, ar + "/LEASES/LEASE/VM"));
    }

    @Test
    void rangeWithoutLeasesHasAnEmptyLeasesElement() throws Exception {
        NetworkDetails empty = new NetworkDetails(network(Optional.empty()), "alice", "users", Map.of(),
                List.of(), Map.of());
        Document d = dom(OneXml.write(empty));
        assertEquals(3, count(d, "/VNET/AR_POOL/AR/LEASES"));
        assertEquals(0, count(d, "/VNET/AR_POOL/AR/LEASES/*"));
        assertEquals("0", x(d, "/VNET/AR_POOL/AR[AR_ID='1']/USED_LEASES"));
    }

    @Test
    void reservationNamesItsParentNetworkAndParentRange() throws Exception {
        AddressRange reserved = new AddressRange(0, new ArType.Ip4(Ipv4.parse("IP", "10.0.0.6")),
                Mac.parse("MAC", "02:00:0a:00:00:06"), 0, Map.of(), Optional.of(0));
        VirtualNetwork child = network(Optional.empty()).toBuilder().id(12).name("my-reservation")
                .addressRanges(List.of(reserved)).parentNetworkId(Optional.of(5)).build();
        Document d = dom(OneXml.write(new NetworkDetails(child, "alice", "users", Map.of(), List.of(), Map.of())));
        assertEquals("5", x(d, "/VNET/PARENT_NETWORK_ID"));
        assertEquals("0", x(d, "/VNET/AR_POOL/AR/PARENT_NETWORK_AR_ID"));
        assertEquals("10.0.0.6", x(d, "/VNET/AR_POOL/AR/IP_END"));
    }

    @Test
    void controlCharacterInDescriptionIsRefusedRatherThanWrittenAsInvalidXml() {
        for (String bad : List.of("bell\u0007", "nul\u0000", "lone\uD800surrogate", "not\uFFFEchar")) {
            VirtualNetwork n = network(Optional.empty()).toBuilder().description(bad).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OneXml.write(details(n)));
            assertTrue(e.getMessage().contains("DESCRIPTION"), e.getMessage());
        }
    }

    @Test
    void controlCharacterInCustomAttributeIsRefused() {
        VirtualNetwork n = network(Optional.empty()).toBuilder()
                .attributes(Map.of("NOTE", "escape\u001b[31m")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneXml.write(details(n)));
        assertTrue(e.getMessage().contains("NOTE") && e.getMessage().contains("U+001B"), e.getMessage());
    }
    // ---- reading back ------------------------------------------------------------------------

    @Test
    void importedNetworkHasIdNamePermissionsAndTheSameAttributes() {
        NetworkDetails details = sample();
        ImportedNetwork n = OneXml.read(OneXml.write(details), "net.xml");
        assertEquals(OptionalInt.of(5), n.id());
        assertEquals("private-net", n.name());
        assertEquals(Optional.of("640"), n.permissionsOctal());
        assertEquals(OptionalInt.empty(), n.parentNetworkId());
        Map<String, String> expected = NetworkAttributes.toAttributes(details.network());
        assertEquals(expected, n.attributes());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(n.attributes().keySet()));
    }

    @Test
    void importedAttributesPassTheServicesValidation() {
        ImportedNetwork n = OneXml.read(OneXml.write(sample()), "net.xml");
        NetworkAttributes.Parsed parsed = NetworkAttributes.parse(n.attributes());
        assertEquals(DESCRIPTION, parsed.description());
        assertEquals(Optional.of(50), parsed.vlanId());
        assertEquals(List.of(0, 100), parsed.clusterIds());
    }

    @Test
    void importedRangesKeepTheirOwnAttributesButNotComputedOnes() {
        ImportedNetwork n = OneXml.read(OneXml.write(sample()), "net.xml");
        assertEquals(3, n.addressRanges().size());
        ImportedAr ip4 = n.addressRanges().get(0);
        assertEquals(OptionalInt.of(0), ip4.arId());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("TYPE", "IP4");
        expected.put("IP", "10.0.0.1");
        expected.put("MAC", "02:00:0a:00:00:01");
        expected.put("SIZE", "10");
        expected.put("GATEWAY", "10.0.0.254");
        assertEquals(expected, ip4.attributes());
        ImportedAr dual = n.addressRanges().get(1);
        assertEquals(Set.of("TYPE", "IP", "MAC", "SIZE", "GLOBAL_PREFIX", "ULA_PREFIX"), dual.attributes().keySet());
        ImportedAr static6 = n.addressRanges().get(2);
        assertEquals("2001:db8:1::10", static6.attributes().get("IP6"));
        assertEquals("64", static6.attributes().get("PREFIX_LENGTH"));
        assertFalse(static6.attributes().containsKey("IP6_END"));
    }

    @Test
    void importedLeasesKeepAddressesAndOwners() {
        ImportedNetwork n = OneXml.read(OneXml.write(sample()), "net.xml");
        List<ImportedLease> ip4 = n.addressRanges().get(0).leases();
        // the lease names the VM only, as OpenNebula's: its NICs are numbered in document order
        assertEquals(List.of(
                new ImportedLease(Optional.of("10.0.0.1"), Optional.empty(), Optional.of("02:00:0a:00:00:01"),
                        new ImportedOwner.Vm(7, 0)),
                new ImportedLease(Optional.of("10.0.0.3"), Optional.empty(), Optional.of("02:00:0a:00:00:03"),
                        new ImportedOwner.Hold()),
                new ImportedLease(Optional.of("10.0.0.6"), Optional.empty(), Optional.of("02:00:0a:00:00:06"),
                        new ImportedOwner.Vnet(12))), ip4);
        ImportedLease dual = n.addressRanges().get(1).leases().get(0);
        assertEquals(Optional.of("2001:db8::aff:fe00:104"), dual.ip6());
        assertEquals(new ImportedOwner.Vm(8, 0), dual.owner());
        ImportedLease static6 = n.addressRanges().get(2).leases().get(0);
        assertEquals(Optional.of("2001:db8:1::10"), static6.ip6());
        assertEquals(Optional.empty(), static6.ip());
        assertEquals(new ImportedOwner.Hold(), static6.owner());
    }

    @Test
    void automaticVlanAndGeneratedBridgeComeBackAsAutomaticWithoutTheGeneratedName() throws Exception {
        NetworkConf conf = new NetworkConf(Driver.VXLAN, "onebr7", true, Optional.of("eth0"), Optional.of(4242),
                true, Optional.empty(), false, false, AllocationPolicy.LOWEST_FREE);
        VirtualNetwork v = network(Optional.empty()).toBuilder().id(7).conf(conf).build();
        String xml = OneXml.write(details(v));
        Document d = dom(xml);
        assertEquals("4242", x(d, "/VNET/VLAN_ID"));
        assertEquals("1", x(d, "/VNET/VLAN_ID_AUTOMATIC"));
        assertEquals("onebr7", x(d, "/VNET/BRIDGE"));
        assertEquals(0, count(d, "/VNET/TEMPLATE/BRIDGE"));
        assertEquals("YES", x(d, "/VNET/TEMPLATE/AUTOMATIC_VLAN_ID"));

        ImportedNetwork n = OneXml.read(xml, "net.xml");
        assertEquals("YES", n.attributes().get("AUTOMATIC_VLAN_ID"));
        assertFalse(n.attributes().containsKey("VLAN_ID"));
        assertFalse(n.attributes().containsKey("BRIDGE"), "a generated bridge is generated anew on import");
        assertEquals("vxlan", n.attributes().get("VN_MAD"));
        NetworkAttributes.Parsed parsed = NetworkAttributes.parse(n.attributes());
        assertTrue(parsed.automaticVlanId());
    }

    @Test
    void reservationComesBackWithParentIds() {
        AddressRange reserved = new AddressRange(0, new ArType.Ip4(Ipv4.parse("IP", "10.0.0.6")),
                Mac.parse("MAC", "02:00:0a:00:00:06"), 0, Map.of(), Optional.of(0));
        VirtualNetwork child = network(Optional.empty()).toBuilder().id(12).name("my-reservation")
                .addressRanges(List.of(reserved)).parentNetworkId(Optional.of(5)).build();
        ImportedNetwork n = OneXml.read(OneXml.write(
                new NetworkDetails(child, "alice", "users", Map.of(), List.of(), Map.of())), "r.xml");
        assertEquals(OptionalInt.of(5), n.parentNetworkId());
        assertEquals("0", n.addressRanges().get(0).attributes().get("PARENT_NETWORK_AR_ID"));
    }
}
