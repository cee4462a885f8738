package vnetdesk.ui.secgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.SecurityRule.Direction;
import vnetdesk.model.SecurityRule.Protocol;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.Dialogs.UnsavedChoice;

/** The security group form without the toolkit: validation, save refused while invalid, create and update. */
class SecurityGroupEditorViewModelTest extends SecGroupTestBase {

    private SecurityGroupEditorViewModel vm;
    private final List<Integer> saved = new ArrayList<>();

    @BeforeEach
    void editor() {
        vm = new SecurityGroupEditorViewModel(inventory, ADMIN, runner, dialogs);
    }

    private static SecurityRule rule(String... attributes) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            a.put(attributes[i], attributes[i + 1]);
        }
        return SecurityRule.parse(a);
    }

    @Test
    void saveIsRefusedWhileARuleIsInvalidAndNothingIsStoredThenTheFixedRuleIsSaved() {
        vm.nameProperty().set("web");
        RuleRow row = vm.addRule();
        row.text(RuleRow.RANGE).set("22,80:90:100");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.rulesErrorProperty().get().startsWith("Rule 1: RANGE: invalid value \"22,80:90:100\""),
                vm.rulesErrorProperty().get());
        assertTrue(vm.problemProperty().get().contains("fix the marked rule"), vm.problemProperty().get());
        vm.save(saved::add);
        assertEquals(0, runner.completed(), "the service was not called");
        assertEquals(List.of(), stored());

        row.text(RuleRow.RANGE).set("22,80:90");
        assertTrue(vm.validProperty().get(), vm.problemProperty().get());
        assertEquals("", vm.rulesErrorProperty().get());
        vm.save(saved::add);
        assertEquals(1, saved.size());
        SecurityGroup g = stored().get(0);
        assertEquals("web", g.name());
        assertEquals(List.of(rule("PROTOCOL", "TCP", "RULE_TYPE", "INBOUND", "RANGE", "22,80:90")), g.rules());
        assertEquals(SecurityGroupEditorViewModel.Mode.EDIT, vm.modeProperty().get());
        assertFalse(vm.dirtyProperty().get(), "after saving the form shows what is stored");
    }

    @Test
    void aNewFormDoesNotScoldTheEmptyNameButCannotBeSaved() {
        assertEquals(Map.of(), vm.errors());
        assertFalse(vm.validProperty().get());
        assertEquals("", vm.problemProperty().get(), "no error before anything is typed");
        assertEquals("give the new group a name", vm.hintProperty().get(), "only a hint of what Save waits for");
        vm.nameProperty().set("x");
        vm.nameProperty().set("");
        assertTrue(vm.errors().get("NAME").startsWith("NAME: "), vm.errors().toString());
        assertEquals(vm.errors().get("NAME"), vm.problemProperty().get());
        assertEquals("", vm.hintProperty().get(), "the error says it now");
    }

    @Test
    void createThenUpdateReplacesTheRulesAndDescription() {
        vm.nameProperty().set("web");
        vm.descriptionProperty().set("front end");
        vm.addRule().text(RuleRow.RANGE).set("443");
        RuleRow icmp = vm.addRule();
        icmp.protocolProperty().set(Protocol.ICMP);
        icmp.text(RuleRow.ICMP_TYPE).set("8");
        vm.addRule().text(RuleRow.RANGE).set("443");
        vm.save(saved::add);
        int id = saved.get(0);
        assertEquals(2, stored().get(0).rules().size(), "the duplicate rule is stored once");
        assertEquals(2, vm.rules().size(), "the form shows what is stored");

        SecurityGroupEditorViewModel other = new SecurityGroupEditorViewModel(inventory, ADMIN, runner, dialogs);
        other.edit(id, () -> { });
        assertEquals("front end", other.descriptionProperty().get());
        other.descriptionProperty().set("front end, TLS only");
        other.removeRule(other.rules().get(1));
        RuleRow out = other.addRule();
        out.directionProperty().set(Direction.OUTBOUND);
        out.protocolProperty().set(Protocol.UDP);
        out.text(RuleRow.RANGE).set("53");
        assertTrue(other.dirtyProperty().get());
        other.save(saved::add);
        SecurityGroup g = summary(id).group();
        assertEquals("front end, TLS only", g.description());
        assertEquals(List.of(rule("PROTOCOL", "TCP", "RULE_TYPE", "INBOUND", "RANGE", "443"),
                rule("PROTOCOL", "UDP", "RULE_TYPE", "OUTBOUND", "RANGE", "53")), g.rules());
        assertEquals(List.of(id, id), saved);
    }

    @Test
    void aNameTakenIsShownOnTheNameFieldAndNextToSave() {
        inventory.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n", "t"));
        vm.nameProperty().set("web");
        vm.save(saved::add);
        assertEquals(List.of(), saved);
        assertTrue(vm.problemProperty().get().contains("already exists"), vm.problemProperty().get());
        assertTrue(vm.errors().get("NAME").contains("already exists"), vm.errors().toString());
        vm.nameProperty().set("web-2");
        assertEquals("", vm.problemProperty().get(), "an edit clears the refusal");
        vm.save(saved::add);
        assertEquals(1, saved.size());
    }

    @Test
    void leavingWithEditsAsksCancelKeepsThemDiscardRevertsThem() {
        int id = inventory.securityGroups().create(ADMIN, TemplateParser.parse(
                "NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = INBOUND, RANGE = 22 ]\n", "t"));
        vm.edit(id, () -> { });
        vm.rules().get(0).text(RuleRow.RANGE).set("2222");
        List<String> left = new ArrayList<>();
        dialogs.answer(UnsavedChoice.CANCEL);
        vm.leave(() -> left.add("left"));
        assertEquals(List.of(), left);
        assertEquals("2222", vm.rules().get(0).text(RuleRow.RANGE).get(), "the edit is still there");
        assertEquals(List.of("unsaved: security group " + id + ":web"), dialogs.questions);

        dialogs.answer(UnsavedChoice.DISCARD);
        vm.leave(() -> left.add("left"));
        assertEquals(List.of("left"), left);
        assertEquals("22", vm.rules().get(0).text(RuleRow.RANGE).get());
        assertEquals(List.of(rule("PROTOCOL", "TCP", "RULE_TYPE", "INBOUND", "RANGE", "22")),
                summary(id).group().rules(), "nothing was saved");
    }

    @Test
    void answeringSaveForAnInvalidFormSaysWhyAndStays() {
        vm.nameProperty().set("web");
        vm.addRule().text(RuleRow.IP).set("10.0.0.0");
        dialogs.answer(UnsavedChoice.SAVE);
        List<String> left = new ArrayList<>();
        vm.leave(() -> left.add("left"));
        assertEquals(List.of(), left);
        assertEquals(List.of(), stored());
        assertTrue(dialogs.notices.get(0).startsWith("Not saved: "), dialogs.notices.toString());
    }

    @Test
    void answeringSaveSavesAndThenLeaves() {
        vm.nameProperty().set("web");
        List<Integer> reported = new ArrayList<>();
        vm.setOnSavedWhileLeaving(reported::add);
        dialogs.answer(UnsavedChoice.SAVE);
        List<String> left = new ArrayList<>();
        vm.leave(() -> left.add("left"));
        assertEquals(List.of("left"), left);
        assertEquals(List.of(stored().get(0).id()), reported);
    }
}
