package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
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
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostEngine;
import vnetdesk.service.host.RemoteHosts;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.host.HostRow;
import vnetdesk.ui.host.PlanItem;

/**
 * Drift and pending changes in the Hosts view against real lab hosts: two
 * hosts applied; a rule removed on one behind the console's back shows that
 * host "out of sync" after Check drift, the other "in sync"; a security-group
 * edit marks both pending without a Refresh (the navigation badge and the
 * status bar count them); Sync on the drifted host opens its plan, whose
 * apply puts the rule back.
 */
@ExtendWith(ApplicationExtension.class)
class HostsDriftLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;
    private static final String SHOTS = System.getProperty("vnetdesk.screenshots", "");

    @TempDir
    static Path root;
    static Lab lab;
    static int[] vms = new int[2];
    private ConsoleFixture console;

    @BeforeAll
    static void labAndInventory() throws Exception {
        LabPrerequisites.assumeLab();
        lab = Lab.start(2);
        Path dir = root.resolve("inv");
        try (Inventory inv = Inventory.openDirectory(dir)) {
            inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n"
                    + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n", "sg"));
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr1\n"
                    + "SECURITY_GROUPS = 100\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "net"));
            ConsoleLab.register(inv, lab, dir);
            for (int i = 0; i < 2; i++) {
                vms[i] = ConsoleLab.vm(inv, lab, "web" + i, "lan", i).vmId();
            }
            appliedBeforehand(inv, dir, List.of(ObjectRef.name("kvm0"), ObjectRef.name("kvm1")));
        }
    }

    /** Applies the hosts through the engine before the console opens, as an earlier session would have. */
    static void appliedBeforehand(Inventory inv, Path dir, List<ObjectRef> hosts) {
        try (RemoteHosts remote = inv.remoteHosts(new RemoteHosts.Settings(dir.resolve("console-files/known_hosts"),
                Optional.empty(), key -> false, (login, what) -> Optional.empty(),
                new HostEngine.Settings(2, Duration.ofSeconds(30), Map.of(), Clock.systemUTC())))) {
            remote.apply(ADMIN, hosts, r -> { }).forEach(r -> assertTrue(r.outcome().result().success(), r.toString()));
        }
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

    private static HostRow row(TableView<HostRow> table, String name) {
        return table.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRuleRemovedBehindTheConsolesBackShowsOutOfSyncAndSyncRepairsIt(FxRobot robot) throws Exception {
        ConsoleLab.hostsSection(robot, console);
        TableView<HostRow> table = ConsoleFixture.node(robot, "#host-table");
        ConsoleFixture.await("both hosts listed in sync", () -> table.getItems().size() == 2
                && table.getItems().stream().allMatch(r -> r.drift() == HostRow.Drift.IN_SYNC));

        String chain = "one-" + vms[0] + "-0-i";
        String rule = "-A " + chain + " -p tcp -m multiport --dports 22 -j RETURN";
        assertTrue(iptables(0).contains(rule), iptables(0));
        lab.host(0).sh("iptables -D " + chain + " -p tcp -m multiport --dports 22 -j RETURN").orThrow();
        robot.clickOn("#host-check-drift");
        console.idle(robot);
        ConsoleFixture.await("kvm0 out of sync, kvm1 in sync", () -> row(table, "kvm0").drift()
                == HostRow.Drift.OUT_OF_SYNC && row(table, "kvm1").drift() == HostRow.Drift.IN_SYNC);
        assertTrue(robot.lookup(".drift-out-of-sync").tryQuery().isPresent(), "the badge is styled as drift");

        // an edit in the inventory marks both hosts pending, without a Refresh
        console.inventory.securityGroups().update(ADMIN, ObjectRef.name("web"), TemplateParser.parse(
                "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                        + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 443 ]\n", "u"), true);
        ConsoleFixture.clickCell(robot, "#host-table", "kvm0");
        console.idle(robot);
        ConsoleFixture.await("both pending", () -> row(table, "kvm0").pendingText().equals("yes")
                && row(table, "kvm1").pendingText().equals("yes"));
        Label pending = ConsoleFixture.node(robot, "#status-pending-hosts");
        assertEquals("2 hosts with pending changes", pending.getText());
        if (!SHOTS.isEmpty()) {
            WindowShots.save(Path.of(SHOTS).resolve("hosts-drift.png"), console.stage);
        }

        // Sync on the drifted host opens its plan, and its apply puts the rule back (and the new one)
        robot.clickOn("#host-sync");
        ConsoleFixture.await("kvm0's plan", () -> robot.lookup("#plan-summary").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("").equals("1 with changes"));
        TreeView<PlanItem> tree = ConsoleFixture.node(robot, "#plan-tree");
        List<String> groups = tree.getRoot().getChildren().get(0).getChildren().stream()
                .map(g -> g.getValue().text()).toList();
        assertTrue(groups.stream().anyMatch(g -> g.startsWith("NIC one-" + vms[0] + "-0 ")), groups.toString());
        robot.clickOn("#plan-apply");
        ConsoleFixture.await("the apply ends", () -> robot.lookup("#apply-summary").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("").equals("1 applied"));
        assertTrue(iptables(0).contains(rule), "the rule removed behind the console's back is back");
        assertTrue(iptables(0).contains("--dports 443"), "with the group's new rule");
        console.idle(robot);
        ConsoleFixture.await("kvm0 in sync, kvm1 still pending", () -> row(table, "kvm0").drift()
                == HostRow.Drift.IN_SYNC && row(table, "kvm0").pendingText().equals("no")
                && pending.getText().equals("1 host with pending changes"));
    }

    private static String iptables(int host) {
        return lab.host(host).sh("iptables-save -t filter").orThrow().out();
    }
}
