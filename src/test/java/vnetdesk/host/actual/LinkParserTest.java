package vnetdesk.host.actual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Device;
import vnetdesk.model.Ipv4;
import vnetdesk.model.SyntaxException;

class LinkParserTest {

    private static final String CMD = ActualStateReader.LINK;

    private final Map<String, Device> devices = LinkParser.parse(Samples.read("ip-link.json"), CMD);

    @Test
    void readsEveryDeviceOfTheHost() {
        assertEquals(java.util.Set.of("lo", "eth0p", "eth0u", "br0", "onebr.300", "eth0u.300", "vm1eth", "one-1-0"),
                devices.keySet());
    }

    @Test
    void readsAVxlanDeviceWithVniGroupPortTtlParentAndMarker() {
        assertEquals(new Device.Vxlan("eth0u.300", "eth0u", 300, Ipv4.parse("group", "239.0.1.44"), 4789, 16,
                Optional.of("onebr.300"), true, OptionalInt.of(1450)), devices.get("eth0u.300"));
    }

    @Test
    void aBridgeWithTheMarkerIsOwnedAndTheHostsOwnBridgeIsNot() {
        assertEquals(new Device.Bridge("onebr.300", Optional.empty(), true, OptionalInt.of(1450)), devices.get("onebr.300"));
        Device hostBridge = devices.get("br0");
        assertInstanceOf(Device.Bridge.class, hostBridge);
        assertFalse(hostBridge.owned());
    }

    @Test
    void aTapIsAnOtherDeviceWithItsBridge() {
        assertEquals(new Device.Other("one-1-0", Optional.of("onebr.300"), OptionalInt.of(1500)), devices.get("one-1-0"));
        assertEquals(new Device.Other("eth0p", Optional.of("br0"), OptionalInt.of(1500)), devices.get("eth0p"));
    }

    @Test
    void readsAVlanDeviceWithIdAndParentAndOneWhoseParentIsElsewhereAsOther() {
        Map<String, Device> vlans = LinkParser.parse(Samples.read("ip-link-vlan-handmade.json"), CMD);
        assertEquals(new Device.Vlan("eth1.100", "eth1", 100, Optional.of("onebr.100"), true, OptionalInt.of(1500)),
                vlans.get("eth1.100"));
        assertEquals(new Device.Other("eth2.7", Optional.empty(), OptionalInt.of(1500)), vlans.get("eth2.7"));
    }

    @Test
    void aBridgeWithANameTheConsoleCannotUseIsReadAsOther() {
        Map<String, Device> odd = LinkParser.parse("[{\"ifname\":\"br:odd\",\"mtu\":1500,"
                + "\"linkinfo\":{\"info_kind\":\"bridge\"}}]", CMD);
        assertInstanceOf(Device.Other.class, odd.get("br:odd"));
    }

    @Test
    void truncatedJsonIsAnErrorNamingTheCommandAndPlace() {
        String sample = Samples.read("ip-link.json");
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> LinkParser.parse(sample.substring(0, sample.length() / 2), CMD));
        assertTrue(e.getMessage().startsWith(CMD + ": line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains("ends early") || e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void textThatIsNotJsonIsAnErrorQuotingIt() {
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> LinkParser.parse("Option \"-j\" is unknown, try \"ip -help\".", CMD));
        assertTrue(e.getMessage().contains("expected a JSON value, found \"Option \\\"-j\\\" is unknown"), e.getMessage());
    }

    @Test
    void wrongShapesAreErrorsNamingTheDevice() {
        assertThrows(SyntaxException.class, () -> LinkParser.parse("{\"ifname\":\"x\"}", CMD));
        assertThrows(SyntaxException.class, () -> LinkParser.parse("[{\"mtu\":1500}]", CMD));
        SyntaxException twice = assertThrows(SyntaxException.class,
                () -> LinkParser.parse("[{\"ifname\":\"a\"},{\"ifname\":\"a\"}]", CMD));
        assertTrue(twice.getMessage().contains("device a listed twice"), twice.getMessage());
        SyntaxException mtu = assertThrows(SyntaxException.class,
                () -> LinkParser.parse("[{\"ifname\":\"a\",\"mtu\":\"big\"}]", CMD));
        assertTrue(mtu.getMessage().contains("device a has a mtu that is not a number: big"), mtu.getMessage());
    }

    @Test
    void overlongOrTooDeepOutputIsRefused() {
        assertThrows(SyntaxException.class, () -> LinkParser.parse(Samples.overlong(), CMD));
        SyntaxException deep = assertThrows(SyntaxException.class,
                () -> LinkParser.parse("[".repeat(100) + "]".repeat(100), CMD));
        assertTrue(deep.getMessage().contains("nested deeper"), deep.getMessage());
    }

    @Test
    void jsonEscapesAndTrailingTextAreHandled() {
        assertEquals(Map.of("a\"b", "\u00e9\n"), Json.parse("{\"a\\\"b\": \"\\u00e9\\n\"}", CMD));
        assertThrows(SyntaxException.class, () -> Json.parse("[] []", CMD));
        assertThrows(SyntaxException.class, () -> Json.parse("[1,]", CMD));
    }
}
