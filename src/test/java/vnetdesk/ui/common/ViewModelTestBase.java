package vnetdesk.ui.common;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;

/**
 * What every ViewModel test needs (networks, security groups, templates, users): a real inventory in a temp folder (opened
 * before the subclass's own set-up, closed after the test), a same-thread
 * runner and scripted dialogs.
 */
public abstract class ViewModelTestBase {

    protected static final Actor ADMIN = Actor.ONEADMIN;
    @TempDir
    protected Path dir;
    protected Inventory inventory;
    protected final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    protected final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    final void openInventory() {
        inventory = Inventory.openDirectory(dir);
    }

    private vnetdesk.ui.common.ConsoleHosts consoleHosts;

    /**
     * The console's door to hosts for this test: known_hosts in the temp
     * folder, questions put to the scripted dialogs on the calling thread.
     */
    protected vnetdesk.ui.common.ConsoleHosts consoleHosts() {
        if (consoleHosts == null) {
            consoleHosts = new vnetdesk.ui.common.ConsoleHosts(inventory, vnetdesk.ui.common.ConsoleHosts.Settings.in(
                    dir.resolve("console-files"), java.util.Map.of()), dialogs, Runnable::run);
        }
        return consoleHosts;
    }

    @AfterEach
    final void closeInventory() {
        if (consoleHosts != null) {
            consoleHosts.close();
        }
        inventory.close();
    }
}
