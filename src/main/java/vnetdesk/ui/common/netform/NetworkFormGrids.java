package vnetdesk.ui.common.netform;

import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import vnetdesk.model.Driver;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.LazyTab;

/**
 * The form fields of a network's attributes — name and description, Conf,
 * QoS, Context — bound to a {@link NetworkForm}, shared by the network view
 * and the network-template view. Every field has the id
 * {@code <prefix>field-<ATTRIBUTE>} and registers its error line with the
 * given {@link FieldErrors}.
 */
public final class NetworkFormGrids {

    private final NetworkForm form;
    private final FieldErrors errors;
    private final String prefix;

    /** {@code prefix} starts every node id ("" for networks, "tpl-" for templates). */
    public NetworkFormGrids(NetworkForm form, FieldErrors errors, String prefix) {
        this.form = form;
        this.errors = errors;
        this.prefix = prefix;
    }

    public TextField text(String attribute, String prompt) {
        TextField f = new TextField();
        f.setId(prefix + "field-" + attribute);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(form.text(attribute));
        return f;
    }

    public CheckBox flag(String attribute, String label) {
        CheckBox c = new CheckBox(label);
        c.setId(prefix + "field-" + attribute);
        c.selectedProperty().bindBidirectional(form.flag(attribute));
        return c;
    }

    /** A labelled text field with its error line and an optional hint. */
    public void field(FormGrid g, String label, String attribute, String prompt, String hint) {
        TextField f = text(attribute, prompt);
        g.add(label, f, errors.register(attribute, f), hint == null ? null : FormGrid.hint(hint));
    }

    /** Name, description and clusters: the start of a General tab. */
    public FormGrid identity(String namePrompt, String clustersHint) {
        FormGrid g = new FormGrid();
        field(g, "Name", "NAME", namePrompt, null);
        TextArea description = new TextArea();
        description.setId(prefix + "field-DESCRIPTION");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(form.text("DESCRIPTION"));
        g.add("Description", description, errors.register("DESCRIPTION", description));
        field(g, "Clusters", "CLUSTER_IDS", "0", clustersHint);
        return g;
    }

    /** The Conf tab; {@code bridgeHint} goes under the bridge field. */
    public FormGrid conf(String bridgePrompt, Node bridgeHint) {
        FormGrid g = new FormGrid();
        ComboBox<Driver> driver = new ComboBox<>(FXCollections.observableArrayList(Driver.values()));
        driver.setId(prefix + "field-VN_MAD");
        driver.setConverter(new StringConverter<>() {
            @Override
            public String toString(Driver d) {
                if (d == null) {
                    return "";
                }
                String name = d.label().equals(d.mad()) ? d.label() : d.label() + "  (" + d.mad() + ")";
                return d.managedOnHosts() ? name : name + " — not managed on hosts";
            }

            @Override
            public Driver fromString(String s) {
                return Driver.parse("VN_MAD", s);
            }
        });
        // the closed box names the driver only: the label beside it says "not managed on hosts"
        driver.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Driver d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? "" : d.label().equals(d.mad()) ? d.label()
                        : d.label() + "  (" + d.mad() + ")");
            }
        });
        driver.valueProperty().bindBidirectional(form.driverProperty());
        Label notManaged = new Label("not managed on hosts");
        notManaged.setId(prefix + "driver-not-managed");
        notManaged.getStyleClass().add("warning-banner");
        notManaged.setMinWidth(Region.USE_PREF_SIZE);
        notManaged.visibleProperty().bind(Bindings.createBooleanBinding(() -> form.driverProperty().get() != null
                && !form.driverProperty().get().managedOnHosts(), form.driverProperty()));
        notManaged.managedProperty().bind(notManaged.visibleProperty());
        HBox mode = new HBox(12, driver, notManaged);
        mode.setAlignment(Pos.CENTER_LEFT);
        Label modeHint = FormGrid.hint("");
        modeHint.textProperty().bind(Bindings.createStringBinding(() -> modeHint(form.driverProperty().get()),
                form.driverProperty()));
        g.add("Network mode", mode, errors.register("VN_MAD", driver), modeHint);
        TextField bridge = text("BRIDGE", bridgePrompt);
        g.add("Bridge", bridge, errors.register("BRIDGE", bridge), bridgeHint);
        TextField bridgeType = text("BRIDGE_TYPE", "");
        bridgeType.promptTextProperty().bind(Bindings.createStringBinding(() -> form.driverProperty().get() == null
                ? "" : "default: " + form.driverProperty().get().defaultBridgeType(), form.driverProperty()));
        Label typeHint = FormGrid.hint("");
        typeHint.textProperty().bind(Bindings.createStringBinding(() -> form.driverProperty().get() == null ? ""
                : "allowed for " + form.driverProperty().get().mad() + ": "
                + String.join(", ", form.driverProperty().get().bridgeTypes()), form.driverProperty()));
        g.add("Bridge type", bridgeType, errors.register("BRIDGE_TYPE", bridgeType), typeHint);
        TextField vlan = text("VLAN_ID", "1–4094 (VNI for VXLAN)");
        CheckBox automatic = flag("AUTOMATIC_VLAN_ID", "automatic (first free id)");
        vlan.disableProperty().bind(automatic.selectedProperty());
        g.add("VLAN id", new HBox(12, vlan, automatic), errors.register("VLAN_ID", vlan),
                FormGrid.hint("802.1Q and VXLAN need one and a physical device; Open vSwitch and vCenter may carry one"));
        field(g, "Physical device", "PHYDEV", "e.g. eth0", null);
        field(g, "MTU", "MTU", "default of the host", "68–65535, for the bridge and tagged devices");
        g.add("Spoofing filters", new VBox(4, flag("FILTER_MAC_SPOOFING", "filter MAC spoofing"),
                flag("FILTER_IP_SPOOFING", "filter IP spoofing")));
        return g;
    }

    /** Under the driver: what vnetdesk does with its networks on hosts. */
    private static String modeHint(Driver d) {
        if (d == null) {
            return "";
        }
        return d.managedOnHosts() ? "vnetdesk configures this network's bridge, devices and NIC firewalls on hosts"
                : "vnetdesk stores this network and its leases and exports it, but configures nothing for it on"
                + " hosts: no bridge, device, firewall or QoS (the " + d.mad() + " driver does its own)";
    }

    /** The QoS tab, {@code note} first. */
    public FormGrid qos(String note) {
        FormGrid g = new FormGrid();
        g.wide(FormGrid.hint(note));
        g.section("Inbound (to the VM)");
        field(g, "Average (KB/s)", "INBOUND_AVG_BW", "", null);
        field(g, "Peak (KB/s)", "INBOUND_PEAK_BW", "", null);
        field(g, "Peak burst (KB)", "INBOUND_PEAK_KB", "", null);
        g.section("Outbound (from the VM)");
        field(g, "Average (KB/s)", "OUTBOUND_AVG_BW", "", null);
        field(g, "Peak (KB/s)", "OUTBOUND_PEAK_BW", "", null);
        field(g, "Peak burst (KB)", "OUTBOUND_PEAK_KB", "", null);
        return g;
    }

    /** The Context tab: the context fields and the table of custom attributes. */
    public FormGrid context() {
        FormGrid g = new FormGrid();
        field(g, "Network address", "NETWORK_ADDRESS", "e.g. 10.0.0.0", null);
        field(g, "Network mask", "NETWORK_MASK", "e.g. 255.255.255.0 or 24", null);
        field(g, "Gateway", "GATEWAY", "IPv4", null);
        field(g, "IPv6 gateway", "GATEWAY6", "IPv6", null);
        field(g, "DNS", "DNS", "servers separated by blanks", null);
        field(g, "Guest MTU", "GUEST_MTU", "", null);
        field(g, "Search domain", "SEARCH_DOMAIN", "", null);
        g.section("Custom attributes");
        TableView<NetworkForm.Custom> table = new TableView<>(form.custom());
        table.setId(prefix + "context-custom");
        table.setEditable(true);
        table.setPrefHeight(160);
        TableColumn<NetworkForm.Custom, String> key = new TableColumn<>("Attribute");
        key.setCellValueFactory(c -> c.getValue().keyProperty());
        key.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<NetworkForm.Custom, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        table.getColumns().add(key);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No custom attributes"));
        Button add = new Button("Add");
        add.setOnAction(e -> form.custom().add(new NetworkForm.Custom("NEW_ATTRIBUTE", "")));
        Button remove = new Button("Remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> form.custom().remove(table.getSelectionModel().getSelectedItem()));
        g.wide(new VBox(6, table, new HBox(6, add, remove)));
        return g;
    }

    /** A tab whose form is built when it is first selected. */
    public static Tab lazy(String title, Supplier<FormGrid> build) {
        return LazyTab.of(title, () -> scroll(build.get()));
    }

    /** A tab shown at once (the first one), built now. */
    public static Tab eager(String title, Supplier<FormGrid> build) {
        Tab t = lazy(title, build);
        t.setContent(scroll(build.get()));
        return t;
    }

    private static ScrollPane scroll(FormGrid grid) {
        ScrollPane scroll = new ScrollPane(grid.node());
        scroll.setFitToWidth(true);
        return scroll;
    }
}
