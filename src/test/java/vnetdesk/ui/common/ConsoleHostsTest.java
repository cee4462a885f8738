package vnetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vnetdesk.model.VnetException;

/** The console's door to its hosts: one client made on first use and kept; none once the console closes. */
class ConsoleHostsTest extends ViewModelTestBase {

    @Test
    void oneClientIsKeptAndNoneIsMadeOnceTheConsoleCloses() {
        ConsoleHosts hosts = consoleHosts();
        assertNotNull(hosts.remote());
        assertSame(hosts.remote(), hosts.remote(), "one SSH client for the console's life");
        hosts.closing();
        VnetException e = assertThrows(VnetException.class, hosts::remote);
        assertTrue(e.getMessage().contains("closing"), e.getMessage());
    }
}
