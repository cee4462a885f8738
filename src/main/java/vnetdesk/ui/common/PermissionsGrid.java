package vnetdesk.ui.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.Permissions.Who;

/**
 * The chmod grid of every object's General tab: owner/group/other ×
 * USE/MANAGE/ADMIN check boxes, the octal form next to them, and Apply, which
 * hands the new permissions to the caller (who runs the chmod off the FX thread).
 */
public final class PermissionsGrid {

    private final ObjectProperty<Permissions> stored = new SimpleObjectProperty<>(Permissions.DEFAULT);
    private final ObjectProperty<Permissions> edited = new SimpleObjectProperty<>(Permissions.DEFAULT);
    private final Map<Who, Map<Right, CheckBox>> boxes = new EnumMap<>(Who.class);
    private final Label octal = new Label();
    private final Button apply = new Button("Apply permissions");
    private final VBox node;

    public PermissionsGrid(String idPrefix, Consumer<Permissions> onApply) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        int col = 1;
        for (Right r : Right.values()) {
            Label head = new Label(r.name().charAt(0) + r.name().substring(1).toLowerCase());
            GridPane.setHalignment(head, HPos.CENTER);
            grid.add(head, col++, 0);
        }
        int row = 1;
        for (Who w : Who.values()) {
            grid.add(new Label(w.name().charAt(0) + w.name().substring(1).toLowerCase()), 0, row);
            Map<Right, CheckBox> line = new EnumMap<>(Right.class);
            col = 1;
            for (Right r : Right.values()) {
                CheckBox box = new CheckBox();
                box.setId(idPrefix + "perm-" + w.name().toLowerCase() + "-" + r.name().toLowerCase());
                box.selectedProperty().addListener((o, was, now) -> edited.set(edited.get().with(w, r, now)));
                GridPane.setHalignment(box, HPos.CENTER);
                grid.add(box, col++, row);
                line.put(r, box);
            }
            boxes.put(w, line);
            row++;
        }
        octal.setId(idPrefix + "perm-octal");
        apply.setId(idPrefix + "perm-apply");
        apply.disableProperty().bind(edited.isEqualTo(stored));
        apply.setOnAction(e -> onApply.accept(edited.get()));
        edited.addListener((o, was, now) -> octal.setText(now.octal() + "  (" + now.letters() + ")"));
        HBox footer = new HBox(12, octal, apply);
        footer.setAlignment(Pos.CENTER_LEFT);
        node = new VBox(6, grid, footer);
        show(Permissions.DEFAULT, true);
    }

    /** Shows stored permissions; {@code editable} false when the user may not change them. */
    public void show(Permissions permissions, boolean editable) {
        stored.set(permissions);
        edited.set(permissions);
        boxes.forEach((w, line) -> line.forEach((r, box) -> {
            box.setSelected(permissions.has(w, r));
            box.setDisable(!editable);
        }));
        octal.setText(permissions.octal() + "  (" + permissions.letters() + ")");
        apply.setVisible(editable);
    }

    public Node node() {
        return node;
    }
}
