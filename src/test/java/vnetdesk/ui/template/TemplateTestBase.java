package vnetdesk.ui.template;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.ui.common.SameThreadTaskRunner;
import vnetdesk.ui.common.ScriptedDialogs;

/**
 * What every template ViewModel test needs: a real inventory in a temp folder
 * (holding template 0 "Private IPv4"), a same-thread runner, scripted dialogs,
 * and the list loaded.
 */
abstract class TemplateTestBase {

    static final Actor ADMIN = Actor.ONEADMIN;
    @TempDir
    Path dir;
    Inventory inventory;
    final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    TemplateListViewModel list;

    @BeforeEach
    final void openInventory() {
        inventory = Inventory.openDirectory(dir);
        list = new TemplateListViewModel(inventory, ADMIN, runner, dialogs);
        list.reload();
    }

    @AfterEach
    final void closeInventory() {
        inventory.close();
    }

    TemplateRow row(String name) {
        list.reload();
        return list.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + name + " in " + list.rows()));
    }

    NetworkTemplate stored(int id) {
        return inventory.templates().info(ADMIN, String.valueOf(id));
    }

    List<VirtualNetwork> networks() {
        return inventory.queries().list(ADMIN).stream().map(s -> s.network()).toList();
    }
}
