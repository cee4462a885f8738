package vnetdesk.ui.template;

import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;

import vnetdesk.model.Permissions;
import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.PermissionsGrid;
import vnetdesk.ui.common.netform.NetworkForm;
import vnetdesk.ui.common.netform.NetworkFormGrids;
import vnetdesk.ui.common.netform.SecurityGroupChecklist;
import vnetdesk.ui.common.netform.SecurityTabViewModel;

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
    private final NetworkFormGrids grids;
    private final PermissionsGrid permissions;
    private final Runnable changeOwner;

    /** {@code changeOwner} runs the Change owner… action; {@code permissionsApplied} gets the template's id. */
    TemplateFormTabs(TemplateEditorViewModel vm, Runnable changeOwner, IntConsumer permissionsApplied) {
        this.vm = vm;
        this.form = vm.form();
        this.changeOwner = changeOwner;
        this.errors = new FieldErrors(vm.errors());
        errors.expect(form.fieldsByAttribute().keySet());
        this.grids = new NetworkFormGrids(form, errors, "tpl-");
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

    private void field(FormGrid g, String label, String attribute, String prompt, String hint) {
        grids.field(g, label, attribute, prompt, hint);
    }

    /** The first tab is on screen when the view opens, so it is built at once. */
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
        FormGrid g = grids.identity("e.g. private-lan", "cluster ids separated by commas; empty is the default cluster 0");
        Label owner = new Label();
        owner.setId("tpl-owner");
        owner.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get()
                .map(s -> s.ownerName() + " / " + s.groupName())
                .orElse("you (the template is created for the current user)"), vm.currentProperty()));
        Button chown = new Button("Change owner…");
        chown.setId("tpl-general-chown");
        chown.disableProperty().bind(vm.modeProperty().isEqualTo(EditorSession.Mode.CREATE));
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
        return grids.conf("empty: generated for each network", null);
    }

    private FormGrid qosGrid() {
        return grids.qos("Limits apply to each NIC of a network made from this template individually."
                + " Empty means no limit (the default).");
    }

    private FormGrid contextGrid() {
        return grids.context();
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
