package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostEngine;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.network.NetworkRow;

/**
 * An edit in one view marks the hosts it affects in another without a
 * Refresh: a host whose last apply matches the inventory has no pending
 * change; giving the network of its VM's NIC another security group in the
 * network view makes the status bar count it at once.
 */
@ExtendWith(ApplicationExtension.class)
class HostsPendingConsoleTest {

    static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    static Path root;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        Path dir = root.resolve("inv");
        try (Inventory inv = Inventory.openDirectory(dir)) {
            inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n"
                    + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n", "sg"));
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr1\n"
                    + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "net"));
            inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.9.0.1"));
            int vm = inv.vms().create(ADMIN, TemplateParser.parse("NAME = web1\nNIC = [ NETWORK = lan ]\n", "vm"));
            inv.vms().deploy(ADMIN, ObjectRef.id(vm), ObjectRef.name("kvm1"));
            // as if the host had just been applied: its recorded state is what the inventory implies now
            Instant now = Instant.now();
            inv.hosts().markApplied(ADMIN, ObjectRef.name("kvm1"), HostEngine.digest(
                    inv.hostPlans().desiredState(ADMIN, ObjectRef.name("kvm1"))), new HostApplyOutcome(now, now,
                    HostApplyOutcome.Result.APPLIED, Optional.empty(), "3 steps", 3));
        }
        console = new ConsoleFixture(stage, dir);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void aNetworkEditMarksTheHostOfItsVmPendingWithoutARefresh(FxRobot robot) {
        console.idle(robot);
        Label pending = ConsoleFixture.node(robot, "#status-pending-hosts");
        assertEquals("0 hosts with pending changes", pending.getText());

        TableView<NetworkRow> table = ConsoleFixture.node(robot, "#network-table");
        ConsoleFixture.await("lan listed", () -> table.getItems().stream().anyMatch(r -> r.name().equals("lan")));
        console.selectNetwork(robot, "lan");
        console.idle(robot);
        ConsoleFixture.tab(robot, "Security");
        TextField groups = ConsoleFixture.node(robot, "#field-SECURITY_GROUPS");
        robot.doubleClickOn(groups).eraseText(groups.getText().length() + 2).write("100");
        robot.clickOn("#save");
        console.idle(robot);
        ConsoleFixture.await("the host counted as pending", () -> pending.getText()
                .equals("1 host with pending changes"));
    }
}
