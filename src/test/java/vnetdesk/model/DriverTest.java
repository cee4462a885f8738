package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every OpenNebula driver: parsed, marked managed or not, with its BRIDGE_TYPE values from VN_MAD_CONF. */
class DriverTest {

    private static Map<String, String> attrs(String... pairs) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("NAME", "net");
        for (int i = 0; i < pairs.length; i += 2) {
            a.put(pairs[i], pairs[i + 1]);
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource({
            "bridge,         BRIDGE,         true,  linux",
            "fw,             FW,             true,  linux",
            "ebtables,       EBTABLES,       true,  linux",
            "802.1Q,         VLAN,           true,  linux",
            "vxlan,          VXLAN,          true,  linux",
            "dummy,          DUMMY,          false, linux",
            "ovswitch,       OVSWITCH,       false, openvswitch",
            "ovswitch_vxlan, OVSWITCH_VXLAN, false, openvswitch",
            "vcenter,        VCENTER,        false, vcenter_port_groups",
            "elastic,        ELASTIC,        false, linux",
            "nodeport,       NODEPORT,       false, linux"})
    void everyOpenNebulaDriverParsesWithItsDefaultBridgeType(String mad, Driver expected, boolean managed,
                                                             String bridgeType) {
        Driver d = Driver.parse("VN_MAD", mad);
        assertEquals(expected, d);
        assertEquals(mad, d.mad());
        assertEquals(managed, d.managedOnHosts());
        assertEquals(bridgeType, d.defaultBridgeType());
        assertEquals(bridgeType, d.bridgeType(Optional.empty()));
    }

    @Test
    void ofTheManagedDriversOnlyBridgeLeavesNicsUnfiltered() {
        assertEquals(List.of(Driver.FW, Driver.EBTABLES, Driver.VLAN, Driver.VXLAN), java.util.Arrays.stream(
                Driver.values()).filter(Driver::filtersWithSecurityGroups).toList());
    }

    @Test
    void unmanagedDriversAreNeverFilteredByVnetdesk() {
        for (Driver d : Driver.values()) {
            if (!d.managedOnHosts()) {
                assertFalse(d.filtersWithSecurityGroups(), d.mad());
                assertFalse(d.isTagged(), d.mad());
            }
        }
    }

    @Test
    void ovswitchAllowsDpdkAndRefusesLinuxWithOpenNebulasWords() {
        assertEquals(List.of("openvswitch", "openvswitch_dpdk"), Driver.OVSWITCH.bridgeTypes());
        assertEquals("openvswitch_dpdk", Driver.OVSWITCH.bridgeType(Optional.of(" openvswitch_dpdk ")));
        ValidationException e = assertThrows(ValidationException.class,
                () -> Driver.OVSWITCH.bridgeType(Optional.of("linux")));
        assertEquals("BRIDGE_TYPE", e.field().orElseThrow());
        assertEquals("BRIDGE_TYPE: wrong value \"linux\" for VN_MAD_CONF ovswitch (the ovswitch driver allows"
                + " openvswitch, openvswitch_dpdk)", e.getMessage());
    }

    @Test
    void aNetworkGetsItsDriversDefaultBridgeTypeAndKeepsAnAllowedOne() {
        NetworkAttributes.Parsed plain = NetworkAttributes.parse(attrs("VN_MAD", "ovswitch"));
        assertEquals("openvswitch", plain.bridgeType());
        NetworkAttributes.Parsed dpdk = NetworkAttributes.parse(attrs("VN_MAD", "ovswitch",
                "BRIDGE_TYPE", "openvswitch_dpdk"));
        assertEquals("openvswitch_dpdk", dpdk.bridgeType());
        VirtualNetwork n = dpdk.toNetwork(3, new Ownership(0, 0, Permissions.DEFAULT), "br-ovs", false,
                Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), 0, 0);
        assertEquals("openvswitch_dpdk", n.conf().bridgeType());
        assertEquals("openvswitch_dpdk", NetworkAttributes.toAttributes(n).get("BRIDGE_TYPE"));
        assertEquals("openvswitch_dpdk", NetworkAttributes.parse(NetworkAttributes.toAttributes(n)).bridgeType());
    }

    @Test
    void aBridgeTypeTheDriverDoesNotAllowIsRefusedNamingTheAllowedOnes() {
        List<Problem> problems = NetworkAttributes.problems(attrs("VN_MAD", "bridge", "BRIDGE_TYPE", "openvswitch"));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("BRIDGE_TYPE", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("\"openvswitch\" for VN_MAD_CONF bridge (the bridge driver"
                + " allows linux)"), problems.get(0).message());
    }

    @Test
    void dummyNeedsABridgeAsOnedSays() {
        List<Problem> problems = NetworkAttributes.problems(attrs("VN_MAD", "dummy"));
        assertEquals(List.of("BRIDGE"), problems.stream().map(Problem::field).toList());
        assertEquals(Driver.DUMMY, NetworkAttributes.parse(attrs("VN_MAD", "dummy", "BRIDGE", "br0")).driver());
    }

    /** As in OpenNebula: OUTER_VLAN_ID is the VXLAN VNI (1–16,777,215), VLAN_ID the inner 802.1Q tag (1–4094). */
    @Test
    void ovswitchVxlanNeedsAnOuterVlanIdWhichIsItsVniAndMayCarryAn8021qVlanId() {
        assertEquals(List.of("OUTER_VLAN_ID"), NetworkAttributes.problems(attrs("VN_MAD", "ovswitch_vxlan"))
                .stream().map(Problem::field).toList());
        NetworkAttributes.Parsed p = NetworkAttributes.parse(attrs("VN_MAD", "ovswitch_vxlan", "OUTER_VLAN_ID",
                "16777215", "VLAN_ID", "4094"));
        assertEquals(Optional.of(4094), p.vlanId());
        assertEquals("16777215", p.attributes().get("OUTER_VLAN_ID"));
        assertEquals(4094L, Driver.OVSWITCH_VXLAN.maxVlanId());
        assertTrue(NetworkAttributes.problems(attrs("VN_MAD", "ovswitch_vxlan", "AUTOMATIC_OUTER_VLAN_ID", "YES"))
                .isEmpty());
        assertEquals(List.of("OUTER_VLAN_ID"), NetworkAttributes.problems(attrs("VN_MAD", "ovswitch_vxlan",
                "OUTER_VLAN_ID", "16777216")).stream().map(Problem::field).toList());
        assertEquals(List.of("VLAN_ID"), NetworkAttributes.problems(attrs("VN_MAD", "ovswitch_vxlan",
                "OUTER_VLAN_ID", "70000", "VLAN_ID", "4095")).stream().map(Problem::field).toList());
    }

    @Test
    void ovswitchTakesAnOptionalVlanIdAndNodeportNone() {
        assertEquals(Optional.of(30), NetworkAttributes.parse(attrs("VN_MAD", "ovswitch", "VLAN_ID", "30")).vlanId());
        assertEquals(Optional.empty(), NetworkAttributes.parse(attrs("VN_MAD", "ovswitch")).vlanId());
        List<Problem> problems = NetworkAttributes.problems(attrs("VN_MAD", "nodeport", "VLAN_ID", "30"));
        assertEquals(List.of("VLAN_ID"), problems.stream().map(Problem::field).toList());
        assertTrue(problems.get(0).message().contains("only the 802.1Q, vxlan, ovswitch, ovswitch_vxlan, vcenter"
                + " drivers use a VLAN id"), problems.get(0).message());
    }
}
