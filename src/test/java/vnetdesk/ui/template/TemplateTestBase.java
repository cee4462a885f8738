package vnetdesk.ui.template;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.ui.common.ViewModelTestBase;

/**
 * What every template ViewModel test needs: a real inventory in a temp folder
 * (holding template 0 "Private IPv4"), a same-thread runner, scripted dialogs,
 * and the list loaded.
 */
abstract class TemplateTestBase extends ViewModelTestBase {

    TemplateListViewModel list;

    @BeforeEach
    final void loadList() {
        list = new TemplateListViewModel(inventory, ADMIN, runner, dialogs);
        list.reload();
    }

    TemplateRow row(String name) {
        list.reload();
        return list.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + name + " in " + list.rows()));
    }

    NetworkTemplate stored(int id) {
        return inventory.templates().info(ADMIN, ObjectRef.id(id));
    }

    List<VirtualNetwork> networks() {
        return inventory.queries().list(ADMIN).stream().map(s -> s.network()).toList();
    }
}
