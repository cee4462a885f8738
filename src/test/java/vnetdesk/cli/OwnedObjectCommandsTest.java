package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vnetdesk.service.Inventory;

/**
 * clone, rename, chown, chmod, lock and unlock in each command group that has
 * them: the same outcomes and messages for networks, templates, security
 * groups and VMs, and lock and unlock exactly where the kind's service can lock.
 */
class OwnedObjectCommandsTest {

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    private CliRunner.Result refused(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(1, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        return r;
    }

    /** Creates an object named {@code web} in the group; returns its id. */
    private int web(String group) {
        String template = switch (group) {
            case "vnet" -> "NAME = web\nVN_MAD = fw\n";
            case "vntemplate" -> "NAME = web\nVN_MAD = bridge\n";
            default -> "NAME = web\n";
        };
        CliRunner.Result r = cli.runWithInput(template, group, "create", "-");
        assertEquals(0, r.code(), r::toString);
        return Integer.parseInt(r.out().trim().substring("ID: ".length()));
    }

    @Test
    void theCommandsOfAKindOfferLockExactlyWhenItsServiceCanLock() {
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inventory"))) {
            for (OwnedObjectCommands.Kind kind : OwnedObjectCommands.KINDS) {
                assertEquals(inv.owned(kind.type()).lockable(), kind.lockable(), kind.toString());
            }
        }
        CliRunner.Result lock = cli.run("secgroup", "lock", "default");
        assertEquals(2, lock.code(), lock::toString);
        assertTrue(lock.err().contains("Unmatched argument"), lock::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vnet", "vntemplate", "secgroup"})
    void cloneRenameChownAndChmodWorkTheSameInEveryGroup(String group) {
        int web = web(group);
        CliRunner.Result copy = ok(group, "clone", "web", "web-2");
        assertTrue(copy.out().matches("ID: \\d+\\n"), copy::toString);
        ok(group, "rename", Integer.toString(web), "www");
        assertTrue(refused(group, "rename", "web-2", "www").err().contains("named \"www\" already exists"));
        ok("user", "create", "bob", "--group", "users");
        ok(group, "chown", "www", "bob");
        ok(group, "chmod", " " + web + " ", "604");
        CliRunner.Result denied = refused("--user", "bob", group, "chmod", "web-2", "644");
        assertTrue(denied.err().startsWith("error: user bob may not "), denied::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vnet", "vntemplate", "vm"})
    void lockAndUnlockWhereTheKindHasThem(String group) {
        int web = web(group);
        ok(group, "lock", "web", "--level", "manage");
        assertTrue(refused(group, "rename", "web", "www").err().contains("is locked (MANAGE)"));
        ok(group, "unlock", Integer.toString(web));
        ok(group, "rename", "web", "www");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vnet|NETWORK|network", "vntemplate|VNTEMPLATE|network template",
            "secgroup|SECGROUP|security group", "vm|VM|VM"})
    void aBlankOrUnknownObjectIsNamedByTheKind(String row) {
        String[] k = row.split("\\|");
        assertEquals("error: " + k[1] + ": required attribute is missing\n", refused(k[0], "rename", " ", "x").err());
        assertEquals("error: " + k[2] + " \"nosuch\" does not exist\n", refused(k[0], "clone", "nosuch", "x").err());
        assertEquals("error: " + k[2] + " \"12345678901\" does not exist\n",
                refused(k[0], "chmod", "12345678901", "640").err());
    }
}
