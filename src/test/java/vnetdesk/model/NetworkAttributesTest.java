package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link NetworkAttributes#parse} accepts and how it reads it. The refusals
 * are in {@code vnetdesk.ipam.ValidationRulesTest}, one table for every rule.
 */
class NetworkAttributesTest {

    /** NAME=net, VN_MAD=bridge plus pairs of name, value. */
    private static Map<String, String> attrs(String... pairs) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("NAME", "net");
        a.put("VN_MAD", "bridge");
        for (int i = 0; i < pairs.length; i += 2) {
            a.put(pairs[i], pairs[i + 1]);
        }
        return a;
    }

    @Test
    void aMinimalNetworkGetsTheDocumentedDefaults() {
        NetworkAttributes.Parsed p = NetworkAttributes.parse(attrs());
        assertEquals("net", p.name());
        assertEquals("", p.description());
        assertEquals(List.of(0), p.clusterIds());
        assertEquals(Driver.BRIDGE, p.driver());
        assertEquals(Optional.empty(), p.bridge());
        assertEquals(Optional.empty(), p.phydev());
        assertEquals(Optional.empty(), p.vlanId());
        assertFalse(p.automaticVlanId());
        assertEquals(Optional.empty(), p.mtu());
        assertFalse(p.filterMac());
        assertFalse(p.filterIp());
        assertEquals(AllocationPolicy.LOWEST_FREE, p.allocation());
        assertTrue(p.qos().isNone());
        assertEquals(Optional.empty(), p.securityGroups());
        assertEquals(Map.of(), p.attributes());
    }

    @Test
    void attributeNamesAreCaseInsensitive() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("name", "lower");
        a.put("Vn_Mad", "fw");
        a.put("mtu", "9000");
        NetworkAttributes.Parsed p = NetworkAttributes.parse(a);
        assertEquals("lower", p.name());
        assertEquals(Driver.FW, p.driver());
        assertEquals(Optional.of(9000), p.mtu());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"bridge, BRIDGE", "fw, FW", "ebtables, EBTABLES", "802.1Q, VLAN", "vxlan, VXLAN", "BRIDGE, BRIDGE",
            "802.1q, VLAN", "VXLAN, VXLAN", "' fw ', FW"})
    void vnMadAcceptsTheFiveDriversInAnyCase(String mad, Driver expected) {
        Map<String, String> a = attrs("VN_MAD", mad);
        if (expected.isTagged()) {
            a.put("PHYDEV", "eth0");
            a.put("VLAN_ID", "100");
        }
        assertEquals(expected, NetworkAttributes.parse(a).driver());
    }

    @ParameterizedTest(name = "VLAN_ID {0}")
    @ValueSource(strings = {"1", "2", "4094", " 100 "})
    void vlanIdOf8021qRunsFrom1To4094(String vlan) {
        NetworkAttributes.Parsed p = NetworkAttributes.parse(attrs("VN_MAD", "802.1Q", "PHYDEV", "eth0",
                "VLAN_ID", vlan));
        assertEquals(Optional.of(Integer.parseInt(vlan.trim())), p.vlanId());
        assertEquals(Optional.of("eth0"), p.phydev());
    }

    @ParameterizedTest(name = "VNI {0}")
    @ValueSource(strings = {"1", "4095", "16777215"})
    void vniOfVxlanRunsFrom1To16777215(String vni) {
        assertEquals(Optional.of(Integer.parseInt(vni)), NetworkAttributes.parse(attrs("VN_MAD", "vxlan",
                "PHYDEV", "bond0", "VLAN_ID", vni)).vlanId());
    }

    @Test
    void automaticVlanIdStandsInForAnExplicitVlanId() {
        NetworkAttributes.Parsed p = NetworkAttributes.parse(attrs("VN_MAD", "802.1Q", "PHYDEV", "eth0",
                "AUTOMATIC_VLAN_ID", "YES"));
        assertTrue(p.automaticVlanId());
        assertEquals(Optional.empty(), p.vlanId());
    }

    @Test
    void bridgeAndPhydevAreTrimmedAndKept() {
        NetworkAttributes.Parsed p = NetworkAttributes.parse(attrs("BRIDGE", " Br_0.a-9xxxxxxx ", "PHYDEV", "eth0"));
        assertEquals(Optional.of("Br_0.a-9xxxxxxx"), p.bridge());
        assertEquals(Optional.of("eth0"), p.phydev());
    }

    @Test
    void aBlankBridgeLeavesTheNameToBeGenerated() {
        assertEquals(Optional.empty(), NetworkAttributes.parse(attrs("BRIDGE", "  ")).bridge());
    }

    @ParameterizedTest(name = "MTU {0}")
    @ValueSource(ints = {68, 1500, 9000, 65535})
    void mtuRunsFrom68To65535(int mtu) {
        assertEquals(Optional.of(mtu), NetworkAttributes.parse(attrs("MTU", Integer.toString(mtu))).mtu());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"YES, true", "yes, true", "NO, false", "no, false", "' YES ', true", "'', false"})
    void filtersAreYesOrNo(String value, boolean expected) {
        NetworkAttributes.Parsed p = NetworkAttributes.parse(attrs("FILTER_MAC_SPOOFING", value,
                "FILTER_IP_SPOOFING", value));
        assertEquals(expected, p.filterMac());
        assertEquals(expected, p.filterIp());
    }

    @Test
    void qosAcceptsPeakEqualToAverageAndKeepsEveryValue() {
        Qos q = NetworkAttributes.parse(attrs("INBOUND_AVG_BW", "1000", "INBOUND_PEAK_BW", "1000",
                "INBOUND_PEAK_KB", "500", "OUTBOUND_AVG_BW", "200", "OUTBOUND_PEAK_BW", "300",
                "OUTBOUND_PEAK_KB", "64")).qos();
        assertEquals(OptionalLong.of(1000), q.inboundAvg());
        assertEquals(OptionalLong.of(1000), q.inboundPeak());
        assertEquals(OptionalLong.of(500), q.inboundPeakKb());
        assertEquals(OptionalLong.of(200), q.outboundAvg());
        assertEquals(OptionalLong.of(300), q.outboundPeak());
        assertEquals(OptionalLong.of(64), q.outboundPeakKb());
    }

    @Test
    void qosAcceptsAPeakWithoutAnAverage() {
        Qos q = NetworkAttributes.parse(attrs("OUTBOUND_PEAK_BW", "5")).qos();
        assertEquals(OptionalLong.of(5), q.outboundPeak());
        assertEquals(OptionalLong.empty(), q.outboundAvg());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"0|0", "0,100|0,100", "' 0 , 100 ,100'|0,100", "'5,3'|5,3", "''|"})
    void securityGroupsAreACommaListOfIdsWithoutRepeats(String text, String expected) {
        List<Integer> ids = expected == null ? List.of()
                : Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertEquals(Optional.of(ids), NetworkAttributes.parse(attrs("SECURITY_GROUPS", text)).securityGroups());
    }

    @Test
    void clusterIdsAreAnIdList() {
        assertEquals(List.of(100, 0), NetworkAttributes.parse(attrs("CLUSTER_IDS", "100,0")).clusterIds());
    }

    @Test
    void validContextAttributesAreAcceptedAndKeptInOrder() {
        Map<String, String> a = attrs("NETWORK_ADDRESS", "10.0.0.0", "NETWORK_MASK", "255.255.255.0",
                "GATEWAY", "10.0.0.1", "GATEWAY6", "2001:db8::1", "DNS", "8.8.8.8 2001:4860:4860::8888,1.1.1.1",
                "GUEST_MTU", "1450", "SEARCH_DOMAIN", "example.com lab.local");
        assertEquals(List.of("NETWORK_ADDRESS", "NETWORK_MASK", "GATEWAY", "GATEWAY6", "DNS", "GUEST_MTU",
                "SEARCH_DOMAIN"), List.copyOf(NetworkAttributes.parse(a).attributes().keySet()));
        assertEquals("8.8.8.8 2001:4860:4860::8888,1.1.1.1", NetworkAttributes.parse(a).attributes().get("DNS"));
    }

    @ParameterizedTest(name = "NETWORK_MASK {0}")
    @ValueSource(strings = {"255.255.255.0", "255.255.255.255", "0.0.0.0", "255.128.0.0", "24", "0", "32"})
    void networkMaskAcceptsContiguousMasksAndPrefixLengths(String mask) {
        assertEquals(mask, NetworkAttributes.parse(attrs("NETWORK_MASK", mask)).attributes().get("NETWORK_MASK"));
    }

    @Test
    void customUpperCaseAttributesAreKeptAndLowerCaseNamesAreUpperCased() {
        Map<String, String> attributes = NetworkAttributes.parse(attrs("MY_TAG", "blue", "custom_thing", "x y",
                "NOTES", "line1\nline2\tend")).attributes();
        assertEquals(Map.of("MY_TAG", "blue", "CUSTOM_THING", "x y", "NOTES", "line1\nline2\tend"), attributes);
    }

    @Test
    void typedAttributesDoNotLeakIntoTheAttributeMap() {
        Map<String, String> attributes = NetworkAttributes.parse(attrs("DESCRIPTION", "d", "MTU", "1500",
                "SECURITY_GROUPS", "0", "FILTER_IP_SPOOFING", "YES", "INBOUND_AVG_BW", "10", "TAG", "t")).attributes();
        assertEquals(Map.of("TAG", "t"), attributes);
    }

    @Test
    void nameOf128CharactersAndNonAsciiTextIsAccepted() {
        String longName = "n".repeat(128);
        assertEquals(longName, NetworkAttributes.parse(attrs("NAME", longName)).name());
        assertEquals("réseau 1 – lab", NetworkAttributes.parse(attrs("NAME", "réseau 1 – lab")).name());
    }

    @Test
    void allocationPolicyIsReadByName() {
        assertEquals(AllocationPolicy.ROUND_ROBIN,
                NetworkAttributes.parse(attrs("ALLOCATION", "round_robin")).allocation());
    }

    @Test
    void parseUpdateKeepsTheCurrentNameAndDriverWhenAbsent() {
        NetworkAttributes.Parsed p = NetworkAttributes.parseUpdate(Map.of("MTU", "1400"), "old", Driver.EBTABLES);
        assertEquals("old", p.name());
        assertEquals(Driver.EBTABLES, p.driver());
        assertEquals(Optional.of(1400), p.mtu());
    }

    @Test
    void withoutSecurityGroupsANetworkGetsTheDefaultGroupButAnEmptyListStaysEmpty() {
        assertEquals(List.of(SecurityGroup.DEFAULT_ID), NetworkAttributes.parse(attrs()).securityGroupsOrDefault());
        assertEquals(List.of(), NetworkAttributes.parse(attrs("SECURITY_GROUPS", "")).securityGroupsOrDefault());
        assertEquals(List.of(100, 0),
                NetworkAttributes.parse(attrs("SECURITY_GROUPS", "100,0")).securityGroupsOrDefault());
    }

    @Test
    void withoutClusterIdsANetworkIsInTheDefaultCluster() {
        assertEquals(List.of(NetworkAttributes.DEFAULT_CLUSTER_ID), NetworkAttributes.clusterIds(Map.of()));
        assertEquals(List.of(100, 101), NetworkAttributes.clusterIds(Map.of("CLUSTER_IDS", "100, 101")));
    }
}
