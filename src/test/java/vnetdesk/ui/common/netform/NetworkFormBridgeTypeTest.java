package vnetdesk.ui.common.netform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vnetdesk.model.Driver;

/** The form's BRIDGE_TYPE field follows the driver as oned does: a value the new driver refuses goes. */
class NetworkFormBridgeTypeTest {

    @Test
    void aStoredBridgeTypeLoadsAndIsSentBack() {
        NetworkForm form = new NetworkForm();
        form.load(Map.of("NAME", "ovs", "VN_MAD", "ovswitch", "BRIDGE_TYPE", "openvswitch_dpdk"));
        assertEquals(Driver.OVSWITCH, form.driverProperty().get());
        assertEquals("openvswitch_dpdk", form.text("BRIDGE_TYPE").get());
        assertEquals("openvswitch_dpdk", form.toAttributes().get("BRIDGE_TYPE"));
    }

    @Test
    void changingToADriverThatRefusesTheTypeClearsItAndOneThatAllowsItKeepsIt() {
        NetworkForm form = new NetworkForm();
        form.load(Map.of("NAME", "ovs", "VN_MAD", "ovswitch", "BRIDGE_TYPE", "openvswitch"));
        form.driverProperty().set(Driver.OVSWITCH_VXLAN);
        assertEquals("openvswitch", form.text("BRIDGE_TYPE").get(), "ovswitch_vxlan allows openvswitch");
        form.driverProperty().set(Driver.BRIDGE);
        assertEquals("", form.text("BRIDGE_TYPE").get(), "bridge allows only linux: the driver's default applies");
        assertEquals("", form.toAttributes().get("BRIDGE_TYPE"), "sent empty, so the stored one is reset");
    }
}
