package vnetdesk.ui.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.Driver;
import vnetdesk.service.host.DesiredReport;
import vnetdesk.service.host.HostEngine;
import vnetdesk.service.host.HostReports;
import vnetdesk.service.host.HostStatus;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ViewModelTestBase;
import vnetdesk.ui.host.HostFormViewModel.IdentityChoice;

/**
 * The Hosts section on a real inventory, without the toolkit: the columns'
 * texts (address with port, pending changes, last apply in local time), the
 * status bar's count, the History tab, and the New/Edit host form's refusals.
 */
class HostsViewModelTest extends ViewModelTestBase {

    /** 09:00 in Paris on 3 December 2026: "today" for the Last apply column. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final Instant SEVEN_TWELVE_PARIS = Instant.parse("2026-12-03T06:12:00Z");

    private HostsViewModel hosts;

    @BeforeEach
    void section() {
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\nBRIDGE = br-lan\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        hosts = new HostsViewModel(inventory, ADMIN, runner, dialogs, consoleHosts(), CLOCK);
    }

    private HostRow host(String name) {
        hosts.list().reload();
        return hosts.list().unfiltered().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private HostFormViewModel form(String name, String address, String port, String user, IdentityChoice identity,
                                   String key) {
        HostFormViewModel form = hosts.newHost();
        form.load();
        form.nameProperty().set(name);
        fill(form, address, port, user, identity, key);
        return form;
    }

    private static void fill(HostFormViewModel form, String address, String port, String user,
                             IdentityChoice identity, String key) {
        form.addressProperty().set(address);
        form.portProperty().set(port);
        form.userProperty().set(user);
        form.identityProperty().set(identity);
        form.keyFileProperty().set(key);
    }

    private int add(String name, String address, String port, String user, IdentityChoice identity, String key) {
        List<Integer> made = new ArrayList<>();
        HostFormViewModel form = form(name, address, port, user, identity, key);
        form.save(made::add);
        assertEquals(Map.of(), form.errors(), "the form refused " + name);
        made.forEach(hosts::created);
        return made.get(0);
    }

    private void markApplied(String name) {
        String digest = HostEngine.digest(inventory.hostPlans().desiredState(ADMIN, ObjectRef.name(name)));
        inventory.hosts().markApplied(ADMIN, ObjectRef.name(name), digest, new HostApplyOutcome(
                SEVEN_TWELVE_PARIS.minusSeconds(4), SEVEN_TWELVE_PARIS, Result.APPLIED, Optional.empty(), "done", 12));
    }

    @Test
    void columnsShowTheAddressWithAPortOtherThan22TheUserPendingAndTheLastApply() {
        add("kvm1", "10.0.0.5", "2222", "admin", IdentityChoice.KEY_FILE, "/home/op/.ssh/id_ed25519");
        add("kvm6", "fd00::6", "2200", "root", IdentityChoice.AGENT, "");
        add("kvm2", "kvm2.example.org", "22", "root", IdentityChoice.AGENT, "");
        add("spare", "", "22", "root", IdentityChoice.PASSWORD, "");
        HostRow kvm1 = host("kvm1");
        assertEquals("10.0.0.5:2222", kvm1.addressText());
        assertEquals("admin", kvm1.connection().user());
        assertEquals("/home/op/.ssh/id_ed25519", kvm1.identityText());
        assertEquals("yes", kvm1.pendingText(), "never applied: everything is pending");
        assertEquals("", kvm1.lastApplyText());
        assertEquals("[fd00::6]:2200", host("kvm6").addressText());
        assertEquals("kvm2.example.org", host("kvm2").addressText(), "port 22 is not shown");
        assertEquals("ssh-agent", host("kvm2").identityText());
        assertEquals("not set", host("spare").addressText());
        assertEquals("password, asked when connecting", host("spare").identityText());
        assertEquals("4 hosts with pending changes", hosts.pendingTextBinding().get());

        markApplied("kvm1");
        assertEquals("no", host("kvm1").pendingText());
        assertEquals("APPLIED 07:12", host("kvm1").lastApplyText(), "local time (Paris) of the finish");
        assertEquals(3, hosts.pendingCountBinding().get());

        inventory.hosts().recordOutcome(ADMIN, ObjectRef.name("kvm2"), new HostApplyOutcome(SEVEN_TWELVE_PARIS,
                SEVEN_TWELVE_PARIS, Result.FAILED_ROLLED_BACK, Optional.of(3), "RTNETLINK answers: File exists", 7));
        inventory.hosts().recordOutcome(ADMIN, ObjectRef.name("kvm6"), new HostApplyOutcome(
                Instant.parse("2026-11-30T06:12:00Z"), Instant.parse("2026-11-30T06:12:09Z"), Result.UNREACHABLE,
                Optional.empty(), "connection refused", 0));
        assertEquals("FAILED_ROLLED_BACK at step 3 · 07:12", host("kvm2").lastApplyText());
        assertEquals("UNREACHABLE 2026-11-30 07:12", host("kvm6").lastApplyText(), "another day shows its date");
        assertEquals("yes", host("kvm2").pendingText(), "a failed apply leaves the changes pending");
    }

    @Test
    void deployingAVmWithANicMakesAnAppliedHostPendingAgain() {
        add("kvm1", "10.0.0.5", "22", "root", IdentityChoice.AGENT, "");
        markApplied("kvm1");
        hosts.list().reload();
        assertEquals("0 hosts with pending changes", hosts.pendingTextBinding().get());
        int vm = inventory.vms().create(ADMIN, TemplateParser.parse("NAME = web\nNIC = [ NETWORK = lan ]\n", "vm"));
        inventory.vms().deploy(ADMIN, ObjectRef.id(vm), ObjectRef.name("kvm1"));
        assertEquals("yes", host("kvm1").pendingText(), "the VM's NIC is a change the host has not received");
        assertEquals("1 host with pending changes", hosts.pendingTextBinding().get());
        hosts.list().filterProperty().set("nothing matches this");
        assertEquals(1, hosts.pendingCountBinding().get(), "the count is over all hosts, whatever the filter");
    }

    @Test
    void aUserWhoMayNotManageAHostSeesADashAndCountsNothing() {
        add("kvm1", "10.0.0.5", "22", "root", IdentityChoice.AGENT, "");
        inventory.users().createUser(ADMIN, "bob", "users");
        HostsViewModel bobs = new HostsViewModel(inventory, inventory.actor("bob"), runner, dialogs, consoleHosts(), CLOCK);
        bobs.list().reload();
        assertEquals("—", bobs.list().unfiltered().get(0).pendingText());
        assertEquals("0 hosts with pending changes", bobs.pendingTextBinding().get());
        bobs.list().selectedIdProperty().set(Optional.of(bobs.list().unfiltered().get(0).id()));
        assertEquals(Optional.empty(), bobs.desiredProperty().get());
        assertTrue(bobs.desiredNoteProperty().get().startsWith("Cannot show what host 0:kvm1 must carry: "),
                bobs.desiredNoteProperty().get());
        assertEquals(List.of(), dialogs.errors, "not being allowed to plan is no error to show");
    }

    @Test
    void historyListsTheSelectedHostsOutcomesNewestFirstWithTheWholeMessage() {
        int id = add("kvm1", "10.0.0.5", "22", "root", IdentityChoice.AGENT, "");
        add("kvm2", "10.0.0.6", "22", "root", IdentityChoice.AGENT, "");
        String longMessage = "iptables-restore: line 412 failed ".repeat(40).strip();
        inventory.hosts().recordOutcome(ADMIN, ObjectRef.id(id), new HostApplyOutcome(
                SEVEN_TWELVE_PARIS.minusSeconds(60), SEVEN_TWELVE_PARIS.minusSeconds(57), Result.FAILED_ROLLED_BACK,
                Optional.of(2), longMessage, 5));
        markApplied("kvm1");
        hosts.list().selectedIdProperty().set(Optional.of(id));
        hosts.list().reload();
        assertEquals(2, hosts.history().size());
        HistoryRow newest = hosts.history().get(0);
        assertEquals("APPLIED", newest.result());
        assertEquals("—", newest.failedStep());
        assertEquals(12, newest.commands());
        HistoryRow failed = hosts.history().get(1);
        assertEquals(new HistoryRow("2026-12-03 07:11:00", "2026-12-03 07:11:03", "FAILED_ROLLED_BACK", "2", 5,
                longMessage), failed);
        hosts.list().selectedIdProperty().set(Optional.of(host("kvm2").id()));
        assertEquals(List.of(), hosts.history(), "kvm2 was never applied");
        hosts.list().selectedIdProperty().set(Optional.empty());
        assertEquals(List.of(), hosts.history());
    }

    @Test
    void eachHostileValueIsRefusedOnItsFieldAndNoHostIsMade() {
        record Case(String field, String address, String port, String user, IdentityChoice identity, String key) {
        }
        for (Case c : List.of(
                new Case("ADDRESS", "10.0.0.1; rm -rf /", "22", "root", IdentityChoice.AGENT, ""),
                new Case("ADDRESS", "-oProxyCommand=sh", "22", "root", IdentityChoice.AGENT, ""),
                new Case("PORT", "10.0.0.1", "22; reboot", "root", IdentityChoice.AGENT, ""),
                new Case("PORT", "10.0.0.1", "0", "root", IdentityChoice.AGENT, ""),
                new Case("PORT", "10.0.0.1", "65536", "root", IdentityChoice.AGENT, ""),
                new Case("PORT", "10.0.0.1", "", "root", IdentityChoice.AGENT, ""),
                new Case("USER", "10.0.0.1", "22", "-oProxyCommand=sh", IdentityChoice.AGENT, ""),
                new Case("USER", "10.0.0.1", "22", "root$(id)", IdentityChoice.AGENT, ""),
                new Case("USER", "10.0.0.1", "22", "", IdentityChoice.AGENT, ""),
                new Case("IDENTITY", "10.0.0.1", "22", "root", IdentityChoice.KEY_FILE, ""),
                new Case("IDENTITY", "10.0.0.1", "22", "root", IdentityChoice.KEY_FILE, ".ssh/id_rsa"),
                new Case("IDENTITY", "10.0.0.1", "22", "root", IdentityChoice.KEY_FILE, "/tmp/key\nX-Injected: 1"))) {
            HostFormViewModel form = form("kvm1", c.address(), c.port(), c.user(), c.identity(), c.key());
            form.save(id -> { });
            assertEquals(List.of(c.field()), List.copyOf(form.errors().keySet()), c.toString());
            assertTrue(form.errors().get(c.field()).startsWith(c.field() + ":"), form.errors().toString());
            assertEquals("", form.refusalProperty().get());
        }
        HostFormViewModel form = form("kvm1", "10.0.0.1", "99999", "root", IdentityChoice.AGENT, "");
        form.save(id -> { });
        form.portProperty().set("2222");
        assertTrue(form.errors().isEmpty(), "an edit clears its field's error");
        hosts.list().reload();
        assertEquals(0, hosts.list().countProperty().get());
        HostFormViewModel badKey = form("kvm1", "10.0.0.1", "22", "root", IdentityChoice.KEY_FILE, "");
        badKey.save(id -> { });
        badKey.identityProperty().set(IdentityChoice.AGENT);
        assertTrue(badKey.errors().isEmpty(), "another identity choice clears the key file's error");
    }

    @Test
    void editChangesTheLoginKeepsWhatWasNotChangedAndStoresNoPassword() {
        int id = add("kvm1", "10.0.0.5", "2222", "admin", IdentityChoice.KEY_FILE, "/home/op/.ssh/id_ed25519");
        HostFormViewModel edit = hosts.edit(host("kvm1"));
        assertTrue(edit.isEdit());
        assertEquals(List.of("10.0.0.5", "2222", "admin", "/home/op/.ssh/id_ed25519"), List.of(
                edit.addressProperty().get(), edit.portProperty().get(), edit.userProperty().get(),
                edit.keyFileProperty().get()), "the form starts from the host's settings");
        assertEquals(IdentityChoice.KEY_FILE, edit.identityProperty().get());
        edit.userProperty().set("bad user");
        edit.save(hosts::edited);
        assertEquals(List.of("USER"), List.copyOf(edit.errors().keySet()));
        assertEquals("admin", host("kvm1").connection().user(), "a refused edit changes nothing");
        edit.userProperty().set("root");
        edit.identityProperty().set(IdentityChoice.PASSWORD);
        edit.save(hosts::edited);
        assertEquals(Optional.of(id), hosts.list().selectedIdProperty().get());
        HostConnection stored = inventory.hosts().show(ADMIN, ObjectRef.id(id)).host().connection();
        assertEquals(new HostConnection(2222, "root", HostConnection.Identity.PASSWORD), stored);
        assertEquals("password, asked when connecting", host("kvm1").identityText());
        assertFalse(Arrays.stream(HostFormViewModel.class.getMethods()).anyMatch(m -> m.getName()
                .toLowerCase(Locale.ROOT).contains("password")), "the form has no place to type a password");
        assertEquals("Host " + id + " saved", dialogs.notices.get(dialogs.notices.size() - 1));
    }

    private void record(String name, HostStatus status) {
        inventory.hostStatuses().record(ADMIN, ObjectRef.name(name), status);
    }

    @Test
    void connectionProbeAndDriftColumnsShowWhatTheConsoleLastLearnt() {
        add("kvm1", "10.0.0.5", "22", "root", IdentityChoice.AGENT, "");
        add("kvm2", "10.0.0.6", "22", "root", IdentityChoice.AGENT, "");
        add("kvm3", "10.0.0.7", "22", "root", IdentityChoice.AGENT, "");
        HostRow fresh = host("kvm3");
        assertEquals("not contacted", fresh.connectionText());
        assertEquals("not probed", fresh.probeText());
        assertEquals(HostRow.Drift.NOT_CHECKED, fresh.drift());

        HostReports.ProbeReport probe = new HostReports.ProbeReport("6.8.0", "root", Map.of("bridge", "yes",
                "8021q", "no"), List.of("ip"), List.of(), new java.util.EnumMap<>(Map.of(
                Driver.BRIDGE, List.of(), Driver.VXLAN, List.of(),
                Driver.VLAN, List.of("802.1Q needs the kernel feature 8021q (802.1Q VLAN devices), which this kernel"
                        + " lacks"))), List.of());
        record("kvm1", new HostStatus(Optional.of(new HostStatus.Contact(SEVEN_TWELVE_PARIS, true, Optional.empty())),
                Optional.of(new HostStatus.Probed(SEVEN_TWELVE_PARIS, probe)),
                Optional.of(new HostStatus.DriftCheck(SEVEN_TWELVE_PARIS, HostReports.PlanStatus.CHANGES,
                        List.of("iptables: rewrite chain one-3-0-i"))), Optional.empty()));
        record("kvm2", new HostStatus(Optional.of(new HostStatus.Contact(SEVEN_TWELVE_PARIS, false,
                Optional.of("10.0.0.6:22: connection refused"))), Optional.empty(), Optional.of(
                new HostStatus.DriftCheck(SEVEN_TWELVE_PARIS, HostReports.PlanStatus.IN_SYNC, List.of())),
                Optional.empty()));
        HostRow kvm1 = host("kvm1");
        assertEquals("reachable 07:12", kvm1.connectionText(), "local time (Paris)");
        assertEquals("root; bridge, vxlan; 802.1Q: no 8021q", kvm1.probeText());
        assertEquals(HostRow.Drift.OUT_OF_SYNC, kvm1.drift());
        assertEquals("out of sync", kvm1.drift().text());
        assertEquals("unreachable: 10.0.0.6:22: connection refused", host("kvm2").connectionText());
        assertEquals(HostRow.Drift.IN_SYNC, host("kvm2").drift());
    }

    @Test
    void selectingAHostReadsWhatItMustCarryForTheNetworksAndFirewallTabs() {
        int id = add("kvm1", "10.0.0.5", "22", "root", IdentityChoice.AGENT, "");
        assertEquals(Optional.of(id), hosts.list().selectedIdProperty().get(), "a new host is selected");
        assertEquals(List.of(), hosts.desiredProperty().get().orElseThrow().networks(), "nothing placed on it yet");
        int vm = inventory.vms().create(ADMIN, TemplateParser.parse("NAME = web\nNIC = [ NETWORK = lan ]\n", "vm"));
        inventory.vms().deploy(ADMIN, ObjectRef.id(vm), ObjectRef.name("kvm1"));
        hosts.list().reload();
        DesiredReport report = hosts.desiredProperty().get().orElseThrow();
        assertEquals("", hosts.desiredNoteProperty().get());
        assertEquals(List.of("br-lan", "one-" + vm + "-0"), report.networks().get(0).devices().stream()
                .map(DesiredReport.NeededDevice::name).toList());
        assertEquals(List.of("no firewall: driver bridge does not filter with security groups"),
                report.nics().get(0).readable());

        hosts.list().selectedIdProperty().set(Optional.empty());
        assertEquals(Optional.empty(), hosts.desiredProperty().get());
        assertEquals("No host selected", hosts.desiredNoteProperty().get());
    }
}
