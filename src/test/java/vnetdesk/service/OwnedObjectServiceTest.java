package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;
import vnetdesk.service.core.Access;
import vnetdesk.template.TemplateParser;

/**
 * Clone, rename, chown, chmod, lock, unlock and delete through
 * {@link Inventory#owned}, the same for networks, network templates and
 * security groups: refused without the right or against the kind's rules, done
 * otherwise. Each kind starts with {@code web} and {@code db} owned by oneadmin
 * (permissions 640) and user bob (group users) who may do nothing with them.
 */
class OwnedObjectServiceTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    private Inventory inv;
    private Actor bob;

    /** What the tests read back of a stored object, whatever its kind. */
    private record Stored(String name, Ownership ownership, Optional<LockLevel> lock) {
    }

    @BeforeEach
    void openInventory() {
        inv = open(dir);
        inv.users().createUser(ADMIN, "bob", "users");
        bob = inv.actor("bob");
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private int create(ResourceType kind, String name) {
        return switch (kind) {
            case NET -> inv.networks().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nVN_MAD = fw\n", "t"));
            case VNTEMPLATE -> inv.templates().allocate(ADMIN,
                    TemplateParser.parse("NAME = " + name + "\nVN_MAD = bridge\n", "t"));
            case SECGROUP -> inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = " + name + "\n", "t"));
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    private Stored stored(ResourceType kind, int id) {
        ObjectRef ref = ObjectRef.id(id);
        return switch (kind) {
            case NET -> {
                var n = inv.queries().details(ADMIN, ref, 0).network();
                yield new Stored(n.name(), n.ownership(), n.lock());
            }
            case VNTEMPLATE -> {
                var t = inv.templates().info(ADMIN, ref);
                yield new Stored(t.name(), t.ownership(), t.lock());
            }
            case SECGROUP -> {
                var g = inv.securityGroups().show(ADMIN, ref).summary().group();
                yield new Stored(g.name(), g.ownership(), Optional.empty());
            }
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    private static void refusedForBob(Runnable call, String right) {
        Access.PermissionDeniedException e = assertThrows(Access.PermissionDeniedException.class, call::run);
        assertTrue(e.getMessage().startsWith("user bob may not "), e.getMessage());
        assertTrue(e.getMessage().contains("needs " + right + " rights"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void theServiceOfAKindIsForThatKind(ResourceType kind) {
        assertEquals(kind, inv.owned(kind).type());
    }

    @Test
    void kindsThatAreNotOwnedObjectsAreAProgrammingError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inv.owned(ResourceType.HOST));
        assertEquals("hosts are not owned objects", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void renameRefusesATakenNameAndAStrangerAndRenamesOtherwise(ResourceType kind) {
        OwnedObjectService service = inv.owned(kind);
        int web = create(kind, "web");
        create(kind, "db");
        ConflictException taken = assertThrows(ConflictException.class,
                () -> service.rename(ADMIN, ObjectRef.name("web"), "db"));
        assertTrue(taken.getMessage().contains("named \"db\" already exists"), taken.getMessage());
        refusedForBob(() -> service.rename(bob, ObjectRef.name("web"), "www"), "MANAGE");
        service.rename(ADMIN, ObjectRef.id(web), "www");
        assertEquals("www", stored(kind, web).name());
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void cloneCopiesUnderANewNameOwnedByTheActor(ResourceType kind) {
        OwnedObjectService service = inv.owned(kind);
        int web = create(kind, "web");
        create(kind, "db");
        refusedForBob(() -> service.clone(bob, ObjectRef.id(web), "mine"), "USE");
        assertThrows(ConflictException.class, () -> service.clone(ADMIN, ObjectRef.id(web), "db"));
        int copy = service.clone(ADMIN, ObjectRef.name("web"), "web-2");
        assertTrue(copy != web, "a new object");
        assertEquals("web-2", stored(kind, copy).name());
        assertEquals("web", stored(kind, web).name(), "the source stays");
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void chownNeedsAdminRightsAndAnExistingUser(ResourceType kind) {
        OwnedObjectService service = inv.owned(kind);
        int web = create(kind, "web");
        refusedForBob(() -> service.chown(bob, ObjectRef.id(web), Optional.of("bob"), Optional.empty()), "ADMIN");
        NotFoundException nobody = assertThrows(NotFoundException.class,
                () -> service.chown(ADMIN, ObjectRef.id(web), Optional.of("nobody"), Optional.empty()));
        assertEquals("USER: user \"nobody\" does not exist", nobody.getMessage());
        service.chown(ADMIN, ObjectRef.id(web), Optional.of("bob"), Optional.of("users"));
        Ownership now = stored(kind, web).ownership();
        assertEquals(bob.uid(), now.uid());
        assertEquals(bob.gid(), now.gid());
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void chmodNeedsManageRightsAndStoresThePermissions(ResourceType kind) {
        OwnedObjectService service = inv.owned(kind);
        int web = create(kind, "web");
        Permissions p = Permissions.parseOctal("OCTAL", "604");
        refusedForBob(() -> service.chmod(bob, ObjectRef.id(web), p), "MANAGE");
        service.chmod(ADMIN, ObjectRef.id(web), p);
        assertEquals("604", stored(kind, web).ownership().permissions().octal());
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE"})
    void aLockRefusesRenameAndDeleteUntilUnlocked(ResourceType kind) {
        OwnedObjectService service = inv.owned(kind);
        assertTrue(service.lockable());
        int web = create(kind, "web");
        refusedForBob(() -> service.lock(bob, ObjectRef.id(web), LockLevel.MANAGE), "MANAGE");
        service.lock(ADMIN, ObjectRef.id(web), LockLevel.MANAGE);
        assertEquals(Optional.of(LockLevel.MANAGE), stored(kind, web).lock());
        ConflictException locked = assertThrows(ConflictException.class,
                () -> service.rename(ADMIN, ObjectRef.id(web), "www"));
        assertTrue(locked.getMessage().contains("is locked (MANAGE)"), locked.getMessage());
        assertThrows(ConflictException.class, () -> service.delete(ADMIN, ObjectRef.id(web)));
        refusedForBob(() -> service.unlock(bob, ObjectRef.id(web)), "MANAGE");
        service.unlock(ADMIN, ObjectRef.id(web));
        assertEquals(Optional.empty(), stored(kind, web).lock());
        service.rename(ADMIN, ObjectRef.id(web), "www");
    }

    @Test
    void securityGroupsCannotBeLocked() {
        OwnedObjectService service = inv.owned(ResourceType.SECGROUP);
        assertFalse(service.lockable());
        int web = create(ResourceType.SECGROUP, "web");
        VnetException lock = assertThrows(VnetException.class,
                () -> service.lock(ADMIN, ObjectRef.id(web), LockLevel.MANAGE));
        assertEquals("security group \"" + web + "\" cannot be locked: security groups have no lock", lock.getMessage());
        assertThrows(VnetException.class, () -> service.unlock(ADMIN, ObjectRef.name("web")));
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void deleteNeedsManageRightsAndTheObjectIsGoneAfterwards(ResourceType kind) {
        OwnedObjectService service = inv.owned(kind);
        int web = create(kind, "web");
        refusedForBob(() -> service.delete(bob, ObjectRef.name("web")), "MANAGE");
        service.delete(ADMIN, ObjectRef.name("web"));
        NotFoundException byName = assertThrows(NotFoundException.class,
                () -> service.rename(ADMIN, ObjectRef.name("web"), "www"));
        assertEquals(kind.noun() + " \"web\" does not exist", byName.getMessage());
        NotFoundException byId = assertThrows(NotFoundException.class,
                () -> service.delete(ADMIN, ObjectRef.id(web)));
        assertEquals(kind.noun() + " \"" + web + "\" does not exist", byId.getMessage());
    }

    @ParameterizedTest
    @EnumSource(names = {"NET", "VNTEMPLATE", "SECGROUP"})
    void aNameTwoOwnersUseMustBeGivenAsId(ResourceType kind) {
        OwnedObjectService service = inv.owned(kind);
        int bobs = create(kind, "db");
        service.chown(ADMIN, ObjectRef.id(bobs), Optional.of("bob"), Optional.empty());
        int admins = create(kind, "db");
        String field = kind == ResourceType.NET ? "NETWORK" : kind.toString();
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.chmod(ADMIN, ObjectRef.name("db"), Permissions.DEFAULT));
        assertEquals(field + ": the name \"db\" is used by several " + kind.plural() + " (" + bobs + ":db, "
                + admins + ":db); use the id", e.getMessage());
        assertEquals(Optional.of(field), e.field());
        service.rename(ADMIN, ObjectRef.id(admins), "db-2");
        assertEquals(List.of("db", "db-2"), List.of(stored(kind, bobs).name(), stored(kind, admins).name()));
    }
}
