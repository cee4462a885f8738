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

    @AfterEach
    final void closeInventory() {
        inventory.close();
    }
}
