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
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.model.Actor;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.host.HostsViewModel;
import vnetdesk.ui.network.LeaseRow;
import vnetdesk.ui.network.NetworkRow;

/** Drives the real main window headless (Monocle): the network flows an administrator uses most. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {

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

    private List<VirtualNetwork> stored() {
        return console.inventory.queries().list(Actor.ONEADMIN).stream().map(s -> s.network()).toList();
    }

    private int createLan() {
        int id = console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 100 ]\n", "t"));
        console.inventory.leases().allocate(Actor.ONEADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(7, 0),
                Optional.of("10.0.0.50"), Optional.empty());
        return id;
    }

    private void refreshAndSelect(FxRobot robot, String name) {
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        TableView<NetworkRow> table = ConsoleFixture.node(robot, "#network-table");
        ConsoleFixture.await("network " + name + " listed",
                () -> table.getItems().stream().anyMatch(r -> r.name().equals(name)));
        console.selectNetwork(robot, name);
    }

    private List<String> held() {
        return console.inventory.queries().leasePage(Actor.ONEADMIN, ObjectRef.name("lan"), 0, OptionalLong.empty(),
                1000).stream()
                .filter(l -> l.owner() instanceof LeaseOwner.Hold).map(l -> l.addresses().primary()).toList();
    }

    @Test
    void createANetworkWithABadIpFirstThenAGoodOne(FxRobot robot) {
        console.idle(robot);
        robot.clickOn("#tool-new");
        robot.clickOn("#field-NAME").write("office");
        ConsoleFixture.tab(robot, "Addresses");
        robot.clickOn("#first-ar-IP").write("10.0.0.300");
        robot.clickOn("#first-ar-SIZE").write("50");
        robot.clickOn("#save");
        console.idle(robot);
        Label ipError = ConsoleFixture.node(robot, "#error-IP");
        assertTrue(ipError.isVisible() && ipError.getText().contains("\"10.0.0.300\""), ipError.getText());
        assertEquals(List.of(), stored(), "nothing saved");
        javafx.scene.control.TabPane tabs = ConsoleFixture.node(robot, "#network-tabs");
        assertTrue(tabs.getTabs().stream().filter(t -> t.getText().equals("Addresses")).findFirst().orElseThrow()
                .getGraphic() != null, "the Addresses tab is marked as having an error");
        assertTrue(tabs.getTabs().stream().filter(t -> t.getText().equals("General")).findFirst().orElseThrow()
                .getGraphic() == null, "the General tab has none");

        TextField ip = ConsoleFixture.node(robot, "#first-ar-IP");
        robot.doubleClickOn(ip).eraseText(10).write("10.0.0.1");
        ConsoleFixture.await("the IP error is gone", () -> !ipError.isVisible());
        robot.clickOn("#save");
        console.idle(robot);
        ConsoleFixture.await("the network is stored", () -> stored().size() == 1);
        assertEquals("office", stored().get(0).name());
        assertEquals(50, stored().get(0).addressRanges().get(0).size().intValue());
        TableView<NetworkRow> table = ConsoleFixture.node(robot, "#network-table");
        ConsoleFixture.await("the table lists it", () -> table.getItems().size() == 1);
        ConsoleFixture.await("the detail shows it", () -> ((Label) robot.lookup("#detail-title").query())
                .getText().equals(stored().get(0).id() + ":office"));
    }

    @Test
    void addAnAddressRangeThroughTheDialog(FxRobot robot) {
        createLan();
        refreshAndSelect(robot, "lan");
        ConsoleFixture.tab(robot, "Addresses");
        robot.clickOn("#ar-add");
        robot.clickOn("#ar-IP").write("10.0.1.1");
        robot.clickOn("#ar-SIZE").write("20");
        robot.clickOn("#ar-ok");
        console.idle(robot);
        ConsoleFixture.await("the AR is stored", () -> stored().get(0).addressRanges().size() == 2);
        assertEquals("10.0.1.1", stored().get(0).addressRanges().get(1).addressesAt(0).primary());
        TableView<?> ars = ConsoleFixture.node(robot, "#ar-table");
        ConsoleFixture.await("the Addresses tab lists both", () -> ars.getItems().size() == 2);
    }

    private void hold(FxRobot robot, String input) {
        robot.clickOn("#tool-hold");
        TextArea area = ConsoleFixture.node(robot, "#hold-input");
        robot.clickOn(area).write(input);
        Button hold = ConsoleFixture.node(robot, "#hold-button");
        ConsoleFixture.await("every address checked free", () -> !hold.isDisabled());
        robot.clickOn(hold);
        console.idle(robot);
        ConsoleFixture.await("the input is cleared after the hold", () -> area.getText().isEmpty());
        robot.clickOn("Close");
    }

    @Test
    void holdOneAddressAListAndARangeThenReleaseFromTheLeasesTab(FxRobot robot) {
        createLan();
        refreshAndSelect(robot, "lan");
        hold(robot, "10.0.0.5");
        assertEquals(List.of("10.0.0.5"), held());
        hold(robot, "10.0.0.6, 10.0.0.8");
        hold(robot, "10.0.0.20-10.0.0.22");
        assertEquals(List.of("10.0.0.5", "10.0.0.6", "10.0.0.8", "10.0.0.20", "10.0.0.21", "10.0.0.22"), held());

        robot.clickOn("#tool-hold");
        robot.clickOn("#hold-input").write("10.0.0.50");
        ListView<?> checks = ConsoleFixture.node(robot, "#hold-checks");
        ConsoleFixture.await("the used address is reported", () -> checks.getItems().size() == 1
                && checks.getItems().get(0).toString().contains("VM:7 NIC:0"));
        assertTrue(((Button) ConsoleFixture.node(robot, "#hold-button")).isDisabled());
        robot.clickOn("Close");

        ConsoleFixture.tab(robot, "Leases");
        TableView<LeaseRow> leases = ConsoleFixture.node(robot, "#lease-table");
        ConsoleFixture.await("the Leases tab shows 7 leases", () -> leases.getItems().size() == 7);
        ConsoleFixture.clickCell(robot, "#lease-table", "10.0.0.6");
        ConsoleFixture.await("10.0.0.6 selected", () -> leases.getSelectionModel().getSelectedItems().stream()
                .map(LeaseRow::ip).toList().equals(List.of("10.0.0.6")));
        robot.clickOn("#lease-release");
        ConsoleFixture.await("the release question", () -> robot.lookup("Yes").tryQuery().isPresent());
        robot.clickOn("Yes");
        console.idle(robot);
        ConsoleFixture.await("10.0.0.6 released", () -> !held().contains("10.0.0.6"));
        assertEquals(5, held().size());
        ConsoleFixture.await("the tab reloaded", () -> leases.getItems().size() == 6);
    }

    @Test
    void reserveAddressesIntoANewReservation(FxRobot robot) {
        createLan();
        refreshAndSelect(robot, "lan");
        robot.clickOn("#tool-reserve");
        TextField size = ConsoleFixture.node(robot, "#reserve-size");
        robot.doubleClickOn(size).eraseText(3).write("4");
        robot.clickOn("#reserve-name").write("web");
        robot.clickOn("#reserve-button");
        console.idle(robot);
        ConsoleFixture.await("the reservation exists", () -> stored().stream().anyMatch(n -> n.name().equals("web")));
        VirtualNetwork web = stored().stream().filter(n -> n.name().equals("web")).findFirst().orElseThrow();
        assertEquals(4, web.addressRanges().get(0).size().intValue());
        assertEquals(Optional.of(stored().get(0).id()), web.parentNetworkId());
    }

    @Test
    void theSecurityTabAssignsAGroupFromTheListAndRemovesDefaultInOneClick(FxRobot robot) {
        assertEquals(100, console.inventory.securityGroups().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n", "test")));
        createLan();
        refreshAndSelect(robot, "lan");
        ConsoleFixture.tab(robot, "Security");
        Label warning = ConsoleFixture.node(robot, "#default-group-warning");
        assertFalse(warning.isVisible() && !warning.getText().isEmpty(), "group 0 alone: no warning");
        TextField groups = ConsoleFixture.node(robot, "#field-SECURITY_GROUPS");
        ListView<?> list = ConsoleFixture.node(robot, "#security-group-list");
        ConsoleFixture.await("both groups listed", () -> list.getItems().size() == 2);
        robot.clickOn(robot.lookup("#security-group-list .list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("100:web"))
                .lookup(".check-box").queryAs(Node.class));
        ConsoleFixture.await("the check adds the id", () -> groups.getText().equals("0,100"));
        assertTrue(robot.lookup("#security-group-list .list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().contains("inbound TCP port 22"))
                .tryQuery().isPresent(), "the list shows the rule summaries");
        ConsoleFixture.await("the warning shows", () -> warning.getText().contains("allows all traffic"));
        robot.clickOn("#remove-default-group");
        ConsoleFixture.await("group 0 removed", () -> groups.getText().equals("100"));
        robot.clickOn("#save");
        console.idle(robot);
        ConsoleFixture.await("saved", () -> stored().get(0).securityGroups().equals(List.of(100)));
        TableView<?> effective = ConsoleFixture.node(robot, "#effective-rules");
        ConsoleFixture.await("the effective rules are the web group's", () -> effective.getItems().size() == 1
                && robot.lookup("#effective-rules .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "inbound TCP port 22 from any address".equals(c.getText())).tryQuery().isPresent());
    }

    @Test
    void instantiatingPrivateIpv4FromTheTemplatesViewOpensTheNewNetwork(FxRobot robot) {
        console.idle(robot);
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Network Templates")).queryAs(Node.class));
        ConsoleFixture.await("Private IPv4 listed", () -> robot.lookup("#template-table .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> "Private IPv4".equals(c.getText())).tryQuery()
                .isPresent());
        ConsoleFixture.clickCell(robot, "#template-table", "Private IPv4");
        console.idle(robot);
        robot.clickOn("#tpl-instantiate");
        ConsoleFixture.await("the instantiate dialog", () -> robot.lookup("#instantiate-name").tryQuery().isPresent());
        robot.clickOn("#instantiate-name").write("lab");
        robot.clickOn("#instantiate-ar-IP").write("10.9.0.1");
        robot.clickOn("#instantiate-ar-SIZE").write("50");
        robot.clickOn("#instantiate-ok");
        console.idle(robot);
        ConsoleFixture.await("the new network is shown", () -> ((Label) robot.lookup("#detail-title").query())
                .getText().endsWith(":lab"));
        VirtualNetwork lab = stored().stream().filter(n -> n.name().equals("lab")).findFirst().orElseThrow();
        assertEquals(50, lab.addressRanges().get(0).size().intValue());
        assertEquals(List.of(0), lab.securityGroups());
    }

    @Test
    void aNormalUserSeesWhyAnActionIsRefused(FxRobot robot) {
        console.inventory.users().createUser(Actor.ONEADMIN, "bob", "users");
        createLan();
        console.inventory.networks().chmod(Actor.ONEADMIN, ObjectRef.name("lan"), Permissions.parseOctal("OCTAL",
                "644"));
        console.idle(robot);
        robot.clickOn("#status-user");
        ConsoleFixture.await("the users are listed", () -> robot.lookup("#switch-user-bob").tryQuery().isPresent());
        robot.clickOn("#switch-user-bob");
        console.idle(robot);
        ConsoleFixture.await("the console acts as bob", () -> ((MenuButton) robot.lookup("#status-user").query())
                .getText().equals("User: bob"));
        refreshAndSelect(robot, "lan");
        robot.clickOn("#tool-delete");
        ConsoleFixture.await("the delete question", () -> robot.lookup("Yes").tryQuery().isPresent());
        robot.clickOn("Yes");
        console.idle(robot);
        ConsoleFixture.await("the refusal is explained", () -> robot.lookup("#error-message").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.equals(
                        "user bob may not delete network 0:lan: it needs MANAGE rights on it")).isPresent());
        robot.clickOn("OK");
        assertEquals(1, stored().size(), "nothing deleted");
    }

    @Test
    void whoHoldsThisFindsAHeldAddress(FxRobot robot) {
        createLan();
        console.inventory.leases().hold(Actor.ONEADMIN, ObjectRef.name("lan"), List.of("10.0.0.9"), Optional.empty());
        console.idle(robot);
        robot.clickOn("#who-holds").write("10.0.0.9").type(KeyCode.ENTER);
        console.idle(robot);
        Label owner = ConsoleFixture.node(robot, "#whois-owner");
        assertEquals("a hold (HOLD)", owner.getText());
        robot.clickOn("Open network");
        console.idle(robot);
        ConsoleFixture.await("the network opened", () -> ((Label) robot.lookup("#detail-title").query())
                .getText().endsWith(":lan"));
    }

    @Test
    void leavingAnEditedNetworkAsksAndCancelKeepsTheEdits(FxRobot robot) {
        createLan();
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = other\nVN_MAD = bridge\n", "t"));
        refreshAndSelect(robot, "lan");
        robot.clickOn("#field-DESCRIPTION").write("office floor 2");
        ConsoleFixture.clickCell(robot, "#network-table", "other");
        ConsoleFixture.await("the unsaved-changes question", () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Cancel");
        console.idle(robot);
        Label title = ConsoleFixture.node(robot, "#detail-title");
        assertTrue(title.getText().contains(":lan") && title.getText().contains("unsaved"), title.getText());
        assertEquals("office floor 2", ((TextArea) ConsoleFixture.node(robot, "#field-DESCRIPTION")).getText());

        ConsoleFixture.clickCell(robot, "#network-table", "other");
        ConsoleFixture.await("asked again", () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Discard");
        console.idle(robot);
        ConsoleFixture.await("the other network shows", () -> title.getText().endsWith(":other"));
        assertEquals("", stored().get(0).description(), "discarded edits were not saved");
    }

    @Test
    void ctrlSSavesAndARenameFromTheContextMenuReachesTheOpenForm(FxRobot robot) {
        createLan();
        refreshAndSelect(robot, "lan");
        robot.clickOn("#field-DESCRIPTION").write("second floor");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        console.idle(robot);
        ConsoleFixture.await("saved with Ctrl+S", () -> stored().get(0).description().equals("second floor"));

        // Monocle's robot sends no context-menu request on a right click, so the menu is opened directly
        TableView<NetworkRow> table = ConsoleFixture.node(robot, "#network-table");
        robot.interact(() -> table.getContextMenu().show(table, javafx.geometry.Side.BOTTOM, 0, 0));
        robot.clickOn("Rename…");
        TextField name = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        robot.doubleClickOn(name).eraseText(3).write("lan-2");
        robot.clickOn("OK");
        console.idle(robot);
        ConsoleFixture.await("renamed", () -> stored().get(0).name().equals("lan-2"));
        TextField formName = ConsoleFixture.node(robot, "#field-NAME");
        ConsoleFixture.await("the open form shows the new name", () -> formName.getText().equals("lan-2"));
        Label title = ConsoleFixture.node(robot, "#detail-title");
        assertFalse(title.getText().contains("unsaved"), title.getText());
    }

    @Test
    void ctrlSSavesOnlyTheEditorOnScreen(FxRobot robot) {
        createLan();
        refreshAndSelect(robot, "lan");
        robot.clickOn("#field-DESCRIPTION").write("kept for later");
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Security Groups")).queryAs(Node.class));
        console.idle(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        console.idle(robot);
        assertEquals("", stored().get(0).description(), "the hidden network form is not saved");
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Networks")).queryAs(Node.class));
        console.idle(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        console.idle(robot);
        ConsoleFixture.await("saved once on screen", () -> stored().get(0).description().equals("kept for later"));
    }

    @Test
    void theOneToolbarShowsTheActionsOfTheSelectedSectionInOneStyle(FxRobot robot) {
        console.idle(robot);
        javafx.scene.control.ToolBar bar = robot.lookup(".main-toolbar").queryAs(javafx.scene.control.ToolBar.class);
        assertEquals(List.of("tool-new", "tool-template", "tool-rename", "tool-delete", "tool-lock", "tool-unlock",
                "tool-hold", "tool-reserve", "tool-refresh"), buttonIds(bar));
        section(robot, "Security Groups");
        assertEquals(List.of("sg-new", "sg-delete", "sg-clone", "sg-rename", "sg-chown", "sg-commit", "sg-retry",
                "tool-refresh"), buttonIds(bar), "one Refresh, the section's actions before it");
        assertTrue(robot.lookup("#sg-view .button").queryAll().stream().noneMatch(b -> "sg-refresh".equals(b.getId())));
        section(robot, "Network Templates");
        assertEquals(List.of("tpl-new", "tpl-instantiate", "tpl-clone", "tpl-rename", "tpl-lock", "tpl-unlock",
                "tpl-chown", "tpl-delete", "tool-refresh"), buttonIds(bar));
        section(robot, "VMs");
        assertEquals(List.of("vm-new", "vm-deploy", "vm-poweroff", "vm-resume", "vm-undeploy", "vm-attach",
                "vm-detach", "vm-delete", "tool-refresh"), buttonIds(bar));
        assertFalse(robot.lookup(".main-toolbar .tool-bar-overflow-button").tryQuery().map(Node::isVisible)
                .orElse(false), "the VM actions, Refresh and who-holds-this fit in the window");
        section(robot, "Hosts");
        assertEquals(List.of("host-new", "host-edit", "host-check-drift", "host-rename", "host-delete",
                "host-plan", "host-plan-all", "host-apply", "host-apply-pending", "tool-refresh"), buttonIds(bar));
        assertFalse(robot.lookup(".main-toolbar .tool-bar-overflow-button").tryQuery().map(Node::isVisible)
                .orElse(false), "the host actions, Refresh and who-holds-this fit in the window");
        assertEquals(HostsViewModel.PLAN_APPLY_NOTE, ((Label) ConsoleFixture.node(robot, "#host-plan-note")).getText(),
                "the Hosts view says what Plan… and Apply… do");
        section(robot, "Clusters");
        assertEquals(List.of("cluster-new", "cluster-rename", "cluster-delete", "cluster-add-host",
                "cluster-remove-host", "cluster-add-network", "cluster-remove-network", "tool-refresh"),
                buttonIds(bar));
        section(robot, "Users & Groups");
        for (String id : List.of("user-new", "user-chgrp", "user-delete", "user-act-as", "group-new", "acl-new")) {
            Button b = ConsoleFixture.node(robot, "#" + id);
            assertTrue(b.getStyleClass().contains("tool-button") && b.getGraphic() != null,
                    id + " looks like every other action (icon and label)");
        }
        bar.getItems().stream().filter(n -> n instanceof Button).forEach(b -> assertTrue(
                b.getStyleClass().contains("tool-button") && ((Button) b).getGraphic() != null, b.getId()));
    }

    private void section(FxRobot robot, String title) {
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith(title)).queryAs(Node.class));
        console.idle(robot);
    }

    private static List<String> buttonIds(javafx.scene.control.ToolBar bar) {
        return bar.getItems().stream().filter(n -> n instanceof Button).map(Node::getId).toList();
    }
}
