package vnetdesk.ui.secgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.PropagationState;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.OwnedObjectActions;

/** The list, the whole-group actions and the VMs tab without the toolkit. */
class SecurityGroupActionsTest extends SecGroupTestBase {

    private SecurityGroupListViewModel list;
    private OwnedObjectActions actions;
    private int web;
    private final List<Integer> created = new ArrayList<>();
    private final List<Integer> changed = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    @BeforeEach
    void group() {
        web = inventory.securityGroups().create(ADMIN, TemplateParser.parse(
                "NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = INBOUND, RANGE = 80 ]\n", "t"));
        list = new SecurityGroupListViewModel(inventory, ADMIN, runner, dialogs);
        actions = new OwnedObjectActions(inventory.securityGroups(), inventory.users(), ADMIN, runner, dialogs,
                new OwnedObjectActions.Followup(created::add, changed::add, () -> deleted.add("deleted")));
        list.reload();
    }

    private SecurityGroupRow row(int id) {
        return list.rows().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Test
    void theListShowsEveryGroupWithItsRuleCountAndFilters() {
        assertEquals(2, list.countProperty().get(), "default and web");
        assertEquals(1, row(web).rules());
        assertEquals("oneadmin", row(web).owner());
        list.filterProperty().set("WE");
        assertEquals(List.of("web"), list.rows().stream().map(SecurityGroupRow::name).toList());
    }

    @Test
    void changeOwnerAsksForTheUserThenTheGroup() {
        inventory.users().createUser(ADMIN, "alice", "users");
        dialogs.answer(Optional.of("alice")).answer(Optional.of("users"));
        actions.changeOwner(row(web).target());
        assertEquals(List.of(web), changed);
        assertEquals("alice", summary(web).ownerName());
        assertEquals("users", summary(web).groupName());
        assertEquals(List.of("New owner of " + web + ":web", "New group of " + web + ":web"), dialogs.questions);
    }

    @Test
    void cancellingTheGroupQuestionChangesNothing() {
        inventory.users().createUser(ADMIN, "alice", "users");
        dialogs.answer(Optional.of("alice")).answer(Optional.empty());
        actions.changeOwner(row(web).target());
        assertEquals(List.of(), changed);
        assertEquals("oneadmin", summary(web).ownerName());
    }

    @Test
    void chmodStoresThePermissions() {
        Permissions p = Permissions.parseOctal("PERMISSIONS", "664");
        actions.changePermissions(row(web).target(), p);
        assertEquals(p, summary(web).group().ownership().permissions());
        assertEquals(List.of(web), changed);
    }

    @Test
    void cloneRenameAndDelete() {
        dialogs.answer(Optional.of("web-copy"));
        actions.cloneObject(row(web).target());
        assertEquals(summary(web).group().rules(), summary(created.get(0)).group().rules());
        dialogs.answer(Optional.of("www"));
        actions.rename(row(web).target());
        assertEquals("www", summary(web).group().name());
        dialogs.answer(true);
        actions.delete(row(web).target());
        assertEquals(List.of("deleted"), deleted);
        assertEquals(List.of("web-copy"), stored().stream().map(g -> g.name()).toList());
    }

    @Test
    void deletingTheDefaultGroupIsRefusedWithTheServicesReason() {
        dialogs.answer(true);
        actions.delete(row(0).target());
        assertTrue(dialogs.errors.get(0).contains("default group and cannot be deleted"), dialogs.errors.toString());
    }

    @Test
    void commitAppliesThroughTheHostsAndAVmOnNoHostIsUpToDateAtOnce() {
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \""
                + web + "\"\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        int vm = inventory.vms().create(ADMIN, TemplateParser.parse("NAME = web1\nNIC = [ NETWORK = lan ]\n", "vm"));
        SecurityGroupEditorViewModel editor = new SecurityGroupEditorViewModel(inventory, ADMIN, runner, dialogs);
        SecurityGroupVmsViewModel vms = new SecurityGroupVmsViewModel(inventory, ADMIN, runner, dialogs,
                consoleHosts(), editor);
        editor.edit(web, () -> { });
        assertEquals(List.of("VM " + vm + ":web1"), vms.vms(PropagationState.OUTDATED));
        vms.commit(false);
        // the VM is on no host: nothing to change anywhere, so it is up to date without any connection
        assertEquals("security group " + web + ":web: 1 VM up to date, 0 in error, over 0 hosts",
                vms.reportProperty().get());
        assertEquals(List.of(vms.reportProperty().get()), dialogs.notices);
        assertEquals(List.of("VM " + vm + ":web1"), vms.vms(PropagationState.UPDATED));
        assertEquals(List.of(), vms.vms(PropagationState.OUTDATED));
        vms.commit(true);
        assertEquals("security group " + web + ":web has no VM to update", vms.reportProperty().get());
    }
}
