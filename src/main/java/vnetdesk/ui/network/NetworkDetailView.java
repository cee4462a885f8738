package vnetdesk.ui.network;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import vnetdesk.model.Actor;
import vnetdesk.model.Problem;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.EditorHeader;
import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.EditorStatus;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.SaveShortcut;
import vnetdesk.ui.common.TabErrors;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.netform.NetworkForm;
import vnetdesk.ui.common.netform.SecurityTabViewModel;

/**
 * The detail area of the Networks view: the seven portal tabs (General, Conf,
 * QoS, Context, Addresses, Leases, Security) with Save / Revert, for a stored
 * network or a new one.
 */
public final class NetworkDetailView {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final NetworkEditorViewModel editor;
    private final AddressesViewModel addresses;
    private final LeasesViewModel leases;
    private final SecurityTabViewModel security;
    private final IntConsumer saved;
    private final OwnedObjectActions actions;
    private final Runnable changed;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Label title = new Label();

    /**
     * {@code actions} change the owner and permissions from the General tab;
     * {@code saved} gets the id of a network saved through the form (the list
     * selects it); {@code changed} runs after leases, ARs or reservations changed
     * (the list re-reads its usage, the selection stays).
     */
    public NetworkDetailView(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs,
                             OwnedObjectActions actions, IntConsumer saved, Runnable changed) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.saved = saved;
        this.actions = actions;
        this.changed = changed;
        this.editor = new NetworkEditorViewModel(inventory, actor, runner, dialogs);
        this.addresses = new AddressesViewModel(inventory, actor, runner, dialogs);
        this.leases = new LeasesViewModel(inventory, actor, runner, dialogs);
        this.security = new SecurityTabViewModel(inventory, actor, runner, dialogs,
                editor.form().text(NetworkForm.SECURITY_GROUPS));
        leases.setOnChanged(() -> addresses.reload(changed));
        editor.setOnSavedWhileLeaving(saved);
        // the groups and the effective rules follow every load, save and create of the form
        editor.currentProperty().addListener((o, was, now) -> security.load(now.map(d -> d.network().id())));
        build();
    }

    private void build() {
        NetworkFormTabs form = new NetworkFormTabs(editor, security, actions);
        Tab leasesTab = new LeasesTab(leases, new LeasesTab.Actions() {
            @Override
            public void hold() {
                openHold();
            }

            @Override
            public void reserve() {
                openReserve();
            }
        }).build();
        leasesTab.disableProperty().bind(editor.modeProperty().isEqualTo(EditorSession.Mode.CREATE));
        Tab general = form.general();
        Tab conf = form.conf();
        Tab qos = form.qos();
        Tab context = form.context();
        Tab addressesTab = new AddressesTab(addresses, editor, leases, this::arsChanged).build();
        Tab security = form.security();
        tabs.getTabs().addAll(general, conf, qos, context, addressesTab, leasesTab, security);
        addresses.map().setActions(new AddressMapViewModel.Actions() {
            @Override
            public void selectLease(int arId, long index) {
                tabs.getSelectionModel().select(leasesTab);
                leases.select(arId, index);
            }

            @Override
            public void hold(String address) {
                openHold(address);
            }
        });
        // a tab whose fields have errors says so, since the field may not be on screen
        java.util.Set<String> confFields = new java.util.HashSet<>(NetworkForm.CONF);
        confFields.addAll(NetworkForm.FLAGS);
        confFields.add("VN_MAD");
        java.util.Set<String> elsewhere = new java.util.HashSet<>(NetworkForm.GENERAL);
        elsewhere.addAll(confFields);
        elsewhere.addAll(NetworkForm.QOS);
        elsewhere.add(NetworkForm.SECURITY_GROUPS);
        elsewhere.add(Problem.WHOLE);
        TabErrors.mark(general, editor.errors(), NetworkForm.GENERAL::contains);
        TabErrors.mark(conf, editor.errors(), confFields::contains);
        TabErrors.mark(qos, editor.errors(), NetworkForm.QOS::contains);
        TabErrors.mark(context, editor.errors(), k -> !elsewhere.contains(k));
        TabErrors.mark(security, editor.errors(), NetworkForm.SECURITY_GROUPS::equals);
        // the first AR's form is on the Addresses tab in create mode only: a stored network's ARs are its table
        TabErrors.mark(addressesTab, Bindings.createStringBinding(() -> editor.modeProperty().get()
                == EditorSession.Mode.CREATE ? String.join("\n", editor.firstAr().errors().values().stream().sorted()
                .toList()) : "", editor.firstAr().errors(), editor.modeProperty()));
        tabs.setId("network-tabs");

        title.setId("detail-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> editor.currentProperty().get()
                .map(d -> d.network().label() + (editor.dirtyProperty().get() ? "  •  unsaved changes" : ""))
                .orElse("New virtual network"), editor.currentProperty(), editor.dirtyProperty()));
        Button save = new Button("Save");
        save.setId("save");
        save.setDefaultButton(false);
        // enabled while invalid: pressing Save then shows every error, including untouched fields
        save.disableProperty().bind(editor.dirtyProperty().not().or(editor.busyProperty()));
        save.setOnAction(e -> editor.save(saved::accept));
        save.setTooltip(new javafx.scene.control.Tooltip("Save the changes (Ctrl+S)"));
        SaveShortcut.install(root, save);
        Button revert = new Button("Revert");
        revert.setId("revert");
        revert.disableProperty().bind(editor.dirtyProperty().not());
        revert.setOnAction(e -> editor.revert());
        Label banner = new Label();
        banner.setId("form-banner");
        banner.getStyleClass().add("error-banner");
        // the status line says the first problem already; the banner lists the other errors no field shows
        banner.textProperty().bind(Bindings.createStringBinding(() -> form.errors().unplaced().lines()
                .filter(l -> !l.equals(editor.problemProperty().get())).collect(Collectors.joining("\n")),
                editor.errors(), editor.problemProperty()));
        Label status = EditorStatus.of("save-message", editor, tabsWithErrors());
        root.setTop(EditorHeader.withStatus(title, editor.busyProperty(), revert, save, status, banner));
        root.setCenter(tabs);
    }

    /** "see the Context tab": where the errors are, since a failed save may leave the tab with them hidden. */
    private StringBinding tabsWithErrors() {
        Observable[] marks = tabs.getTabs().stream().map(Tab::graphicProperty).toArray(Observable[]::new);
        return Bindings.createStringBinding(() -> {
            List<String> marked = tabs.getTabs().stream().filter(t -> t.getGraphic() != null).map(Tab::getText)
                    .toList();
            if (marked.isEmpty()) {
                return "";
            }
            String names = marked.size() == 1 ? marked.get(0)
                    : String.join(", ", marked.subList(0, marked.size() - 1)) + " and " + marked.get(marked.size() - 1);
            return "see the " + names + (marked.size() == 1 ? " tab" : " tabs");
        }, marks);
    }

    /**
     * Shows a stored network once the user may leave the current one (see
     * {@link NetworkEditorViewModel#leave}); {@code onLeft} runs then, before the
     * network is read.
     */
    public void show(int id, Runnable onLeft) {
        editor.leave(() -> {
            onLeft.run();
            load(id);
        });
    }

    private void load(int id) {
        editor.edit(id, () -> editor.currentProperty().get().ifPresent(d -> {
            addresses.show(d);
            leases.show(id);
        }));
    }

    /**
     * Reads network {@code id} again if it is the one shown (after rename, lock, chown, chmod); unsaved
     * edits stay.
     */
    public void refreshIfShowing(int id) {
        if (shownId().filter(s -> s == id).isEmpty()) {
            return;
        }
        if (editor.dirtyProperty().get()) {
            editor.refresh();
        } else {
            load(id);
        }
    }

    /** The id of the stored network shown, if any. */
    public java.util.Optional<Integer> shownId() {
        return editor.currentProperty().get().map(d -> d.network().id());
    }

    /** Starts a new network in the form once the user may leave the current one; then runs {@code onLeft}. */
    public void startCreate(Runnable onLeft) {
        editor.leave(() -> {
            onLeft.run();
            newNetwork();
        });
    }

    /** Starts a new network without asking (the network shown was deleted). */
    public void newNetwork() {
        editor.startCreate();
        tabs.getSelectionModel().selectFirst();
    }

    /** Runs {@code proceed} once the user may leave the network shown (asks about unsaved edits). */
    public void leave(Runnable proceed) {
        editor.leave(proceed);
    }

    private void arsChanged() {
        leases.reload();
        changed.run();
    }

    private void leasesChanged() {
        leases.reload();
        addresses.reload(changed);
    }

    /** Opens Hold IP for the shown network. */
    public void openHold() {
        openHold("");
    }

    /** Opens Hold IP for the shown network with {@code address} filled in (a free cell of the address map). */
    private void openHold(String address) {
        editor.currentProperty().get().ifPresent(d -> {
            HoldViewModel hold = new HoldViewModel(inventory, actor, runner, d.network().id());
            hold.inputProperty().set(address);
            NetworkDialogs.hold(root.getScene().getWindow(), d.network().label(), hold, this::leasesChanged);
        });
    }

    /** Opens Reserve for the shown network. */
    public void openReserve() {
        editor.currentProperty().get().ifPresent(d -> NetworkDialogs.reserve(root.getScene().getWindow(),
                d.network().label(), new ReserveViewModel(inventory, actor, runner, d.network().id()),
                addresses.arIds(), child -> leasesChanged()));
    }

    public NetworkEditorViewModel editor() {
        return editor;
    }

    public BorderPane node() {
        return root;
    }
}
