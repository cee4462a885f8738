package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
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
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.network.LeaseRow;

/**
 * Drives the VMs view and the Attach NIC wizard headless (Monocle): the
 * wizard from network choice to Finish with the lease in the network's
 * Leases tab, automatic selection with a rejected candidate's reason, a
 * malformed requirement marked at its position, and detach releasing the lease.
 */
@ExtendWith(ApplicationExtension.class)
class VmConsoleTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    @TempDir
    static Path root;
    private static int instance;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, root.resolve("vm-" + instance++));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    /** Network lan (gateway, group 0), network far in cluster edge, host kvm1, VM web (no NIC). */
    private int inventory() {
        console.inventory.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\n"
                + "GATEWAY = 10.0.0.254\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 20 ]\n", "t"));
        int edge = console.inventory.clusters().create(ADMIN, "edge");
        console.inventory.networks().create(ADMIN, TemplateParser.parse("NAME = far\nVN_MAD = bridge\n"
                + "CLUSTER_IDS = \"" + edge + "\"\nAR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 4 ]\n", "t"));
        console.inventory.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.9.0.1"));
        return console.inventory.vms().create(ADMIN, TemplateParser.parse("NAME = web\n", "vm"));
    }

    private List<Lease> leasesOf(String network) {
        return console.inventory.queries().leasePage(ADMIN, ObjectRef.name(network), 0, OptionalLong.empty(), 100);
    }

    private void section(FxRobot robot, String title) {
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith(title)).queryAs(Node.class));
        console.idle(robot);
    }

    private void openWizardFor(FxRobot robot, String vm) {
        section(robot, "VMs");
        ConsoleFixture.await("VM " + vm + " listed", () -> robot.lookup("#vm-table .table-cell")
                .match((TableCell<?, ?> c) -> vm.equals(c.getText())).tryQuery().isPresent());
        ConsoleFixture.clickCell(robot, "#vm-table", vm);
        console.idle(robot);
        robot.clickOn("#vm-attach");
        ConsoleFixture.await("the wizard's first page", () -> robot.lookup("#attach-page-network").tryQuery()
                .isPresent());
    }

    private static void clickListItem(FxRobot robot, String list, String startsWith) {
        robot.clickOn(robot.lookup(list + " .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith(startsWith)).queryAs(Node.class));
    }

    private static void next(FxRobot robot, String page) {
        Button next = robot.lookup(".button").match((Button b) -> "Next".equals(b.getText())).queryAs(Button.class);
        ConsoleFixture.await("Next is enabled", () -> !next.isDisabled());
        robot.clickOn(next);
        ConsoleFixture.await("page " + page, () -> robot.lookup("#attach-page-" + page).tryQuery().isPresent());
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) robot.lookup(id).query()).getText();
    }

    @Test
    void theWizardFromNetworkChoiceToFinishPutsTheLeaseInTheLeasesTabWithTheVmsName(FxRobot robot) {
        int vm = inventory();
        console.idle(robot);
        openWizardFor(robot, "web");
        clickListItem(robot, "#attach-networks", "0:lan");
        next(robot, "address");
        ConsoleFixture.await("the first free address is suggested", () -> text(robot, "#attach-lease")
                .startsWith("The NIC would get: 10.0.0.1,"));
        next(robot, "options");
        next(robot, "route");
        ConsoleFixture.await("the route after the attach", () -> text(robot, "#attach-route-after")
                .equals("NIC 0 (gateway 10.0.0.254)"));
        next(robot, "review");
        assertTrue(text(robot, "#attach-review-lease").startsWith("10.0.0.1, MAC "));
        assertTrue(text(robot, "#attach-review-hosts").startsWith("None now: the VM's domain is not running"), text(robot, "#attach-review-hosts"));
        assertEquals(List.of(), leasesOf("lan"), "nothing is taken before Finish");
        robot.clickOn("#attach-finish");
        console.idle(robot);
        ConsoleFixture.await("the wizard closed", () -> robot.lookup("#attach-page-review").tryQuery().isEmpty());
        assertEquals(List.of(new LeaseOwner.VmNic(vm, 0)), leasesOf("lan").stream().map(Lease::owner).toList());
        TableView<?> nics = ConsoleFixture.node(robot, "#vm-nics");
        ConsoleFixture.await("the NICs tab lists it", () -> nics.getItems().size() == 1);

        section(robot, "Networks");
        console.selectNetwork(robot, "lan");
        ConsoleFixture.tab(robot, "Leases");
        TableView<LeaseRow> leases = ConsoleFixture.node(robot, "#lease-table");
        ConsoleFixture.await("the lease is listed", () -> leases.getItems().size() == 1);
        assertEquals("10.0.0.1", leases.getItems().get(0).ip());
        ConsoleFixture.await("the Name column shows the VM's name", () -> robot.lookup("#lease-table .table-cell")
                .match((TableCell<?, ?> c) -> "web".equals(c.getText()) && c.getTableColumn() != null
                        && "Name".equals(c.getTableColumn().getText())).tryQuery().isPresent());
    }

    @Test
    void automaticSelectionShowsARejectedCandidatesReason(FxRobot robot) {
        inventory();
        console.idle(robot);
        openWizardFor(robot, "web");
        robot.clickOn("#attach-mode-automatic");
        robot.clickOn("#attach-requirements").write("NAME = \"l*\"");
        ListView<?> candidates = ConsoleFixture.node(robot, "#attach-candidates");
        ConsoleFixture.await("the candidates are listed", () -> candidates.getItems().size() == 2);
        ConsoleFixture.await("the choice", () -> text(robot, "#attach-choice").equals("Would choose 0:lan."));
        assertTrue(robot.lookup("#attach-candidates .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("✗ network 1:far: ") && c.getText().contains("cluster"))
                .tryQuery().isPresent(), "far is turned down for its cluster");
        next(robot, "address");
        robot.clickOn("Cancel");
        console.idle(robot);
        assertTrue(console.inventory.vms().list(ADMIN).get(0).nics().isEmpty(), "Cancel attaches nothing");
    }

    @Test
    void aBadRequirementsExpressionIsMarkedAtItsPosition(FxRobot robot) {
        inventory();
        console.idle(robot);
        openWizardFor(robot, "web");
        robot.clickOn("#attach-mode-automatic");
        TextField requirements = ConsoleFixture.node(robot, "#attach-requirements");
        robot.clickOn(requirements).write("NAME = = lan");
        ConsoleFixture.await("the error under the field", () -> robot.lookup("#attach-requirements-pointer")
                .tryQuery().map(n -> ((Label) n).getText()).filter(t -> t.equals("NAME = = lan\n       ^"))
                .isPresent());
        Label error = ConsoleFixture.node(robot, "#error-SCHED_REQUIREMENTS");
        assertTrue(error.isVisible() && error.getText().startsWith("SCHED_REQUIREMENTS: ")
                && error.getText().endsWith(" at 8"), error.getText());
        Button next = robot.lookup(".button").match((Button b) -> "Next".equals(b.getText())).queryAs(Button.class);
        assertTrue(next.isDisabled(), "Next stays disabled");
        robot.clickOn("#attach-requirements-goto");
        ConsoleFixture.await("the character is selected in the field", () -> requirements.getSelection().getStart() == 7
                && requirements.getSelection().getEnd() == 8);
        robot.clickOn("Cancel");
    }

    @Test
    void detachAsksAndReleasesTheLease(FxRobot robot) {
        int vm = inventory();
        console.inventory.vms().attachNic(ADMIN, ObjectRef.id(vm), NicRequest.on(ObjectRef.name("lan")));
        console.idle(robot);
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        section(robot, "Networks");
        console.selectNetwork(robot, "lan");
        ConsoleFixture.tab(robot, "Leases");
        TableView<LeaseRow> leases = ConsoleFixture.node(robot, "#lease-table");
        ConsoleFixture.await("the VM's lease is listed", () -> leases.getItems().size() == 1);

        section(robot, "VMs");
        ConsoleFixture.clickCell(robot, "#vm-table", "web");
        console.idle(robot);
        ConsoleFixture.tab(robot, "NICs");
        ConsoleFixture.clickCell(robot, "#vm-nics", "10.0.0.1");
        robot.clickOn("#vm-detach");
        ConsoleFixture.await("the detach question", () -> robot.lookup("Yes").tryQuery().isPresent());
        robot.clickOn("Yes");
        console.idle(robot);
        ConsoleFixture.await("the lease is released", () -> leasesOf("lan").isEmpty());
        TableView<?> nics = ConsoleFixture.node(robot, "#vm-nics");
        ConsoleFixture.await("the NICs tab is empty", () -> nics.getItems().isEmpty());

        section(robot, "Networks");
        ConsoleFixture.await("the Leases tab no longer lists it", () -> leases.getItems().isEmpty());
        assertFalse(robot.lookup("#lease-table .table-cell").match((TableCell<?, ?> c) -> "10.0.0.1"
                .equals(c.getText())).tryQuery().isPresent());
    }
}
