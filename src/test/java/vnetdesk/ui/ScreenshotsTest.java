package vnetdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vnetdesk.model.Actor;
import vnetdesk.model.Driver;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostEngine;
import vnetdesk.service.host.HostReports;
import vnetdesk.service.host.HostStatus;
import vnetdesk.template.TemplateParser;

/**
 * Writes the README screenshots from the sample inventory: the main window (light and dark themes),
 * each network tab, the Hold IP dialog, the security groups and network
 * templates views, the Instantiate dialog, and Users & Groups. Runs only when asked:
 * {@code mvn -B test -Dtest=ScreenshotsTest -Dvnetdesk.screenshots=assets/screenshots}
 * (headless, through Monocle, like the other UI tests).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final String TARGET = System.getProperty("vnetdesk.screenshots", "");
    @TempDir
    static Path dir;
    private static int instance;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws IOException {
        if (TARGET.isEmpty()) {
            return;
        }
        // each test its own inventory: the sample is only loaded into an empty one
        console = new ConsoleFixture(stage, dir.resolve("inventory-" + instance++));
        SampleInventory.load(console.inventory, Actor.ONEADMIN);
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void writeTheScreenshots(FxRobot robot) throws Exception {
        Assumptions.assumeFalse(TARGET.isEmpty(), "screenshots are written only with -Dvnetdesk.screenshots=DIR");
        Path out = Path.of(TARGET);
        Files.createDirectories(out);
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        console.selectNetwork(robot, "office-lan");
        save(console.stage.getScene(), out.resolve("main-window.png"));
        theme(robot, "Dark");
        save(console.stage.getScene(), out.resolve("main-window-dark.png"));
        theme(robot, "Light");
        for (String tab : new String[]{"General", "Context", "Addresses", "Leases", "Security"}) {
            ConsoleFixture.tab(robot, tab);
            console.idle(robot);
            save(console.stage.getScene(), out.resolve("network-" + tab.toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        console.selectNetwork(robot, "dmz");
        for (String tab : new String[]{"Conf", "QoS"}) {
            ConsoleFixture.tab(robot, tab);
            console.idle(robot);
            save(console.stage.getScene(), out.resolve("network-" + tab.toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        console.selectNetwork(robot, "office-lan");
        robot.clickOn("#tool-hold");
        robot.clickOn("#hold-input").write("10.10.0.20, 10.10.0.21\n10.10.0.12\n10.10.0.60-10.10.0.69");
        ConsoleFixture.await("the addresses are checked", () -> ((javafx.scene.control.ListView<?>)
                robot.lookup("#hold-checks").query()).getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        Window hold = robot.lookup("#hold-dialog").query().getScene().getWindow();
        save(hold.getScene(), out.resolve("hold-dialog.png"));
        robot.clickOn("Close");

        section(robot, "Security Groups");
        ConsoleFixture.clickCell(robot, "#sg-table", "ssh-from-mgmt");
        console.idle(robot);
        tabOf(robot, "#sg-tabs", "Rules");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("security-groups.png"));

        section(robot, "Network Templates");
        ConsoleFixture.clickCell(robot, "#template-table", "Branch office");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("network-templates.png"));
        robot.clickOn("#tpl-instantiate");
        ConsoleFixture.await("the instantiate dialog", () -> robot.lookup("#instantiate-name").tryQuery().isPresent());
        robot.clickOn("#instantiate-name").write("branch-lyon");
        robot.clickOn("#instantiate-ar-IP").write("10.40.0.1");
        robot.clickOn("#instantiate-ar-SIZE").write("254");
        WaitForAsyncUtils.waitForFxEvents();
        Window instantiate = robot.lookup("#instantiate-dialog").query().getScene().getWindow();
        save(instantiate.getScene(), out.resolve("instantiate-dialog.png"));
        robot.clickOn("Cancel");

        section(robot, "Users & Groups");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("users-and-groups.png"));

        vmsHostsAndTheWizard(robot, out);
        section(robot, "Networks");
        console.idle(robot);

        robot.clickOn("#tool-new");
        robot.clickOn("#field-NAME").write("lab");
        ConsoleFixture.tab(robot, "Conf");
        robot.clickOn("#field-MTU").write("20");
        ConsoleFixture.tab(robot, "Addresses");
        robot.clickOn("#first-ar-IP").write("10.10.0.300");
        robot.clickOn("#first-ar-SIZE").write("64");
        robot.clickOn("#save");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("create-network-errors.png"));
    }

    /**
     * Only the address maps (the whole set above takes long): office-lan's 200
     * addresses one cell each, and a /8 made here, partly held and reserved, in
     * blocks of 16,384 — with the pointer on a cell so the hover line says what it is.
     * {@code -Dtest='ScreenshotsTest#writeTheAddressMaps'}.
     */
    @Test
    void writeTheAddressMaps(FxRobot robot) throws Exception {
        Assumptions.assumeFalse(TARGET.isEmpty(), "screenshots are written only with -Dvnetdesk.screenshots=DIR");
        Path out = Path.of(TARGET);
        Files.createDirectories(out);
        Inventory inv = console.inventory;
        int campus = inv.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = campus\nVN_MAD = bridge\n"
                + "BRIDGE = br-campus\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 16777214 ]\n", "shot"));
        inv.leases().hold(Actor.ONEADMIN, ObjectRef.id(campus), List.of("10.0.0.1-10.0.63.255", "10.1.0.0-10.1.255.255",
                "10.2.0.0-10.2.31.255", "10.17.5.0-10.17.5.255"), Optional.empty());
        inv.reservations().reserve(Actor.ONEADMIN, ObjectRef.id(campus), new vnetdesk.service.ReservationService.Request(
                32_768, Optional.of("campus-labs"), Optional.empty(), Optional.empty(), Optional.of("10.64.0.0")));
        for (int vm = 0; vm < 300; vm++) {
            inv.leases().allocate(Actor.ONEADMIN, ObjectRef.id(campus), new vnetdesk.model.LeaseOwner.VmNic(500 + vm, 0),
                    Optional.of("10.9." + (vm / 100) + "." + (vm % 100 + 1)), Optional.empty());
        }
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        console.selectNetwork(robot, "office-lan");
        ConsoleFixture.tab(robot, "Addresses");
        console.idle(robot);
        pointAtMapCell(robot, 12);
        save(console.stage.getScene(), out.resolve("address-map-24.png"));
        // the new network is the table's last row, below the rows in view
        javafx.scene.control.TableView<?> networks = robot.lookup("#network-table").query();
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> networks.scrollTo(networks.getItems().size() - 1)).get();
        console.idle(robot);
        console.selectNetwork(robot, "campus");
        console.idle(robot);
        ConsoleFixture.await("the /8 is drawn in blocks", () -> ((javafx.scene.control.Label)
                robot.lookup("#map-scale").query()).getText().endsWith("1 cell = 16,384 addresses"));
        pointAtMapCell(robot, 4);
        save(console.stage.getScene(), out.resolve("address-map-8.png"));
    }

    /** An Open vSwitch network (not managed on hosts) on its Conf tab: the label beside the driver. */
    @Test
    void writeTheNotManagedNetwork(FxRobot robot) throws Exception {
        Assumptions.assumeFalse(TARGET.isEmpty(), "screenshots are written only with -Dvnetdesk.screenshots=DIR");
        Path out = Path.of(TARGET);
        Files.createDirectories(out);
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = ovs-lan\n"
                + "VN_MAD = ovswitch\nBRIDGE = br-ovs\nVLAN_ID = 30\nBRIDGE_TYPE = openvswitch_dpdk\n"
                + "AR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 50 ]\n", "ovs"));
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        // the sample's networks fill the table: the filter brings the new one into view
        robot.clickOn("#network-filter").write("ovs");
        console.idle(robot);
        console.selectNetwork(robot, "ovs-lan");
        ConsoleFixture.tab(robot, "Conf");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("not-managed.png"));
    }

    private void pointAtMapCell(FxRobot robot, int i) {
        javafx.scene.canvas.Canvas canvas = robot.lookup("#address-map").query();
        ConsoleFixture.await("the map is drawn", () -> !((javafx.scene.control.Label) robot.lookup("#map-scale")
                .query()).getText().isEmpty());
        int n = Integer.parseInt(robot.lookup("#map-scale").queryAs(javafx.scene.control.Label.class).getText()
                .replaceAll("^.*: ([0-9,]+) addresses,.*$", "$1").replace(",", ""));
        int cells = Math.min(n, 1024);
        robot.moveTo(canvas.localToScreen(vnetdesk.ui.network.MapGrid.fit(cells, canvas.getWidth(), canvas.getHeight())
                .centre(i)));
        console.idle(robot);
    }

    /**
     * The VMs view, every page of the Attach NIC wizard, Hosts (list, History tab, Edit dialog with a refused
     * port) and Clusters. The sample's hosts were never applied and its VMs are none of the wizard's cases, so
     * three more hosts with an apply history and four more VMs are made here through the services.
     */
    private void vmsHostsAndTheWizard(FxRobot robot, Path out) throws Exception {
        Inventory inv = console.inventory;
        int edge = inv.clusters().create(Actor.ONEADMIN, "edge");
        inv.hosts().create(Actor.ONEADMIN, "kvm1", Optional.empty(), Optional.of("10.255.0.21"),
                new HostConnection(22, "root", new HostConnection.Identity.KeyFile("/home/oneadmin/.ssh/id_ed25519")));
        inv.hosts().create(Actor.ONEADMIN, "kvm2", Optional.empty(), Optional.of("10.255.0.22"),
                new HostConnection(2222, "vnetdesk", HostConnection.Identity.AGENT));
        inv.hosts().create(Actor.ONEADMIN, "kvm-edge", Optional.of(ObjectRef.id(edge)), Optional.empty(),
                new HostConnection(22, "root", HostConnection.Identity.PASSWORD));
        int web = vm(inv, "NAME = web-1\nNIC = [ NETWORK = office-lan ]\nNIC = [ NETWORK = dmz ]\n");
        inv.vms().deploy(Actor.ONEADMIN, ObjectRef.id(web), ObjectRef.name("kvm1"));
        int db = vm(inv, "NAME = db-1\nNIC = [ NETWORK = storage ]\n");
        inv.vms().deploy(Actor.ONEADMIN, ObjectRef.id(db), ObjectRef.name("kvm2"));
        // its template already names NIC 1 for the default route: attaching NIC 1 moves the route there
        int app = vm(inv, "NAME = app-1\nGATEWAY_IFACE = 1\nNIC = [ NETWORK = office-lan ]\n");
        inv.vms().deploy(Actor.ONEADMIN, ObjectRef.id(app), ObjectRef.name("kvm1"));
        vm(inv, "NAME = build-agent\nNIC = [ NETWORK_MODE = auto, SCHED_REQUIREMENTS = \"VN_MAD = fw\" ]\n");
        applyHistory(inv);
        robot.clickOn("#tool-refresh");
        console.idle(robot);

        section(robot, "VMs");
        console.idle(robot);
        ConsoleFixture.clickCell(robot, "#vm-table", "web-1");
        console.idle(robot);
        tabOf(robot, "#vm-tabs", "NICs");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("vms.png"));
        tabOf(robot, "#vm-tabs", "Context");
        save(console.stage.getScene(), out.resolve("vm-context.png"));

        ConsoleFixture.clickCell(robot, "#vm-table", "app-1");
        console.idle(robot);
        robot.clickOn("#vm-attach");
        ConsoleFixture.await("the wizard", () -> robot.lookup("#attach-page-network").tryQuery().isPresent());
        robot.clickOn("#attach-mode-automatic");
        robot.clickOn("#attach-requirements").write("VN_MAD = \"802.1Q\" | NAME = \"office*\"");
        robot.clickOn("#attach-rank").write("FREE_LEASES");
        ConsoleFixture.await("the candidates", () -> ((javafx.scene.control.ListView<?>)
                robot.lookup("#attach-candidates").query()).getItems().size() > 2);
        console.idle(robot);
        saveWindowOf(robot, "#attach-page-network", out.resolve("attach-1-network-automatic.png"));
        robot.clickOn("#attach-mode-network");
        robot.clickOn(robot.lookup("#attach-networks .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getText() != null && c.getText().endsWith(":dmz")).queryAs(javafx.scene.Node.class));
        console.idle(robot);
        saveWindowOf(robot, "#attach-page-network", out.resolve("attach-1-network.png"));
        next(robot, "address");
        robot.clickOn("#attach-specific");
        robot.clickOn("#attach-address").write("192.0.2.99");
        ConsoleFixture.await("the address is refused", () -> !((javafx.scene.control.Label)
                robot.lookup("#attach-address-error").query()).getText().isEmpty());
        console.idle(robot);
        saveWindowOf(robot, "#attach-page-address", out.resolve("attach-2-address.png"));
        robot.doubleClickOn("#attach-address").eraseText(10).write("192.0.2.80");
        console.idle(robot);
        next(robot, "options");
        robot.clickOn(robot.lookup("#attach-page-options .check-box").match((javafx.scene.control.CheckBox b) ->
                b.getText() != null && b.getText().endsWith(":web")).queryAs(javafx.scene.Node.class));
        robot.clickOn("#attach-qos-INBOUND_AVG_BW").write("5000");
        console.idle(robot);
        saveWindowOf(robot, "#attach-page-options", out.resolve("attach-3-groups-qos.png"));
        next(robot, "route");
        console.idle(robot);
        saveWindowOf(robot, "#attach-page-route", out.resolve("attach-4-route.png"));
        robot.clickOn("#attach-keep-route");
        next(robot, "review");
        console.idle(robot);
        saveWindowOf(robot, "#attach-page-review", out.resolve("attach-5-review.png"));
        robot.clickOn("#attach-finish");
        console.idle(robot);
        ConsoleFixture.await("the wizard closed", () -> robot.lookup("#attach-page-review").tryQuery().isEmpty());

        section(robot, "Hosts");
        ConsoleFixture.clickCell(robot, "#host-table", "kvm1");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("hosts.png"));
        tabOf(robot, "#host-tabs", "History");
        robot.clickOn(robot.lookup("#host-history .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "FAILED_ROLLED_BACK".equals(c.getText())).queryAs(javafx.scene.Node.class));
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("host-history.png"));
        tabOf(robot, "#host-tabs", "Probe");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("host-probe.png"));
        tabOf(robot, "#host-tabs", "Networks");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("host-networks.png"));
        tabOf(robot, "#host-tabs", "Firewall");
        console.idle(robot);
        robot.clickOn(robot.lookup("#host-firewall .toggle-button").queryAs(javafx.scene.Node.class));
        console.idle(robot);
        // the exact text opens below the readable lines: scrolled into view
        javafx.scene.control.ScrollPane firewall = robot.lookup(".scroll-pane").match(
                (javafx.scene.control.ScrollPane p) -> p.getContent() != null
                        && "host-firewall".equals(p.getContent().getId())).query();
        robot.interact(() -> firewall.setVvalue(0.2));
        WaitForAsyncUtils.waitForFxEvents();
        save(console.stage.getScene(), out.resolve("host-firewall.png"));
        tabOf(robot, "#host-tabs", "General");
        robot.clickOn("#host-edit");
        ConsoleFixture.await("the Edit dialog", () -> robot.lookup("#host-form-address").tryQuery().isPresent());
        robot.doubleClickOn("#host-form-port").write("22x");
        robot.clickOn("#host-form-ok");
        console.idle(robot);
        saveWindowOf(robot, "#host-dialog", out.resolve("host-edit.png"));
        robot.clickOn("Cancel");
        section(robot, "Clusters");
        ConsoleFixture.clickCell(robot, "#cluster-table", "default");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("clusters.png"));
    }

    /**
     * What applying did to the hosts, recorded as the engine records it: kvm1
     * failed (rolled back) two days ago, was unreachable yesterday and was
     * applied half an hour ago (the NIC the wizard attaches later is pending);
     * kvm2 is in its desired state; kvm-edge was never applied.
     */
    private static void applyHistory(Inventory inv) {
        Instant now = Instant.now();
        Instant twoDays = now.minus(Duration.ofDays(2));
        inv.hosts().recordOutcome(Actor.ONEADMIN, ObjectRef.name("kvm1"), new HostApplyOutcome(twoDays,
                twoDays.plusSeconds(4), HostApplyOutcome.Result.FAILED_ROLLED_BACK, Optional.of(3),
                "step 3 (bridge onebr.0 for network 1:office-lan): ip link add onebr.0 type bridge: RTNETLINK answers:"
                        + " File exists; the 2 steps before were undone and the saved tables restored", 11));
        Instant yesterday = now.minus(Duration.ofDays(1));
        inv.hosts().recordOutcome(Actor.ONEADMIN, ObjectRef.name("kvm1"), new HostApplyOutcome(yesterday,
                yesterday.plusSeconds(10), HostApplyOutcome.Result.UNREACHABLE, Optional.empty(),
                "10.255.0.21:22: connection timed out after 10 s", 0));
        for (String host : new String[]{"kvm1", "kvm2"}) {
            Instant started = now.minus(Duration.ofMinutes(30));
            inv.hosts().markApplied(Actor.ONEADMIN, ObjectRef.name(host),
                    HostEngine.digest(inv.hostPlans().desiredState(Actor.ONEADMIN, ObjectRef.name(host))),
                    new HostApplyOutcome(started, started.plusSeconds(2), HostApplyOutcome.Result.APPLIED,
                            Optional.empty(), "16 steps applied and verified", 19));
        }
        hostStatus(inv, now);
    }

    /**
     * What the engine learnt, recorded as it records it: kvm1 and kvm2 were
     * reached and probed half an hour ago (kvm1's kernel has no 8021q); kvm1
     * was found out of sync afterwards (a rule removed behind the console's
     * back), kvm2 in sync; kvm-edge, without an address, was never contacted.
     */
    private static void hostStatus(Inventory inv, Instant now) {
        Instant checked = now.minus(Duration.ofMinutes(20));
        for (String host : new String[]{"kvm1", "kvm2"}) {
            boolean vlan = host.equals("kvm2");
            Map<Driver, List<String>> drivers = new EnumMap<>(Driver.class);
            for (Driver d : Driver.values()) {
                drivers.put(d, d == Driver.VLAN && !vlan ? List.of("802.1Q needs the kernel feature 8021q (802.1Q VLAN"
                        + " devices), which this kernel lacks") : List.of());
            }
            Map<String, String> features = new LinkedHashMap<>();
            features.put("bridge", "yes");
            features.put("8021q", vlan ? "loadable" : "no");
            features.put("vxlan", "loadable");
            features.put("br_netfilter", "yes");
            features.put("act_police", "yes");
            HostReports.ProbeReport probe = new HostReports.ProbeReport("6.8.0-45-generic", "root", features, List.of("ip", "bridge", "iptables", "iptables-save", "iptables-restore",
                    "ip6tables", "ip6tables-save", "ip6tables-restore", "ipset", "ebtables", "ebtables-save", "tc"),
                    List.of("virsh"), drivers, List.of("virsh is missing: live QoS changes of libvirt domains are not"
                    + " possible"));
            ObjectRef ref = ObjectRef.name(host);
            List<String> devices = List.copyOf(inv.hostPlans().desiredState(Actor.ONEADMIN, ref).devices().keySet());
            inv.hostStatuses().record(Actor.ONEADMIN, ref, new HostStatus(
                    Optional.of(new HostStatus.Contact(checked, true, Optional.empty())),
                    Optional.of(new HostStatus.Probed(checked, probe)),
                    Optional.of(new HostStatus.DriftCheck(checked, vlan ? HostReports.PlanStatus.IN_SYNC
                            : HostReports.PlanStatus.CHANGES, vlan ? List.of()
                            : List.of("iptables: rewrite the chains of one NIC"))),
                    Optional.of(new HostStatus.KnownDevices(checked, devices))));
        }
    }

    private static int vm(Inventory inv, String template) {
        return inv.vms().create(Actor.ONEADMIN, TemplateParser.parse(template, "screenshot VM"));
    }

    private static void next(FxRobot robot, String page) {
        javafx.scene.control.Button next = robot.lookup(".button").match((javafx.scene.control.Button b) ->
                "Next".equals(b.getText())).queryAs(javafx.scene.control.Button.class);
        ConsoleFixture.await("Next is enabled", () -> !next.isDisabled());
        robot.clickOn(next);
        ConsoleFixture.await("page " + page, () -> robot.lookup("#attach-page-" + page).tryQuery().isPresent());
    }

    private static void saveWindowOf(FxRobot robot, String node, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        save(robot.lookup(node).query().getScene(), file);
    }

    /** View → Theme → {@code item}. */
    private static void theme(FxRobot robot, String item) {
        robot.clickOn("View");
        robot.clickOn("Theme");
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void section(FxRobot robot, String name) {
        robot.clickOn(robot.lookup("#navigation .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getText() != null && c.getText().startsWith(name)).queryAs(javafx.scene.Node.class));
    }

    private static void tabOf(FxRobot robot, String pane, String label) {
        robot.clickOn(robot.lookup(pane + " .tab-label").match((javafx.scene.control.Label l) ->
                label.equals(l.getText())).queryAs(javafx.scene.Node.class));
    }

    private static void save(Scene scene, Path file) throws Exception {
        WindowShots.save(file, scene);
    }
}
