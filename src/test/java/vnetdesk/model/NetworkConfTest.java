package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bridge name generation, device-name checks and the conf's own range checks. */
class NetworkConfTest {

    private static NetworkConf conf(Driver driver, String bridge, Optional<String> phydev, Optional<Integer> vlan,
                                    Optional<Integer> mtu) {
        return new NetworkConf(driver, bridge, false, phydev, vlan, false, mtu, false, false,
                AllocationPolicy.LOWEST_FREE);
    }

    @ParameterizedTest(name = "network {0}, VLAN {1} -> {2}")
    @CsvSource({
            "0, , onebr0",
            "42, , onebr42",
            "2147483647, , onebr2147483647",
            "42, 100, onebr.100",
            "42, 1, onebr.1",
            "7, 4094, onebr.4094",
            "7, 16777215, onebr.16777215",
    })
    void generatedBridgeUsesTheExplicitVlanElseTheNetworkId(int networkId, Integer vlan, String expected) {
        String bridge = NetworkConf.generatedBridge(networkId, Optional.ofNullable(vlan));
        assertEquals(expected, bridge);
        NetworkConf.checkDevice("BRIDGE", bridge);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"br0", "onebr.100", "a", "A-b_c.9", "abcdefghijklmno", "a-", "_x", "9.a"})
    void checkDeviceAcceptsUpTo15SafeCharacters(String name) {
        NetworkConf.checkDevice("BRIDGE", name);
        assertTrue(NetworkConf.DEVICE_NAME.matcher(name).matches());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "abcdefghijklmnop", "br 0", "br;reboot", "br/0", "br$x", "brü", ".", "..", "...", ".a", "-x", "-",
            "br0\n", "eth0:1", "br@0"})
    void checkDeviceRefusesUnsafeOrLongNames(String name) {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> NetworkConf.checkDevice("PHYDEV", name));
        assertEquals(Optional.of("PHYDEV"), e.field());
        assertTrue(e.getMessage().startsWith("PHYDEV: invalid value \""), e.getMessage());
    }

    @Test
    void constructorRefusesAVlanIdOutsideTheDriversRange() {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> conf(Driver.VLAN, "br0", Optional.of("eth0"), Optional.of(4095), Optional.empty()));
        assertEquals(Optional.of("VLAN_ID"), e.field());
        assertTrue(e.getMessage().contains("4095"), e.getMessage());
        assertEquals(16_777_215, conf(Driver.VXLAN, "br0", Optional.of("eth0"), Optional.of(16_777_215),
                Optional.empty()).vlanId().orElseThrow());
        assertThrowsExactly(ValidationException.class,
                () -> conf(Driver.VXLAN, "br0", Optional.of("eth0"), Optional.of(16_777_216), Optional.empty()));
        assertThrowsExactly(ValidationException.class,
                () -> conf(Driver.VLAN, "br0", Optional.of("eth0"), Optional.of(0), Optional.empty()));
    }

    @Test
    void constructorRefusesAnMtuOutside68To65535() {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> conf(Driver.BRIDGE, "br0", Optional.empty(), Optional.empty(), Optional.of(67)));
        assertEquals(Optional.of("MTU"), e.field());
        assertTrue(e.getMessage().contains("67"), e.getMessage());
        assertThrowsExactly(ValidationException.class,
                () -> conf(Driver.BRIDGE, "br0", Optional.empty(), Optional.empty(), Optional.of(65536)));
        assertEquals(68, conf(Driver.BRIDGE, "br0", Optional.empty(), Optional.empty(), Optional.of(68))
                .mtu().orElseThrow());
    }

    @Test
    void constructorChecksBridgeAndPhydevNames() {
        assertEquals(Optional.of("BRIDGE"), assertThrowsExactly(ValidationException.class,
                () -> conf(Driver.BRIDGE, "br 0", Optional.empty(), Optional.empty(), Optional.empty())).field());
        assertEquals(Optional.of("PHYDEV"), assertThrowsExactly(ValidationException.class,
                () -> conf(Driver.VLAN, "br0", Optional.of("eth0;x"), Optional.of(5), Optional.empty())).field());
    }

    @Test
    void taggedDeviceIsPhydevDotVlanForTaggedDriversOnly() {
        assertEquals(Optional.of("eth0.100"),
                conf(Driver.VLAN, "onebr.100", Optional.of("eth0"), Optional.of(100), Optional.empty()).taggedDevice());
        assertEquals(Optional.of("bond0.5000"),
                conf(Driver.VXLAN, "onebr.5000", Optional.of("bond0"), Optional.of(5000), Optional.empty())
                        .taggedDevice());
        assertEquals(Optional.empty(),
                conf(Driver.BRIDGE, "br0", Optional.of("eth0"), Optional.empty(), Optional.empty()).taggedDevice());
    }
}
