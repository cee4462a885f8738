package vnetdesk.ui.common.netform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ViewModelTestBase;
import vnetdesk.ui.common.netform.SecurityTabViewModel.GroupChoice;

/** The network's Security tab: check boxes that follow the SECURITY_GROUPS ids, and the effective rules. */
class SecurityTabViewModelTest extends ViewModelTestBase {

    private GroupChoice choice(SecurityTabViewModel vm, int id) {
        return vm.groups().stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    @Test
    void theChecksFollowTheIdsAndEditThemKeepingIdsNotListed() {
        int web = inventory.securityGroups().create(ADMIN, TemplateParser.parse(
                "NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 443 ]\n", "t"));
        StringProperty ids = new SimpleStringProperty("0, 999");
        SecurityTabViewModel vm = new SecurityTabViewModel(inventory, ADMIN, runner, dialogs, ids);
        vm.load(Optional.empty());
        assertEquals(List.of(0, web), vm.groups().stream().map(GroupChoice::id).toList());
        assertEquals("inbound TCP port 443 from any address", choice(vm, web).rules());
        assertTrue(choice(vm, 0).checkedProperty().get());

        choice(vm, web).checkedProperty().set(true);
        assertEquals("0,999," + web, ids.get());
        choice(vm, 0).checkedProperty().set(false);
        assertEquals("999," + web, ids.get(), "an id the user cannot see stays");
        ids.set(String.valueOf(web));
        assertTrue(choice(vm, web).checkedProperty().get());
        assertTrue(!choice(vm, 0).checkedProperty().get());
        assertEquals("Save the network to see the rules its NICs get.", vm.effectiveNoteProperty().get());
    }

    @Test
    void theEffectiveRulesOfASavedNetworkComeWithTheDefaultGroupWarning() {
        int web = inventory.securityGroups().create(ADMIN, TemplateParser.parse(
                "NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n", "t"));
        int net = inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"0," + web + "\"\n", "t"));
        SecurityTabViewModel vm = new SecurityTabViewModel(inventory, ADMIN, runner, dialogs,
                new SimpleStringProperty("0," + web));
        vm.load(Optional.of(net));
        assertEquals(3, vm.effective().size());
        assertTrue(vm.effectiveWarningProperty().get().contains("default group allows all traffic"),
                vm.effectiveWarningProperty().get());
        assertTrue(vm.effectiveNoteProperty().get().contains("groups 0:default, " + web + ":web"),
                vm.effectiveNoteProperty().get());
    }

    @Test
    void aLateResultForTheNetworkShownBeforeIsDropped() {
        int net = inventory.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\n", "t"));
        vnetdesk.ui.common.QueuedTaskRunner queued = new vnetdesk.ui.common.QueuedTaskRunner();
        SecurityTabViewModel vm = new SecurityTabViewModel(inventory, ADMIN, queued, dialogs,
                new SimpleStringProperty("0"));
        vm.load(Optional.of(net));
        vm.load(Optional.empty());
        queued.runAll();
        assertTrue(vm.effective().isEmpty(), "the new form shows no rules of the network before");
        assertEquals("Save the network to see the rules its NICs get.", vm.effectiveNoteProperty().get());
    }
}
