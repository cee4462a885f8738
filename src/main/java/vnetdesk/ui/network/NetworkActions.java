package vnetdesk.ui.network;

import java.util.function.IntConsumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.TextFiles;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.TaskRunner;

/**
 * What only networks have among the whole-object actions: create one from an
 * OpenNebula template (rename, delete, lock … are {@link OwnedObjectActions}).
 */
public final class NetworkActions {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final IntConsumer created;

    /** {@code created} gets the id of a network created from a template. */
    public NetworkActions(Inventory inventory, Actor actor, TaskRunner runner, IntConsumer created) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.created = created;
    }

    /** Create from an OpenNebula template: pasted, or opened from a file (read in the background). */
    public void createFromTemplate(Window owner) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Create network from template");
        d.setHeaderText("Paste an OpenNebula virtual network template, or open a file");
        d.getDialogPane().setId("template-dialog");
        TextArea text = new TextArea();
        text.setId("template-text");
        text.setPrefColumnCount(60);
        text.setPrefRowCount(16);
        text.setPromptText("NAME = \"office\"\nVN_MAD = \"bridge\"\nAR = [ TYPE = \"IP4\", IP = \"10.0.0.1\", SIZE = \"254\" ]");
        text.getStyleClass().add("code");
        Label error = new Label();
        error.setId("template-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        Button open = new Button("Open file…");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open template");
            java.io.File f = chooser.showOpenDialog(owner);
            if (f != null) {
                runner.run("Reading " + f.getName(),
                        () -> TextFiles.read(f.toPath(), TextFiles.MAX_TEMPLATE_BYTES), text::setText,
                        x -> error.setText(ErrorText.message(x)));
            }
        });
        VBox box = new VBox(8, text, new HBox(8, open), error);
        box.setPadding(new Insets(8));
        d.getDialogPane().setContent(box);
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button createButton = (Button) d.getDialogPane().lookupButton(create);
        createButton.setId("template-create");
        javafx.beans.property.BooleanProperty submitting = new javafx.beans.property.SimpleBooleanProperty(false);
        createButton.disableProperty().bind(text.textProperty().isEmpty().or(submitting));
        createButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            submitting.set(true);
            String source = text.getText();
            runner.run("Creating network", () -> inventory.networks().create(actor,
                    TemplateParser.parse(source, "the pasted template")), id -> {
                        d.close();
                        created.accept(id);
                    }, x -> {
                        submitting.set(false);
                        error.setText(ErrorText.message(x));
                    });
        });
        d.show();
    }
}
