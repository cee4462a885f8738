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
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.TextFiles;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/** Toolbar actions on a whole network: create from a template, rename, delete, lock, unlock. */
public final class NetworkActions {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final IntConsumer created;
    private final IntConsumer changed;
    private final Runnable deleted;

    /**
     * {@code created} gets the id of a network created from a template, {@code changed} that of a renamed,
     * locked or unlocked one; {@code deleted} runs after a delete.
     */
    public NetworkActions(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, IntConsumer created,
                          IntConsumer changed, Runnable deleted) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.created = created;
        this.changed = changed;
        this.deleted = deleted;
    }

    public void rename(NetworkRow row) {
        dialogs.askText("Rename network", "New name of " + row.id() + ":" + row.name(), row.name())
                .filter(n -> !n.equals(row.name()))
                .ifPresent(name -> runner.run("Renaming network " + row.id(), () -> {
                    inventory.networks().rename(actor, ObjectRef.id(row.id()), name);
                    return row.id();
                }, changed::accept, e -> dialogs.showError("Cannot rename " + row.name(), e)));
    }

    /** Deletes after asking; a refusal (leases in use, a lock) is explained in the error dialog. */
    public void delete(NetworkRow row) {
        String detail = row.used() > 0 ? "\n\nIt has " + row.used() + " used lease(s); delete is refused while"
                + " addresses are in use (release holds, detach NICs, delete reservations first)." : "";
        if (!dialogs.confirm("Delete network", "Delete network " + row.id() + ":" + row.name() + "?" + detail)) {
            return;
        }
        runner.run("Deleting network " + row.id(), () -> {
            inventory.networks().delete(actor, ObjectRef.id(row.id()));
            return row.id();
        }, id -> deleted.run(), e -> dialogs.showError("Cannot delete " + row.name(), e));
    }

    public void lock(NetworkRow row) {
        runner.run("Locking network " + row.id(), () -> {
            inventory.networks().lock(actor, ObjectRef.id(row.id()), LockLevel.MANAGE);
            return row.id();
        }, changed::accept, e -> dialogs.showError("Cannot lock " + row.name(), e));
    }

    public void unlock(NetworkRow row) {
        runner.run("Unlocking network " + row.id(), () -> {
            inventory.networks().unlock(actor, ObjectRef.id(row.id()));
            return row.id();
        }, changed::accept, e -> dialogs.showError("Cannot unlock " + row.name(), e));
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
