package vnetdesk.ui.network;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
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
import vnetdesk.service.SecurityGroupService.EffectiveRule;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.OwnershipActions;
import vnetdesk.ui.common.PermissionsGrid;

/**
 * The form tabs of the network view — General, Conf, QoS, Context, Security —
 * bound to one {@link NetworkEditorViewModel}. Every field has the id
 * {@code field-<ATTRIBUTE>} and its error line {@code error-<ATTRIBUTE>}.
 */
final class NetworkFormTabs {

    private final NetworkEditorViewModel vm;
    private final NetworkForm form;
    private final FieldErrors errors;
    private final SecurityTabViewModel security;
    private final OwnershipActions ownership;

    NetworkFormTabs(NetworkEditorViewModel vm, SecurityTabViewModel security, OwnershipActions ownership) {
        this.vm = vm;
        this.security = security;
        this.ownership = ownership;
        this.form = vm.form();
        this.errors = new FieldErrors(vm.errors());
        errors.expect(form.fieldsByAttribute().keySet());
    }

    FieldErrors errors() {
        return errors;
    }

    private TextField text(String attribute, String prompt) {
        TextField f = new TextField();
        f.setId("field-" + attribute);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(form.text(attribute));
        return f;
    }

    private CheckBox flag(String attribute, String label) {
        CheckBox c = new CheckBox(label);
        c.setId("field-" + attribute);
        c.selectedProperty().bindBidirectional(form.flag(attribute));
        return c;
    }

    private FormGrid field(FormGrid g, String label, String attribute, String prompt, String hint) {
        TextField f = text(attribute, prompt);
        return g.add(label, f, errors.register(attribute, f), hint == null ? null : FormGrid.hint(hint));
    }

    private static Tab lazy(String title, java.util.function.Supplier<FormGrid> build) {
        return vnetdesk.ui.common.LazyTab.of(title, () -> scroll(build.get()));
    }

    private static ScrollPane scroll(FormGrid grid) {
        ScrollPane scroll = new ScrollPane(grid.node());
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The first tab is on screen when the window opens, so it is built at once. */
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
        field(g, "Name", "NAME", "e.g. office-lan", null);
        TextArea description = new TextArea();
        description.setId("field-DESCRIPTION");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(form.text("DESCRIPTION"));
        g.add("Description", description, errors.register("DESCRIPTION", description));
        field(g, "Clusters", "CLUSTER_IDS", "0", "cluster ids separated by commas; 0 is the default cluster");
        Label owner = new Label();
        owner.setId("general-owner");
        owner.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get()
                .map(d -> d.ownerName() + " / " + d.groupName())
                .orElse("you (the network is created for the current user)"), vm.currentProperty()));
        Button chown = new Button("Change owner…");
        chown.setId("general-chown");
        chown.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.currentProperty().get().isEmpty(),
                vm.currentProperty()));
        chown.setOnAction(e -> vm.currentProperty().get().ifPresent(d -> ownership.changeOwner("network "
                + d.network().label(), d.ownerName(), d.groupName(), (user, group) -> vm.chown(d.network().id(), user, group),
                vm::reloadKeepingEdits)));
        HBox ownerRow = new HBox(12, owner, chown);
        ownerRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        g.add("Owner / group", ownerRow);
        PermissionsGrid grid = new PermissionsGrid("general-", to -> vm.currentProperty().get().ifPresent(d ->
                ownership.changePermissions("network " + d.network().label(), to,
                        p -> vm.chmod(d.network().id(), p), vm::reloadKeepingEdits)));
        vm.currentProperty().addListener((o, was, now) -> showPermissions(grid, now));
        showPermissions(grid, vm.currentProperty().get());
        g.add("Permissions", grid.node(), FormGrid.hint("USE: hold, reserve, attach NICs · MANAGE: change it"
                + " · ADMIN: chown. New networks are owner um-, group u--."));
        Label lock = new Label();
        lock.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get()
                .flatMap(d -> d.network().lock()).map(l -> "locked (" + l.name() + ")").orElse("not locked"),
                vm.currentProperty()));
        g.add("Lock", lock);
        return g;
    }

    private static void showPermissions(PermissionsGrid grid, java.util.Optional<vnetdesk.model.NetworkDetails> d) {
        grid.show(d.map(x -> x.network().ownership().permissions()).orElse(vnetdesk.model.Permissions.DEFAULT),
                d.isPresent());
    }

    private FormGrid confGrid() {
        FormGrid g = new FormGrid();
        ComboBox<Driver> driver = new ComboBox<>(FXCollections.observableArrayList(Driver.values()));
        driver.setId("field-VN_MAD");
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
        TextField bridge = text("BRIDGE", "empty: generated");
        Label bridgeHint = FormGrid.hint("");
        bridgeHint.setId("bridge-hint");
        bridgeHint.textProperty().bind(vm.bridgeHintProperty());
        g.add("Bridge", bridge, errors.register("BRIDGE", bridge), bridgeHint);
        TextField vlan = text("VLAN_ID", "1–4094 (VNI for VXLAN)");
        CheckBox automatic = flag("AUTOMATIC_VLAN_ID", "automatic (first free id)");
        vlan.disableProperty().bind(automatic.selectedProperty());
        HBox vlanRow = new HBox(12, vlan, automatic);
        g.add("VLAN id", vlanRow, errors.register("VLAN_ID", vlan),
                FormGrid.hint("802.1Q and VXLAN only; needs a physical device"));
        field(g, "Physical device", "PHYDEV", "e.g. eth0", null);
        field(g, "MTU", "MTU", "default of the host", "68–65535, for the bridge and tagged devices");
        g.add("Spoofing filters", new VBox(4, flag("FILTER_MAC_SPOOFING", "filter MAC spoofing"),
                flag("FILTER_IP_SPOOFING", "filter IP spoofing")));
        return g;
    }

    private FormGrid qosGrid() {
        FormGrid g = new FormGrid();
        g.wide(FormGrid.hint("Limits apply to each NIC of this network individually, not to the network as a whole."
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
        table.setId("context-custom");
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
        Label preview = new Label();
        preview.setId("context-preview");
        preview.getStyleClass().add("code");
        preview.textProperty().bind(Bindings.createStringBinding(this::contextPreview,
                form.observables().toArray(javafx.beans.Observable[]::new)));
        g.section("Context a NIC of this network gets (ETH0 shown)");
        g.wide(preview);
        return g;
    }

    private String contextPreview() {
        StringBuilder b = new StringBuilder();
        b.append("ETH0_IP = <the NIC's lease>\nETH0_MAC = <the NIC's lease>\n");
        List<String[]> map = List.of(new String[]{"NETWORK_ADDRESS", "ETH0_NETWORK"},
                new String[]{"NETWORK_MASK", "ETH0_MASK"}, new String[]{"GATEWAY", "ETH0_GATEWAY"},
                new String[]{"GATEWAY6", "ETH0_GATEWAY6"}, new String[]{"DNS", "ETH0_DNS"},
                new String[]{"GUEST_MTU", "ETH0_MTU"}, new String[]{"SEARCH_DOMAIN", "ETH0_SEARCH_DOMAIN"});
        for (String[] m : map) {
            String v = form.text(m[0]).get();
            if (v != null && !v.isBlank()) {
                b.append(m[1]).append(" = ").append(v.trim()).append('\n');
            }
        }
        return b.toString().strip();
    }

    private FormGrid securityGrid() {
        FormGrid g = new FormGrid();
        g.wide(SecurityGroupChecklist.warningBox("", vm.defaultGroupWarningProperty(), vm::removeDefaultGroup));
        g.section("Security groups (their rules apply to every NIC of this network)");
        g.wide(SecurityGroupChecklist.list("security-group-list", security));
        field(g, "Group ids", NetworkForm.SECURITY_GROUPS, "0",
                "the checked groups as ids; groups you may not see stay in the list by id");
        g.section("Effective rules of a NIC of this network");
        Label effectiveWarning = new Label();
        effectiveWarning.setId("effective-warning");
        effectiveWarning.getStyleClass().add("warning-banner");
        effectiveWarning.setWrapText(true);
        effectiveWarning.textProperty().bind(security.effectiveWarningProperty());
        effectiveWarning.visibleProperty().bind(effectiveWarning.textProperty().isNotEmpty());
        effectiveWarning.managedProperty().bind(effectiveWarning.visibleProperty());
        Label note = FormGrid.hint("");
        note.setId("effective-note");
        note.textProperty().bind(security.effectiveNoteProperty());
        TableView<EffectiveRule> rules = new TableView<>(security.effective());
        rules.setId("effective-rules");
        rules.setPrefHeight(220);
        rules.setPlaceholder(new Label("No rule"));
        TableColumn<EffectiveRule, String> rule = new TableColumn<>("Allowed traffic");
        rule.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rule().summary()));
        TableColumn<EffectiveRule, String> from = new TableColumn<>("From groups");
        from.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ", c.getValue().groups())));
        rules.getColumns().add(rule);
        rules.getColumns().add(from);
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        g.wide(new VBox(6, effectiveWarning, note, rules));
        return g;
    }
}
