package vnetdesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.scene.Scene;
import org.testfx.api.FxRobot;

import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabVm;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.template.TemplateParser;

/**
 * Lab hosts in a console's inventory for TestFX tests: each lab host added as
 * {@code kvm<i>} with key login, its host key trusted in the console's
 * known_hosts beforehand (the trust dialog has its own test), VMs deployed to
 * them with their lab namespace, and a window's picture for the README.
 */
final class ConsoleLab {

    static final Actor ADMIN = Actor.ONEADMIN;

    private ConsoleLab() {
    }

    /** Adds every lab host and trusts its key in {@code consoleDir}'s known_hosts (see {@code ConsoleHosts.Settings.in}). */
    static void register(Inventory inv, Lab lab, Path consoleDir) {
        for (LabHost h : lab.hosts()) {
            inv.hosts().create(ADMIN, "kvm" + h.index(), Optional.empty(), Optional.of(h.address()),
                    new HostConnection(h.port(), h.user(), new HostConnection.Identity.KeyFile(h.privateKey().toString())));
        }
        try {
            Path files = Files.createDirectories(consoleDir.resolve("console-files"));
            Files.writeString(files.resolve("known_hosts"), lab.hosts().stream().map(LabHost::knownHostsLine)
                    .collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A VM with one NIC on {@code network}, deployed to {@code kvm<hostIndex>}, and its lab namespace. */
    static LabVm vm(Inventory inv, Lab lab, String name, String network, int hostIndex) {
        int id = inv.vms().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nNIC = [ NETWORK = " + network
                + " ]\n", "vm"));
        inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm" + hostIndex));
        NicNetwork.Leased lease = inv.vms().show(ADMIN, ObjectRef.id(id)).vm().nics().get(0).lease().orElseThrow();
        return lab.vm(lab.host(hostIndex), id, 0, lease.addresses().mac(),
                List.of(lease.addresses().ip().orElseThrow() + "/24"));
    }

    /** A firewalled bridge network of the default cluster. */
    static void network(Inventory inv, String name, String bridge, String firstIp) {
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nVN_MAD = fw\nBRIDGE = " + bridge
                + "\nAR = [ TYPE = IP4, IP = " + firstIp + ", SIZE = 40 ]\n", "net"));
    }

    /** Opens the Hosts section of the main window. */
    static void hostsSection(FxRobot robot, ConsoleFixture console) {
        console.idle(robot);
        robot.clickOn(robot.lookup("#navigation .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getText() != null && c.getText().startsWith("Hosts")).queryAs(javafx.scene.Node.class));
        console.idle(robot);
    }

    /** Answers Yes to the confirmation dialog that is showing. */
    static void confirmYes(FxRobot robot) {
        ConsoleFixture.await("the confirmation", () -> robot.lookup(".dialog-pane .button")
                .match((javafx.scene.control.Button b) -> "Yes".equals(b.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match((javafx.scene.control.Button b) -> "Yes".equals(b.getText())).queryAs(javafx.scene.Node.class));
    }

    /** Writes the scene as a PNG into {@code dir} when screenshots are asked for ({@code -Dvnetdesk.screenshots=DIR}). */
    static void screenshot(Scene scene, String name) throws Exception {
        String target = System.getProperty("vnetdesk.screenshots", "");
        if (target.isEmpty()) {
            return;
        }
        WindowShots.save(Path.of(target).resolve(name), scene);
    }
}
