package vnetdesk.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.service.vm.VmService.Action;

/** The VMs section's list, detail and actions on a real inventory, without the toolkit. */
class VmsViewModelTest extends VmTestBase {

    private int leaseChanges;
    private VmsViewModel vms;

    @BeforeEach
    void section() {
        vms = new VmsViewModel(inventory, ADMIN, runner, dialogs, consoleHosts(), () -> leaseChanges++);
    }

    private VmRow row(int id) {
        vms.list().reload();
        return vms.list().row(id).orElseThrow();
    }

    @Test
    void theTableShowsStateHostAndEveryNicsAddressAndTheDetailItsNicsAndContext() {
        int id = createVm("NAME = web\nGATEWAY_IFACE = 0\nNIC = [ NETWORK = lan ]\nNIC = [ NETWORK_MODE = auto ]\n");
        vms.list().reload();
        assertEquals(1, vms.list().countProperty().get());
        VmRow r = row(id);
        assertEquals(VmState.PENDING, r.state());
        assertEquals("10.0.0.1, auto", r.addresses());
        vms.list().selectedIdProperty().set(Optional.of(id));
        VmDetailViewModel d = vms.detail();
        assertEquals(Optional.of(id), d.shownId());
        assertEquals(List.of("GATEWAY_IFACE = 0"), d.attributes());
        NicRow first = d.nics().get(0);
        assertEquals("0:lan", first.network());
        assertEquals("one-" + id + "-0", first.tap());
        assertEquals("0:default", first.groups());
        assertEquals("none", first.qos());
        assertTrue(d.nics().get(1).network().startsWith("automatic, chosen at deploy"), d.nics().get(1).network());
        var shown = d.currentProperty().get().orElseThrow();
        assertEquals(Optional.of(0), shown.context().defaultRouteNic());
        assertTrue(shown.context().contextSh().contains("ETH0_IP=\"10.0.0.1\""));
        vms.list().filterProperty().set("10.0.0.1");
        assertEquals(1, vms.list().rows().size());
        vms.list().filterProperty().set("nothing-like-this");
        assertEquals(0, vms.list().rows().size());
    }

    @Test
    void refreshReadsTheVmShownAgainAndAVmDeletedElsewhereLeavesQuietly() {
        int id = createVm("NAME = web\n");
        vms.list().reload();
        vms.list().selectedIdProperty().set(Optional.of(id));
        inventory.vms().attachNic(ADMIN, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan")));
        vms.reload();
        assertEquals(1, vms.detail().nics().size(), "the NIC attached by the CLI shows");
        inventory.vms().delete(ADMIN, ObjectRef.id(id));
        vms.reload();
        assertEquals(Optional.empty(), vms.detail().shownId());
        assertEquals(List.of(), dialogs.errors, "no error for a VM that is simply gone");
    }

    @Test
    void detachAsksAndReleasesTheLease() {
        int id = createVm("NAME = web\nNIC = [ NETWORK = lan ]\n");
        vms.list().reload();
        vms.list().selectedIdProperty().set(Optional.of(id));
        VmDetailViewModel d = vms.detail();
        d.selectedNicProperty().set(Optional.of(0));
        dialogs.answer(false);
        d.detachSelected();
        assertEquals(1, leasesOf("lan").size(), "No keeps it");
        dialogs.answer(true);
        d.detachSelected();
        assertTrue(dialogs.questions.get(1).contains("Its lease 10.0.0.1 of network 0:lan is released"),
                dialogs.questions.toString());
        assertEquals(List.of(), leasesOf("lan"));
        assertEquals(List.of(), d.nics());
        assertEquals(Optional.empty(), d.selectedNicProperty().get());
        assertEquals(1, leaseChanges, "the networks are told");
        assertEquals("", row(id).addresses());
        assertEquals("VM " + id + ":web is PENDING: its NICs reach a host when it runs", dialogs.notices.get(0),
                "the notice says what the VM's host got: nothing, as the VM does not run");
    }

    @Test
    void deployAsksForAHostAndStateChangesFollowTheService() {
        int id = createVm("NAME = web\nNIC = [ NETWORK = lan ]\n");
        vms.list().reload();
        dialogs.answer(Optional.of("0:kvm1 (cluster 0:default)"));
        vms.deploy(row(id));
        assertEquals(VmState.RUNNING, row(id).state());
        assertEquals("0:kvm1", row(id).host());
        vms.act(row(id), Action.POWEROFF);
        assertEquals(VmState.POWEROFF, row(id).state());
        vms.act(row(id), Action.POWEROFF);
        assertTrue(dialogs.errors.get(0).startsWith("Cannot poweroff VM " + id + ":web: VM " + id + ":web is POWEROFF"),
                dialogs.errors.toString());
        vms.act(row(id), Action.UNDEPLOY);
        assertEquals(VmState.UNDEPLOYED, row(id).state());
        assertEquals("", row(id).host());
    }

    @Test
    void newVmTakesANameAndAVmTemplateAndARefusalStaysOnTheForm() {
        NewVmViewModel form = vms.newVm();
        form.nameProperty().set("db");
        form.templateProperty().set("NIC = [ NETWORK = lan ]\nNIC = [ NETWORK = wan ");
        List<Integer> created = new ArrayList<>();
        form.create(created::add);
        assertEquals(List.of(), created);
        assertTrue(form.refusalProperty().get().contains("line 2"), form.refusalProperty().get());
        form.templateProperty().set("NAME = ignored\nNIC = [ NETWORK = lan ]\nGATEWAY_IFACE = 0\n");
        form.create(created::add);
        assertEquals(1, created.size());
        vms.created(created.get(0));
        assertEquals("db", row(created.get(0)).name());
        assertEquals(Optional.of(created.get(0)), vms.list().selectedIdProperty().get());
        assertEquals(List.of(new LeaseOwner.VmNic(created.get(0), 0)),
                leasesOf("lan").stream().map(l -> l.owner()).toList());
        assertEquals(1, leaseChanges);
    }

    @Test
    void deleteThroughTheOwnedObjectActionsReleasesEveryLease() {
        int id = createVm("NAME = web\nNIC = [ NETWORK = lan ]\nNIC = [ NETWORK = wan ]\n");
        vms.list().reload();
        vms.list().selectedIdProperty().set(Optional.of(id));
        dialogs.answer(true);
        vms.owned().delete(row(id).target());
        assertTrue(dialogs.questions.get(0).contains("The leases of its 2 NICs are released"));
        assertEquals(List.of(), leasesOf("lan"));
        assertEquals(List.of(), leasesOf("wan"));
        assertEquals(0, vms.list().countProperty().get());
        assertEquals(Optional.empty(), vms.detail().shownId());
        assertEquals(1, leaseChanges);
        assertEquals(0, inventory.queries().list(ADMIN).stream().mapToLong(n -> n.used()).sum(), "no lease is left");
    }
}
