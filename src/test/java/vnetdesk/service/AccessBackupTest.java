package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.AclRule;
import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;
import vnetdesk.template.TemplateParser;

/** A whole-inventory JSON backup carries users, groups, ACL rules, security groups and network templates. */
class AccessBackupTest extends ServiceTestSupport {

    @TempDir
    Path dir;

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    private static void populate(Inventory inv) {
        inv.users().createGroup(ADMIN, "lab");
        inv.users().createUser(ADMIN, "bob", "lab");
        inv.users().addAcl(ADMIN, "@100 VNTEMPLATE/* CREATE");
        int web = inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\nDESCRIPTION = \"HTTP\"\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = \"80,443\" ]\n", "t"));
        inv.securityGroups().chown(ADMIN, ObjectRef.name("web"), Optional.of("bob"), Optional.of("lab"));
        inv.securityGroups().update(ADMIN, ObjectRef.name("default"), TemplateParser.parse(
                "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n", "t"), false);
        inv.templates().allocate(ADMIN, TemplateParser.parse("NAME = office\nVN_MAD = bridge\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        inv.templates().lock(ADMIN, ObjectRef.name("office"), LockLevel.MANAGE);
        inv.templates().delete(ADMIN, ObjectRef.name("Private IPv4"));
        create(inv, "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"" + web + "\"\n"
                + "AR = [ TYPE = IP4, IP = 10.1.0.1, SIZE = 10 ]\n");
        inv.networks().chown(ADMIN, ObjectRef.name("lan"), Optional.of("bob"), Optional.empty());
        int vm = inv.vms().create(ADMIN, TemplateParser.parse("NAME = bobs\nNIC = [ NETWORK = lan ]\n", "t"));
        inv.vms().chown(ADMIN, ObjectRef.id(vm), Optional.of("bob"), Optional.of("lab"));
    }

    /** The groups as a user sees them, without the optimistic-locking version (a restore starts it anew). */
    private static List<String> groups(Inventory inv) {
        return inv.securityGroups().list(ADMIN).stream().map(s -> s.group().label() + " " + s.group().description()
                + " " + s.group().ownership() + " " + s.group().rules() + " " + s.ownerName() + "/" + s.groupName()
                + " " + s.networks()).toList();
    }

    @Test
    void aWholeInventoryBackupRestoresAccessObjectsWithTheirIds() {
        String backup;
        try (Inventory source = open("source")) {
            populate(source);
            backup = source.interchange().exportJson(ADMIN, List.of());
            try (Inventory target = open("target")) {
                target.interchange().importFile(ADMIN, backup, "backup.json");
                assertEquals(source.users().users(), target.users().users());
                assertEquals(source.users().groups(), target.users().groups());
                assertEquals(source.users().acls().stream().map(AclRule::text).toList(),
                        target.users().acls().stream().map(AclRule::text).toList());
                assertEquals(groups(source), groups(target));
                assertEquals(source.templates().list(ADMIN).stream().map(t -> t.template().withName()).toList(),
                        target.templates().list(ADMIN).stream().map(t -> t.template().withName()).toList());
                assertEquals(Optional.of(LockLevel.MANAGE), target.templates().info(ADMIN,
                        ObjectRef.name("office")).lock());
                assertEquals(source.securityGroups().effectiveRules(ADMIN, ObjectRef.name("lan")),
                        target.securityGroups().effectiveRules(ADMIN, ObjectRef.name("lan")));
                Actor bob = target.actor("bob");
                assertEquals(target.queries().details(ADMIN, ObjectRef.name("lan"), 0).ownerName(), "bob");
                assertEquals("bob/lab", target.vms().show(ADMIN, ObjectRef.name("bobs")).ownerName() + "/"
                        + target.vms().show(ADMIN, ObjectRef.name("bobs")).groupName(), "a VM keeps its owner");
                assertEquals(bob.uid(), target.users().createUser(ADMIN, "carol", "users") - 1,
                        "the id sequence moved past the restored users");
                assertTrue(target.securityGroups().create(ADMIN, TemplateParser.parse("NAME = x\n", "t")) > 100);
            }
            try (Inventory used = open("used")) {
                used.users().createUser(ADMIN, "eve", "users");
                ConflictException e = assertThrows(ConflictException.class,
                        () -> used.interchange().importFile(ADMIN, backup, "backup.json"));
                assertTrue(e.getMessage().contains("only into a new inventory; this one already has users"),
                        e.getMessage());
                assertEquals(0, networkCount(used), "nothing restored");
            }
        }
    }

    @Test
    void aBadRuleInTheBackupIsRefusedWithItsPlace() {
        String backup;
        try (Inventory source = open("source")) {
            populate(source);
            backup = source.interchange().exportJson(ADMIN, List.of());
        }
        String tampered = backup.replace("\"80,443\"", "\"80:70\"");
        try (Inventory target = open("target")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> target.interchange().importFile(ADMIN, tampered, "backup.json"));
            assertTrue(e.getMessage().contains("access.securityGroups[1].rules[0]: RANGE: invalid value \"80:70\""),
                    e.getMessage());
            assertEquals(1, target.securityGroups().list(ADMIN).size(), "nothing restored");
            String unknown = backup.replace("\"aclRules\"", "\"aclRulez\"");
            VnetException u = assertThrows(VnetException.class,
                    () -> target.interchange().importFile(ADMIN, unknown, "backup.json"));
            assertTrue(u.getMessage().contains("unknown field \"aclRulez\""), u.getMessage());
        }
    }

    @Test
    void aBackupOfNamedNetworksHasNoAccessSection() {
        try (Inventory source = open("source")) {
            populate(source);
            assertTrue(!source.interchange().exportJson(ADMIN, List.of(ObjectRef.name("lan"))).contains("\"access\""));
            assertTrue(source.interchange().exportJson(ADMIN, List.of()).contains("\"access\""));
            assertEquals(Permissions.DEFAULT, source.templates().info(ADMIN,
                    ObjectRef.name("office")).ownership().permissions());
        }
    }
}
