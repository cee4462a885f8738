package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabProcess;
import vnetdesk.lab.LabVm;
import vnetdesk.model.Actor;
import vnetdesk.model.Mac;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.template.TemplateParser;

/**
 * The Attach NIC wizard against a real lab host: a NIC attached to a running
 * VM through the console is on the host when the wizard closes, and packets
 * show its security group in force (TCP 22 in, TCP 23 dropped); one the host
 * cannot carry is taken back, the reason on the review page.
 */
@ExtendWith(ApplicationExtension.class)
class AttachNicLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    static Path root;
    static Lab lab;
    static LabHost host;
    static LabVm client;
    static int webId;
    /** The attached NIC's end in the VM: a placeholder MAC until the attach gives it its lease. */
    static LabVm web;
    private ConsoleFixture console;

    /** Group web (inbound TCP 22), network secure using it, a client VM on it and a VM web on another network. */
    @BeforeAll
    static void labAndInventory() throws Exception {
        LabPrerequisites.assumeLab();
        lab = Lab.start(1);
        host = lab.host(0);
        Path dir = root.resolve("inv");
        try (Inventory inv = Inventory.openDirectory(dir)) {
            inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n"
                    + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                    + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n", "sg"));
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = secure\nVN_MAD = fw\nBRIDGE = vdbr2\n"
                    + "SECURITY_GROUPS = 100\nAR = [ TYPE = IP4, IP = 10.3.0.1, SIZE = 10 ]\n", "net"));
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = mgmt\nVN_MAD = bridge\nBRIDGE = vdbr9\n"
                    + "AR = [ TYPE = IP4, IP = 10.9.0.1, SIZE = 10 ]\n", "net"));
            // a VLAN on a device the host does not have: the host cannot carry a NIC on it
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = tagged\nVN_MAD = 802.1Q\nPHYDEV = vdnone0\n"
                    + "VLAN_ID = 50\nAR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 10 ]\n", "net"));
            ConsoleLab.register(inv, lab, dir);
            client = ConsoleLab.vm(inv, lab, "client", "secure", 0);
            webId = ConsoleLab.vm(inv, lab, "web", "mgmt", 0).vmId();
            HostsDriftLabTest.appliedBeforehand(inv, dir, List.of(ObjectRef.name("kvm0")));
        }
        // the hypervisor makes the new NIC's tap as part of the attach; the lab makes it beforehand
        web = lab.vm(host, webId, 1, Mac.parse("MAC", "02:00:00:00:00:01"), List.of());
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, root.resolve("inv"));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    /** Opens the wizard for VM web and goes to its review page with the network named {@code network}. */
    private void reviewAttachTo(FxRobot robot, String network) {
        console.idle(robot);
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("VMs")).queryAs(Node.class));
        console.idle(robot);
        ConsoleFixture.await("VM web listed", () -> robot.lookup("#vm-table .table-cell")
                .match((TableCell<?, ?> c) -> "web".equals(c.getText())).tryQuery().isPresent());
        ConsoleFixture.clickCell(robot, "#vm-table", "web");
        console.idle(robot);
        robot.clickOn("#vm-attach");
        ConsoleFixture.await("the wizard", () -> robot.lookup("#attach-page-network").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#attach-networks .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().contains(":" + network)).queryAs(Node.class));
        for (String page : List.of("address", "options", "route", "review")) {
            Button next = robot.lookup(".button").match((Button b) -> "Next".equals(b.getText()))
                    .queryAs(Button.class);
            ConsoleFixture.await("Next is enabled", () -> !next.isDisabled());
            robot.clickOn(next);
            ConsoleFixture.await("page " + page, () -> robot.lookup("#attach-page-" + page).tryQuery().isPresent());
        }
    }

    @Test
    void aNicTheHostCannotCarryIsTakenBackWithTheReasonOnTheReviewPage(FxRobot robot) {
        reviewAttachTo(robot, "tagged");
        int nics = console.inventory.vms().show(ADMIN, ObjectRef.id(webId)).vm().nics().size();
        robot.clickOn("#attach-finish");
        console.idle(robot);
        Label error = ConsoleFixture.node(robot, "#attach-finish-error");
        ConsoleFixture.await("the reason on the page", () -> error.getText().startsWith("The attach was taken back: "));
        assertTrue(error.getText().contains("taken back, its lease released"), error.getText());
        assertTrue(robot.lookup("#attach-page-review").tryQuery().isPresent(), "the wizard stays open");
        assertEquals(nics, console.inventory.vms().show(ADMIN, ObjectRef.id(webId)).vm().nics().size(),
                "the VM has no new NIC");
        assertEquals(List.of(), console.inventory.queries().leasePage(ADMIN, ObjectRef.name("tagged"), 0,
                java.util.OptionalLong.empty(), 10), "the lease is released");
        robot.clickOn(robot.lookup(".button").match((Button b) -> "Cancel".equals(b.getText())).queryAs(Button.class));
    }

    @Test
    void aNicAttachedThroughTheWizardIsOnTheHostWithItsSecurityGroupInForce(FxRobot robot) {
        reviewAttachTo(robot, "secure");
        String hostSteps = ((Label) robot.lookup("#attach-review-hosts").query()).getText();
        assertTrue(hostSteps.contains("one-" + webId + "-1"), hostSteps);
        robot.clickOn("#attach-finish");
        console.idle(robot);
        ConsoleFixture.await("the wizard closed", () -> robot.lookup("#attach-page-review").tryQuery().isEmpty());

        assertEquals(HostApplyOutcome.Result.APPLIED, console.inventory.hosts().show(ADMIN, ObjectRef.name("kvm0"))
                .lastApply().orElseThrow().result());
        NicNetwork.Leased lease = console.inventory.vms().show(ADMIN, ObjectRef.id(webId)).vm().nics().get(1)
                .lease().orElseThrow();
        web.run("ip", "link", "set", "dev", "eth0", "address", lease.addresses().mac().toString()).orThrow();
        String ip = lease.addresses().ip().orElseThrow().toString();
        web.run("ip", "addr", "add", ip + "/24", "dev", "eth0").orThrow();
        try (LabProcess ssh = web.tcpServe(22); LabProcess telnet = web.tcpServe(23)) {
            assertTrue(client.tcpConnect(ip, 22, 5), "TCP 22 is allowed by the group");
            assertFalse(client.tcpConnect(ip, 23, 3), "TCP 23 is dropped");
        }
    }
}
