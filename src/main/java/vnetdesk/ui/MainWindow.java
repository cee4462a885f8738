package vnetdesk.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.network.NetworkActions;
import vnetdesk.ui.network.NetworkDetailView;
import vnetdesk.ui.network.NetworkListViewModel;
import vnetdesk.ui.network.NetworkRow;
import vnetdesk.ui.network.NetworksView;
import vnetdesk.ui.secgroup.SecurityGroupsView;
import vnetdesk.ui.template.NetworkTemplatesView;
import vnetdesk.ui.user.UsersView;
import vnetdesk.ui.user.UsersViewModel;

/**
 * The console's main window: navigation on the left, the selected view in the
 * centre, its actions in the toolbar with the who-holds-this box, and the
 * status bar (inventory, user, background work).
 */
public final class MainWindow {

    /** The navigation entries; the views of later issues show what they will hold, not fake data. */
    static final List<String> SECTIONS = List.of("Networks", "Network Templates", "Security Groups", "VMs",
            "Hosts", "Clusters", "Users & Groups");
    private static final Map<String, String> NOT_YET = Map.of(
            "VMs", "VMs and the attach-NIC wizard are not in this version yet. Leases of VM NICs made with the CLI"
                    + " appear in the networks' Leases tabs.",
            "Hosts", "Hosts (plan, apply and drift over SSH) are not in this version yet.",
            "Clusters", "Clusters are not managed yet; every network belongs to cluster 0 (default) unless its"
                    + " General tab says otherwise.");

    private final Stage stage;
    private final Consumer<String> switchUser;
    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final ConsolePrefs prefs;
    private final Dialogs dialogs;
    private final NetworkListViewModel networks;
    private final NetworkDetailView detail;
    private final NetworksView networksView;
    private final OwnedObjectActions actions;
    private final NetworkActions fromTemplate;
    private final UsersViewModel users;
    private final UsersView usersView;
    private final SecurityGroupsView securityGroups;
    private final NetworkTemplatesView templates;
    private final StackPane centre = new StackPane();
    private final ListView<String> navigation = new ListView<>();
    private final Map<String, Node> views = new LinkedHashMap<>();
    /** Counts shown next to the sections other than Networks, once their views have loaded. */
    private final Map<String, javafx.beans.value.ObservableIntegerValue> counts = new LinkedHashMap<>();

    /** {@code switchUser} reopens the console as another user (see {@link ConsoleSession}). */
    public MainWindow(Stage stage, Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs,
                      ConsolePrefs prefs, Consumer<String> switchUser) {
        this.switchUser = switchUser;
        this.stage = stage;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.prefs = prefs;
        this.dialogs = dialogs;
        this.networks = new NetworkListViewModel(inventory, actor, runner, dialogs);
        this.actions = new OwnedObjectActions(inventory.networks(), inventory.users(), actor, runner, dialogs,
                new OwnedObjectActions.Followup(this::networkCreated, this::networkChanged, this::networkDeleted));
        this.fromTemplate = new NetworkActions(inventory, actor, runner, this::networkCreated);
        this.detail = new NetworkDetailView(inventory, actor, runner, dialogs, actions, this::networkSaved,
                networks::reload);
        this.networksView = new NetworksView(networks, detail);
        this.users = new UsersViewModel(inventory, actor, runner, dialogs);
        this.usersView = new UsersView(users, this::switchTo);
        this.securityGroups = new SecurityGroupsView(inventory, actor, runner, dialogs);
        counts.put("Security Groups", securityGroups.countProperty());
        this.templates = new NetworkTemplatesView(inventory, actor, runner, dialogs, id -> {
            showSection("Networks");
            networkCreated(id);
        });
        counts.put("Network Templates", templates.countProperty());
        counts.put("Users & Groups", Bindings.size(users.users()));
    }

    /** Builds the scene, restores geometry and selection, shows the window and loads the networks. */
    public void show() {
        // the worker reads the networks while this thread builds and shows the window; the remembered
        // network is opened only if it is still there
        networks.loadedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                networks.loadedProperty().removeListener(this);
                prefs.lastNetwork().filter(id -> networks.allRows().stream().anyMatch(r -> r.id() == id))
                        .ifPresent(networksView::select);
                // the other views' lists, for the counts, after the networks (the worker runs one task at a time)
                securityGroups.reload();
                users.reload();
            }
        });
        networks.reload();
        views.put("Networks", networksView.node());
        NOT_YET.forEach((k, v) -> views.put(k, emptyState(k, v)));
        views.put("Users & Groups", usersView.node());
        views.put("Security Groups", securityGroups.node());
        views.put("Network Templates", templates.node());
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menu(), toolbar()));
        root.setCenter(new SplitPane(navigation(), centre));
        ((SplitPane) root.getCenter()).setDividerPositions(0.16);
        root.setBottom(new StatusBar(inventory, actor, runner, dialogs, this::switchTo).node());
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(Assets.stylesheet());
        stage.setScene(scene);
        stage.setTitle("vnetdesk — " + inventory.location());
        Assets.icon().ifPresent(stage.getIcons()::add);
        prefs.geometry().ifPresentOrElse(g -> {
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setWidth(g.width());
            stage.setHeight(g.height());
            stage.setMaximized(g.maximized());
        }, () -> {
            // the stage showed the small "opening" scene; size it for the window and centre it
            stage.setWidth(scene.getWidth());
            stage.setHeight(scene.getHeight());
            stage.centerOnScreen();
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        navigation.getSelectionModel().select(SECTIONS.contains(prefs.lastView()) ? prefs.lastView() : "Networks");
        stage.show();
    }

    /** Closes the window once unsaved edits are saved or dropped (a programmatic close asks no more). */
    private void quit() {
        leaveEditors(() -> {
            remember();
            stage.close();
        });
    }

    /** Runs {@code proceed} once every editor with unsaved edits has been saved or dropped (or not at all). */
    private void leaveEditors(Runnable proceed) {
        detail.leave(() -> securityGroups.leave(() -> templates.leave(proceed)));
    }

    private void remember() {
        prefs.geometry(new ConsolePrefs.Geometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
        prefs.lastView(navigation.getSelectionModel().getSelectedItem());
        prefs.lastNetwork(networks.selectedIdProperty().get());
    }

    /** A network saved through the form: the detail already shows it; the list selects it. */
    private void networkSaved(int id) {
        networks.selectedIdProperty().set(Optional.of(id));
        networks.reload();
    }

    /** Reads every list again (another console or the CLI may have changed the inventory). */
    private void refreshAll() {
        networks.reload();
        securityGroups.reload();
        templates.reload();
        users.reload();
    }

    /** A network created elsewhere (template, sample): open it. */
    private void networkCreated(int id) {
        networks.reload();
        networksView.select(id);
    }

    /** A network renamed, locked, unlocked, re-owned or chmodded: re-read it and the list; the selection stays. */
    private void networkChanged(int id) {
        networks.reload();
        detail.refreshIfShowing(id);
    }

    private void networkDeleted() {
        // the deleted network's unsaved edits have nowhere to go: no question
        networks.selectedIdProperty().set(Optional.empty());
        detail.newNetwork();
        networks.reload();
    }

    private MenuBar menu() {
        MenuItem newNet = item("New network", "Shortcut+N", () -> {
            showSection("Networks");
            networksView.startCreate();
        });
        MenuItem template = item("Create from template…", "Shortcut+T", () -> fromTemplate.createFromTemplate(stage));
        MenuItem sample = item("Load sample inventory", null, () -> SampleInventory.offer(dialogs, inventory, actor,
                runner, networks, id -> {
                    refreshAll();
                    networkCreated(id);
                }));
        MenuItem quit = item("Quit", "Shortcut+Q", this::quit);
        MenuItem refresh = item("Refresh", "F5", this::refreshAll);
        Menu file = new Menu("File", null, newNet, template, new javafx.scene.control.SeparatorMenuItem(), sample,
                new javafx.scene.control.SeparatorMenuItem(), quit);
        Menu view = new Menu("View", null, refresh);
        return new MenuBar(file, view);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private ToolBar toolbar() {
        Button create = tool("New", "new", "Create a network with the form (Ctrl+N)", networksView::startCreate);
        Button template = tool("From template", "template", "Create a network from an OpenNebula template",
                () -> fromTemplate.createFromTemplate(stage));
        Button rename = selected(tool("Rename", "rename", "Rename the selected network", () -> withRow(actions::rename)));
        Button delete = selected(tool("Delete", "delete", "Delete the selected network", () -> withRow(actions::delete)));
        Button lock = selected(tool("Lock", "lock", "Lock the selected network against changes",
                () -> withRow(actions::lock)));
        Button unlock = selected(tool("Unlock", "unlock", "Unlock the selected network", () -> withRow(actions::unlock)));
        Button hold = selected(tool("Hold IP", "hold", "Hold addresses of the selected network", detail::openHold));
        Button reserve = selected(tool("Reserve", "reserve", "Reserve addresses into a child network",
                detail::openReserve));
        Button refresh = tool("Refresh", "refresh", "Read the inventory again (F5)", this::refreshAll);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        WhoHoldsThis who = new WhoHoldsThis(inventory, actor, runner, id -> {
            showSection("Networks");
            networksView.select(id);
        });
        networksView.table().setContextMenu(new javafx.scene.control.ContextMenu(
                contextItem("Hold IP…", rename, detail::openHold), contextItem("Reserve…", rename, detail::openReserve),
                new javafx.scene.control.SeparatorMenuItem(),
                contextItem("Rename…", rename, () -> withRow(actions::rename)),
                contextItem("Lock", rename, () -> withRow(actions::lock)),
                contextItem("Unlock", rename, () -> withRow(actions::unlock)),
                new javafx.scene.control.SeparatorMenuItem(),
                contextItem("Delete…", rename, () -> withRow(actions::delete))));
        Separator first = new Separator();
        Separator second = new Separator();
        Separator third = new Separator();
        // the network actions show with the Networks view; the other views carry their own action bars
        for (Node n : List.of(create, template, first, rename, delete, lock, unlock, second, hold, reserve, third)) {
            n.visibleProperty().bind(navigation.getSelectionModel().selectedItemProperty().isEqualTo("Networks"));
            n.managedProperty().bind(n.visibleProperty());
        }
        ToolBar bar = new ToolBar(create, template, first, rename, delete, lock, unlock, second,
                hold, reserve, third, refresh, grow, who.node());
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private Button tool(String text, String icon, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId("tool-" + icon);
        Assets.toolIcon(icon).ifPresent(b::setGraphic);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A context-menu entry enabled like {@code like} (a toolbar button that needs a selected network). */
    private static MenuItem contextItem(String text, Button like, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.disableProperty().bind(like.disabledProperty());
        i.setOnAction(e -> action.run());
        return i;
    }

    private Button selected(Button b) {
        b.disableProperty().bind(networks.selectedIdProperty().isEqualTo(Optional.empty())
                .or(navigation.getSelectionModel().selectedItemProperty().isNotEqualTo("Networks")));
        return b;
    }

    private void withRow(Consumer<OwnedObjectActions.Target> action) {
        networks.selectedRow().map(NetworkRow::target).ifPresent(action);
    }

    private Node navigation() {
        navigation.getItems().setAll(SECTIONS);
        navigation.setId("navigation");
        navigation.setMinWidth(170);
        navigation.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                textProperty().unbind();
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                } else if (s.equals("Networks")) {
                    textProperty().bind(Bindings.createStringBinding(() -> "Networks  (" + networks.allRows().size()
                            + ")", networks.allRows()));
                    setGraphic(Assets.toolIcon("network").orElse(null));
                } else if (counts.containsKey(s)) {
                    javafx.beans.value.ObservableIntegerValue count = counts.get(s);
                    textProperty().bind(Bindings.createStringBinding(() -> s + "  (" + count.get() + ")", count));
                    setGraphic(Assets.toolIcon("section").orElse(null));
                } else {
                    setText(s);
                    setGraphic(Assets.toolIcon("section").orElse(null));
                }
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                centre.getChildren().setAll(views.get(now));
                if (now.equals("Users & Groups")) {
                    users.reload();
                } else if (now.equals("Security Groups")) {
                    securityGroups.reload();
                } else if (now.equals("Network Templates")) {
                    templates.reload();
                }
            }
        });
        return navigation;
    }

    private void showSection(String name) {
        navigation.getSelectionModel().select(name);
    }

    private static Node emptyState(String title, String text) {
        Label head = new Label(title);
        head.getStyleClass().add("empty-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(520);
        body.getStyleClass().add("empty-text");
        VBox box = new VBox(10, head, body);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setId("empty-" + title.replace(' ', '-').replace("&", "and").toLowerCase(java.util.Locale.ROOT));
        return box;
    }

    /** Reopens the console as {@code userName} once unsaved edits are saved or dropped. */
    void switchTo(String userName) {
        leaveEditors(() -> {
            remember();
            switchUser.accept(userName);
        });
    }

    /** True once the networks table has been filled for the first time (the window is usable). */
    public javafx.beans.property.ReadOnlyBooleanProperty networksLoadedProperty() {
        return networks.loadedProperty();
    }
}
