package vnetdesk.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.AddressMap;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ViewModelTestBase;

/** The address map's zoom, tooltips and clicks, and the Leases tab selecting the lease a click asks for. */
class AddressMapViewModelTest extends ViewModelTestBase {

    private final List<String> asked = new ArrayList<>();

    private AddressMapViewModel map() {
        AddressMapViewModel vm = new AddressMapViewModel(inventory, ADMIN, runner);
        vm.setActions(new AddressMapViewModel.Actions() {
            @Override
            public void selectLease(int arId, long index) {
                asked.add("lease " + arId + "/" + index);
            }

            @Override
            public void hold(String address) {
                asked.add("hold " + address);
            }
        });
        return vm;
    }

    private int network(String template) {
        return inventory.networks().create(ADMIN, TemplateParser.parse(template, "t"));
    }

    private AddressMap shown(AddressMapViewModel vm) {
        return vm.mapProperty().get().orElseThrow();
    }

    @Test
    void aSlash8ZoomsFromBlocksDownToSingleAddressesAndBackOut() {
        int big = network("NAME = big\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 16777214 ]\n");
        inventory.leases().hold(ADMIN, ObjectRef.id(big), List.of("10.1.0.0-10.1.3.255"), Optional.empty());
        AddressMapViewModel vm = map();
        vm.show(big, 0, 16_777_213);
        assertEquals("10.0.0.1 – 10.255.255.254: 16,777,214 addresses, 1,024 used · 1 cell = 16,384 addresses",
                vm.scaleProperty().get());
        assertFalse(vm.canZoomOutProperty().get());

        vm.hover(4);
        assertEquals("10.1.0.0 – 10.1.63.255: 1,024 used of 16,384 (HOLD 1,024)", vm.tooltipProperty().get());
        vm.activate(4);
        assertEquals(4, shown(vm).cellShift());
        assertTrue(vm.scaleProperty().get().endsWith("1 cell = 16 addresses"), vm.scaleProperty().get());
        assertTrue(vm.canZoomOutProperty().get());
        assertEquals("", vm.tooltipProperty().get(), "a new map: no cell under the pointer yet");

        vm.activate(0);
        assertTrue(shown(vm).singleAddresses());
        assertEquals(1024, shown(vm).cells().size());
        assertTrue(vm.scaleProperty().get().endsWith("1 cell = 1 address"), vm.scaleProperty().get());
        vm.hover(0);
        assertEquals("10.1.0.0 (MAC 02:00:0a:01:00:00): held (HOLD)", vm.tooltipProperty().get());

        vm.zoomOut();
        assertEquals(4, shown(vm).cellShift());
        vm.zoomOut();
        assertEquals(14, shown(vm).cellShift());
        assertFalse(vm.canZoomOutProperty().get());
        assertEquals(List.of(), asked, "zooming selects nothing");
    }

    @Test
    void aClickOnAUsedAddressSelectsItsLeaseAndOnAFreeOneOffersHold() {
        int lan = network("NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 254 ]\n");
        inventory.leases().allocate(ADMIN, ObjectRef.id(lan), new LeaseOwner.VmNic(7, 0), Optional.of("10.0.0.5"),
                Optional.empty());
        AddressMapViewModel vm = map();
        vm.show(lan, 0, 253);
        assertTrue(shown(vm).singleAddresses());
        vm.hover(4);
        assertEquals("10.0.0.5 (MAC 02:00:0a:00:00:05): VM 7 NIC 0", vm.tooltipProperty().get());
        vm.activate(4);
        vm.activate(5);
        vm.zoomInto(4);
        assertEquals(List.of("lease 0/4", "hold 10.0.0.6"), asked);
        assertFalse(vm.canZoomOutProperty().get(), "single addresses are not zoomed into");
    }

    @Test
    void anEthernetRangeSaysItsMacOnceAndAnIpv6Slash64IsAggregated() {
        int eth = network("NAME = eth\nVN_MAD = bridge\nAR = [ TYPE = ETHER, MAC = 02:00:00:00:01:00, SIZE = 100 ]\n"
                + "AR = [ TYPE = IP6, MAC = 02:00:00:00:02:00, GLOBAL_PREFIX = 2001:db8::, SIZE = 16 ]\n");
        AddressMapViewModel vm = map();
        vm.show(eth, 0, 99);
        vm.hover(1);
        assertEquals("02:00:00:00:01:01: free — click to hold", vm.tooltipProperty().get());
        int slaac = network("NAME = v6\nVN_MAD = bridge\nAR = [ TYPE = IP6, MAC = 02:00:00:00:03:00, "
                + "GLOBAL_PREFIX = 2001:db8:1::, SIZE = 100000 ]\n");
        vm.show(slaac, 0, 99_999);
        assertEquals(7, shown(vm).cellShift());
        assertTrue(vm.scaleProperty().get().startsWith("2001:db8:1::ff:fe00:300 – 2001:db8:1::ff:fe01:899f: 100,000 addresses"), vm.scaleProperty().get());
        assertTrue(vm.scaleProperty().get().endsWith("1 cell = 128 addresses"), vm.scaleProperty().get());
        int whole = network("NAME = v6s\nVN_MAD = bridge\nAR = [ TYPE = IP6_STATIC, IP6 = 2001:db8:2::, "
                + "PREFIX_LENGTH = 64, SIZE = 18446744073709551616 ]\n");
        vm.show(whole, 0, -1L);
        assertEquals(1024, shown(vm).cells().size());
        assertEquals("2001:db8:2:: – 2001:db8:2:0:ffff:ffff:ffff:ffff: 2^64 addresses, 0 used · 1 cell = 2^54 "
                + "addresses", vm.scaleProperty().get());
    }

    @Test
    void theLeasesTabSelectsALeaseReadOrReadsFromItOn() {
        int lan = network("NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4000 ]\n");
        inventory.leases().hold(ADMIN, ObjectRef.id(lan), List.of("10.0.0.1-10.0.11.184"), Optional.empty()); // 3000
        LeasesViewModel leases = new LeasesViewModel(inventory, ADMIN, runner, dialogs);
        leases.show(lan);
        assertEquals(LeasesViewModel.PAGE, leases.loadedCount());
        leases.select(0, 2500);
        LeaseRow row = leases.selectRequestProperty().get().orElseThrow();
        assertEquals(2500, row.index());
        assertEquals(row, leases.rows().get(0), "read from the lease on");
        assertEquals(row.address(), leases.fromProperty().get());
        leases.reload();
        assertEquals("", leases.fromProperty().get());

        leases.filterProperty().set("10.0.0.9");
        leases.select(0, 8);
        assertEquals("", leases.filterProperty().get(), "a filter could hide the lease");
        assertEquals("10.0.0.9", leases.selectRequestProperty().get().orElseThrow().address());
        assertEquals("", leases.fromProperty().get(), "a lease already read is selected where it is");
        assertEquals(0, leases.rows().get(0).index());
    }
}
