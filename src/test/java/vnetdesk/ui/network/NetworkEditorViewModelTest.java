package vnetdesk.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vnetdesk.model.Actor;
import vnetdesk.model.Driver;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.Dialogs.UnsavedChoice;
import vnetdesk.ui.common.ViewModelTestBase;
import vnetdesk.ui.common.netform.NetworkForm;

/** The network form without the toolkit: validation, save, revert, unsaved edits, hints. */
class NetworkEditorViewModelTest extends ViewModelTestBase {

    private NetworkEditorViewModel vm;

    @BeforeEach
    void editor() {
        vm = new NetworkEditorViewModel(inventory, Actor.ONEADMIN, runner, dialogs);
    }

    private List<VirtualNetwork> stored() {
        return inventory.queries().list(Actor.ONEADMIN).stream().map(s -> s.network()).toList();
    }

    @Test
    void aBadFirstIpIsShownOnTheIpFieldAndNothingIsSavedThenAGoodOneCreatesTheNetwork() {
        vm.form().text("NAME").set("lan");
        vm.firstAr().field("IP").set("10.0.0.300");
        vm.firstAr().field("SIZE").set("50");
        assertTrue(vm.firstAr().errors().get("IP").contains("\"10.0.0.300\""), vm.firstAr().errors().toString());
        assertFalse(vm.validProperty().get());
        List<Integer> saved = new ArrayList<>();
        vm.save(saved::add);
        assertEquals(List.of(), saved);
        assertEquals(0, runner.completed(), "the service was not called");
        assertEquals(List.of(), stored());

        vm.firstAr().field("IP").set("10.0.0.1");
        assertTrue(vm.validProperty().get(), vm.errors() + " " + vm.firstAr().errors());
        assertTrue(vm.dirtyProperty().get());
        vm.save(saved::add);
        assertEquals(1, saved.size());
        VirtualNetwork n = stored().get(0);
        assertEquals("lan", n.name());
        assertEquals(50, n.addressRanges().get(0).size().intValue());
        assertEquals("10.0.0.1", n.addressRanges().get(0).addressesAt(0).primary());
        assertEquals(NetworkEditorViewModel.Mode.EDIT, vm.modeProperty().get());
        assertFalse(vm.dirtyProperty().get(), "after saving the form shows what is stored");
        assertEquals("onebr" + n.id(), n.conf().bridge());
    }

    @Test
    void anEmptyNewFormShowsNoErrorsUntilSaveIsTriedThenAllOfThem() {
        assertEquals(Map.of(), vm.errors());
        assertEquals(Map.of(), vm.firstAr().errors());
        assertFalse(vm.validProperty().get(), "an empty form is still not valid");
        vm.form().text("DESCRIPTION").set("office");
        assertEquals(Map.of(), vm.errors(), "editing another field does not reveal the empty name");
        vm.save(id -> { });
        assertTrue(vm.errors().get("NAME").startsWith("NAME: "), vm.errors().toString());
        assertTrue(vm.firstAr().errors().get("IP").startsWith("IP: "), vm.firstAr().errors().toString());
        assertEquals(0, runner.completed());
        vm.form().driverProperty().set(Driver.VXLAN);
        assertTrue(vm.errors().containsKey("PHYDEV"), "an error an edit causes shows at once: " + vm.errors());
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "NAME|''|NAME: ",
        "NAME|'bad\u0007name'|NAME: ",
        "CLUSTER_IDS|'0,x'|CLUSTER_IDS: ",
        "BRIDGE|'br;rm -rf /'|BRIDGE: invalid value \"br;rm -rf /\"",
        "BRIDGE|'-br0'|BRIDGE: ",
        "VLAN_ID|'12'|only the 802.1Q, vxlan, ovswitch, ovswitch_vxlan, vcenter drivers use a VLAN id",
        "MTU|'10'|MTU: ",
        "INBOUND_AVG_BW|'fast'|INBOUND_AVG_BW: ",
        "OUTBOUND_PEAK_BW|'-1'|OUTBOUND_PEAK_BW: ",
        "NETWORK_ADDRESS|'10.0.0'|NETWORK_ADDRESS: ",
        "NETWORK_MASK|'255.0.255.0'|contiguous",
        "GATEWAY|'10.0.0.256'|GATEWAY: ",
        "GATEWAY6|'2001:db8::g'|GATEWAY6: ",
        "DNS|'8.8.8.8 nine'|DNS: ",
        "GUEST_MTU|'99999'|GUEST_MTU: ",
        "SECURITY_GROUPS|'0,-3'|SECURITY_GROUPS: ",
    })
    void eachBadFieldShowsTheModelsMessageOnThatField(String field, String value, String expected) {
        vm.form().text("NAME").set("lan");
        vm.form().text(field).set(value);
        String message = vm.errors().get(field);
        assertTrue(message != null && message.contains(expected), field + ": " + vm.errors());
        assertFalse(vm.validProperty().get());
    }

    @Test
    void taggedDriversNeedPhydevAndAVlanIdOrAutomatic() {
        vm.form().text("NAME").set("v");
        vm.form().driverProperty().set(Driver.VLAN);
        assertTrue(vm.errors().get("PHYDEV").contains("required for the 802.1Q driver"), vm.errors().toString());
        vm.form().text("PHYDEV").set("eth0");
        assertTrue(vm.errors().get("VLAN_ID").contains("AUTOMATIC_VLAN_ID"), vm.errors().toString());
        vm.form().flag("AUTOMATIC_VLAN_ID").set(true);
        assertEquals(Map.of(), vm.errors());
        vm.form().text("VLAN_ID").set("4095");
        vm.form().flag("AUTOMATIC_VLAN_ID").set(false);
        assertTrue(vm.errors().get("VLAN_ID").contains("\"4095\""), vm.errors().toString());
    }

    @Test
    void severalBadFieldsAreAllShownAtOnceAndFixingOneClearsOnlyIt() {
        vm.form().text("NAME").set("x");
        vm.form().text("NAME").set("");
        vm.form().text("MTU").set("1");
        vm.form().text("GATEWAY").set("x");
        assertEquals(java.util.Set.of("NAME", "MTU", "GATEWAY"), vm.errors().keySet());
        vm.form().text("MTU").set("9000");
        assertEquals(java.util.Set.of("NAME", "GATEWAY"), vm.errors().keySet());
    }

    @Test
    void aCustomAttributeWithAnUnusableNameIsRefused() {
        vm.form().text("NAME").set("lan");
        vm.form().custom().add(new NetworkForm.Custom("MY KEY", "v"));
        assertTrue(vm.errors().values().stream().anyMatch(m -> m.contains("MY KEY")), vm.errors().toString());
        vm.form().custom().get(0).keyProperty().set("MY_KEY");
        assertEquals(Map.of(), vm.errors());
    }

    @Test
    void theBridgeHintNamesTheBridgeThatWillBeGenerated() {
        vm.form().text("NAME").set("v");
        assertTrue(vm.bridgeHintProperty().get().contains("onebr<id>"), vm.bridgeHintProperty().get());
        vm.form().driverProperty().set(Driver.VLAN);
        vm.form().text("PHYDEV").set("eth0");
        vm.form().text("VLAN_ID").set("12");
        assertEquals("empty: the bridge will be named onebr.12", vm.bridgeHintProperty().get());
        vm.form().text("BRIDGE").set("br12");
        assertEquals("", vm.bridgeHintProperty().get());
    }

    @Test
    void theBridgeHintOfADummyNetworkSaysABridgeIsRequired() {
        vm.form().text("NAME").set("d");
        vm.form().driverProperty().set(Driver.DUMMY);
        assertEquals("required for the dummy driver: OpenNebula generates no bridge name for it",
                vm.bridgeHintProperty().get());
        vm.form().text("BRIDGE").set("br-d");
        assertEquals("", vm.bridgeHintProperty().get());
    }

    @Test
    void editingLoadsTheNetworkAndRevertUndoesChanges() {
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nMTU = 1500\nDNS = 10.0.0.53\nCOLOR = blue\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        vm.edit(id, () -> { });
        assertEquals("lan", vm.form().text("NAME").get());
        assertEquals("1500", vm.form().text("MTU").get());
        assertEquals("10.0.0.53", vm.form().text("DNS").get());
        assertEquals("COLOR", vm.form().custom().get(0).keyProperty().get());
        assertEquals("empty: keeps the generated name onebr" + id, vm.bridgeHintProperty().get());
        assertFalse(vm.dirtyProperty().get());
        vm.form().text("MTU").set("9000");
        assertTrue(vm.dirtyProperty().get());
        vm.revert();
        assertEquals("1500", vm.form().text("MTU").get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void savingAnEditUpdatesTheNetworkAndClearingAFieldClearsIt() {
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nMTU = 1500\nDNS = 10.0.0.53\n", "t"));
        vm.edit(id, () -> { });
        vm.form().text("NAME").set("lan2");
        vm.form().text("MTU").set("");
        vm.form().text("INBOUND_AVG_BW").set("1000");
        vm.save(x -> { });
        VirtualNetwork n = stored().get(0);
        assertEquals("lan2", n.name());
        assertTrue(n.conf().mtu().isEmpty());
        assertEquals(1000, n.qos().inboundAvg().getAsLong());
        assertEquals("10.0.0.53", n.attributes().get("DNS"));
    }

    @Test
    void aServiceRefusalIsShownOnTheFormAndNothingChanges() {
        inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = taken\nVN_MAD = bridge\n", "t"));
        vm.withFirstArProperty().set(false);
        vm.form().text("NAME").set("taken");
        vm.save(x -> { });
        assertTrue(vm.errors().getOrDefault("", "").contains("\"taken\" already exists"), vm.errors().toString());
        assertEquals(List.of(), dialogs.errors, "a refusal is not an error dialog");
        assertEquals(1, stored().size());
        assertEquals(NetworkEditorViewModel.Mode.CREATE, vm.modeProperty().get());
    }

    @Test
    void leavingWithUnsavedEditsAsksAndHonoursTheAnswer() {
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\n", "t"));
        vm.edit(id, () -> { });
        List<String> left = new ArrayList<>();
        vm.leave(() -> left.add("clean"));
        assertEquals(List.of("clean"), left, "nothing to lose, no question");
        assertEquals(List.of(), dialogs.questions);

        vm.form().text("DESCRIPTION").set("office");
        dialogs.answer(UnsavedChoice.CANCEL);
        vm.leave(() -> left.add("cancel"));
        assertEquals(List.of("clean"), left);
        assertTrue(vm.dirtyProperty().get());

        dialogs.answer(UnsavedChoice.DISCARD);
        vm.leave(() -> left.add("discard"));
        assertEquals(List.of("clean", "discard"), left);
        assertEquals("", vm.form().text("DESCRIPTION").get());
        assertEquals("", stored().get(0).description());

        vm.form().text("DESCRIPTION").set("office");
        List<Integer> savedWhileLeaving = new ArrayList<>();
        vm.setOnSavedWhileLeaving(savedWhileLeaving::add);
        dialogs.answer(UnsavedChoice.SAVE);
        vm.leave(() -> left.add("save"));
        assertEquals(List.of("clean", "discard", "save"), left);
        assertEquals(List.of(id), savedWhileLeaving);
        assertEquals("office", stored().get(0).description());
        assertEquals(3, dialogs.questions.size());
    }

    @Test
    void savingThroughTheQuestionStaysWhenTheServiceRefuses() {
        inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = taken\nVN_MAD = bridge\n", "t"));
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\n", "t"));
        vm.edit(id, () -> { });
        vm.form().text("NAME").set("taken");
        dialogs.answer(UnsavedChoice.SAVE);
        List<String> left = new ArrayList<>();
        vm.leave(() -> left.add("left"));
        assertEquals(List.of(), left, "a refused save keeps the user on the form");
        assertTrue(vm.errors().getOrDefault("", "").contains("already exists"), vm.errors().toString());
        assertTrue(vm.dirtyProperty().get());
    }

    @Test
    void aRenameElsewhereReachesAFormWithEditsSoSaveKeepsTheNewName() {
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\n", "t"));
        vm.edit(id, () -> { });
        vm.form().text("DESCRIPTION").set("second floor");
        inventory.networks().rename(Actor.ONEADMIN, ObjectRef.name("lan"), "lan-2");
        vm.refresh();
        assertEquals("lan-2", vm.form().text("NAME").get());
        assertTrue(vm.dirtyProperty().get(), "the description edit stays");
        vm.save(saved -> { });
        assertEquals("lan-2", stored().get(0).name());
        assertEquals("second floor", stored().get(0).description());
    }

    @Test
    void savingAnInvalidFormThroughTheQuestionSaysWhyNothingMovesOn() {
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\n", "t"));
        vm.edit(id, () -> { });
        vm.form().text("MTU").set("10");
        dialogs.answer(UnsavedChoice.SAVE);
        List<String> left = new ArrayList<>();
        vm.leave(() -> left.add("left"));
        assertEquals(List.of(), left);
        assertEquals(List.of("Not saved: network " + id + ":lan has errors; fix them, or choose Discard"),
                dialogs.notices);
    }

    @Test
    void aLoadThatFinishesAfterTheUserMovedOnIsDropped() {
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\n", "t"));
        vnetdesk.ui.common.QueuedTaskRunner queued = new vnetdesk.ui.common.QueuedTaskRunner();
        NetworkEditorViewModel slow = new NetworkEditorViewModel(inventory, Actor.ONEADMIN, queued, dialogs);
        slow.edit(id, () -> { });
        slow.startCreate();
        slow.form().text("NAME").set("typed meanwhile");
        queued.runAll();
        assertEquals(NetworkEditorViewModel.Mode.CREATE, slow.modeProperty().get());
        assertEquals("typed meanwhile", slow.form().text("NAME").get());
    }

    @Test
    void aStoredNetworkSavedWithABadGatewayShowsThatErrorOnlyNotTheFirstArForm() {
        int id = inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        vm.edit(id, () -> { });
        vm.form().text("GATEWAY").set("10.0.0.x");
        vm.save(saved -> { });
        assertTrue(vm.errors().get("GATEWAY").startsWith("GATEWAY: "), vm.errors().toString());
        assertEquals(Map.of(), vm.firstAr().errors(), "the network has its ARs: the first-AR form is not its");
        assertTrue(vm.problemProperty().get().startsWith("GATEWAY: "), vm.problemProperty().get());
        vm.revert();
        assertEquals(Map.of(), vm.errors());
        vm.startCreate();
        assertEquals(Map.of(), vm.firstAr().errors(), "nothing follows to a new network");
    }

    @Test
    void aNewFormAfterACreateStartsEmptyAgain() {
        vm.form().text("NAME").set("lan");
        vm.firstAr().field("IP").set("10.0.0.1");
        vm.firstAr().field("SIZE").set("10");
        vm.save(id -> { });
        assertEquals(NetworkEditorViewModel.Mode.EDIT, vm.modeProperty().get());
        vm.startCreate();
        assertEquals("", vm.firstAr().field("IP").get());
        assertEquals("", vm.firstAr().field("SIZE").get());
        assertEquals(Map.of(), vm.firstAr().errors());
        assertFalse(vm.dirtyProperty().get(), "an untouched new form has nothing to lose");
    }

    @Test
    void theDefaultGroupWarningAppearsWithOtherGroupsAndOneClickRemovesGroupZero() {
        vm.form().text("NAME").set("lan");
        assertEquals("", vm.defaultGroupWarningProperty().get(), "0 alone is the normal default");
        vm.form().text(NetworkForm.SECURITY_GROUPS).set("0, 100");
        assertTrue(vm.defaultGroupWarningProperty().get().contains("allows all traffic"));
        vm.removeDefaultGroup();
        assertEquals("100", vm.form().text(NetworkForm.SECURITY_GROUPS).get());
        assertEquals("", vm.defaultGroupWarningProperty().get());
    }
}
