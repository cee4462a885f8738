package vnetdesk.ui.host;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.MasterDetail;
import vnetdesk.ui.common.SelectionFollower;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.ToolAction;

/**
 * The Clusters section: each cluster with its hosts and networks, and the
 * actions that make and change clusters. Remove host and Remove network
 * propose the host or network picked in the detail's lists.
 */
public final class ClustersView {

    private final ClustersViewModel vm;
    private final TableView<ClusterRow> table = new TableView<>();
    private final ListView<String> hosts = new ListView<>();
    private final ListView<String> networks = new ListView<>();
    private final ConsoleSection section;

    public ClustersView(ClustersViewModel vm) {
        this.vm = vm;
        MasterDetail.table(table, "cluster-table", vm.list().rows(), List.of(
                Tables.column("ID", 50, ClusterRow::id),
                Tables.column("Name", 160, ClusterRow::name),
                Tables.column("Hosts", 260, c -> String.join(", ", c.hosts())),
                Tables.column("Networks", 320, c -> String.join(", ", c.networks()))),
                "No clusters you may see.");
        new SelectionFollower<>(table, vm.list().rows(), vm.list().selectedIdProperty(), ClusterRow::id,
                id -> vm.list().selectedIdProperty().set(Optional.of(id)));
        Node root = MasterDetail.of(table, vm.list().filterProperty(), "cluster-filter",
                "Filter clusters (id, name, host, network)", detail(), 0.45);
        root.setId("clusters-view");
        section = ConsoleSection.of("Clusters", "cluster", root).counting(vm.list().countProperty())
                .withActions(actions()).reading(vm.list()::reload, vm.list()::reload);
    }

    private List<List<ToolAction>> actions() {
        BooleanBinding none = vm.list().selectedIdProperty().isEqualTo(Optional.empty());
        return List.of(
                List.of(ToolAction.of("cluster-new", "New cluster", "new", "Create a cluster", vm::create)),
                List.of(ToolAction.of("cluster-rename", "Rename…", "rename", "Rename the selected cluster",
                                () -> withRow(vm::rename)).disabledWhen(none),
                        ToolAction.of("cluster-delete", "Delete", "delete", "Delete the selected cluster",
                                () -> withRow(vm::delete)).disabledWhen(none)),
                List.of(ToolAction.of("cluster-add-host", "Add host…", "host",
                                "Move a host into the selected cluster", () -> withRow(vm::addHost))
                                .disabledWhen(none),
                        ToolAction.of("cluster-remove-host", "Remove host…", "delete",
                                "Take a host out of the selected cluster (back to cluster 0)",
                                () -> withRow(c -> vm.removeHost(c, picked(hosts)))).disabledWhen(none),
                        ToolAction.of("cluster-add-network", "Add network…", "network",
                                "Add a network to the selected cluster", () -> withRow(vm::addNetwork))
                                .disabledWhen(none),
                        ToolAction.of("cluster-remove-network", "Remove network…", "delete",
                                "Take a network out of the selected cluster",
                                () -> withRow(c -> vm.removeNetwork(c, picked(networks)))).disabledWhen(none)));
    }

    private static Optional<String> picked(ListView<String> list) {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private void withRow(Consumer<ClusterRow> action) {
        vm.list().selectedRow().ifPresent(action);
    }

    private Node detail() {
        var selected = vm.list().selected();
        Label title = new Label();
        title.setId("cluster-title");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> selected.get().map(c -> "Cluster " + c.label())
                .orElse("No cluster selected"), selected));
        hosts.setId("cluster-hosts");
        hosts.setPlaceholder(new Label("No host in this cluster"));
        networks.setId("cluster-networks");
        networks.setPlaceholder(new Label("No network in this cluster"));
        selected.addListener((o, was, now) -> {
            hosts.getItems().setAll(now.map(ClusterRow::hosts).orElse(List.of()));
            networks.getItems().setAll(now.map(ClusterRow::networks).orElse(List.of()));
        });
        GridPane lists = new GridPane();
        lists.setHgap(12);
        lists.setVgap(4);
        lists.add(head("Hosts"), 0, 0);
        lists.add(head("Networks"), 1, 0);
        lists.add(hosts, 0, 1);
        lists.add(networks, 1, 1);
        GridPane.setHgrow(hosts, Priority.ALWAYS);
        GridPane.setHgrow(networks, Priority.ALWAYS);
        Label hint = FormGrid.hint("A host is in exactly one cluster (removed, it goes back to 0:default); a network"
                + " may be in several (its CLUSTER_IDS). A VM's NICs must use networks of its host's cluster.");
        VBox box = new VBox(6, lists, hint);
        box.setPadding(new Insets(8, 10, 8, 10));
        VBox.setVgrow(box, Priority.ALWAYS);
        return new VBox(HostsView.header(title), box);
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }

    /** The view as a section of the console: the table and detail, the count, the cluster actions. */
    public ConsoleSection section() {
        return section;
    }
}
