package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Window geometry, view and last network of each inventory survive a restart (a fresh load of the same node). */
class ConsolePrefsTest {

    private final String node = "vnetdesk-test/prefs-" + UUID.randomUUID();

    @AfterEach
    void removeNode() throws Exception {
        Preferences.userRoot().node(node).removeNode();
    }

    @Test
    void whatTheWindowRemembersIsReadBackAfterARestart() {
        ConsolePrefs first = ConsolePrefs.load(node);
        assertEquals(Optional.empty(), first.geometry(), "nothing remembered yet: the default size applies");
        assertEquals("Networks", first.lastView());
        first.geometry(new ConsolePrefs.Geometry(10, 20, 1100, 700, false));
        first.lastView("Hosts");
        first.lastNetwork("/data/inv-a", Optional.of(42));
        first.flush();

        ConsolePrefs again = ConsolePrefs.load(node);
        assertEquals(Optional.of(new ConsolePrefs.Geometry(10, 20, 1100, 700, false)), again.geometry());
        assertEquals("Hosts", again.lastView());
        assertEquals(Optional.of(42), again.lastNetwork("/data/inv-a"));
        again.lastNetwork("/data/inv-a", Optional.empty());
        assertEquals(Optional.empty(), again.lastNetwork("/data/inv-a"));
    }

    @Test
    void theLastNetworkIsRememberedPerInventory() {
        ConsolePrefs p = ConsolePrefs.load(node);
        p.lastNetwork("/data/inv-a", Optional.of(42));
        p.lastNetwork("/data/inv-b/" + "deep/".repeat(40) + "inventory", Optional.of(7));
        assertEquals(Optional.empty(), p.lastNetwork("/data/inv-c"), "another inventory does not open network 42");
        assertEquals(Optional.of(42), p.lastNetwork("/data/inv-a"));
        assertEquals(Optional.of(7), p.lastNetwork("/data/inv-b/" + "deep/".repeat(40) + "inventory"),
                "a long location has its own key too");
    }

    @Test
    void aRememberedWindowTooSmallToUseIsIgnored() {
        ConsolePrefs p = ConsolePrefs.load(node);
        p.geometry(new ConsolePrefs.Geometry(0, 0, 120, 80, false));
        assertEquals(Optional.empty(), p.geometry());
    }
}
