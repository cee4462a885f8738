package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.Actor;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.ResourceType;
import vnetdesk.service.core.Access;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;

/**
 * Every operation on networks (and their ARs and leases), network templates
 * and security groups, for a normal user: refused without the right, with a
 * message naming the right and the object; allowed once a permission bit or an
 * ACL rule grants it.
 */
class AccessRightsTest extends ServiceTestSupport {

    /** How the right is granted after the refusal. */
    enum Grant { PERMISSION_BIT, ACL_RULE }

    /** An operation as user bob; {@code prepare} runs as oneadmin first. */
    @FunctionalInterface
    interface Call {
        void run(Inventory inv, Actor bob);
    }

    record Op(String name, ResourceType type, String right, Call prepare, Call call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Template t(String text) {
        return TemplateParser.parse(text, "test");
    }

    private static Op op(String name, ResourceType type, String right, Call call) {
        return new Op(name, type, right, (inv, bob) -> { }, call);
    }

    private static Op op(String name, ResourceType type, String right, Call prepare, Call call) {
        return new Op(name, type, right, prepare, call);
    }

    static final ResourceType NET = ResourceType.NET;
    static final ResourceType TPL = ResourceType.VNTEMPLATE;
    static final ResourceType SG = ResourceType.SECGROUP;

    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        // networks, their address ranges and leases
        ops.add(op("vnet show", NET, "USE", (inv, bob) -> inv.queries().details(bob, ObjectRef.name("net"), 10)));
        ops.add(op("vnet leases", NET, "USE", (inv, bob) -> inv.queries().leasePage(bob, ObjectRef.name("net"), 0,
                java.util.OptionalLong.empty(), 10)));
        ops.add(op("vnet free", NET, "USE", (inv, bob) -> inv.queries().freeRanges(bob, ObjectRef.name("net"), 10)));
        ops.add(op("hold dialog check", NET, "USE", (inv, bob) -> inv.queries().checkAddresses(bob,
                ObjectRef.name("net"), List.of("10.0.0.5", "10.0.0.6-10.0.0.9"))));
        ops.add(op("secgroup effective", NET, "USE", (inv, bob) -> inv.securityGroups().effectiveRules(bob,
                ObjectRef.name("net"))));
        ops.add(op("vnet hold", NET, "USE", (inv, bob) -> inv.leases().hold(bob, ObjectRef.name("net"),
                List.of("10.0.0.5"), Optional.empty())));
        ops.add(op("vnet release", NET, "USE", (inv, bob) -> hold(inv, "net", "10.0.0.6"),
                (inv, bob) -> inv.leases().release(bob, ObjectRef.name("net"), List.of("10.0.0.6"), Optional.empty())));
        ops.add(op("vnet reserve", NET, "USE", (inv, bob) -> inv.reservations().reserve(bob, ObjectRef.name("net"),
                new ReservationService.Request(4, Optional.of("mine"), Optional.empty(), Optional.empty(),
                        Optional.empty()))));
        ops.add(op("vnet update", NET, "MANAGE", (inv, bob) -> inv.networks().update(bob, ObjectRef.name("net"),
                t("DESCRIPTION = changed\n"), true)));
        ops.add(op("vnet delete", NET, "MANAGE", (inv, bob) -> inv.networks().delete(bob, ObjectRef.name("net"))));
        ops.add(op("vnet rename", NET, "MANAGE", (inv, bob) -> inv.networks().rename(bob, ObjectRef.name("net"),
                "renamed")));
        ops.add(op("vnet lock", NET, "MANAGE", (inv, bob) -> inv.networks().lock(bob, ObjectRef.name("net"),
                LockLevel.USE)));
        ops.add(op("vnet unlock", NET, "MANAGE", (inv, bob) -> inv.networks().lock(ADMIN, ObjectRef.name("net"),
                LockLevel.ADMIN),
                (inv, bob) -> inv.networks().unlock(bob, ObjectRef.name("net"))));
        ops.add(op("vnet chmod", NET, "MANAGE", (inv, bob) -> inv.networks().chmod(bob, ObjectRef.name("net"),
                perms(inv, "net", 04))));
        ops.add(op("vnet chown", NET, "ADMIN", (inv, bob) -> inv.networks().chown(bob, ObjectRef.name("net"),
                Optional.of("bob"), Optional.empty())));
        ops.add(op("vnet addar", NET, "MANAGE", (inv, bob) -> inv.networks().addAr(bob, ObjectRef.name("net"),
                Map.of("TYPE", "IP4", "IP", "10.9.0.1", "SIZE", "5"))));
        ops.add(op("vnet updatear", NET, "MANAGE", (inv, bob) -> inv.networks().updateAr(bob, ObjectRef.name("net"),
                Map.of("AR_ID", "0", "SIZE", "120"))));
        ops.add(op("vnet rmar", NET, "MANAGE", (inv, bob) -> inv.networks().removeAr(bob, ObjectRef.name("net"), 0,
                false)));
        ops.add(op("vnet create", NET, "CREATE", (inv, bob) -> inv.networks().create(bob, t("NAME = new\nVN_MAD = fw\n"))));
        ops.add(op("vnet clone", NET, "CREATE", OwnedTestObjects::letEveryoneUseTheObjects,
                (inv, bob) -> inv.networks().clone(bob, ObjectRef.name("net"), "copy")));
        // network templates
        ops.add(op("vntemplate show", TPL, "USE", (inv, bob) -> inv.templates().info(bob, ObjectRef.name("tpl"))));
        ops.add(op("vntemplate instantiate", TPL, "USE", (inv, bob) -> inv.templates().instantiate(bob,
                ObjectRef.name("tpl"), "from-tpl", Template.empty())));
        ops.add(op("vntemplate update", TPL, "MANAGE", (inv, bob) -> inv.templates().update(bob, ObjectRef.name("tpl"),
                t("DESCRIPTION = changed\n"), true)));
        ops.add(op("vntemplate delete", TPL, "MANAGE", (inv, bob) -> inv.templates().delete(bob,
                ObjectRef.name("tpl"))));
        ops.add(op("vntemplate rename", TPL, "MANAGE", (inv, bob) -> inv.templates().rename(bob, ObjectRef.name("tpl"),
                "renamed")));
        ops.add(op("vntemplate lock", TPL, "MANAGE", (inv, bob) -> inv.templates().lock(bob, ObjectRef.name("tpl"),
                LockLevel.USE)));
        ops.add(op("vntemplate unlock", TPL, "MANAGE", (inv, bob) -> inv.templates().lock(ADMIN, ObjectRef.name("tpl"),
                LockLevel.ADMIN),
                (inv, bob) -> inv.templates().unlock(bob, ObjectRef.name("tpl"))));
        ops.add(op("vntemplate chmod", TPL, "MANAGE", (inv, bob) -> inv.templates().chmod(bob, ObjectRef.name("tpl"),
                perms(inv, "tpl", 04))));
        ops.add(op("vntemplate chown", TPL, "ADMIN", (inv, bob) -> inv.templates().chown(bob, ObjectRef.name("tpl"),
                Optional.of("bob"), Optional.empty())));
        ops.add(op("vntemplate create", TPL, "CREATE", (inv, bob) -> inv.templates().allocate(bob,
                t("NAME = mine\nVN_MAD = bridge\n"))));
        ops.add(op("vntemplate clone", TPL, "CREATE", OwnedTestObjects::letEveryoneUseTheObjects,
                (inv, bob) -> inv.templates().clone(bob, ObjectRef.name("tpl"), "copy")));
        // security groups
        ops.add(op("secgroup show", SG, "USE", (inv, bob) -> inv.securityGroups().show(bob, ObjectRef.name("sg"))));
        ops.add(op("use a secgroup on a network", SG, "USE",
                (inv, bob) -> inv.networks().chown(ADMIN, ObjectRef.name("bobs"), Optional.of("bob"), Optional.empty()),
                (inv, bob) -> inv.networks().update(bob, ObjectRef.name("bobs"), t("SECURITY_GROUPS = \"0,100\"\n"),
                        true)));
        ops.add(op("secgroup update", SG, "MANAGE", (inv, bob) -> inv.securityGroups().update(bob, ObjectRef.name("sg"),
                t("DESCRIPTION = changed\n"), true)));
        ops.add(op("secgroup delete", SG, "MANAGE", (inv, bob) -> inv.securityGroups().delete(bob,
                ObjectRef.name("sg"))));
        ops.add(op("secgroup rename", SG, "MANAGE", (inv, bob) -> inv.securityGroups().rename(bob,
                ObjectRef.name("sg"), "renamed")));
        ops.add(op("secgroup commit", SG, "MANAGE", (inv, bob) -> inv.securityGroups().commit(bob,
                ObjectRef.name("sg"), false)));
        ops.add(op("secgroup chmod", SG, "MANAGE", (inv, bob) -> inv.securityGroups().chmod(bob, ObjectRef.name("sg"),
                perms(inv, "sg", 04))));
        ops.add(op("secgroup chown", SG, "ADMIN", (inv, bob) -> inv.securityGroups().chown(bob, ObjectRef.name("sg"),
                Optional.of("bob"), Optional.empty())));
        ops.add(op("secgroup create", SG, "CREATE", (inv, bob) -> inv.securityGroups().create(bob, t("NAME = mine\n"))));
        ops.add(op("secgroup clone", SG, "CREATE", OwnedTestObjects::letEveryoneUseTheObjects,
                (inv, bob) -> inv.securityGroups().clone(bob, ObjectRef.name("sg"), "copy")));
        return ops;
    }

    static Stream<Arguments> cases() {
        return operations().stream().flatMap(op -> Stream.of(Grant.values())
                // CREATE has no permission bit: only an ACL rule grants it
                .filter(g -> !op.right().equals("CREATE") || g == Grant.ACL_RULE)
                .map(g -> Arguments.of(op, g)));
    }

    /** The current permissions of an object plus {@code otherBits} for "other" (for a chmod that changes no ADMIN bit). */
    private static Permissions perms(Inventory inv, String ref, int otherBits) {
        return new Permissions(OwnedTestObjects.permissions(inv, ref).bits() | otherBits);
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("cases")
    void aNormalUserIsRefusedUntilTheRightIsGranted(Op op, Grant grant, @TempDir Path dir) {
        try (Inventory inv = open(dir)) {
            OwnedTestObjects.populate(inv);
            Actor bob = inv.actor("bob");
            op.prepare().run(inv, bob);
            Access.PermissionDeniedException e = assertThrows(Access.PermissionDeniedException.class,
                    () -> op.call().run(inv, bob), op.name());
            String right = op.right().equals("CREATE") ? "the CREATE right" : op.right() + " rights";
            assertTrue(e.getMessage().contains("needs " + right), e.getMessage());
            assertTrue(e.getMessage().startsWith("user bob may not "), e.getMessage());
            if (!op.right().equals("CREATE")) {
                assertTrue(e.getMessage().contains(op.type().noun() + " "), e.getMessage());
            }
            OwnedTestObjects.grant(inv, op, grant);
            op.call().run(inv, bob);
        }
    }

    @Test
    void usingATemplateDoesNotNeedTheCreateRightForNetworks(@TempDir Path dir) {
        try (Inventory inv = open(dir)) {
            Actor alice = inv.actor(inv.users().users().get(0).name());
            assertTrue(alice.isAdmin());
            inv.users().createUser(ADMIN, "carol", "users");
            Actor carol = inv.actor("carol");
            assertThrows(Access.PermissionDeniedException.class,
                    () -> inv.networks().create(carol, t("NAME = n\nVN_MAD = fw\n")));
            int id = inv.templates().instantiate(carol, ObjectRef.name("Private IPv4"), "carols", Template.empty());
            assertTrue(inv.queries().details(carol, ObjectRef.id(id), 0).network().addressRanges().isEmpty());
        }
    }

    @Test
    void rightsFollowTheUserAsStoredNowNotAsTheConsoleOpenedIt(@TempDir Path dir) {
        try (Inventory inv = open(dir)) {
            inv.users().createUser(ADMIN, "alice", "oneadmin");
            Actor openedAsAdmin = inv.actor("alice");
            assertTrue(openedAsAdmin.isAdmin());
            inv.users().chgrp(ADMIN, "alice", "users");
            Access.PermissionDeniedException e = assertThrows(Access.PermissionDeniedException.class,
                    () -> inv.networks().create(openedAsAdmin, t("NAME = n\nVN_MAD = fw\n")));
            assertTrue(e.getMessage().contains("needs the CREATE right"), e.getMessage());
            inv.users().createUser(ADMIN, "root2", "oneadmin");
            Actor root2 = inv.actor("root2");
            vnetdesk.model.ConflictException self = assertThrows(vnetdesk.model.ConflictException.class,
                    () -> inv.users().deleteUser(root2, "root2"));
            assertTrue(self.getMessage().contains("you cannot delete the user you act as"), self.getMessage());
            inv.users().deleteUser(ADMIN, "alice");
            Access.PermissionDeniedException gone = assertThrows(Access.PermissionDeniedException.class,
                    () -> inv.queries().list(openedAsAdmin));
            assertTrue(gone.getMessage().contains("no longer exists"), gone.getMessage());
        }
    }

    @Test
    void allDigitUserAndGroupNamesAreRefusedSinceCommandsReadThemAsIds(@TempDir Path dir) {
        try (Inventory inv = open(dir)) {
            vnetdesk.model.ValidationException user = assertThrows(vnetdesk.model.ValidationException.class,
                    () -> inv.users().createUser(ADMIN, "1", "users"));
            assertTrue(user.getMessage().startsWith("USER: invalid value \"1\""), user.getMessage());
            assertThrows(vnetdesk.model.ValidationException.class, () -> inv.users().createGroup(ADMIN, "100"));
            inv.users().createUser(ADMIN, "u1", "users");
        }
    }

    @Test
    void aClusterScopedAclRuleGrantsWhatIsInThatCluster(@TempDir Path dir) {
        try (Inventory inv = open(dir)) {
            inv.users().createUser(ADMIN, "bob", "users");
            Actor bob = inv.actor("bob");
            inv.users().addAcl(ADMIN, "@1 NET/%0 CREATE");
            inv.networks().create(bob, t("NAME = in0\nVN_MAD = fw\n"));
            Access.PermissionDeniedException e = assertThrows(Access.PermissionDeniedException.class,
                    () -> inv.networks().create(bob, t("NAME = in100\nVN_MAD = fw\nCLUSTER_IDS = \"100\"\n")));
            assertTrue(e.getMessage().contains("needs the CREATE right on NET"), e.getMessage());

            inv.templates().allocate(ADMIN, t("NAME = edge\nVN_MAD = fw\nCLUSTER_IDS = \"100\"\n"));
            assertThrows(Access.PermissionDeniedException.class, () -> inv.templates().info(bob,
                    ObjectRef.name("edge")));
            inv.users().addAcl(ADMIN, "#" + bob.uid() + " VNTEMPLATE/%100 USE");
            assertEquals("edge", inv.templates().info(bob, ObjectRef.name("edge")).name());
        }
    }
}
