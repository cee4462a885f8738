package vnetdesk.ui.network;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vnetdesk.service.QueryService.FreeRange;
import vnetdesk.ui.common.Tables;

/**
 * The Leases tab: a virtualised table filled page by page as it scrolls, a
 * filter, Hold / Release / Reserve, and the free ranges beside it.
 */
final class LeasesTab {

    /** What the tab needs from the network view to open its dialogs. */
    interface Actions {
        void hold();

        void reserve();
    }

    private final LeasesViewModel vm;
    private final Actions actions;
    private final TableView<LeaseRow> table;

    LeasesTab(LeasesViewModel vm, Actions actions) {
        this.vm = vm;
        this.actions = actions;
        this.table = new TableView<>(vm.rows());
        followSelectRequests();
    }

    /** Selects and shows the lease the model asks for (a click on the address map). */
    private void followSelectRequests() {
        vm.selectRequestProperty().addListener((o, was, now) -> now.ifPresent(row -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        }));
    }

    TableView<LeaseRow> table() {
        return table;
    }

    Tab build() {
        return vnetdesk.ui.common.LazyTab.of("Leases", this::content);
    }

    private javafx.scene.Node content() {
        table.setId("lease-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(Tables.column("AR", 45, LeaseRow::arId));
        table.getColumns().add(Tables.column("IP", 120, LeaseRow::ip));
        table.getColumns().add(Tables.column("IPv6", 170, LeaseRow::ip6));
        table.getColumns().add(Tables.column("MAC", 150, LeaseRow::mac));
        table.getColumns().add(Tables.column("Owner", 110, LeaseRow::owner));
        table.getColumns().add(Tables.column("SG state", 90, LeaseRow::sgState));
        table.getColumns().add(Tables.column("Name", 140, LeaseRow::ownerName));
        // the columns share the table's width (the last one, Name, gives or takes): no column hides behind a scroll
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder("lease-table-empty", vm.emptyMessageProperty()));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            public void updateIndex(int i) {
                super.updateIndex(i);
                // a row near the end of what is loaded became visible: read the next page
                if (i >= 0 && i >= vm.rows().size() - 50) {
                    vm.loadMore();
                }
            }
        });

        TextField filter = new TextField();
        filter.setId("lease-filter");
        filter.setPromptText("Filter by address or owner (e.g. HOLD, VM:7)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button hold = new Button("Hold IP…");
        hold.setId("lease-hold");
        hold.setOnAction(e -> actions.hold());
        Button release = new Button("Release");
        release.setId("lease-release");
        release.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        release.setOnAction(e -> vm.release(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button reserve = new Button("Reserve…");
        reserve.setId("lease-reserve");
        reserve.setOnAction(e -> actions.reserve());
        Label count = new Label();
        count.setId("lease-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.rows().size() + " shown"
                + (vm.fromProperty().get().isEmpty() ? "" : " from " + vm.fromProperty().get() + " on")
                + (vm.completeProperty().get() ? "" : ", more as you scroll"), vm.rows(), vm.completeProperty(),
                vm.fromProperty()));
        javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink("Show all");
        all.setId("lease-show-all");
        all.visibleProperty().bind(vm.fromProperty().isNotEmpty());
        all.managedProperty().bind(all.visibleProperty());
        all.setOnAction(e -> vm.reload());
        HBox bar = new HBox(6, filter, hold, release, reserve, count, all);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 6, 0));

        ListView<FreeRange> free = new ListView<>(vm.freeRanges());
        free.setId("free-ranges");
        free.setPlaceholder(placeholder("free-ranges-empty", vm.freeRangesMessageProperty()));
        free.setCellFactory(l -> new FreeRangeCell());
        VBox freeBox = new VBox(4, new Label("Free ranges"), free);
        VBox.setVgrow(free, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, freeBox);
        split.setDividerPositions(0.76);
        BorderPane content = new BorderPane(split, bar, null, null, null);
        content.setPadding(new Insets(8));
        return content;
    }

    /** A placeholder that says what the tab knows: read or still reading. */
    static Label placeholder(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }
}
