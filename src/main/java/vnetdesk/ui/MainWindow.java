package vnetdesk.ui;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
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
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.Icons;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ToolAction;
import vnetdesk.ui.common.Toolbars;
import vnetdesk.ui.host.ClustersView;
import vnetdesk.ui.host.ClustersViewModel;
import vnetdesk.ui.host.HostsView;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.host.HostsViewModel;
import vnetdesk.ui.network.NetworksSection;
import vnetdesk.ui.secgroup.SecurityGroupsView;
import vnetdesk.ui.template.NetworkTemplatesView;
import vnetdesk.ui.user.UsersView;
import vnetdesk.ui.user.UsersViewModel;
import vnetdesk.ui.vm.VmsSection;

/**
 * The console's main window: the navigation of sections on the left, the
 * selected section in the centre, its actions in the one toolbar (with
 * Refresh and the who-holds-this box), and the status bar (inventory, user,
 * background work). The window knows its sections as a list; what a section
 * shows and offers is the section's own.
 */
public final class MainWindow {

    private final Stage stage;
    private final Consumer<String> switchUser;
    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final ConsolePrefs prefs;
    private final Dialogs dialogs;
    private final NetworksSection networks;
    private final List<ConsoleSection> sections;
    private final StackPane centre = new StackPane();
    private final ListView<ConsoleSection> navigation = new ListView<>();
    private final ToolBar toolbar = new ToolBar();
    private final WhoHoldsThis whoHoldsThis;
    private final HostsViewModel hosts;
    private final ThemeChoice theme;
    private final ChangeListener<Number> settled = (o, was, now) -> {
        if (now.intValue() == 0) {
            hostsSettled();
        }
    };

    /** {@code switchUser} reopens the console as another user (see {@link ConsoleSession}). */
    public MainWindow(Stage stage, Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs,
                      ConsolePrefs prefs, ConsoleHosts remoteHosts, Consumer<String> switchUser) {
        this.switchUser = switchUser;
        this.stage = stage;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.prefs = prefs;
        this.dialogs = dialogs;
        this.networks = new NetworksSection(inventory, actor, runner, dialogs);
        this.whoHoldsThis = new WhoHoldsThis(inventory, actor, runner, id -> {
            showSection(networks.section());
            networks.select(id);
        });
        NetworkTemplatesView templates = new NetworkTemplatesView(inventory, actor, runner, dialogs, id -> {
            showSection(networks.section());
            networks.open(id);
        });
        this.hosts = new HostsViewModel(inventory, actor, runner, dialogs, remoteHosts);
        this.theme = new ThemeChoice(prefs, runner, () -> SystemTheme.ofThisDesktop().prefersDark());
        // whatever view changed the inventory, the hosts' pending changes follow once the work has settled;
        // weakly held, as the runner outlives a window replaced by a user switch
        runner.running().addListener(new javafx.beans.value.WeakChangeListener<>(settled));
        this.sections = List.of(networks.section(), templates.section(),
                new SecurityGroupsView(inventory, actor, runner, dialogs, remoteHosts).section(),
                new VmsSection(inventory, actor, runner, dialogs, remoteHosts, networks::leasesChanged).section(),
                new HostsView(hosts).section(),
                clusters(),
                new UsersView(new UsersViewModel(inventory, actor, runner, dialogs), this::switchTo).section());
    }

    private void hostsSettled() {
        hosts.inventoryMayHaveChanged();
    }

    /** The Clusters section; moving a network in or out changes its CLUSTER_IDS, which the Networks view shows. */
    private ConsoleSection clusters() {
        ClustersViewModel vm = new ClustersViewModel(inventory, actor, runner, dialogs);
        vm.setOnInventoryChanged(networks::reload);
        return new ClustersView(vm).section();
    }

    /** Builds the scene, restores geometry and selection, shows the window and loads the lists. */
    public void show() {
        // the worker reads the networks while this thread builds and shows the window; the remembered
        // network is opened only if it is still there
        networks.loadedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                networks.loadedProperty().removeListener(this);
                networks.restoreSelection(prefs.lastNetwork(inventory.location()));
                // the other sections' lists, for the counts, after the networks (the worker runs one task at a time)
                sections.stream().filter(s -> s != networks.section()).forEach(s -> s.reload().run());
            }
        });
        networks.reload();
        Themes.follow(theme);
        theme.readSystem();
        toolbar.getStyleClass().add("main-toolbar");
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menu(), toolbar));
        root.setCenter(new SplitPane(navigation(), centre));
        ((SplitPane) root.getCenter()).setDividerPositions(0.16);
        root.setBottom(new StatusBar(inventory, actor, runner, dialogs, this::switchTo,
                hosts.pendingTextBinding()).node());
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
        navigation.getSelectionModel().select(sections.stream().filter(s -> s.title().equals(prefs.lastView()))
                .findFirst().orElse(networks.section()));
        stage.show();
    }

    /** Closes the window once unsaved edits are saved or dropped (a programmatic close asks no more). */
    private void quit() {
        leaveSections(() -> {
            remember();
            stage.close();
        });
    }

    /** Runs {@code proceed} once every section has settled its unsaved edits (not at all on Cancel). */
    private void leaveSections(Runnable proceed) {
        leaveEach(sections.iterator(), proceed);
    }

    private static void leaveEach(Iterator<ConsoleSection> rest, Runnable proceed) {
        if (!rest.hasNext()) {
            proceed.run();
            return;
        }
        rest.next().leave(() -> leaveEach(rest, proceed));
    }

    private void remember() {
        prefs.geometry(new ConsolePrefs.Geometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
        prefs.lastView(navigation.getSelectionModel().getSelectedItem().title());
        prefs.lastNetwork(inventory.location(), networks.selectedId());
    }

    /** Reads every list again (another console or the CLI may have changed the inventory). */
    private void refreshAll() {
        sections.forEach(s -> s.reload().run());
    }

    /**
     * Another process changed the inventory: every list is read again, and the
     * network shown (its edits, if any, stay).
     */
    void reloadAfterOutsideChange() {
        sections.stream().filter(s -> s != networks.section()).forEach(s -> s.reload().run());
        networks.leasesChanged();
    }

    private MenuBar menu() {
        MenuItem newNet = item("New network", "Shortcut+N", () -> {
            showSection(networks.section());
            networks.startCreate();
        });
        MenuItem template = item("Create from template…", "Shortcut+T", () -> {
            showSection(networks.section());
            networks.createFromTemplate();
        });
        MenuItem sample = item("Load sample inventory", null, () -> SampleInventory.offer(dialogs, inventory, actor,
                runner, id -> {
                    refreshAll();
                    showSection(networks.section());
                    networks.open(id);
                }));
        MenuItem quit = item("Quit", "Shortcut+Q", this::quit);
        MenuItem refresh = item("Refresh", "F5", this::refreshAll);
        Menu file = new Menu("File", null, newNet, template, new SeparatorMenuItem(), sample, new SeparatorMenuItem(),
                quit);
        Menu view = new Menu("View", null, refresh, new SeparatorMenuItem(), Themes.menu(theme));
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

    /** The selected section's actions, then Refresh and the who-holds-this box, the same for every section. */
    private void showToolbar(ConsoleSection section) {
        List<Node> items = new ArrayList<>(Toolbars.items(section.actions()));
        if (!items.isEmpty()) {
            items.add(new Separator());
        }
        items.add(Toolbars.button(ToolAction.of("tool-refresh", "Refresh", "refresh",
                "Read the inventory again (F5)", this::refreshAll)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        items.add(grow);
        items.add(whoHoldsThis.node());
        toolbar.getItems().setAll(items);
    }

    private Node navigation() {
        navigation.getItems().setAll(sections);
        navigation.setId("navigation");
        navigation.setMinWidth(170);
        navigation.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConsoleSection s, boolean empty) {
                super.updateItem(s, empty);
                textProperty().unbind();
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                s.count().ifPresentOrElse(count -> textProperty().bind(Bindings.createStringBinding(
                        () -> s.title() + "  (" + count.get() + ")", count)), () -> setText(s.title()));
                setGraphic(withBadge(Icons.of(s.icon()), s.badge()));
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                centre.getChildren().setAll(now.content());
                showToolbar(now);
                now.shown().run();
            }
        });
        return navigation;
    }

    /** The section's icon with its badge (a count on the icon's corner, hidden at 0), if it has one. */
    private static Node withBadge(Optional<Node> icon, Optional<ObservableIntegerValue> badge) {
        if (badge.isEmpty()) {
            return icon.orElse(null);
        }
        ObservableIntegerValue n = badge.get();
        Label count = new Label();
        count.getStyleClass().add("nav-badge");
        count.textProperty().bind(Bindings.createStringBinding(() -> String.valueOf(n.get()), n));
        count.visibleProperty().bind(Bindings.createBooleanBinding(() -> n.get() > 0, n));
        count.setTranslateX(8);
        count.setTranslateY(-6);
        StackPane stack = new StackPane();
        icon.ifPresent(stack.getChildren()::add);
        stack.getChildren().add(count);
        StackPane.setAlignment(count, Pos.TOP_RIGHT);
        return stack;
    }

    private void showSection(ConsoleSection section) {
        navigation.getSelectionModel().select(section);
    }

    /** Reopens the console as {@code userName} once unsaved edits are saved or dropped. */
    void switchTo(String userName) {
        leaveSections(() -> {
            remember();
            switchUser.accept(userName);
        });
    }

    /** True once the networks table has been filled for the first time (the window is usable). */
    public ReadOnlyBooleanProperty networksLoadedProperty() {
        return networks.loadedProperty();
    }
}
