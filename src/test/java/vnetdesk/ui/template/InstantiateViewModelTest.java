package vnetdesk.ui.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vnetdesk.model.VirtualNetwork;

/** The Instantiate dialog's state, without the toolkit, against a real inventory. */
class InstantiateViewModelTest extends TemplateTestBase {

    private final List<Integer> opened = new ArrayList<>();

    private InstantiateViewModel dialog() {
        return new InstantiateViewModel(inventory, ADMIN, runner, dialogs, row("Private IPv4"));
    }

    @Test
    void instantiateWithAnAddressRangeCreatesTheNetworkWithIt() {
        InstantiateViewModel vm = dialog();
        vm.nameProperty().set("lab");
        vm.ar().field("IP").set("10.9.0.1");
        vm.ar().field("SIZE").set("50");
        assertEquals("", vm.reminderProperty().get());

        vm.instantiate(opened::add);

        VirtualNetwork lab = networks().stream().filter(n -> n.name().equals("lab")).findFirst().orElseThrow();
        assertEquals(List.of(lab.id()), opened);
        assertEquals("fw", lab.conf().driver().mad(), "the template's attributes are used");
        assertEquals(1, lab.addressRanges().size());
        assertEquals("10.9.0.1", lab.addressRanges().get(0).toAttributes().get("IP"));
        assertEquals(50, lab.addressRanges().get(0).size().intValue());
        assertEquals(List.of(), dialogs.notices);
    }

    @Test
    void withoutAnAddressRangeTheReminderShowsAndTheNetworkIsCreatedEmpty() {
        InstantiateViewModel vm = dialog();
        vm.nameProperty().set("bare");
        assertEquals(InstantiateViewModel.NO_AR_REMINDER, vm.reminderProperty().get());

        vm.instantiate(opened::add);

        assertEquals(1, opened.size());
        VirtualNetwork bare = networks().get(0);
        assertEquals("bare", bare.name());
        assertTrue(bare.addressRanges().isEmpty());
        assertTrue(dialogs.notices.get(0).contains(InstantiateViewModel.NO_AR_REMINDER), dialogs.notices.toString());
    }

    @Test
    void typingAnAddressRangeHidesTheReminder() {
        InstantiateViewModel vm = dialog();
        vm.ar().field("SIZE").set("10");
        assertEquals("", vm.reminderProperty().get());
        vm.ar().field("SIZE").set("");
        assertEquals(InstantiateViewModel.NO_AR_REMINDER, vm.reminderProperty().get());
    }

    @Test
    void aBadArFieldShowsItsErrorAndNothingIsCreated() {
        InstantiateViewModel vm = dialog();
        vm.nameProperty().set("lab");
        vm.ar().field("IP").set("10.9.0.300");
        vm.ar().field("SIZE").set("50");
        int before = runner.completed();

        vm.instantiate(opened::add);

        assertTrue(vm.ar().errors().getOrDefault("IP", "").contains("10.9.0.300"), vm.ar().errors().toString());
        assertEquals(before, runner.completed(), "the service was not called");
        assertEquals(List.of(), networks());
        assertEquals(List.of(), opened);
    }

    @Test
    void aMissingNameIsShownOnlyAfterTryingAndNothingIsCreated() {
        InstantiateViewModel vm = dialog();
        assertFalse(vm.errors().containsKey(InstantiateViewModel.NAME), "a fresh dialog is not scolded");

        vm.instantiate(opened::add);

        assertTrue(vm.errors().getOrDefault(InstantiateViewModel.NAME, "").contains("NAME"), vm.errors().toString());
        assertEquals(List.of(), networks());
    }

    @Test
    void badExtraAttributesAreShownUnderTheirField() {
        InstantiateViewModel vm = dialog();
        vm.nameProperty().set("lab");
        vm.extraProperty().set("MTU = [");
        assertTrue(vm.errors().containsKey(InstantiateViewModel.EXTRA), vm.errors().toString());
        vm.instantiate(opened::add);
        assertEquals(List.of(), networks());

        vm.extraProperty().set("MTU = 9000");
        assertFalse(vm.errors().containsKey(InstantiateViewModel.EXTRA), vm.errors().toString());
        vm.instantiate(opened::add);
        assertEquals(9000, networks().get(0).conf().mtu().orElseThrow());
    }

    @Test
    void aTakenNameRefusedByTheServiceLandsOnTheNameField() {
        InstantiateViewModel first = dialog();
        first.nameProperty().set("lab");
        first.instantiate(opened::add);
        InstantiateViewModel second = dialog();
        second.nameProperty().set("lab");

        second.instantiate(opened::add);

        assertEquals(1, opened.size());
        assertTrue(second.errors().getOrDefault(InstantiateViewModel.NAME, "").contains("lab"),
                second.errors().toString());
        assertEquals(List.of(), dialogs.errors);
    }
}
