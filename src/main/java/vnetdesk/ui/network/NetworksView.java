package vnetdesk.ui.network;

import java.util.Optional;

import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import vnetdesk.ui.common.SelectionFollower;
import vnetdesk.ui.common.Tables;

/** The Networks view: filterable, sortable master table above the detail tabs. */
public final class NetworksView {

    private final NetworkListViewModel list;
    private final NetworkDetailView detail;
    private final TableView<NetworkRow> table = new TableView<>();
    private final SplitPane root;
    private final SelectionFollower<NetworkRow> selection;

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
        selection = new SelectionFollower<>(table, list.rows(), list.selectedIdProperty(), NetworkRow::id, this::select);

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

    /**
     * Shows network {@code id} and selects its row, once the user may leave the
     * network shown (asks about unsaved edits; stays when they cancel).
     */
    public void select(int id) {
        if (list.selectedIdProperty().get().equals(Optional.of(id)) && detail.shownId().equals(Optional.of(id))) {
            selection.reselect();
            return;
        }
        detail.show(id, () -> {
            list.selectedIdProperty().set(Optional.of(id));
            selection.reselect();
        });
    }

    /** Starts a new network in the detail and clears the selection, once the user may leave the one shown. */
    public void startCreate() {
        detail.startCreate(() -> {
            list.selectedIdProperty().set(Optional.empty());
            selection.reselect();
        });
    }

    public TableView<NetworkRow> table() {
        return table;
    }

    public SplitPane node() {
        return root;
    }

}
