package vnetdesk.ui;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import vnetdesk.model.AddressRange;
import vnetdesk.service.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.InventoryLocation;
import vnetdesk.service.QueryService.NetworkSummary;

/**
 * The first console window: the list of virtual networks of the inventory.
 * The inventory is opened and read on a worker thread; the FX thread only
 * shows the result.
 */
public final class ConsoleApp extends Application {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vnetdesk-worker");
        t.setDaemon(true);
        return t;
    });
    private Inventory inventory;
    private final Label status = new Label("Opening inventory…");
    private final TableView<NetworkSummary> table = new TableView<>();

    @Override
    public void start(Stage stage) {
        table.getColumns().addAll(List.of(
                column("ID", s -> s.network().id()),
                column("Name", s -> s.network().name()),
                column("Owner", NetworkSummary::ownerName),
                column("Driver", s -> s.network().conf().driver().mad()),
                column("Bridge", s -> s.network().conf().bridge()),
                column("VLAN", s -> s.network().conf().vlanId().map(String::valueOf).orElse("")),
                column("Leases", s -> s.used() + " / " + s.network().addressRanges().stream()
                        .map(AddressRange::size).reduce(BigInteger.ZERO, BigInteger::add))));
        table.setPlaceholder(new Label("No virtual networks yet. Create one with: vnetdesk vnet create FILE"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        BorderPane root = new BorderPane(table);
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
        stage.setTitle("vnetdesk — virtual networks");
        stage.setScene(new Scene(root, 900, 500));
        stage.show();
        load();
    }

    private void load() {
        Task<List<NetworkSummary>> task = new Task<>() {
            @Override
            protected List<NetworkSummary> call() {
                inventory = InventoryLocation.resolve(Optional.empty(), Optional.empty(), Map.copyOf(System.getenv())).open();
                Actor actor = inventory.actor(Optional.ofNullable(System.getenv("VNETDESK_USER")).orElse("oneadmin"));
                return inventory.queries().list(actor);
            }
        };
        task.setOnSucceeded(e -> {
            table.getItems().setAll(task.getValue());
            status.setText("Inventory: " + inventory.location() + " — " + task.getValue().size() + " networks");
        });
        task.setOnFailed(e -> {
            status.setText("error: " + task.getException().getMessage());
            table.setPlaceholder(new Label("The inventory could not be opened (see below)."));
        });
        worker.execute(task);
    }

    private static <T> TableColumn<NetworkSummary, T> column(String title, java.util.function.Function<NetworkSummary, T> value) {
        TableColumn<NetworkSummary, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    @Override
    public void stop() throws Exception {
        // closing the database is I/O: do it on the worker, not the FX thread
        worker.submit(() -> {
            if (inventory != null) {
                inventory.close();
            }
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        worker.shutdown();
        Platform.exit();
    }
}
