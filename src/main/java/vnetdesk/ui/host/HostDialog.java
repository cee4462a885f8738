package vnetdesk.ui.host;

import java.io.File;
import java.nio.file.Path;
import java.util.function.IntConsumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.host.HostFormViewModel.IdentityChoice;

/**
 * The New host / Edit host dialog over a {@link HostFormViewModel}: the
 * fields, the identity chooser (key file with a file chooser, ssh-agent, or a
 * password asked when connecting), Test connection with its result inline,
 * each refusal under its field, and Save that runs in the background and
 * keeps the dialog open on a refusal.
 */
final class HostDialog {

    private HostDialog() {
    }

    /** Shows the dialog; {@code saved} gets the host's id once the service took the values. */
    static void show(Window owner, HostFormViewModel form, IntConsumer saved) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(form.isEdit() ? "Edit host" : "New host");
        d.setHeaderText(form.isEdit() ? "How the console reaches host " + form.nameProperty().get()
                : "Add a host to the inventory and say how the console logs in to it");
        d.getDialogPane().setId("host-dialog");
        FieldErrors errors = new FieldErrors(form.errors());
        FormGrid g = new FormGrid();
        TextField name = field("host-form-name", "e.g. kvm1", form.nameProperty());
        if (!form.isEdit()) {
            g.add("Name", name, errors.register("NAME", name));
            ComboBox<String> cluster = new ComboBox<>(form.clusters());
            cluster.setId("host-form-cluster");
            cluster.valueProperty().bindBidirectional(form.clusterProperty());
            g.add("Cluster", cluster, FormGrid.hint("The host's bridges carry the networks of its cluster."));
        }
        TextField address = field("host-form-address", "host name or IP address; may be set later",
                form.addressProperty());
        g.add("Address", address, errors.register("ADDRESS", address));
        TextField port = field("host-form-port", "22", form.portProperty());
        port.setPrefColumnCount(6);
        port.setMaxWidth(100);
        g.add("Port", port, errors.register("PORT", port));
        TextField user = field("host-form-user", "root", form.userProperty());
        g.add("User", user, errors.register("USER", user),
                FormGrid.hint("Plan and apply run as root: another user needs sudo without a password (sudo -n)."));
        TextField key = field("host-form-key", "absolute path of a private key file", form.keyFileProperty());
        g.add("Identity", identityChooser(form, key, errors.register("IDENTITY", key)));
        g.add("Connection", testButton(form.connectionTest()), testResult(form.connectionTest()));
        Label refusal = new Label();
        refusal.setId("host-form-refusal");
        refusal.getStyleClass().add("field-error");
        refusal.setWrapText(true);
        refusal.textProperty().bind(form.refusalProperty());
        g.wide(refusal);
        d.getDialogPane().setContent(g.node());
        ButtonType ok = new ButtonType(form.isEdit() ? "Save" : "Add host", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("host-form-ok");
        okButton.disableProperty().bind(form.canSaveBinding().not());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            form.save(id -> {
                d.close();
                saved.accept(id);
            });
        });
        // the test's result and details come and go: the window follows, so the buttons stay in view
        d.setResizable(true);
        ChangeListener<String> fit = (o, was, now) -> Platform.runLater(() ->
                d.getDialogPane().getScene().getWindow().sizeToScene());
        form.connectionTest().resultProperty().addListener(fit);
        form.connectionTest().unsupportedProperty().addListener(fit);
        form.connectionTest().detailsProperty().addListener(fit);
        form.load();
        d.show();
        (form.isEdit() ? address : name).requestFocus();
    }

    /** Test connection; while it runs it spins and says so, and the rest of the dialog stays usable. */
    private static Button testButton(ConnectionTest test) {
        Button b = new Button();
        b.setId("host-form-test");
        b.textProperty().bind(Bindings.when(test.testingProperty()).then("Testing…").otherwise("Test connection"));
        ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        spinner.setPrefSize(14, 14);
        b.graphicProperty().bind(Bindings.when(test.testingProperty()).<Node>then(spinner).otherwise((Node) null));
        b.disableProperty().bind(test.testingProperty());
        b.setOnAction(e -> test.run());
        return b;
    }

    /**
     * The test's result under its button: connected in green, not connected
     * in red, a forgotten key plain; the drivers the host cannot run in red
     * and the probe's details below. The colours are
     * set here because a dialog does not carry the console's stylesheet.
     */
    private static VBox testResult(ConnectionTest test) {
        Label result = new Label();
        result.setId("host-test-result");
        result.setWrapText(true);
        result.setMaxWidth(520);
        result.textProperty().bind(test.resultProperty());
        result.styleProperty().bind(Bindings.createStringBinding(() -> switch (test.stateProperty().get()) {
            case CONNECTED -> "-fx-text-fill: -color-success-fg;";
            case FAILED -> "-fx-text-fill: -color-danger-fg;";
            default -> "";
        }, test.stateProperty()));
        Label unsupported = new Label();
        unsupported.setId("host-test-unsupported");
        unsupported.setWrapText(true);
        unsupported.setMaxWidth(520);
        unsupported.setStyle("-fx-text-fill: -color-danger-fg;");
        unsupported.textProperty().bind(test.unsupportedProperty());
        unsupported.visibleProperty().bind(test.unsupportedProperty().isNotEmpty());
        unsupported.managedProperty().bind(unsupported.visibleProperty());
        Label details = FormGrid.hint("");
        details.setId("host-test-details");
        details.setWrapText(true);
        details.setMaxWidth(520);
        details.textProperty().bind(test.detailsProperty());
        VBox box = new VBox(4, result, unsupported, details);
        box.visibleProperty().bind(test.resultProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** Three choices; the key file's path and Browse… are enabled only for the key file. */
    private static VBox identityChooser(HostFormViewModel form, TextField key, Label keyError) {
        ToggleGroup group = new ToggleGroup();
        RadioButton file = choice(group, "host-form-identity-key", "Key file", IdentityChoice.KEY_FILE);
        RadioButton agent = choice(group, "host-form-identity-agent", "ssh-agent (the keys at SSH_AUTH_SOCK)",
                IdentityChoice.AGENT);
        RadioButton password = choice(group, "host-form-identity-password", "Password asked when connecting",
                IdentityChoice.PASSWORD);
        group.getToggles().stream().filter(t -> t.getUserData() == form.identityProperty().get()).findFirst()
                .ifPresent(group::selectToggle);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                form.identityProperty().set((IdentityChoice) now.getUserData());
            }
        });
        Button browse = new Button("Browse…");
        browse.setId("host-form-browse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Private key file");
            File ssh = Path.of(System.getProperty("user.home"), ".ssh").toFile();
            if (ssh.isDirectory()) {
                chooser.setInitialDirectory(ssh);
            }
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                form.keyFileProperty().set(chosen.getAbsolutePath());
            }
        });
        var notKey = Bindings.createBooleanBinding(() -> form.identityProperty().get() != IdentityChoice.KEY_FILE,
                form.identityProperty());
        key.disableProperty().bind(notKey);
        browse.disableProperty().bind(notKey);
        HBox.setHgrow(key, Priority.ALWAYS);
        Label never = FormGrid.hint("The password is asked each time the console connects and is never stored.");
        never.setId("host-form-password-hint");
        return new VBox(6, file, new HBox(6, key, browse), keyError, agent, password, never);
    }

    private static RadioButton choice(ToggleGroup group, String id, String text, IdentityChoice value) {
        RadioButton b = new RadioButton(text);
        b.setMnemonicParsing(false);
        b.setId(id);
        b.setUserData(value);
        b.setToggleGroup(group);
        return b;
    }
}
