package vnetdesk.ui.template;

import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import vnetdesk.model.Driver;
import vnetdesk.model.Permissions;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.LazyTab;
import vnetdesk.ui.common.PermissionsGrid;
import vnetdesk.ui.network.NetworkForm;
import vnetdesk.ui.network.SecurityGroupChecklist;
import vnetdesk.ui.network.SecurityTabViewModel;

/**
 * The network-attribute tabs of the template view — General, Conf, QoS,
 * Context, Security — bound to one {@link TemplateEditorViewModel}'s
 * {@link NetworkForm}. Every field has the id {@code tpl-field-<ATTRIBUTE>}
 * and its error line {@code error-<ATTRIBUTE>}.
 */
final class TemplateFormTabs {

    private final TemplateEditorViewModel vm;
    private final NetworkForm form;
    private final FieldErrors errors;
    private final PermissionsGrid permissions;
    private final Runnable changeOwner;

    /** {@code changeOwner} runs the Change owner… action; {@code permissionsApplied} gets the template's id. */
    TemplateFormTabs(TemplateEditorViewModel vm, Runnable changeOwner, IntConsumer permissionsApplied) {
        this.vm = vm;
        this.form = vm.form();
        this.changeOwner = changeOwner;
        this.errors = new FieldErrors(vm.errors());
        errors.expect(form.fieldsByAttribute().keySet());
        this.permissions = new PermissionsGrid("tpl-", p -> vm.chmod(p, permissionsApplied));
        vm.currentProperty().addListener((o, was, now) -> showPermissions());
        showPermissions();
    }

    private void showPermissions() {
        vm.currentProperty().get().ifPresentOrElse(
                s -> permissions.show(s.template().ownership().permissions(), vm.mayChmod()),
                () -> permissions.show(Permissions.DEFAULT, false));
    }

    FieldErrors errors() {
        return errors;
    }

    private TextField text(String attribute, String prompt) {
        TextField f = new TextField();
        f.setId("tpl-field-" + attribute);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(form.text(attribute));
        return f;
    }

    private CheckBox flag(String attribute, String label) {
        CheckBox c = new CheckBox(label);
        c.setId("tpl-field-" + attribute);
        c.selectedProperty().bindBidirectional(form.flag(attribute));
        return c;
    }

    private void field(FormGrid g, String label, String attribute, String prompt, String hint) {
        TextField f = text(attribute, prompt);
        g.add(label, f, errors.register(attribute, f), hint == null ? null : FormGrid.hint(hint));
    }

    private static Tab lazy(String title, Supplier<FormGrid> build) {
        return LazyTab.of(title, () -> scroll(build.get()));
    }

    private static ScrollPane scroll(FormGrid grid) {
        ScrollPane scroll = new ScrollPane(grid.node());
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The first tab is on screen when the view opens, so it is built at once. */
    Tab general() {
        Tab t = lazy("General", this::generalGrid);
        t.setContent(scroll(generalGrid()));
        return t;
    }

    Tab conf() {
        return lazy("Conf", this::confGrid);
    }

    Tab qos() {
        return lazy("QoS", this::qosGrid);
    }

    Tab context() {
        return lazy("Context", this::contextGrid);
    }

    Tab security() {
        return lazy("Security", this::securityGrid);
    }

    private FormGrid generalGrid() {
        FormGrid g = new FormGrid();
        field(g, "Name", "NAME", "e.g. private-lan", null);
        TextArea description = new TextArea();
        description.setId("tpl-field-DESCRIPTION");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(form.text("DESCRIPTION"));
        g.add("Description", description, errors.register("DESCRIPTION", description));
        field(g, "Clusters", "CLUSTER_IDS", "0", "cluster ids separated by commas; empty is the default cluster 0");
        Label owner = new Label();
        owner.setId("tpl-owner");
        owner.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get()
                .map(s -> s.ownerName() + " / " + s.groupName())
                .orElse("you (the template is created for the current user)"), vm.currentProperty()));
        Button chown = new Button("Change owner…");
        chown.setId("tpl-general-chown");
        chown.disableProperty().bind(vm.modeProperty().isEqualTo(TemplateEditorViewModel.Mode.CREATE));
        chown.setOnAction(e -> changeOwner.run());
        HBox ownerRow = new HBox(12, owner, chown);
        ownerRow.setAlignment(Pos.CENTER_LEFT);
        g.add("Owner / group", ownerRow);
        Label lock = new Label();
        lock.setId("tpl-lock");
        lock.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get()
                .flatMap(s -> s.template().lock()).map(l -> "locked (" + l.name() + "): update and delete are refused")
                .orElse("not locked"), vm.currentProperty()));
        g.add("Lock", lock);
        g.section("Permissions");
        g.wide(permissions.node());
        return g;
    }

    private FormGrid confGrid() {
        FormGrid g = new FormGrid();
        ComboBox<Driver> driver = new ComboBox<>(FXCollections.observableArrayList(Driver.values()));
        driver.setId("tpl-field-VN_MAD");
        driver.setConverter(new StringConverter<>() {
            @Override
            public String toString(Driver d) {
                return d == null ? "" : d.label().equals(d.mad()) ? d.label() : d.label() + "  (" + d.mad() + ")";
            }

            @Override
            public Driver fromString(String s) {
                return Driver.parse("VN_MAD", s);
            }
        });
        driver.valueProperty().bindBidirectional(form.driverProperty());
        g.add("Network mode", driver, errors.register("VN_MAD", driver));
        field(g, "Bridge", "BRIDGE", "empty: generated for each network", null);
        TextField vlan = text("VLAN_ID", "1–4094 (VNI for VXLAN)");
        CheckBox automatic = flag("AUTOMATIC_VLAN_ID", "automatic (first free id)");
        vlan.disableProperty().bind(automatic.selectedProperty());
        g.add("VLAN id", new HBox(12, vlan, automatic), errors.register("VLAN_ID", vlan),
                FormGrid.hint("802.1Q and VXLAN only; needs a physical device"));
        field(g, "Physical device", "PHYDEV", "e.g. eth0", null);
        field(g, "MTU", "MTU", "default of the host", "68–65535, for the bridge and tagged devices");
        g.add("Spoofing filters", new VBox(4, flag("FILTER_MAC_SPOOFING", "filter MAC spoofing"),
                flag("FILTER_IP_SPOOFING", "filter IP spoofing")));
        return g;
    }

    private FormGrid qosGrid() {
        FormGrid g = new FormGrid();
        g.wide(FormGrid.hint("Limits apply to each NIC of a network made from this template individually."
                + " Empty means no limit (the default)."));
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

    private FormGrid contextGrid() {
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
        table.setId("tpl-context-custom");
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

    private FormGrid securityGrid() {
        FormGrid g = new FormGrid();
        SecurityTabViewModel groups = vm.securityGroups();
        groups.load(Optional.empty());
        g.wide(SecurityGroupChecklist.warningBox("tpl-", groups.defaultGroupWarningProperty(),
                groups::removeDefaultGroup));
        g.section("Security groups (given to every network made from this template)");
        g.wide(SecurityGroupChecklist.list("tpl-security-group-list", groups));
        field(g, "Group ids", NetworkForm.SECURITY_GROUPS, "0",
                "the checked groups as ids; groups you may not see stay by id; empty means none");
        return g;
    }
}
