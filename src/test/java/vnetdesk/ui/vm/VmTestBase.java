package vnetdesk.ui.vm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;

import vnetdesk.model.Lease;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Vm;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ViewModelTestBase;

/**
 * What the VM ViewModel tests share: networks lan (10.0.0.1–10, gateway
 * 10.0.0.254) and wan (192.0.2.1–10, gateway 192.0.2.254), security group
 * 100 "web", host kvm1 in cluster 0, and helpers to make and read VMs.
 */
abstract class VmTestBase extends ViewModelTestBase {

    @BeforeEach
    final void inventoryWithNetworks() {
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nGATEWAY = 10.0.0.254\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = wan\nVN_MAD = bridge\nGATEWAY = 192.0.2.254\n"
                + "TRAFFIC_TYPE = public\nAR = [ TYPE = IP4, IP = 192.0.2.1, SIZE = 10 ]\n", "t"));
        inventory.securityGroups().create(ADMIN, TemplateParser.parse(
                "NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 80 ]\n", "t"));
        inventory.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.9.0.1"));
    }

    int createVm(String template) {
        return inventory.vms().create(ADMIN, TemplateParser.parse(template, "vm"));
    }

    Vm vm(int id) {
        return inventory.vms().show(ADMIN, ObjectRef.id(id)).vm();
    }

    List<Lease> leasesOf(String network) {
        return inventory.queries().leasePage(ADMIN, ObjectRef.name(network), 0, OptionalLong.empty(), 100);
    }

    /** The wizard's state for VM {@code id}, read at once (same-thread runner). */
    AttachNicViewModel wizard(int id) {
        AttachNicViewModel[] out = new AttachNicViewModel[1];
        AttachNicViewModel.open(inventory, ADMIN, runner, consoleHosts(), id, w -> out[0] = w, e -> {
            throw new AssertionError(e);
        });
        return out[0];
    }

    /** Picks network {@code name} on the wizard's first page. */
    static void pick(AttachNicViewModel w, String name) {
        w.network().networkProperty().set(w.network().networks().stream()
                .filter(o -> o.network().name().equals(name)).findFirst().orElseThrow());
    }
}
