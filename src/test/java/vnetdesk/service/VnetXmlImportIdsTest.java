package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.template.TemplateParser;

/**
 * Imported networks keep the document's ids and, for an administrator, its owners: kept ids move
 * the id sequence, a reservation keeps its parent, a user's import makes copies (new ids, the
 * user's), {@code asNew} copies, and every conflict is an error naming both sides that writes nothing.
 */
class VnetXmlImportIdsTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final String BRIDGE = VnetXmlImportCorpusTest.resource("opennebula-bridge.xml");

    @TempDir
    Path dir;

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    /** What an import may change: networks (id, name, owner), users and groups. */
    private static String snapshot(Inventory inv) {
        return inv.queries().list(ADMIN).stream().map(s -> s.network().label() + "@" + s.network().ownership().uid())
                .toList() + " " + inv.users().users() + " " + inv.users().groups();
    }

    @Test
    void keptIdsMoveTheIdSequenceAndAReservationKeepsItsParent() {
        try (Inventory inv = open("inv")) {
            List<Integer> ids = inv.interchange().importFile(ADMIN,
                    VnetXmlImportCorpusTest.resource("opennebula-pool-extended.xml"), "pool.xml");
            assertEquals(List.of(40, 41), ids);
            VirtualNetwork child = inv.queries().details(ADMIN, ObjectRef.id(41), 0).network();
            assertEquals(Optional.of(40), child.parentNetworkId());
            assertEquals(List.of("NET:41", "NET:41", "NET:41", "NET:41"), inv.queries().details(ADMIN, ObjectRef.id(40),
                    10).leases().stream().map(l -> l.owner().label()).toList());
            int next = inv.networks().create(ADMIN, TemplateParser.parse("NAME = next\nVN_MAD = bridge\n", "t"));
            assertEquals(42, next, "vnet create after importing ids 40 and 41");
        }
    }

    @Test
    void aNetworkWithoutAnIdTakesOneAfterTheKeptIdsOfItsFile() {
        try (Inventory inv = open("inv")) {
            String noId = BRIDGE.replace("<ID>12</ID>\n", "").replace("private", "no-id");
            String pool = "<VNET_POOL>" + noId + BRIDGE.replace("<ID>12</ID>", "<ID>5</ID>") + "</VNET_POOL>";
            assertEquals(List.of(6, 5), inv.interchange().importFile(ADMIN, pool, "pool.xml"));
        }
    }

    @Test
    void anAdministratorsImportKeepsOwnersAndMakesTheMissingOnes() {
        try (Inventory inv = open("inv")) {
            inv.interchange().importFile(ADMIN, VnetXmlImportCorpusTest.resource("opennebula-pool-list.xml"), "l.xml");
            assertTrue(inv.users().users().contains(new UserService.UserInfo(3, "carol", 1, "users")),
                    inv.users().users().toString());
            for (int id : List.of(30, 31)) {
                VirtualNetwork n = inv.queries().details(ADMIN, ObjectRef.id(id), 0).network();
                assertEquals(List.of(3, 100), List.of(n.ownership().uid(), n.ownership().gid()));
            }
            assertEquals(4, inv.users().createUser(ADMIN, "dave", "ops"), "the user sequence moved past 3");
            assertEquals(101, inv.users().createGroup(ADMIN, "lab"), "the group sequence moved past 100");
            // an existing user with the file's id and name is used as it is
            int before = inv.users().users().size();
            inv.interchange().importFile(ADMIN, VnetXmlImportCorpusTest.resource("opennebula-pool-list.xml")
                    .replace("<ID>30</ID>", "<ID>50</ID>").replace("<ID>31</ID>", "<ID>51</ID>")
                    .replace("filtered", "filtered2").replace("overlay", "overlay2"), "l2.xml");
            assertEquals(before, inv.users().users().size());
            assertEquals(3, inv.queries().details(ADMIN, ObjectRef.id(50), 0).network().ownership().uid());
        }
    }

    @Test
    void aMadeUserIsInTheUsersGroupAndTheNetworkKeepsTheFilesGroup() {
        try (Inventory inv = open("inv")) {
            // a network chgrp'ed to oneadmin: its missing owner must not become an administrator
            inv.interchange().importFile(ADMIN, BRIDGE.replace("<GID>1</GID>", "<GID>0</GID>")
                    .replace("<GNAME>users</GNAME>", "<GNAME>oneadmin</GNAME>"), "bridge.xml");
            assertTrue(inv.users().users().contains(new UserService.UserInfo(2, "alice", 1, "users")),
                    inv.users().users().toString());
            assertFalse(inv.actor("alice").isAdmin());
            VirtualNetwork n = inv.queries().details(ADMIN, ObjectRef.id(12), 0).network();
            assertEquals(List.of(2, 0), List.of(n.ownership().uid(), n.ownership().gid()));
            // an existing user of another group: the network still keeps the file's group, as after chgrp
            inv.users().createGroup(ADMIN, "ops");
            inv.interchange().importFile(ADMIN, BRIDGE.replace("<ID>12</ID>", "<ID>13</ID>")
                    .replace("private", "other").replace("<GID>1</GID>", "<GID>100</GID>")
                    .replace("<GNAME>users</GNAME>", "<GNAME>ops</GNAME>"), "other.xml");
            n = inv.queries().details(ADMIN, ObjectRef.id(13), 0).network();
            assertEquals(List.of(2, 100), List.of(n.ownership().uid(), n.ownership().gid()));
            assertEquals(1, inv.actor("alice").gid(), "alice's own group is unchanged");
        }
    }

    @Test
    void aUsersImportMakesCopiesWithNewIdsThatAreTheUsers() {
        try (Inventory inv = open("inv")) {
            inv.users().createUser(ADMIN, "bob", "users");
            inv.users().addAcl(ADMIN, "@1 NET/* CREATE");
            Actor bob = inv.actor("bob");
            int gone = inv.networks().create(ADMIN, TemplateParser.parse("NAME = gone\nVN_MAD = bridge\n", "t"));
            inv.networks().delete(ADMIN, ObjectRef.id(gone));
            // network 12 of alice exists: a user's import neither conflicts with it nor names it
            inv.interchange().importFile(ADMIN, BRIDGE, "bridge.xml");
            assertEquals(List.of(13), inv.interchange().importFile(bob, BRIDGE, "bridge.xml"));
            VirtualNetwork n = inv.queries().details(bob, ObjectRef.id(13), 0).network();
            assertEquals(List.of(bob.uid(), bob.gid()), List.of(n.ownership().uid(), n.ownership().gid()));
            // a deleted network's id is not re-taken: rules left naming NET/#0 must not reach a user's network
            assertEquals(List.of(14), inv.interchange().importFile(bob, BRIDGE.replace("<ID>12</ID>", "<ID>" + gone
                    + "</ID>").replace("private", "second").replace("<UNAME>alice</UNAME>", "<UNAME>zed</UNAME>")
                    .replace("<UID>2</UID>", "<UID>9</UID>"), "bridge.xml"));
            assertFalse(inv.users().users().stream().anyMatch(u -> u.name().equals("zed")),
                    "a user cannot make users");
        }
    }

    @Test
    void asNewGivesNewIdsOwnedByTheImporter() {
        try (Inventory inv = open("inv")) {
            inv.interchange().importFile(ADMIN, BRIDGE, "bridge.xml");
            String copy = BRIDGE.replace("<NAME>private</NAME>", "<NAME>copy</NAME>");
            ConflictException taken = assertThrows(ConflictException.class,
                    () -> inv.interchange().importFile(ADMIN, copy, "copy.xml"));
            assertTrue(taken.getMessage().contains("network 12:copy: ID 12 is already network 12:private"),
                    taken.getMessage());
            List<Integer> ids = inv.interchange().importFile(ADMIN, copy, "copy.xml", true, Progress.NONE);
            assertEquals(List.of(13), ids, "the next id after the kept 12");
            VirtualNetwork n = inv.queries().details(ADMIN, ObjectRef.id(13), 0).network();
            assertEquals(0, n.ownership().uid());
            assertEquals(3, n.vectors().size(), "a copy keeps the template vectors too");
            String backup = inv.interchange().exportJson(ADMIN, List.of());
            ValidationException json = assertThrows(ValidationException.class,
                    () -> inv.interchange().importFile(ADMIN, backup, "b.json", true, Progress.NONE));
            assertTrue(json.getMessage().contains("--as-new"), json.getMessage());
        }
    }

    @Test
    void anIdAboveNineDigitsCannotBeKept() {
        try (Inventory inv = open("inv")) {
            // 999999999 itself would move the sequence to an id a JSON backup cannot restore
            for (String big : List.of(BRIDGE.replace("<ID>12</ID>", "<ID>1000000000</ID>"),
                    BRIDGE.replace("<ID>12</ID>", "<ID>999999999</ID>"),
                    BRIDGE.replace("<UID>2</UID>", "<UID>2147483647</UID>"),
                    BRIDGE.replace("<UID>2</UID>", "<UID>999999999</UID>"),
                    BRIDGE.replace("<GID>1</GID>", "<GID>999999999</GID>"))) {
                ValidationException e = assertThrows(ValidationException.class,
                        () -> inv.interchange().importFile(ADMIN, big, "big.xml"));
                assertTrue(e.getMessage().contains("is above 999999998") && e.getMessage().contains("--as-new"),
                        e.getMessage());
                assertTrue(inv.queries().list(ADMIN).isEmpty());
            }
            assertEquals(List.of(0), inv.interchange().importFile(ADMIN,
                    BRIDGE.replace("<ID>12</ID>", "<ID>1000000000</ID>"), "big.xml", true, Progress.NONE));
            assertEquals(List.of(999999998), inv.interchange().importFile(ADMIN,
                    BRIDGE.replace("<ID>12</ID>", "<ID>999999998</ID>").replace("private", "last"), "big.xml"));
        }
    }

    @Test
    void everyConflictNamesBothSidesAndWritesNothing() {
        try (Inventory inv = open("inv")) {
            int bob = inv.users().createUser(ADMIN, "bob", "users");
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = other\nVN_MAD = bridge\n", "t"));
            inv.interchange().importFile(ADMIN, BRIDGE.replace("<ID>12</ID>", "<ID>7</ID>")
                    .replace("<UNAME>alice</UNAME>", "<UNAME>oneadmin</UNAME>").replace("<UID>2</UID>", "<UID>0</UID>"),
                    "seven.xml");
            String before = snapshot(inv);
            String pool = "<VNET_POOL>" + BRIDGE.replace("<ID>12</ID>", "<ID>20</ID>").replace("private", "fresh")
                    + BRIDGE.replace("<ID>12</ID>", "<ID>7</ID>").replace("private", "lan") + "</VNET_POOL>";
            Map<String, String> cases = Map.of(
                    pool, "x.xml: network 7:lan: ID 7 is already network 7:private in this inventory",
                    BRIDGE.replace("<UID>2</UID>", "<UID>" + bob + "</UID>"),
                    "network 12:private: UID " + bob + " is user " + bob + ":bob in this inventory, the file names it alice",
                    BRIDGE.replace("<UNAME>alice</UNAME>", "<UNAME>bob</UNAME>"),
                    "network 12:private: UNAME bob is user " + bob + ":bob in this inventory, the file gives it UID 2",
                    BRIDGE.replace("<GNAME>users</GNAME>", "<GNAME>staff</GNAME>"),
                    "network 12:private: GID 1 is group 1:users in this inventory, the file names it staff",
                    BRIDGE.replace("<GID>1</GID>", "<GID>55</GID>"),
                    "network 12:private: GNAME users is group 1:users in this inventory, the file gives it GID 55");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                ConflictException e = assertThrows(ConflictException.class,
                        () -> inv.interchange().importFile(ADMIN, c.getKey(), "x.xml"));
                assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
                assertEquals(before, snapshot(inv), e.getMessage());
            }
        }
    }

    @Test
    void aConflictAfterAnOwnerWasMadeRollsTheOwnerAndTheSequencesBack() {
        try (Inventory inv = open("inv")) {
            inv.users().createUser(ADMIN, "bob", "users");
            inv.interchange().importFile(ADMIN, BRIDGE.replace("<ID>12</ID>", "<ID>7</ID>"), "seven.xml");
            String before = snapshot(inv);
            // network A makes user carol and group ops; network B then conflicts, after A was written
            String a = BRIDGE.replace("<ID>12</ID>", "<ID>20</ID>").replace("private", "fresh")
                    .replace("<UNAME>alice</UNAME>", "<UNAME>carol</UNAME>").replace("<UID>2</UID>", "<UID>30</UID>")
                    .replace("<GNAME>users</GNAME>", "<GNAME>ops</GNAME>").replace("<GID>1</GID>", "<GID>100</GID>");
            Map<String, String> cases = Map.of(
                    a.replace("<ID>20</ID>", "<ID>21</ID>").replace("fresh", "lan").replace("carol", "dave"),
                    "network 21:lan: UID 30 is user 30:carol in this inventory, the file names it dave",
                    a.replace("<ID>20</ID>", "<ID>21</ID>").replace("fresh", "lan").replace("carol", "bob")
                            .replace("<UID>30</UID>", "<UID>31</UID>"),
                    "network 21:lan: UNAME bob is user 1:bob in this inventory, the file gives it UID 31");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                String pool = "<VNET_POOL>" + a + c.getKey() + "</VNET_POOL>";
                ConflictException e = assertThrows(ConflictException.class,
                        () -> inv.interchange().importFile(ADMIN, pool, "x.xml"));
                assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
                assertEquals(before, snapshot(inv), e.getMessage());
            }
            assertEquals(8, inv.networks().create(ADMIN, TemplateParser.parse("NAME = n\nVN_MAD = bridge\n", "t")),
                    "the NETWORK sequence is where it was");
            assertEquals(3, inv.users().createUser(ADMIN, "erin", "users"), "the USER sequence is past alice (2) only");
            assertEquals(100, inv.users().createGroup(ADMIN, "lab"), "the GROUP sequence is where it was");
        }
    }
}
