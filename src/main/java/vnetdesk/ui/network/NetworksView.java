package vnetdesk.ui.network;

import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;

import vnetdesk.ui.common.MasterDetail;
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
        MasterDetail.table(table, "network-table", list.rows(), List.of(
                Tables.column("ID", 45, NetworkRow::id),
                Tables.column("Name", 142, NetworkRow::name),
                Tables.column("Mode", 205, NetworkRow::driver),
                Tables.column("On hosts", 100, NetworkRow::onHosts),
                Tables.column("VLAN", 55, NetworkRow::vlan),
                Tables.column("Bridge", 95, NetworkRow::bridge),
                Tables.usage("Leases", 165, NetworkRow::usage, NetworkRow::leasesText),
                Tables.column("Owner", 90, NetworkRow::owner),
                Tables.column("Lock", 65, NetworkRow::lock),
                Tables.column("Parent", 68, NetworkRow::parent)),
                "");
        Label empty = new Label();
        empty.setId("network-table-empty");
        empty.textProperty().bind(list.emptyMessageBinding());
        table.setPlaceholder(empty);
        selection = new SelectionFollower<>(table, list.rows(), list.selectedIdProperty(), NetworkRow::id, this::select);
        root = MasterDetail.of(table, list.filterProperty(), "network-filter",
                "Filter networks (name, id, mode, VLAN, bridge, owner)", detail.node(), 0.38);
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
