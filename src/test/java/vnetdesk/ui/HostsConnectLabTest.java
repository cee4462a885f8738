package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.ui.host.HostRow;

/**
 * Adding a real lab host in the console, headless: Test connection asks
 * about the host's real key, trusting it connects and shows what the host
 * offers, the host is saved and listed; after the host gets a new key, Probe
 * is refused with the red warning showing both fingerprints, the old key is
 * deliberately forgotten, and the next Probe asks about the new key and
 * succeeds; a key file with a passphrase has it asked in a password field
 * and connects. With {@code -Dvnetdesk.screenshots=DIR} it writes
 * {@code host-add-key.png} and {@code host-key-changed.png} there.
 */
@ExtendWith(ApplicationExtension.class)
class HostsConnectLabTest {

    private static final String SHOTS = System.getProperty("vnetdesk.screenshots", "");
    @TempDir
    static Path dir;
    private ConsoleFixture console;
    private Lab lab;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir.resolve("inventory"));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void addALabHostTrustingItsKeyThenSeeItsChangedKeyRefusedForgetItAndProbeAgain(FxRobot robot)
            throws Exception {
        LabPrerequisites.assumeLab();
        lab = Lab.start(1);
        LabHost host = lab.host(0);
        console.idle(robot);
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Hosts")).queryAs(Node.class));
        console.idle(robot);

        robot.clickOn("#host-new");
        ConsoleFixture.await("the New host dialog", () -> robot.lookup("#host-form-name").tryQuery().isPresent());
        console.idle(robot);
        robot.clickOn("#host-form-name").write("kvm0");
        robot.clickOn("#host-form-address").write(host.address());
        robot.doubleClickOn("#host-form-port").write(String.valueOf(host.port()));
        robot.doubleClickOn("#host-form-user").write(host.user());
        robot.clickOn("#host-form-identity-key");
        robot.clickOn("#host-form-key").write(host.privateKey().toString());
        robot.clickOn("#host-form-test");

        ConsoleFixture.await("the host key question", () -> robot.lookup("#host-key-dialog").tryQuery().isPresent());
        assertEquals(host.hostKeyFingerprint(), field(robot, "#host-key-fingerprint"));
        shot("host-add-key.png", robot, "#host-dialog", "#host-key-dialog");
        robot.clickOn(button(robot, "#host-key-dialog", "Trust and connect"));
        ConsoleFixture.await("connected", () -> label(robot, "#host-test-result").startsWith("connected as "
                + host.user() + "; kernel "));
        assertTrue(label(robot, "#host-test-details").startsWith("features: bridge "),
                label(robot, "#host-test-details"));
        shot("host-test-connected.png", robot, "#host-dialog");

        robot.clickOn("#host-form-ok");
        ConsoleFixture.await("the dialog closed", () -> robot.lookup("#host-dialog").tryQuery().isEmpty());
        TableView<HostRow> table = ConsoleFixture.node(robot, "#host-table");
        ConsoleFixture.await("kvm0 listed and selected", () -> table.getItems().size() == 1
                && label(robot, "#host-title").endsWith(":kvm0"));
        console.idle(robot);

        LabHost rekeyed = lab.rekey(host);
        robot.clickOn("#host-probe");
        ConsoleFixture.await("the changed-key warning", () -> robot.lookup("#host-key-changed").tryQuery()
                .isPresent());
        assertEquals(host.hostKeyFingerprint(), field(robot, "#host-key-stored"));
        assertEquals(rekeyed.hostKeyFingerprint(), field(robot, "#host-key-offered"));
        shot("host-key-changed.png", robot, "#host-key-changed");
        robot.clickOn(button(robot, "#host-key-changed", "Forget the old key…"));
        ConsoleFixture.await("the confirmation", () -> robot.lookup(".dialog-pane .button").match((Button b) ->
                "Yes".equals(b.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Yes".equals(b.getText()))
                .queryAs(Button.class));
        console.idle(robot);
        ConsoleFixture.await("the probe's end", () -> !ConsoleFixture.<Button>node(robot, "#host-probe")
                .isDisabled());

        robot.clickOn("#host-probe");
        ConsoleFixture.await("the new key asked about", () -> robot.lookup("#host-key-dialog").tryQuery()
                .isPresent());
        assertEquals(rekeyed.hostKeyFingerprint(), field(robot, "#host-key-fingerprint"));
        robot.clickOn(button(robot, "#host-key-dialog", "Trust and connect"));
        ConsoleFixture.await("the probe's notice", () -> notice(robot, "kvm0: connected as " + host.user() + "; kernel ")
                .isPresent());
        assertTrue(robot.lookup("#host-key-changed").tryQuery().isEmpty());

        Path protectedKey = passphraseKey("open sesame");
        robot.clickOn("#host-edit");
        ConsoleFixture.await("the Edit dialog", () -> robot.lookup("#host-form-key").tryQuery().isPresent());
        robot.interact(() -> ConsoleFixture.<TextField>node(robot, "#host-form-key").clear());
        robot.clickOn("#host-form-key").write(protectedKey.toString());
        robot.clickOn("#host-form-test");
        ConsoleFixture.await("the passphrase question", () -> robot.lookup("#secret-field").tryQuery().isPresent());
        PasswordField secret = ConsoleFixture.node(robot, "#secret-field");
        robot.clickOn(secret).write("open sesame");
        robot.clickOn(button(robot, ".dialog-pane", "OK"));
        ConsoleFixture.await("connected with the passphrase", () -> label(robot, "#host-test-result")
                .startsWith("connected as " + host.user() + "; kernel "));
        assertEquals("", secret.getText(), "the passphrase is not kept in the closed dialog");
    }

    /** A new ed25519 key protected by {@code passphrase}, authorized on the lab's hosts. */
    private Path passphraseKey(String passphrase) throws Exception {
        Path key = dir.resolve("id_protected");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "protected",
                "-f", key.toString()).redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        Files.writeString(lab.dir().resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                StandardOpenOption.APPEND);
        return key;
    }

    private static String field(FxRobot robot, String id) {
        return ConsoleFixture.<TextField>node(robot, id).getText();
    }

    private static String label(FxRobot robot, String id) {
        return ConsoleFixture.<Label>node(robot, id).getText();
    }

    private static Button button(FxRobot robot, String pane, String text) {
        return robot.lookup(pane + " .button").match((Button b) -> text.equals(b.getText())).queryAs(Button.class);
    }

    /** A ControlsFX notification saying {@code text}, in whichever popup shows it. */
    private static Optional<String> notice(FxRobot robot, String text) {
        return robot.lookup(".notification-bar .label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && t.contains(text)).findFirst();
    }

    /** The main window with the windows of {@code panes} over it, when screenshots are asked for. */
    private void shot(String name, FxRobot robot, String... panes) throws Exception {
        if (SHOTS.isEmpty()) {
            return;
        }
        Window[] windows = new Window[panes.length + 1];
        windows[0] = console.stage;
        for (int i = 0; i < panes.length; i++) {
            windows[i + 1] = robot.lookup(panes[i]).query().getScene().getWindow();
        }
        WindowShots.save(Path.of(SHOTS).resolve(name), windows);
    }
}
