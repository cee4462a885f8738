package vnetdesk.ui.secgroup;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

import vnetdesk.model.SecurityRule.Direction;
import vnetdesk.model.SecurityRule.Protocol;
import vnetdesk.ui.common.FormGrid;

/**
 * The Rules tab: the editable rules table with a column per attribute and
 * the summary, Add rule / Remove rule, and the line listing the invalid rules.
 */
final class RulesTab {

    private final SecurityGroupEditorViewModel editor;
    private final TableView<RuleRow> table;

    RulesTab(SecurityGroupEditorViewModel editor) {
        this.editor = editor;
        this.table = new TableView<>(editor.rules());
    }

    Node build() {
        table.setId("sg-rules");
        table.getColumns().add(column("Protocol", 115,
                c -> RuleCells.choice(RuleRow.PROTOCOL, Protocol.values(), RuleRow::protocolProperty)));
        table.getColumns().add(column("Type", 135,
                c -> RuleCells.choice(RuleRow.RULE_TYPE, Direction.values(), RuleRow::directionProperty)));
        TableColumn<RuleRow, RuleRow> target = new TableColumn<>("Target");
        target.getColumns().add(column("IP", 125, c -> RuleCells.text(RuleRow.IP, "any address")));
        target.getColumns().add(column("Size", 70, c -> RuleCells.text(RuleRow.SIZE, "")));
        target.getColumns().add(column("Network id", 105, c -> RuleCells.text(RuleRow.NETWORK_ID, "")));
        table.getColumns().add(target);
        table.getColumns().add(column("Ports (RANGE)", 130, c -> RuleCells.text(RuleRow.RANGE, "all ports")));
        table.getColumns().add(column("ICMP type", 95, c -> RuleCells.text(RuleRow.ICMP_TYPE, "all types")));
        table.getColumns().add(column("Summary", 320, c -> RuleCells.summary()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No rules: the group allows nothing. Add a rule."));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button("Add rule");
        add.setId("sg-add-rule");
        add.setOnAction(e -> {
            RuleRow row = editor.addRule();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        Button remove = new Button("Remove rule");
        remove.setId("sg-remove-rule");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> editor.removeRule(table.getSelectionModel().getSelectedItem()));
        Label error = new Label();
        error.setId("sg-rule-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(editor.rulesErrorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label note = FormGrid.hint("Rules are allow-only; their order does not matter; duplicates are removed."
                + " Target: IP and Size for an address block, or a network id for each of its address ranges;"
                + " empty for any address. Ports: 22, 80:90, comma-separated (TCP and UDP only).");
        note.setId("sg-rules-note");
        note.setMinHeight(Region.USE_PREF_SIZE); // wraps instead of being cut to one line
        VBox box = new VBox(6, note, table, new HBox(6, add, remove), error);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<RuleRow, RuleRow> column(String title, double width,
            Callback<TableColumn<RuleRow, RuleRow>, TableCell<RuleRow, RuleRow>> cells) {
        TableColumn<RuleRow, RuleRow> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(cells);
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
