package vnetdesk.ui.common;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;

/** {@link Dialogs} with JavaFX alerts and ControlsFX notifications, owned by the main window. */
public final class FxDialogs implements Dialogs {

    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label message = new Label(ErrorText.message(error));
        message.setWrapText(true);
        message.setId("error-message");
        alert.getDialogPane().setContent(message);
        if (!ErrorText.isUserError(error)) {
            TextArea details = new TextArea(ErrorText.details(error));
            details.setEditable(false);
            details.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(new VBox(new Label("Details (for a bug report):"), details));
        }
        alert.showAndWait();
    }

    @Override
    public void notify(String message) {
        Notifications.create().owner(owner).text(message).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(4)).showInformation();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public UnsavedChoice askUnsaved(String what) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.WARNING, "You have unsaved changes to " + what + ".", save, discard,
                ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + what + "?");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.filter(b -> b == save).isPresent()) {
            return UnsavedChoice.SAVE;
        }
        return answer.filter(b -> b == discard).isPresent() ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(prompt);
        return d.showAndWait();
    }

    @Override
    public boolean trustHostKey(String login, String keyType, String fingerprint) {
        ButtonType trust = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", trust, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unknown host key");
        alert.setHeaderText("First connection to " + login);
        alert.getDialogPane().setId("host-key-dialog");
        Label intro = wrapped("The host offers this " + keyType + " key. Compare its fingerprint with the one the"
                + " host's administrator reads on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before"
                + " trusting it: it is then stored in the console's known_hosts file and checked on every"
                + " connection.");
        alert.getDialogPane().setContent(new VBox(10, intro, fingerprintField("host-key-fingerprint", fingerprint)));
        return alert.showAndWait().filter(b -> b == trust).isPresent();
    }

    @Override
    public boolean forgetChangedHostKey(String login, String storedFingerprint, String offeredFingerprint,
                                        String storedAt) {
        ButtonType forget = new ButtonType("Forget the old key…", ButtonBar.ButtonData.LEFT);
        ButtonType close = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR, "", close, forget);
        alert.initOwner(owner);
        alert.setTitle("Host key changed");
        alert.setHeaderText("The host key of " + login + " has CHANGED — connection refused");
        alert.getDialogPane().setId("host-key-changed");
        Label warning = wrapped("Someone may be intercepting the connection (a man in the middle), or the host was"
                + " reinstalled and made a new key. Do not go on until the host's administrator has confirmed the"
                + " new fingerprint.");
        // the dialog does not carry the console's stylesheet, but the theme's colours resolve in it
        warning.setStyle("-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;");
        VBox content = new VBox(8, warning,
                new Label("Trusted key (" + storedAt + "):"), fingerprintField("host-key-stored", storedFingerprint),
                new Label("Key offered now:"), fingerprintField("host-key-offered", offeredFingerprint));
        alert.getDialogPane().setContent(content);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(close)).setDefaultButton(true);
        if (alert.showAndWait().filter(b -> b == forget).isEmpty()) {
            return false;
        }
        return confirm("Forget the old key", "Forget the trusted key of " + login + "? The next connection will"
                + " show the new key's fingerprint and ask whether to trust it.");
    }

    @Override
    public Optional<char[]> askSecret(String title, String prompt) {
        javafx.scene.control.Dialog<char[]> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(prompt);
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("secret-field");
        d.getDialogPane().setContent(field);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        javafx.application.Platform.runLater(field::requestFocus);
        Optional<char[]> answer = d.showAndWait();
        field.clear();
        return answer;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(520);
        return l;
    }

    /** The fingerprint in a field the user can select and copy, not edit. */
    private static javafx.scene.control.TextField fingerprintField(String id, String fingerprint) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField(fingerprint);
        f.setId(id);
        f.setEditable(false);
        f.setStyle("-fx-font-family: monospace;");
        f.setPrefColumnCount(Math.max(20, fingerprint.length()));
        return f;
    }

    @Override
    public Optional<String> askChoice(String title, String prompt, List<String> choices, String initial) {
        ChoiceDialog<String> d = new ChoiceDialog<>(initial, choices);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(prompt);
        return d.showAndWait();
    }
}
