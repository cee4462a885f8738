package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javafx.stage.Stage;

import vnetdesk.model.Actor;
import vnetdesk.model.Driver;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.service.host.HostReports;
import vnetdesk.service.host.HostStatus;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.host.HistoryRow;
import vnetdesk.ui.host.HostRow;

/**
 * The Hosts section in the real main window, headless: New host with a key
 * file, a refused port shown on its field, Edit to the ssh-agent, the status
 * bar's count of hosts with pending changes, and the History tab.
 */
@ExtendWith(ApplicationExtension.class)
class HostsConsoleTest {

    @TempDir
    static Path root;
    private static int instance;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, root.resolve("inv-" + instance++));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    private HostConnection stored(String name) {
        return console.inventory.hosts().show(Actor.ONEADMIN, ObjectRef.name(name)).host().connection();
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) ConsoleFixture.node(robot, id)).getText();
    }

    @Test
    void newHostWithAKeyFileThenEditToTheAgentAndTheStatusBarCountsItsPendingChanges(FxRobot robot) {
        console.idle(robot);
        assertEquals("0 hosts with pending changes", text(robot, "#status-pending-hosts"));
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Hosts")).queryAs(Node.class));
        console.idle(robot);
        robot.clickOn("#host-new");
        ConsoleFixture.await("the New host dialog", () -> robot.lookup("#host-form-name").tryQuery().isPresent());
        console.idle(robot);
        robot.clickOn("#host-form-name").write("kvm1");
        robot.clickOn("#host-form-address").write("10.0.0.5");
        robot.doubleClickOn("#host-form-port").write("0");
        robot.clickOn("#host-form-identity-key");
        robot.clickOn("#host-form-key").write("/home/op/.ssh/id_ed25519");
        robot.clickOn("#host-form-ok");
        console.idle(robot);
        assertTrue(text(robot, "#error-PORT").startsWith("PORT: invalid value \"0\""), text(robot, "#error-PORT"));
        assertTrue(robot.lookup("#host-dialog").tryQuery().isPresent(), "a refusal keeps the dialog open");

        robot.doubleClickOn("#host-form-port").write("2222");
        robot.clickOn("#host-form-ok");
        console.idle(robot);
        ConsoleFixture.await("the dialog closed", () -> robot.lookup("#host-dialog").tryQuery().isEmpty());
        assertEquals(new HostConnection(2222, "root", new HostConnection.Identity.KeyFile("/home/op/.ssh/id_ed25519")),
                stored("kvm1"));
        TableView<HostRow> table = ConsoleFixture.node(robot, "#host-table");
        ConsoleFixture.await("kvm1 listed and selected", () -> table.getItems().size() == 1
                && text(robot, "#host-title").endsWith(":kvm1"));
        assertEquals("10.0.0.5:2222", table.getItems().get(0).addressText());
        assertEquals("/home/op/.ssh/id_ed25519", text(robot, "#host-identity"));
        assertEquals("yes", text(robot, "#host-pending"));
        assertEquals("1 host with pending changes", text(robot, "#status-pending-hosts"));

        robot.clickOn("#host-edit");
        ConsoleFixture.await("the Edit dialog", () -> robot.lookup("#host-form-address").tryQuery().isPresent());
        assertTrue(robot.lookup("#host-form-name").tryQuery().isEmpty(), "Edit does not rename");
        robot.clickOn("#host-form-identity-agent");
        robot.clickOn("#host-form-ok");
        console.idle(robot);
        ConsoleFixture.await("the identity shown", () -> text(robot, "#host-identity").equals("ssh-agent"));
        assertEquals(new HostConnection(2222, "root", HostConnection.Identity.AGENT), stored("kvm1"));

        Instant now = Instant.now();
        console.inventory.hosts().recordOutcome(Actor.ONEADMIN, ObjectRef.name("kvm1"), new HostApplyOutcome(now,
                now, HostApplyOutcome.Result.FAILED_ROLLED_BACK, Optional.of(3), "RTNETLINK answers: File exists", 7));
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        ConsoleFixture.tab(robot, "History");
        TableView<HistoryRow> history = ConsoleFixture.node(robot, "#host-history");
        ConsoleFixture.await("the outcome listed", () -> history.getItems().size() == 1);
        robot.clickOn(robot.lookup("#host-history .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "FAILED_ROLLED_BACK".equals(c.getText())).queryAs(Node.class));
        assertEquals("RTNETLINK answers: File exists",
                ((TextArea) ConsoleFixture.node(robot, "#host-history-message")).getText());
        assertTrue(table.getItems().get(0).lastApplyText().startsWith("FAILED_ROLLED_BACK at step 3 · "));
    }

    @Test
    void theTableShowsConnectionProbeAndDriftAndTheDetailTheProbeTheNetworksAndTheFirewall(FxRobot robot) {
        console.idle(robot);
        Actor admin = Actor.ONEADMIN;
        var inv = console.inventory;
        inv.securityGroups().create(admin, TemplateParser.parse("NAME = web\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n", "sg"));
        inv.networks().create(admin, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nBRIDGE = br-lan\n"
                + "SECURITY_GROUPS = 100\nFILTER_IP_SPOOFING = YES\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n",
                "net"));
        inv.hosts().create(admin, "kvm1", Optional.empty(), Optional.of("10.0.0.5"));
        int vm = inv.vms().create(admin, TemplateParser.parse("NAME = web\nNIC = [ NETWORK = lan ]\n", "vm"));
        inv.vms().deploy(admin, ObjectRef.id(vm), ObjectRef.name("kvm1"));
        String tap = "one-" + vm + "-0";
        Instant now = Instant.now();
        HostReports.ProbeReport probe = new HostReports.ProbeReport("6.8.0", "root", Map.of("bridge", "yes",
                "8021q", "no"), List.of("ip", "iptables"), List.of("ebtables"), new EnumMap<>(Map.of(
                Driver.FW, List.of(), Driver.VLAN, List.of("802.1Q needs the kernel feature 8021q (802.1Q VLAN"
                        + " devices), which this kernel lacks"))), List.of());
        inv.hostStatuses().record(admin, ObjectRef.name("kvm1"), new HostStatus(
                Optional.of(new HostStatus.Contact(now, true, Optional.empty())),
                Optional.of(new HostStatus.Probed(now, probe)),
                Optional.of(new HostStatus.DriftCheck(now, HostReports.PlanStatus.CHANGES,
                        List.of("iptables: rewrite chain " + tap + "-i"))),
                Optional.of(new HostStatus.KnownDevices(now, List.of("br-lan", "eth0")))));

        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Hosts")).queryAs(Node.class));
        console.idle(robot);
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        TableView<HostRow> table = ConsoleFixture.node(robot, "#host-table");
        ConsoleFixture.await("kvm1 listed", () -> table.getItems().size() == 1);
        Label drift = robot.lookup("#host-table .drift-badge").queryAs(Label.class);
        assertEquals("out of sync", drift.getText());
        assertTrue(drift.getStyleClass().contains("drift-out-of-sync"), drift.getStyleClass().toString());
        assertTrue(table.getItems().get(0).connectionText().startsWith("reachable "));
        assertEquals("root; fw; 802.1Q: no 8021q", table.getItems().get(0).probeText());
        Label badge = robot.lookup("#navigation .nav-badge").match(Node::isVisible).queryAs(Label.class);
        assertEquals("1", badge.getText(), "kvm1 was never applied: it has pending changes");

        ConsoleFixture.clickCell(robot, "#host-table", "kvm1");
        console.idle(robot);
        ConsoleFixture.tab(robot, "Probe");
        Label vlan = ConsoleFixture.node(robot, "#probe-driver-vlan");
        assertTrue(vlan.getText().startsWith("802.1Q: cannot run — 802.1Q needs the kernel feature 8021q"),
                vlan.getText());
        assertTrue(vlan.getStyleClass().contains("check-bad"), "an unsupported driver is red");
        assertTrue(((Label) ConsoleFixture.node(robot, "#probe-driver-fw")).getStyleClass().contains("check-ok"));

        ConsoleFixture.tab(robot, "Networks");
        TableView<?> networks = ConsoleFixture.node(robot, "#host-networks");
        ConsoleFixture.await("the devices of lan", () -> networks.getItems().size() == 2);
        assertTrue(robot.lookup("#host-networks .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "missing".equals(c.getText()) && c.getStyleClass().contains("check-bad")).tryQuery().isPresent(),
                "the VM's tap was not on the host when it was read");
        assertTrue(robot.lookup("#host-networks .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "present".equals(c.getText())).tryQuery().isPresent(), "br-lan was");

        ConsoleFixture.tab(robot, "Firewall");
        TitledPane nic = ConsoleFixture.node(robot, "#nic-" + tap);
        assertTrue(nic.getText().startsWith(tap + " — VM " + vm + ":web on "), nic.getText());
        assertTrue(robot.lookup("#nic-line").match((Label l) -> l.getText()
                .equals("security group 100: allow inbound TCP port 22 from any address")).tryQuery().isPresent());
        TextArea text = ConsoleFixture.node(robot, "#nic-text-" + tap);
        assertFalse(text.isVisible(), "the exact text is one click away");
        robot.clickOn("#nic-show-" + tap);
        ConsoleFixture.await("the exact text shown", text::isVisible);
        assertTrue(text.getText().contains("-A " + tap + "-i -p tcp -m multiport --dports 22 -j RETURN\n"),
                text.getText());
        assertFalse(text.isEditable());
    }
}
