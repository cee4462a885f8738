package vnetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.ResourceType;
import vnetdesk.template.TemplateParser;

/**
 * The whole-object actions of the console, the same for networks, network
 * templates and security groups: the questions asked, the service calls made,
 * what the view is told afterwards, and refusals shown as errors — without the
 * toolkit. Each kind starts with {@code web}, owned by oneadmin.
 */
class OwnedObjectActionsTest extends ViewModelTestBase {

    private final List<Integer> created = new ArrayList<>();
    private final List<Integer> changed = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    /** What the tests read back of a stored object, whatever its kind. */
    private record Stored(String name, Ownership ownership, Optional<LockLevel> lock) {
    }

    @BeforeEach
    void users() {
        inventory.users().createGroup(ADMIN, "lab");
        inventory.users().createUser(ADMIN, "alice", "lab");
    }

    private OwnedObjectActions actions(ResourceType kind) {
        return new OwnedObjectActions(inventory.owned(kind), inventory.users(), ADMIN, runner, dialogs,
                new OwnedObjectActions.Followup(created::add, changed::add, () -> deleted.add("deleted")));
    }

    private int create(ResourceType kind, String name) {
        return switch (kind) {
            case NET -> inventory.networks().create(ADMIN,
                    TemplateParser.parse("NAME = " + name + "\nVN_MAD = fw\n", "t"));
            case VNTEMPLATE -> inventory.templates().allocate(ADMIN,
                    TemplateParser.parse("NAME = " + name + "\nVN_MAD = bridge\n", "t"));
            case SECGROUP -> inventory.securityGroups().create(ADMIN,
                    TemplateParser.parse("NAME = " + name + "\n", "t"));
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    private Optional<Stored> stored(ResourceType kind, int id) {
        return switch (kind) {
            case NET -> inventory.queries().list(ADMIN).stream().map(s -> s.network()).filter(n -> n.id() == id)
                    .findFirst().map(n -> new Stored(n.name(), n.ownership(), n.lock()));
            case VNTEMPLATE -> inventory.templates().list(ADMIN).stream().map(s -> s.template())
                    .filter(t -> t.id() == id).findFirst().map(t -> new Stored(t.name(), t.ownership(), t.lock()));
            case SECGROUP -> inventory.securityGroups().list(ADMIN).stream().map(s -> s.group())
                    .filter(g -> g.id() == id).findFirst()
                    .map(g -> new Stored(g.name(), g.ownership(), Optional.empty()));
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    private Stored storedOrFail(ResourceType kind, int id) {
        return stored(kind, id).orElseThrow(() -> new AssertionError(kind + " " + id + " is not stored"));
    }

    private static OwnedObjectActions.Target target(int id, String name) {
        return new OwnedObjectActions.Target(id, name, "oneadmin", "oneadmin", "\n\nNote.");
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void renameAsksForTheNewNameAndSkipsAnUnchangedOne(ResourceType kind) {
        int web = create(kind, "web");
        dialogs.answer(Optional.of("web"));
        actions(kind).rename(target(web, "web"));
        assertEquals(List.of(), changed, "the same name changes nothing");
        dialogs.answer(Optional.of("www"));
        actions(kind).rename(target(web, "web"));
        assertEquals("www", storedOrFail(kind, web).name());
        assertEquals(List.of(web), changed);
        assertEquals(List.of("New name of " + web + ":web", "New name of " + web + ":web"), dialogs.questions);
        assertEquals(List.of("web", "web"), dialogs.proposals);
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void aRefusalIsExplainedInAnErrorNamingTheObject(ResourceType kind) {
        int web = create(kind, "web");
        create(kind, "db");
        dialogs.answer(Optional.of("db"));
        actions(kind).rename(target(web, "web"));
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot rename " + web + ":web: "), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("named \"db\" already exists"), dialogs.errors.toString());
        assertEquals(List.of(), changed);
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void cloneProposesACopyNameAndReportsTheNewId(ResourceType kind) {
        int web = create(kind, "web");
        dialogs.answer(Optional.empty());
        actions(kind).cloneObject(target(web, "web"));
        assertEquals(List.of(), created, "cancelled");
        dialogs.answer(Optional.of("web-2"));
        actions(kind).cloneObject(target(web, "web"));
        assertEquals(1, created.size());
        assertEquals("web-2", storedOrFail(kind, created.get(0)).name());
        assertEquals("Copy of web", dialogs.proposals.get(0));
        assertEquals("Name of the copy of " + web + ":web", dialogs.questions.get(0));
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void deleteAsksWithTheNoteFirstThenDeletesAndSaysSo(ResourceType kind) {
        int web = create(kind, "web");
        dialogs.answer(false);
        actions(kind).delete(target(web, "web"));
        assertTrue(stored(kind, web).isPresent(), "kept when the answer is no");
        dialogs.answer(true);
        actions(kind).delete(target(web, "web"));
        assertEquals(Optional.empty(), stored(kind, web));
        assertEquals(List.of("deleted"), deleted);
        String question = "Delete " + kind.noun() + " " + web + ":web?\n\nNote.";
        assertEquals(List.of(question, question), dialogs.questions);
        String noun = kind.noun();
        assertEquals(List.of(noun.substring(0, 1).toUpperCase() + noun.substring(1) + " " + web + ":web deleted"),
                dialogs.notices);
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE"})
    void lockAndUnlockAtManageLevel(ResourceType kind) {
        OwnedObjectActions actions = actions(kind);
        assertTrue(actions.lockable());
        int web = create(kind, "web");
        actions.lock(target(web, "web"));
        assertEquals(Optional.of(LockLevel.MANAGE), storedOrFail(kind, web).lock());
        actions.unlock(target(web, "web"));
        assertEquals(Optional.empty(), storedOrFail(kind, web).lock());
        assertEquals(List.of(web, web), changed);
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void securityGroupsOfferNoLock() {
        OwnedObjectActions actions = actions(ResourceType.SECGROUP);
        assertFalse(actions.lockable());
        int web = create(ResourceType.SECGROUP, "web");
        actions.lock(target(web, "web"));
        assertEquals(List.of("Cannot lock " + web + ":web: security group \"" + web
                + "\" cannot be locked: security groups have no lock"), dialogs.errors);
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void changeOwnerProposesTheNewUsersGroupAndChangesBoth(ResourceType kind) {
        int web = create(kind, "web");
        dialogs.answer(Optional.of("alice")).answer(Optional.of("lab"));
        actions(kind).changeOwner(target(web, "web"));
        Ownership now = storedOrFail(kind, web).ownership();
        assertEquals(inventory.actor("alice").uid(), now.uid());
        assertEquals(inventory.actor("alice").gid(), now.gid());
        assertEquals(List.of(web), changed);
        assertEquals(List.of("New owner of " + web + ":web", "New group of " + web + ":web"), dialogs.questions);
        assertEquals(List.of("oneadmin", "lab"), dialogs.proposals, "the owner, then the chosen user's group");
        assertEquals(1, dialogs.notices.size());
        assertTrue(dialogs.notices.get(0).endsWith(web + ":web now belongs to alice / lab"), dialogs.notices.toString());
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void keepingTheOwnerProposesTheCurrentGroupAndKeepingBothChangesNothing(ResourceType kind) {
        int web = create(kind, "web");
        dialogs.answer(Optional.of("oneadmin")).answer(Optional.of("oneadmin"));
        actions(kind).changeOwner(target(web, "web"));
        assertEquals(List.of("oneadmin", "oneadmin"), dialogs.proposals);
        assertEquals(List.of(), changed);
        dialogs.answer(Optional.of("oneadmin")).answer(Optional.of("lab"));
        actions(kind).changeOwner(target(web, "web"));
        assertEquals(inventory.actor("alice").gid(), storedOrFail(kind, web).ownership().gid());
        assertEquals(0, storedOrFail(kind, web).ownership().uid());
        assertEquals(List.of(web), changed);
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void changePermissionsStoresThemAndAsksNothing(ResourceType kind) {
        int web = create(kind, "web");
        actions(kind).changePermissions(target(web, "web"), Permissions.parseOctal("OCTAL", "664"));
        assertEquals("664", storedOrFail(kind, web).ownership().permissions().octal());
        assertEquals(List.of(web), changed);
        assertEquals(List.of(), dialogs.questions);
    }
}
