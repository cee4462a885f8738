package vnetdesk.ui.host;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Plan window over a {@link PlanViewModel}: the hosts' progress while
 * they are planned (Cancel), then per host its status and readable steps in
 * a tree (blockers and errors in red), the exact commands of the selected
 * line — or of every host — one toggle away in a selectable monospace text,
 * and Apply for the hosts with changes, which opens the Apply window in
 * place of this one. Not modal; closing it while planning cancels the plan.
 */
final class PlanWindow {

    private PlanWindow() {
    }

    static Stage show(Window owner, PlanViewModel vm) {
        Label title = new Label("Plan: what an apply would change on each host");
        title.getStyleClass().add("detail-title");
        Label summary = new Label();
        summary.setId("plan-summary");
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(Bindings.when(vm.cancellingProperty())
                .then("Cancelling: hosts not started are skipped…").otherwise(vm.summaryProperty()));

        TableView<HostRunRow> progress = HostRunTable.of("plan-progress", vm.rows());
        progress.setPrefHeight(Math.min(6, vm.rows().size()) * 26 + 32);
        progress.setMinHeight(60);

        TreeView<PlanItem> tree = new TreeView<>(new TreeItem<>());
        tree.setId("plan-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new ItemCell());
        fill(tree, vm.outline());
        vm.outline().addListener((ListChangeListener<PlanItem>) c -> fill(tree, vm.outline()));

        TextArea commands = new TextArea();
        commands.setId("plan-commands");
        commands.setEditable(false);
        commands.setStyle("-fx-font-family: monospace;");
        commands.textProperty().bind(Bindings.createStringBinding(() -> commandsOf(tree, vm.outline()),
                tree.getSelectionModel().selectedItemProperty(), vm.outline()));
        Label commandsTitle = new Label();
        commandsTitle.textProperty().bind(Bindings.createStringBinding(() ->
                tree.getSelectionModel().getSelectedItem() == null ? "Commands of every host (select a line for"
                        + " its own)" : "Commands of the selected line", tree.getSelectionModel().selectedItemProperty()));
        VBox commandsPane = new VBox(4, commandsTitle, commands);
        commandsPane.setId("plan-commands-pane");
        VBox.setVgrow(commands, Priority.ALWAYS);
        SplitPane split = new SplitPane(tree);
        VBox.setVgrow(split, Priority.ALWAYS);

        ToggleButton show = new ToggleButton("Show commands");
        show.setId("plan-show-commands");
        show.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                split.getItems().add(commandsPane);
                split.setDividerPositions(0.45);
            } else {
                split.getItems().remove(commandsPane);
            }
        });
        Button cancel = HostRunTable.button("plan-cancel", "Cancel");
        cancel.disableProperty().bind(vm.runningProperty().not().or(vm.cancellingProperty()));
        cancel.setOnAction(e -> vm.cancel());
        Button apply = HostRunTable.button("plan-apply", "Apply");
        apply.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.withChanges().size();
            return n == 0 ? "Apply" : "Apply to " + n + (n == 1 ? " host" : " hosts");
        }, vm.canApplyBinding()));
        apply.disableProperty().bind(vm.canApplyBinding().not());
        Button close = HostRunTable.button("plan-close", "Close");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, show, grow, cancel, apply, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(8, title, progress, summary, split, buttons);
        root.setPadding(new Insets(10));
        root.setId("plan-window");
        Stage stage = HostRunTable.window(owner, "Plan", root, 1040, 680);
        close.setOnAction(e -> stage.close());
        apply.setOnAction(e -> {
            // closed first: closing a window raises its owner, which would hide an Apply window shown before
            stage.close();
            ApplyWindow.show(owner, vm.apply());
        });
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        return stage;
    }

    private static void fill(TreeView<PlanItem> tree, List<PlanItem> outline) {
        TreeItem<PlanItem> root = tree.getRoot();
        root.getChildren().clear();
        for (PlanItem host : outline) {
            root.getChildren().add(item(host));
        }
    }

    private static TreeItem<PlanItem> item(PlanItem p) {
        TreeItem<PlanItem> item = new TreeItem<>(p);
        p.children().forEach(c -> item.getChildren().add(item(c)));
        item.setExpanded(true);
        return item;
    }

    /** The selected line's commands, or every host's, each under a comment naming it. */
    private static String commandsOf(TreeView<PlanItem> tree, List<PlanItem> outline) {
        TreeItem<PlanItem> selected = tree.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue() != null) {
            return selected.getValue().commands();
        }
        StringBuilder all = new StringBuilder();
        for (PlanItem host : outline) {
            if (!host.commands().isEmpty()) {
                all.append("# ").append(host.text()).append('\n').append(host.commands()).append("\n\n");
            }
        }
        return all.toString();
    }

    /** A line of the tree: a host in bold, a blocker or error in red. */
    private static final class ItemCell extends TreeCell<PlanItem> {
        @Override
        protected void updateItem(PlanItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setStyle("");
                return;
            }
            setText(item.text());
            switch (item.kind()) {
                case HOST:
                    setStyle("-fx-font-weight: bold;");
                    break;
                case BLOCKER:
                case ERROR:
                    setStyle(HostRunTable.RED);
                    break;
                default:
                    setStyle("");
                    break;
            }
        }
    }
}
