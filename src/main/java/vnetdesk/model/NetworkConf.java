package vnetdesk.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The physical side of a network (the portal's Conf tab): driver, bridge,
 * physical device, VLAN id / VNI, MTU, anti-spoofing filters and the
 * allocation policy. Every value that reaches a host shell is checked here
 * against a strict pattern.
 *
 * @param bridge          the effective bridge name (generated when none was given)
 * @param bridgeGenerated whether vnetdesk chose the bridge name
 * @param vlanId          802.1Q VLAN id or VXLAN VNI
 * @param automaticVlanId AUTOMATIC_VLAN_ID=YES: the id was picked from the free pool
 * @param bridgeType      BRIDGE_TYPE, one the driver allows ({@link Driver#bridgeTypes()})
 */
public record NetworkConf(Driver driver, String bridge, boolean bridgeGenerated, Optional<String> phydev,
                          Optional<Integer> vlanId, boolean automaticVlanId, Optional<Integer> mtu,
                          boolean filterMacSpoofing, boolean filterIpSpoofing, AllocationPolicy allocation,
                          String bridgeType) {

    /** Linux interface names: at most 15 characters of a safe set. */
    public static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

    public NetworkConf {
        bridgeType = driver.bridgeType(Optional.ofNullable(bridgeType));
        checkDevice("BRIDGE", bridge);
        phydev.ifPresent(p -> checkDevice("PHYDEV", p));
        vlanId.ifPresent(v -> {
            if (v < 1 || v > driver.maxVlanId()) {
                throw ValidationException.invalid("VLAN_ID", v, "must be between 1 and " + driver.maxVlanId()
                        + (driver == Driver.VXLAN ? " (VXLAN VNI)" : ""));
            }
        });
        mtu.ifPresent(m -> {
            if (m < 68 || m > 65535) {
                throw ValidationException.invalid("MTU", m, "must be between 68 and 65535");
            }
        });
    }

    /** A conf with the driver's default BRIDGE_TYPE. */
    public NetworkConf(Driver driver, String bridge, boolean bridgeGenerated, Optional<String> phydev,
                       Optional<Integer> vlanId, boolean automaticVlanId, Optional<Integer> mtu,
                       boolean filterMacSpoofing, boolean filterIpSpoofing, AllocationPolicy allocation) {
        this(driver, bridge, bridgeGenerated, phydev, vlanId, automaticVlanId, mtu, filterMacSpoofing,
                filterIpSpoofing, allocation, driver.defaultBridgeType());
    }

    public static void checkDevice(String field, String name) {
        if (name == null || !DEVICE_NAME.matcher(name).matches()) {
            throw ValidationException.invalid(field, name,
                    "interface names are 1-15 characters of A-Z a-z 0-9 _ . - and do not start with . or -");
        }
    }

    /** The bridge name OpenNebula would generate: onebr.VLAN for explicit VLAN ids, else onebrID. */
    public static String generatedBridge(int networkId, Optional<Integer> explicitVlanId) {
        return explicitVlanId.map(v -> "onebr." + v).orElse("onebr" + networkId);
    }

    /** The host-side device for tagged drivers: PHYDEV.VLAN (802.1Q) or PHYDEV.VNI (VXLAN). */
    public Optional<String> taggedDevice() {
        if (!driver.isTagged() || phydev.isEmpty() || vlanId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(phydev.get() + "." + vlanId.get());
    }
}
