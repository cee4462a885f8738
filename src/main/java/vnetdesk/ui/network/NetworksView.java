package vnetdesk.ui.network;

import java.util.Optional;

import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import vnetdesk.ui.common.Tables;

/** The Networks view: filterable, sortable master table above the detail tabs. */
public final class NetworksView {

    private final NetworkListViewModel list;
    private final NetworkDetailView detail;
    private final TableView<NetworkRow> table = new TableView<>();
    private final SplitPane root;
    private boolean reverting;

    public NetworksView(NetworkListViewModel list, NetworkDetailView detail) {
        this.list = list;
        this.detail = detail;
        SortedList<NetworkRow> sorted = new SortedList<>(list.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("network-table");
        table.getColumns().add(Tables.column("ID", 50, NetworkRow::id));
        table.getColumns().add(Tables.column("Name", 170, NetworkRow::name));
        table.getColumns().add(Tables.column("Mode", 215, NetworkRow::driver));
        table.getColumns().add(Tables.column("VLAN", 60, NetworkRow::vlan));
        table.getColumns().add(Tables.column("Bridge", 100, NetworkRow::bridge));
        table.getColumns().add(Tables.usage("Leases", 190, NetworkRow::usage, NetworkRow::leasesText));
        table.getColumns().add(Tables.column("Owner", 90, NetworkRow::owner));
        table.getColumns().add(Tables.column("Lock", 60, NetworkRow::lock));
        table.getColumns().add(Tables.column("Parent", 60, NetworkRow::parent));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No virtual networks yet — create one with New, or File → Load sample."));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (reverting || now == null || list.selectedIdProperty().get().equals(Optional.of(now.id()))) {
                return;
            }
            if (detail.show(now.id())) {
                list.selectedIdProperty().set(Optional.of(now.id()));
            } else {
                // the user chose to stay on the unsaved network: put the selection back
                reverting = true;
                table.getSelectionModel().select(was);
                reverting = false;
            }
        });
        list.rows().addListener((javafx.collections.ListChangeListener<NetworkRow>) c -> reselect());

        TextField filter = new TextField();
        filter.setId("network-filter");
        filter.setPromptText("Filter networks (name, id, mode, VLAN, bridge, owner)");
        filter.textProperty().bindBidirectional(list.filterProperty());
        VBox master = new VBox(6, filter, table);
        master.setPadding(new Insets(8));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        root = new SplitPane(master, detail.node());
        root.setOrientation(javafx.geometry.Orientation.VERTICAL);
        root.setDividerPositions(0.38);
    }

    /** After a reload, the table selects the network the detail shows. */
    private void reselect() {
        list.selectedIdProperty().get().ifPresent(id -> table.getItems().stream().filter(r -> r.id() == id)
                .findFirst().ifPresent(r -> {
                    if (table.getSelectionModel().getSelectedItem() == null
                            || table.getSelectionModel().getSelectedItem().id() != id) {
                        reverting = true;
                        table.getSelectionModel().select(r);
                        reverting = false;
                    }
                }));
    }

    /** Selects and shows network {@code id} (from who-holds-this or after a create). */
    public void select(int id) {
        if (list.selectedIdProperty().get().equals(Optional.of(id))) {
            return;
        }
        if (detail.show(id)) {
            list.selectedIdProperty().set(Optional.of(id));
            reselect();
        }
    }

    public TableView<NetworkRow> table() {
        return table;
    }

    public SplitPane node() {
        return root;
    }

}
