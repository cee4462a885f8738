package vnetdesk.ui.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.ui.common.OwnedObjectActions;

/** The templates table and its action bar, without the toolkit, against a real inventory. */
class TemplateListAndActionsTest extends TemplateTestBase {

    private final List<Integer> created = new ArrayList<>();
    private final List<Integer> changed = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();
    private OwnedObjectActions actions;

    @BeforeEach
    void createActions() {
        actions = new OwnedObjectActions(inventory.templates(), inventory.users(), ADMIN, runner, dialogs,
                new OwnedObjectActions.Followup(created::add, changed::add, () -> deleted.add("deleted")));
    }

    @Test
    void theListShowsPrivateIpv4() {
        TemplateRow row = row("Private IPv4");
        assertEquals(0, row.id());
        assertEquals("oneadmin", row.owner());
        assertEquals("Bridged with Security Groups", row.driver());
        assertEquals(0, row.ars());
        assertEquals("", row.lock());
        assertEquals(1, list.countProperty().get());
    }

    @Test
    void theFilterMatchesNameDriverAndOwner() {
        list.filterProperty().set("security");
        assertEquals(1, list.rows().size());
        list.filterProperty().set("nothing like it");
        assertEquals(0, list.rows().size());
        assertEquals(1, list.countProperty().get(), "the count is of all templates");
    }

    @Test
    void cloneAsksForANameAndCopiesTheTemplate() {
        dialogs.answer(Optional.of("Private copy"));
        actions.cloneObject(row("Private IPv4").target());
        TemplateRow copy = row("Private copy");
        assertEquals(List.of(copy.id()), created);
        assertEquals(stored(0).body(), stored(copy.id()).body());
    }

    @Test
    void renameGoesToTheService() {
        dialogs.answer(Optional.of("Private LAN"));
        actions.rename(row("Private IPv4").target());
        assertEquals("Private LAN", stored(0).name());
        assertEquals(List.of(0), changed);
    }

    @Test
    void lockAndUnlockGoToTheService() {
        actions.lock(row("Private IPv4").target());
        assertEquals(Optional.of(LockLevel.MANAGE), stored(0).lock());
        assertTrue(row("Private IPv4").locked());
        actions.unlock(row("Private IPv4").target());
        assertEquals(Optional.empty(), stored(0).lock());
        assertEquals(List.of(0, 0), changed);
    }

    @Test
    void changeOwnerAsksForUserThenGroup() {
        inventory.users().createGroup(ADMIN, "lab");
        int uid = inventory.users().createUser(ADMIN, "alice", "lab");
        dialogs.answer(Optional.of("alice")).answer(Optional.of("lab"));
        actions.changeOwner(row("Private IPv4").target());
        assertEquals(uid, stored(0).ownership().uid());
        assertEquals("lab", row("Private IPv4").group());
        assertEquals(List.of(0), changed);
    }

    @Test
    void cancellingTheGroupQuestionChangesNothing() {
        dialogs.answer(Optional.of("oneadmin")).answer(Optional.empty());
        actions.changeOwner(row("Private IPv4").target());
        assertEquals(List.of(), changed);
    }

    @Test
    void deletingALockedTemplateIsRefusedWithAnError() {
        inventory.templates().lock(ADMIN, ObjectRef.id(0), LockLevel.MANAGE);
        dialogs.answer(true);
        actions.delete(row("Private IPv4").target());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("locked"), dialogs.errors.toString());
        assertEquals(List.of(), deleted);
        assertEquals(1, list.countProperty().get());
    }

    @Test
    void deleteAsksFirst() {
        dialogs.answer(false);
        actions.delete(row("Private IPv4").target());
        assertEquals(1, inventory.templates().list(ADMIN).size());
        dialogs.answer(true);
        actions.delete(row("Private IPv4").target());
        assertEquals(0, inventory.templates().list(ADMIN).size());
        assertEquals(List.of("deleted"), deleted);
        assertFalse(dialogs.questions.isEmpty());
    }
}
