package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.BridgeNaming.Choice;
import vnetdesk.model.BridgeNaming.Origin;

/** The bridge-name rule the service stores and the network editor previews. */
class BridgeNamingTest {

    private static final BridgeNaming NOTHING_GIVEN = new BridgeNaming(Optional.empty(), Optional.empty(), false);

    private static NetworkConf conf(String bridge, boolean generated, Optional<Integer> vlan) {
        return new NetworkConf(Driver.VLAN, bridge, generated, Optional.of("eth0"), vlan, false, Optional.empty(),
                false, false, AllocationPolicy.LOWEST_FREE);
    }

    @Test
    void aNewNetworkWithoutVlanIsNamedAfterItsId() {
        assertEquals(new Choice("onebr7", Origin.GENERATED), NOTHING_GIVEN.forNewNetwork(7));
        assertTrue(NOTHING_GIVEN.forNewNetwork(7).generated());
    }

    @Test
    void aNewNetworkWithAnExplicitVlanIsNamedAfterTheVlan() {
        BridgeNaming naming = new BridgeNaming(Optional.empty(), Optional.of(12), false);
        assertEquals(new Choice("onebr.12", Origin.GENERATED), naming.forNewNetwork(7));
    }

    @Test
    void anAutomaticVlanIdNeverNamesTheBridge() {
        BridgeNaming naming = new BridgeNaming(Optional.empty(), Optional.of(12), true);
        assertEquals(new Choice("onebr7", Origin.GENERATED), naming.forNewNetwork(7));
        assertEquals(Optional.empty(), naming.generatedNameBeforeId());
    }

    @Test
    void aGivenNameWinsOnCreateAndOnUpdate() {
        BridgeNaming naming = new BridgeNaming(Optional.of("br-lan"), Optional.of(12), false);
        assertEquals(new Choice("br-lan", Origin.GIVEN), naming.forNewNetwork(7));
        assertEquals(new Choice("br-lan", Origin.GIVEN), naming.onUpdate(7, conf("onebr.5", true, Optional.of(5))));
        assertFalse(naming.forNewNetwork(7).generated());
    }

    @Test
    void anUpdateKeepsAGeneratedNameEvenWhenTheVlanChanges() {
        BridgeNaming naming = new BridgeNaming(Optional.empty(), Optional.of(12), false);
        Choice kept = naming.onUpdate(7, conf("onebr.5", true, Optional.of(5)));
        assertEquals(new Choice("onebr.5", Origin.KEPT), kept);
        assertTrue(kept.generated());
    }

    @Test
    void anUpdateThatEmptiesAGivenNameGeneratesOne() {
        BridgeNaming naming = new BridgeNaming(Optional.empty(), Optional.of(12), false);
        assertEquals(new Choice("onebr.12", Origin.GENERATED), naming.onUpdate(7, conf("br-lan", false, Optional.of(5))));
    }

    @Test
    void beforeTheIdIsKnownOnlyAVlanNameCanBeTold() {
        assertEquals(Optional.of("onebr.12"),
                new BridgeNaming(Optional.empty(), Optional.of(12), false).generatedNameBeforeId());
        assertEquals(Optional.empty(), NOTHING_GIVEN.generatedNameBeforeId());
    }

    @Test
    void parsedAttributesGiveTheirBridgeVlanAndAutomaticFlag() {
        NetworkAttributes.Parsed p = NetworkAttributes.parse(Map.of("NAME", "n", "VN_MAD", "802.1Q",
                "PHYDEV", "eth0", "AUTOMATIC_VLAN_ID", "YES", "BRIDGE", "br9"));
        assertEquals(new BridgeNaming(Optional.of("br9"), Optional.empty(), true), BridgeNaming.of(p));
    }
}
