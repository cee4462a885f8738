package vnetdesk.ui.network;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SeparatorMenuItem;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ToolAction;
import vnetdesk.ui.common.Toolbars;

/**
 * The Networks section of the console: the networks table above the
 * network's tabs, with the network actions in the toolbar and in the table's
 * context menu (create, create from a template, rename, delete, lock, unlock,
 * hold, reserve).
 */
public final class NetworksSection {

    private final NetworkListViewModel list;
    private final NetworkDetailView detail;
    private final NetworksView view;
    private final OwnedObjectActions actions;
    private final NetworkActions fromTemplate;
    private final List<List<ToolAction>> toolbar;
    private final ConsoleSection section;

    public NetworksSection(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.list = new NetworkListViewModel(inventory, actor, runner, dialogs);
        this.actions = new OwnedObjectActions(inventory.networks(), inventory.users(), actor, runner, dialogs,
                new OwnedObjectActions.Followup(this::open, this::changed, this::deleted));
        this.fromTemplate = new NetworkActions(inventory, actor, runner, this::open);
        this.detail = new NetworkDetailView(inventory, actor, runner, dialogs, actions, this::saved, list::reload);
        this.view = new NetworksView(list, detail);
        this.toolbar = buildActions();
        view.table().setContextMenu(contextMenu());
        this.section = ConsoleSection.of("Networks", "network", view.node())
                .counting(Bindings.size(list.allRows())).withActions(toolbar)
                .reading(() -> { }, list::reload).leaving(detail::leave);
    }

    private List<List<ToolAction>> buildActions() {
        BooleanBinding none = list.selectedIdProperty().isEqualTo(Optional.empty());
        return List.of(
                List.of(ToolAction.of("tool-new", "New", "new", "Create a network with the form (Ctrl+N)",
                                this::startCreate),
                        ToolAction.of("tool-template", "From template…", "template",
                                "Create a network from an OpenNebula template", this::createFromTemplate)),
                List.of(ToolAction.of("tool-rename", "Rename…", "rename", "Rename the selected network",
                                () -> withRow(actions::rename)).disabledWhen(none),
                        ToolAction.of("tool-delete", "Delete", "delete", "Delete the selected network",
                                () -> withRow(actions::delete)).disabledWhen(none),
                        ToolAction.of("tool-lock", "Lock", "lock", "Lock the selected network against changes",
                                () -> withRow(actions::lock)).disabledWhen(none),
                        ToolAction.of("tool-unlock", "Unlock", "unlock", "Unlock the selected network",
                                () -> withRow(actions::unlock)).disabledWhen(none)),
                List.of(ToolAction.of("tool-hold", "Hold IP…", "hold", "Hold addresses of the selected network",
                                detail::openHold).disabledWhen(none),
                        ToolAction.of("tool-reserve", "Reserve…", "reserve", "Reserve addresses into a child network",
                                detail::openReserve).disabledWhen(none)));
    }

    private ContextMenu contextMenu() {
        List<ToolAction> whole = toolbar.get(1);
        List<ToolAction> leases = toolbar.get(2);
        return new ContextMenu(Toolbars.menuItem("Hold IP…", leases.get(0)), Toolbars.menuItem("Reserve…", leases.get(1)),
                new SeparatorMenuItem(), Toolbars.menuItem("Rename…", whole.get(0)),
                Toolbars.menuItem("Lock", whole.get(2)), Toolbars.menuItem("Unlock", whole.get(3)),
                new SeparatorMenuItem(), Toolbars.menuItem("Delete…", whole.get(1)));
    }

    private void withRow(Consumer<OwnedObjectActions.Target> action) {
        list.selectedRow().map(NetworkRow::target).ifPresent(action);
    }

    /** A network saved through the form: the detail already shows it; the list selects it. */
    private void saved(int id) {
        list.selectedIdProperty().set(Optional.of(id));
        list.reload();
    }

    /** A network renamed, locked, unlocked, re-owned or chmodded: re-read it and the list; the selection stays. */
    private void changed(int id) {
        list.reload();
        detail.refreshIfShowing(id);
    }

    private void deleted() {
        // the deleted network's unsaved edits have nowhere to go: no question
        list.selectedIdProperty().set(Optional.empty());
        detail.newNetwork();
        list.reload();
    }

    /** Opens network {@code id}, made elsewhere (a template, the sample, a copy): the list is read again. */
    public void open(int id) {
        list.reload();
        view.select(id);
    }

    /** Shows network {@code id} once unsaved edits of the one shown are settled. */
    public void select(int id) {
        view.select(id);
    }

    /** Starts a new network in the form once unsaved edits of the one shown are settled. */
    public void startCreate() {
        view.startCreate();
    }

    /** Create from an OpenNebula template (pasted or opened from a file). */
    public void createFromTemplate() {
        fromTemplate.createFromTemplate(view.node().getScene().getWindow());
    }

    /** Selects network {@code id} if it is listed (the network shown when the console last closed). */
    public void restoreSelection(Optional<Integer> id) {
        id.filter(i -> list.allRows().stream().anyMatch(r -> r.id() == i)).ifPresent(view::select);
    }

    /** The selected network, remembered for the next start. */
    public Optional<Integer> selectedId() {
        return list.selectedIdProperty().get();
    }

    /** True once the networks table has been filled for the first time. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return list.loadedProperty();
    }

    /**
     * Leases were taken or released elsewhere (a VM's NIC attached or detached): the usage in the list and
     * the network shown are read again (its unsaved edits stay).
     */
    public void leasesChanged() {
        list.reload();
        detail.shownId().ifPresent(detail::refreshIfShowing);
    }

    /** Reads the networks again (the selection stays on the same network if it still exists). */
    public void reload() {
        list.reload();
    }

    /** The networks as a section of the console: table and tabs, the count, the network actions. */
    public ConsoleSection section() {
        return section;
    }
}
