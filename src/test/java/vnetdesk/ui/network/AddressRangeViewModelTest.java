package vnetdesk.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ViewModelTestBase;
import vnetdesk.ui.common.netform.ArForm;

/** The AR form and the Addresses tab without the toolkit; the network list's filter. */
class AddressRangeViewModelTest extends ViewModelTestBase {

    private int lan;

    @BeforeEach
    void network() {
        lan = inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 100 ]\n", "t"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
        "IP4|IP|10.0.0.256|IP: invalid value \"10.0.0.256\"",
        "IP4|SIZE|0|SIZE: ",
        "IP4|SIZE|4294967296|SIZE: ",
        "IP4|MAC|02:00:zz:00:00:01|MAC: ",
        "IP4_6|GLOBAL_PREFIX|2001:db8::/64|GLOBAL_PREFIX: ",
        "IP6|ULA_PREFIX|fd00::zz|ULA_PREFIX: ",
        "IP6_STATIC|PREFIX_LENGTH|129|PREFIX_LENGTH: ",
        "IP6_STATIC|IP6|2001:db8::g|IP6: ",
        "IP4_6_STATIC|IP|1.2.3|IP: ",
        "ETHER|SIZE|-3|SIZE: ",
    })
    void eachArTypeShowsTheServicesMessageOnTheBadField(String type, String field, String value, String expected) {
        ArForm form = new ArForm();
        form.typeProperty().set(type);
        for (String f : form.fieldsOfType()) {
            form.field(f).set(switch (f) {
                case "IP" -> "10.1.0.1";
                case "IP6" -> "2001:db8::10";
                case "PREFIX_LENGTH" -> "64";
                case "SIZE" -> "10";
                default -> "";
            });
        }
        assertTrue(form.validBinding().get(), type + " with good values: " + form.errors());
        form.field(field).set(value);
        assertFalse(form.validBinding().get());
        assertTrue(form.errors().getOrDefault(field, "").startsWith(expected), form.errors().toString());
    }

    @Test
    void aFormOnlyUsesTheFieldsOfItsType() {
        ArForm form = new ArForm();
        form.typeProperty().set("ETHER");
        form.field("IP").set("10.0.0.1"); // not an ETHER field: not sent
        form.field("SIZE").set("8");
        assertEquals(Map.of("TYPE", "ETHER", "SIZE", "8"), form.toAttributes());
        assertTrue(form.validBinding().get());
    }

    @Test
    void theAddressesTabWarnsOfAnotherNetworkLeasingTheSameAddressesOnItsBridge() {
        AddressesViewModel vm = new AddressesViewModel(inventory, ADMIN, runner, dialogs);
        vm.show(inventory.queries().details(ADMIN, ObjectRef.name("lan"), 0));
        assertEquals("", vm.overlapsProperty().get(), "alone on its bridge");
        String bridge = inventory.queries().details(ADMIN, ObjectRef.name("lan"), 0).network().conf().bridge();
        int other = inventory.networks().create(ADMIN, vnetdesk.template.TemplateParser.parse("NAME = twin\n"
                + "VN_MAD = bridge\nBRIDGE = " + bridge + "\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 2 ]\n", "t"));
        vm.show(inventory.queries().details(ADMIN, ObjectRef.name("lan"), 0));
        assertTrue(vm.overlapsProperty().get().startsWith("This network shares bridge " + bridge + " with network "
                + other + ":twin, and both may lease 10.0.0.1–10.0.0.2"), vm.overlapsProperty().get());
    }

    @Test
    void addModifyAndRemoveAnAddressRange() {
        AddressesViewModel vm = new AddressesViewModel(inventory, ADMIN, runner, dialogs);
        vm.show(inventory.queries().details(ADMIN, ObjectRef.name("lan"), 0));
        ArForm add = vm.newArForm();
        add.field("IP").set("10.0.0.50"); // overlaps AR 0: refused by the service on save
        add.field("SIZE").set("10");
        List<String> refused = new ArrayList<>();
        vm.submit(add, () -> { }, refused::add);
        assertEquals(1, refused.size());
        assertTrue(refused.get(0).contains("overlap"), refused.get(0));
        add.field("IP").set("10.0.1.1");
        vm.submit(add, () -> { }, refused::add);
        assertEquals(2, vm.rows().size());

        ArForm modify = vm.modifyForm(vm.rows().get(1));
        modify.field("SIZE").set("20");
        vm.submit(modify, () -> { }, refused::add);
        assertEquals(20, vm.rows().get(1).size().intValue());

        inventory.leases().allocate(ADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(3, 0), Optional.of("10.0.1.5"),
                Optional.empty());
        vm.reload(() -> { });
        dialogs.answer(true).answer(false);
        vm.remove(vm.rows().get(1), () -> { });
        assertEquals(2, vm.rows().size(), "in use and the user did not force it");
        assertTrue(dialogs.questions.get(1).contains("1 used leases"), dialogs.questions.toString());
        dialogs.answer(true).answer(true);
        vm.remove(vm.rows().get(1), () -> { });
        assertEquals(1, vm.rows().size());
        assertTrue(dialogs.notices.get(0).contains("removed with 1 lease"), dialogs.notices.toString());
        assertEquals(1, inventory.queries().details(ADMIN, ObjectRef.name("lan"), 0).network().addressRanges().size());
    }

    @Test
    void theNetworkListFiltersByNameIdModeVlanAndBridge() {
        int dmz = inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = dmz\nVN_MAD = 802.1Q\nPHYDEV = eth1\nVLAN_ID = 120\n", "t"));
        NetworkListViewModel list = new NetworkListViewModel(inventory, ADMIN, runner, dialogs);
        list.reload();
        assertEquals(2, list.rows().size());
        list.filterProperty().set("DMZ");
        assertEquals(List.of("dmz"), list.rows().stream().map(NetworkRow::name).toList());
        list.filterProperty().set("120");
        assertEquals(List.of("dmz"), list.rows().stream().map(NetworkRow::name).toList());
        list.filterProperty().set(String.valueOf(dmz));
        assertEquals(List.of("dmz"), list.rows().stream().map(NetworkRow::name).toList());
        list.filterProperty().set("onebr" + lan);
        assertEquals(List.of("lan"), list.rows().stream().map(NetworkRow::name).toList());
        list.filterProperty().set("");
        assertEquals(2, list.rows().size());
        assertEquals(0.0, list.rows().get(0).usage());
    }
}
