package vnetdesk.model;

import java.util.Optional;

/**
 * The one rule for naming a network's bridge, applied by the service that
 * stores the name and by the editor that previews it: a given BRIDGE wins;
 * otherwise a network keeps a name vnetdesk generated for it before (a
 * changed VLAN id does not rename a bridge that hosts already have); otherwise
 * the name is generated as OpenNebula does ({@link NetworkConf#generatedBridge}),
 * with the VLAN id only when it was given explicitly — never one picked by
 * AUTOMATIC_VLAN_ID.
 *
 * @param given           BRIDGE as given, empty when absent or empty
 * @param vlanId          VLAN_ID as given
 * @param automaticVlanId AUTOMATIC_VLAN_ID=YES
 */
public record BridgeNaming(Optional<String> given, Optional<Integer> vlanId, boolean automaticVlanId) {

    /** Where a bridge name comes from. */
    public enum Origin {
        /** BRIDGE was given. */
        GIVEN,
        /** The name vnetdesk generated earlier for the network stays. */
        KEPT,
        /** vnetdesk generates it now. */
        GENERATED
    }

    /** A bridge name and where it came from. */
    public record Choice(String name, Origin origin) {

        /** Whether vnetdesk chose the name (what the network stores as {@link NetworkConf#bridgeGenerated}). */
        public boolean generated() {
            return origin != Origin.GIVEN;
        }
    }

    /** The naming inputs of parsed network attributes. */
    public static BridgeNaming of(NetworkAttributes.Parsed attributes) {
        return new BridgeNaming(attributes.bridge(), attributes.vlanId(), attributes.automaticVlanId());
    }

    /** The bridge of a new network with this id. */
    public Choice forNewNetwork(int networkId) {
        return given.map(name -> new Choice(name, Origin.GIVEN))
                .orElseGet(() -> new Choice(NetworkConf.generatedBridge(networkId, namingVlan()), Origin.GENERATED));
    }

    /** The bridge of network {@code networkId} after an update, given its conf before the update. */
    public Choice onUpdate(int networkId, NetworkConf current) {
        if (given.isEmpty() && current.bridgeGenerated()) {
            return new Choice(current.bridge(), Origin.KEPT);
        }
        return forNewNetwork(networkId);
    }

    /**
     * The generated name of a new network that has no id yet: known only when
     * an explicit VLAN id names the bridge; empty when the id will.
     */
    public Optional<String> generatedNameBeforeId() {
        // a name from a VLAN id does not depend on the network id, so any id gives it
        return namingVlan().map(vlan -> NetworkConf.generatedBridge(0, Optional.of(vlan)));
    }

    /** The VLAN id that appears in a generated name. */
    private Optional<Integer> namingVlan() {
        return automaticVlanId ? Optional.empty() : vlanId;
    }
}
