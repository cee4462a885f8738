package vnetdesk.ui.network;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.service.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.SameThreadTaskRunner;
import vnetdesk.ui.common.ScriptedDialogs;

/**
 * What every ViewModel test needs: a real inventory in a temp folder (opened
 * before the subclass's own set-up, closed after the test), a same-thread
 * runner and scripted dialogs.
 */
abstract class ViewModelTestBase {

    static final Actor ADMIN = Actor.ONEADMIN;
    @TempDir
    Path dir;
    Inventory inventory;
    final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    final void openInventory() {
        inventory = Inventory.openDirectory(dir);
    }

    @AfterEach
    final void closeInventory() {
        inventory.close();
    }
}
