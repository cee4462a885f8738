package vnetdesk.ui.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import vnetdesk.model.Driver;
import vnetdesk.service.host.DesiredReport;
import vnetdesk.service.host.DesiredReport.NicChains;
import vnetdesk.service.host.HostReports.ProbeReport;
import vnetdesk.service.host.HostStatus;
import vnetdesk.ui.common.Tables;

/**
 * The host detail's Probe, Networks and Firewall tabs: what the last probe
 * found (unsupported drivers in red with the reason), the devices each
 * network needs on the host and whether it had them at its last read, and
 * per NIC its chains as planned, in words with the exact text one toggle away.
 */
final class HostStateTabs {

    /** One row of the Networks tab: a device of a network. */
    record DeviceRow(String network, String device, String kind, String details, String onHost) {
    }

    private final ObjectBinding<Optional<HostRow>> selected;
    private final ReadOnlyObjectProperty<Optional<DesiredReport>> desired;
    private final ReadOnlyStringProperty desiredNote;
    private final ApplyTimes times;

    HostStateTabs(HostsViewModel vm, ApplyTimes times) {
        this.selected = vm.list().selected();
        this.desired = vm.desiredProperty();
        this.desiredNote = vm.desiredNoteProperty();
        this.times = times;
    }

    Node probe() {
        VBox box = new VBox(6);
        box.setId("host-probe");
        box.setPadding(new Insets(10));
        Runnable fill = () -> box.getChildren().setAll(probeContent(selected.get()));
        selected.addListener((o, was, now) -> fill.run());
        fill.run();
        return scroll(box);
    }

    private List<Node> probeContent(Optional<HostRow> row) {
        if (row.isEmpty()) {
            return List.of(hint("No host selected"));
        }
        Optional<HostStatus.Probed> probed = row.get().status().probe();
        if (probed.isEmpty()) {
            return List.of(hint("Host " + row.get().label() + " was not probed yet: Probe (above),"
                    + " Plan… or Check drift probe it."));
        }
        ProbeReport p = probed.get().report();
        List<Node> out = new ArrayList<>();
        out.add(hint("Probed " + times.shortTime(probed.get().at()) + " · kernel " + p.kernelRelease()
                + " · commands run as " + p.privilege()));
        out.add(section("Kernel features"));
        p.features().forEach((f, a) -> out.add(checked("probe-feature-" + f, f + ": " + a, !a.equals("no"))));
        out.add(section("Tools"));
        out.add(wrapped("probe-tools", "found: " + String.join(", ", p.tools())));
        if (!p.missingTools().isEmpty()) {
            out.add(checked("probe-missing-tools", "missing: " + String.join(", ", p.missingTools()), false));
        }
        out.add(section("Drivers"));
        for (Map.Entry<Driver, List<String>> d : p.drivers().entrySet()) {
            String id = "probe-driver-" + d.getKey().name().toLowerCase(Locale.ROOT);
            out.add(d.getValue().isEmpty() ? checked(id, d.getKey().mad() + ": can run", true)
                    : checked(id, d.getKey().mad() + ": cannot run — " + String.join("; ", d.getValue()), false));
        }
        if (!p.messages().isEmpty()) {
            out.add(section("Notes"));
            p.messages().forEach(m -> out.add(wrapped("probe-note", m)));
        }
        return out;
    }

    Node networks() {
        TableView<DeviceRow> table = new TableView<>();
        table.setId("host-networks");
        TableColumn<DeviceRow, String> onHost = Tables.column("On host", 100, DeviceRow::onHost);
        onHost.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("check-bad");
                if (!empty && "missing".equals(text)) {
                    getStyleClass().add("check-bad");
                }
            }
        });
        table.getColumns().addAll(List.of(Tables.column("Network", 120, DeviceRow::network),
                Tables.column("Device", 110, DeviceRow::device), Tables.column("Kind", 70, DeviceRow::kind),
                Tables.column("Must be", 330, DeviceRow::details), onHost));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        Label read = new Label();
        read.setId("host-networks-read");
        read.getStyleClass().add("field-hint");
        Runnable fill = () -> {
            Optional<DesiredReport> r = desired.get();
            table.getItems().setAll(r.map(HostStateTabs::deviceRows).orElse(List.of()));
            placeholder.setText(r.isPresent() ? "No network is used on this host" : desiredNote.get());
            read.setText(r.map(x -> x.devicesRead().map(t -> "On host: the devices the host had at "
                    + times.shortTime(t)).orElse("On host: not checked — the host was never read")).orElse(""));
        };
        desired.addListener((o, was, now) -> fill.run());
        desiredNote.addListener((o, was, now) -> fill.run());
        fill.run();
        BorderPane pane = new BorderPane(table);
        pane.setTop(read);
        BorderPane.setMargin(read, new Insets(0, 0, 6, 0));
        pane.setPadding(new Insets(6));
        return pane;
    }

    private static List<DeviceRow> deviceRows(DesiredReport r) {
        return r.networks().stream().flatMap(n -> n.skipped().isPresent()
                ? java.util.stream.Stream.of(new DeviceRow(n.network() + " (" + n.driver() + ")", "—", "skipped",
                        n.skipped().get() + ": vnetdesk configures nothing for it", "—"))
                : n.devices().stream().map(d -> new DeviceRow(n.network()
                + " (" + n.driver() + ")", d.name(), d.kind(), d.details(),
                d.presence().name().toLowerCase(Locale.ROOT).replace('_', ' ')))).toList();
    }

    Node firewall() {
        VBox box = new VBox(6);
        box.setId("host-firewall");
        box.setPadding(new Insets(8));
        Runnable fill = () -> {
            Optional<DesiredReport> r = desired.get();
            if (r.isEmpty()) {
                box.getChildren().setAll(hint(desiredNote.get()));
            } else if (r.get().nics().isEmpty()) {
                box.getChildren().setAll(hint("No VM NIC is on this host: it carries no firewall chains"));
            } else {
                box.getChildren().setAll(r.get().nics().stream().map(HostStateTabs::nicPane).toList());
            }
        };
        desired.addListener((o, was, now) -> fill.run());
        desiredNote.addListener((o, was, now) -> fill.run());
        fill.run();
        return scroll(box);
    }

    private static Node nicPane(NicChains nic) {
        VBox lines = new VBox(2);
        nic.readable().forEach(l -> lines.getChildren().add(wrapped("nic-line", l)));
        TextArea text = new TextArea(nic.exactText());
        text.setId("nic-text-" + nic.tap());
        text.setEditable(false);
        text.getStyleClass().add("code");
        text.setPrefRowCount(Math.min(18, (int) nic.exactText().lines().count() + 1));
        text.setVisible(false);
        text.managedProperty().bind(text.visibleProperty());
        ToggleButton show = new ToggleButton("Show iptables text");
        show.setId("nic-show-" + nic.tap());
        show.setDisable(nic.exactText().isEmpty());
        text.visibleProperty().bind(show.selectedProperty());
        show.selectedProperty().addListener((o, was, now) -> show.setText(now ? "Hide iptables text"
                : "Show iptables text"));
        VBox content = new VBox(6, lines, show, text);
        TitledPane pane = new TitledPane(nic.tap() + " — VM " + nic.vm() + " on " + nic.network()
                + (nic.addresses().isEmpty() ? "" : " · " + String.join(", ", nic.addresses())), content);
        pane.setId("nic-" + nic.tap());
        return pane;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }

    private static Label hint(String text) {
        Label l = wrapped("host-state-hint", text);
        l.getStyleClass().add("field-hint");
        return l;
    }

    private static Label wrapped(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static Label checked(String id, String text, boolean ok) {
        Label l = wrapped(id, text);
        l.getStyleClass().add(ok ? "check-ok" : "check-bad");
        return l;
    }
}
