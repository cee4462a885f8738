package vnetdesk.ui.secgroup;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.SecurityGroup;
import vnetdesk.service.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.SecurityGroupService.GroupSummary;
import vnetdesk.ui.common.SameThreadTaskRunner;
import vnetdesk.ui.common.ScriptedDialogs;

/**
 * What the security-group ViewModel tests need: a real inventory in a temp
 * folder, a same-thread runner, scripted dialogs, and the stored groups.
 */
abstract class SecGroupTestBase {

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

    /** The stored groups other than {@code default}. */
    List<SecurityGroup> stored() {
        return inventory.securityGroups().list(ADMIN).stream().map(GroupSummary::group)
                .filter(g -> g.id() != SecurityGroup.DEFAULT_ID).toList();
    }

    GroupSummary summary(int id) {
        return inventory.securityGroups().show(ADMIN, String.valueOf(id)).summary();
    }
}
