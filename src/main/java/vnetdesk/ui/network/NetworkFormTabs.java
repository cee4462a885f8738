package vnetdesk.ui.network;

import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vnetdesk.model.NetworkDetails;
import vnetdesk.model.Permissions;
import vnetdesk.service.SecurityGroupService.EffectiveRule;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.PermissionsGrid;
import vnetdesk.ui.common.netform.NetworkForm;
import vnetdesk.ui.common.netform.NetworkFormGrids;
import vnetdesk.ui.common.netform.SecurityGroupChecklist;
import vnetdesk.ui.common.netform.SecurityTabViewModel;

/**
 * The form tabs of the network view — General, Conf, QoS, Context, Security —
 * bound to one {@link NetworkEditorViewModel}. Every field has the id
 * {@code field-<ATTRIBUTE>} and its error line {@code error-<ATTRIBUTE>}.
 */
final class NetworkFormTabs {

    private final NetworkEditorViewModel vm;
    private final NetworkForm form;
    private final FieldErrors errors;
    private final NetworkFormGrids grids;
    private final SecurityTabViewModel security;
    private final OwnedObjectActions actions;

    /** {@code actions} change the owner and the permissions of the network shown. */
    NetworkFormTabs(NetworkEditorViewModel vm, SecurityTabViewModel security, OwnedObjectActions actions) {
        this.vm = vm;
        this.security = security;
        this.actions = actions;
        this.form = vm.form();
        this.errors = new FieldErrors(vm.errors());
        errors.expect(form.fieldsByAttribute().keySet());
        this.grids = new NetworkFormGrids(form, errors, "");
    }

    FieldErrors errors() {
        return errors;
    }

    private void field(FormGrid g, String label, String attribute, String prompt, String hint) {
        grids.field(g, label, attribute, prompt, hint);
    }

    /** The first tab is on screen when the window opens, so it is built at once. */
    Tab general() {
        return NetworkFormGrids.eager("General", this::generalGrid);
    }

    Tab conf() {
        return NetworkFormGrids.lazy("Conf", this::confGrid);
    }

    Tab qos() {
        return NetworkFormGrids.lazy("QoS", this::qosGrid);
    }

    Tab context() {
        return NetworkFormGrids.lazy("Context", this::contextGrid);
    }

    Tab security() {
        return NetworkFormGrids.lazy("Security", this::securityGrid);
    }

    private FormGrid generalGrid() {
        FormGrid g = grids.identity("e.g. office-lan", "cluster ids separated by commas; 0 is the default cluster");
        Label owner = new Label();
        owner.setId("general-owner");
        owner.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get()
                .map(d -> d.ownerName() + " / " + d.groupName())
                .orElse("you (the network is created for the current user)"), vm.currentProperty()));
        Button chown = new Button("Change owner…");
        chown.setId("general-chown");
        chown.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.currentProperty().get().isEmpty(),
                vm.currentProperty()));
        chown.setOnAction(e -> vm.currentProperty().get().ifPresent(d -> actions.changeOwner(target(d))));
        HBox ownerRow = new HBox(12, owner, chown);
        ownerRow.setAlignment(Pos.CENTER_LEFT);
        g.add("Owner / group", ownerRow);
        PermissionsGrid grid = new PermissionsGrid("general-", to -> vm.currentProperty().get().ifPresent(d ->
                actions.changePermissions(target(d), to)));
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

    private static OwnedObjectActions.Target target(NetworkDetails d) {
        return new OwnedObjectActions.Target(d.network().id(), d.network().name(), d.ownerName(), d.groupName(), "");
    }

    private static void showPermissions(PermissionsGrid grid, Optional<NetworkDetails> d) {
        grid.show(d.map(x -> x.network().ownership().permissions()).orElse(Permissions.DEFAULT),
                d.isPresent());
    }

    private FormGrid confGrid() {
        Label bridgeHint = FormGrid.hint("");
        bridgeHint.setId("bridge-hint");
        bridgeHint.textProperty().bind(vm.bridgeHintProperty());
        return grids.conf("empty: generated", bridgeHint);
    }

    private FormGrid qosGrid() {
        return grids.qos("Limits apply to each NIC of this network individually, not to the network as a whole."
                + " Empty means no limit (the default).");
    }

    private FormGrid contextGrid() {
        FormGrid g = grids.context();
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
