package vnetdesk.ui.secgroup;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.PropagationState;
import vnetdesk.ui.common.EditorHeader;
import vnetdesk.ui.common.EditorStatus;
import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.LazyTab;
import vnetdesk.ui.common.PermissionsGrid;
import vnetdesk.ui.common.SaveShortcut;
import vnetdesk.ui.common.TabErrors;

/**
 * The editor area of the Security Groups view: a header with the title,
 * Revert, Save and why Save is refused, over the General, Rules and VMs tabs.
 */
final class SecurityGroupDetailView {

    private final SecurityGroupEditorViewModel editor;
    private final SecurityGroupVmsViewModel vms;
    private final Runnable chown;
    private final Consumer<Permissions> chmod;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    /**
     * {@code chown} opens Change owner for the shown group; {@code chmod} applies the grid's permissions;
     * {@code saved} gets the id of a group saved with Save.
     */
    SecurityGroupDetailView(SecurityGroupEditorViewModel editor, SecurityGroupVmsViewModel vms,
                            Runnable chown, Consumer<Permissions> chmod, IntConsumer saved) {
        this.editor = editor;
        this.vms = vms;
        this.chown = chown;
        this.chmod = chmod;
        Tab general = new Tab("General", general());
        general.setId("tab-general");
        general.setClosable(false);
        Tab vmsTab = LazyTab.of("VMs", this::vmsTab);
        vmsTab.disableProperty().bind(editor.modeProperty().isEqualTo(EditorSession.Mode.CREATE));
        Tab rules = LazyTab.of("Rules", () -> new RulesTab(editor).build());
        // the Rules tab says when a rule is invalid: Save is refused for it even while another tab shows
        TabErrors.mark(rules, editor.rulesErrorProperty());
        tabs.getTabs().addAll(general, rules, vmsTab);
        tabs.setId("sg-tabs");
        root.setTop(header(saved));
        root.setCenter(tabs);
    }

    private Node header(IntConsumer saved) {
        Label title = new Label();
        title.setId("sg-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> editor.currentProperty().get()
                .map(d -> d.summary().group().label() + (editor.dirtyProperty().get() ? "  •  unsaved changes" : ""))
                .orElse("New security group"), editor.currentProperty(), editor.dirtyProperty()));
        Button save = new Button("Save");
        save.setId("sg-save");
        save.disableProperty().bind(editor.dirtyProperty().not().or(editor.validProperty().not())
                .or(editor.busyProperty()));
        save.setOnAction(e -> editor.save(saved));
        SaveShortcut.install(root, save);
        Button revert = new Button("Revert");
        revert.setId("sg-revert");
        revert.disableProperty().bind(editor.dirtyProperty().not().or(editor.busyProperty()));
        revert.setOnAction(e -> editor.revert());
        return EditorHeader.withStatus(title, editor.busyProperty(), revert, save,
                EditorStatus.of("sg-save-message", editor));
    }

    private Node general() {
        FieldErrors errors = new FieldErrors(editor.errors());
        FormGrid g = new FormGrid();
        TextField name = new TextField();
        name.setId("sg-name");
        name.setPromptText("e.g. web-servers");
        name.textProperty().bindBidirectional(editor.nameProperty());
        g.add("Name", name, errors.register("NAME", name));
        TextArea description = new TextArea();
        description.setId("sg-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(editor.descriptionProperty());
        g.add("Description", description, errors.register("DESCRIPTION", description));
        Label owner = new Label();
        owner.setId("sg-owner");
        owner.textProperty().bind(Bindings.createStringBinding(() -> editor.currentProperty().get()
                .map(d -> d.summary().ownerName() + " / " + d.summary().groupName())
                .orElse("you (the group is created for the current user)"), editor.currentProperty()));
        Button change = new Button("Change owner…");
        change.setId("sg-general-chown");
        change.setOnAction(e -> chown.run());
        change.disableProperty().bind(editor.modeProperty().isEqualTo(EditorSession.Mode.CREATE));
        HBox ownerLine = new HBox(12, owner, change);
        ownerLine.setAlignment(Pos.CENTER_LEFT);
        g.add("Owner / group", ownerLine);
        PermissionsGrid permissions = new PermissionsGrid("sg-", chmod);
        Node grid = permissions.node();
        grid.visibleProperty().bind(editor.modeProperty().isEqualTo(EditorSession.Mode.EDIT));
        grid.managedProperty().bind(grid.visibleProperty());
        editor.currentProperty().addListener((o, was, now) -> now.ifPresent(d -> {
            Ownership own = d.summary().group().ownership();
            // whether the user may chmod is the service's to say; a refusal names the missing right
            permissions.show(own.permissions(), true);
        }));
        g.add("Permissions", grid);
        ScrollPane scroll = new ScrollPane(g.node());
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node vmsTab() {
        GridPane lists = new GridPane();
        lists.setHgap(10);
        lists.setVgap(4);
        int col = 0;
        for (PropagationState state : PropagationState.values()) {
            ListView<String> list = new ListView<>(vms.vms(state));
            list.setId("sg-vms-" + state.name().toLowerCase(Locale.ROOT));
            list.setPlaceholder(new Label("none"));
            list.setPrefHeight(200);
            Label head = new Label(state.label());
            head.getStyleClass().add("form-section");
            head.textProperty().bind(Bindings.createStringBinding(() -> state.label() + " (" + list.getItems().size()
                    + ")", list.getItems()));
            lists.add(head, col, 0);
            lists.add(list, col++, 1);
            GridPane.setHgrow(list, Priority.ALWAYS);
        }
        Button commit = new Button("Commit");
        commit.setId("sg-vms-commit");
        commit.setOnAction(e -> vms.commit(false));
        Button retry = new Button("Retry outdated and failed");
        retry.setId("sg-vms-retry");
        retry.setOnAction(e -> vms.commit(true));
        commit.disableProperty().bind(editor.dirtyProperty().or(editor.busyProperty()).or(vms.committingProperty()));
        retry.disableProperty().bind(commit.disableProperty());
        Label report = new Label();
        report.setId("sg-commit-report");
        report.setWrapText(true);
        report.textProperty().bind(Bindings.createStringBinding(() -> vms.workingProperty().get() == null
                        || vms.workingProperty().get().isEmpty() ? vms.reportProperty().get() : vms.workingProperty().get(),
                vms.reportProperty(), vms.workingProperty()));
        Label hint = FormGrid.hint("Commit applies the stored rules to the host firewalls of these VMs at once"
                + " (unsaved edits are not included: save them first); each VM moves to up to date or error as its"
                + " host answers.");
        VBox box = new VBox(8, lists, new HBox(8, commit, retry), hint, report);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Shows the General tab (after New). */
    void selectFirstTab() {
        tabs.getSelectionModel().selectFirst();
    }

    BorderPane node() {
        return root;
    }
}
