package vnetdesk.ui.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ViewModelTestBase;

/** The Hosts and Clusters sections' lists and actions on a real inventory, without the toolkit. */
class HostsAndClustersViewModelTest extends ViewModelTestBase {

    private HostsViewModel hosts;
    private ClustersViewModel clusters;
    private int inventoryChanges;

    @BeforeEach
    void sections() {
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        hosts = new HostsViewModel(inventory, ADMIN, runner, dialogs, consoleHosts());
        clusters = new ClustersViewModel(inventory, ADMIN, runner, dialogs);
        clusters.setOnInventoryChanged(() -> inventoryChanges++);
    }

    private HostRow host(String name) {
        hosts.list().reload();
        return hosts.list().rows().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private ClusterRow cluster(String name) {
        clusters.list().reload();
        return clusters.list().rows().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private int addHost(String name, String cluster, String address) {
        HostFormViewModel form = hosts.newHost();
        form.load();
        form.nameProperty().set(name);
        form.clusterProperty().set(cluster);
        form.addressProperty().set(address);
        List<Integer> made = new ArrayList<>();
        form.save(made::add);
        made.forEach(hosts::created);
        return made.isEmpty() ? -1 : made.get(0);
    }

    @Test
    void newHostProposesTheDefaultClusterAndPutsARefusalOnItsField() {
        HostFormViewModel form = hosts.newHost();
        form.load();
        assertEquals(List.of("0:default"), form.clusters());
        assertEquals("0:default", form.clusterProperty().get());
        form.nameProperty().set("kvm1");
        form.addressProperty().set("10.0.0.1; rm -rf /");
        form.save(id -> { });
        assertTrue(form.errors().get("ADDRESS").startsWith("ADDRESS: invalid value"), form.errors().toString());
        form.addressProperty().set("kvm1.example.org");
        assertTrue(form.errors().isEmpty(), "an edit clears its field's error");
        List<Integer> made = new ArrayList<>();
        form.save(made::add);
        hosts.created(made.get(0));
        assertEquals(Optional.of(made.get(0)), hosts.list().selectedIdProperty().get());
        HostRow row = host("kvm1");
        assertEquals("0:default", row.cluster());
        assertEquals("kvm1.example.org", row.address());
        assertEquals(1, hosts.list().countProperty().get());
        assertEquals(-1, addHost("kvm1", "0:default", ""), "a second kvm1 is refused");
    }

    @Test
    void renameEditTheAddressAndADeleteRefusedWhileAVmIsOnTheHost() {
        int id = addHost("kvm1", "0:default", "");
        dialogs.answer(Optional.of("kvm-a"));
        hosts.rename(host("kvm1"));
        HostFormViewModel edit = hosts.edit(host("kvm-a"));
        edit.addressProperty().set("192.0.2.7");
        edit.save(hosts::edited);
        assertEquals("192.0.2.7", host("kvm-a").address());
        int vm = inventory.vms().create(ADMIN, TemplateParser.parse("NAME = web\n", "vm"));
        inventory.vms().deploy(ADMIN, ObjectRef.id(vm), ObjectRef.id(id));
        assertEquals(List.of(vm + ":web"), host("kvm-a").vms());
        dialogs.answer(true);
        hosts.delete(host("kvm-a"));
        assertTrue(dialogs.questions.get(1).contains("VMs are placed on it (" + vm + ":web)"), dialogs.questions.get(1));
        assertTrue(dialogs.errors.get(0).startsWith("Cannot delete host " + id + ":kvm-a: host " + id + ":kvm-a has 1"
                + " VM on it"), dialogs.errors.toString());
        inventory.vms().delete(ADMIN, ObjectRef.id(vm));
        dialogs.answer(true);
        hosts.delete(host("kvm-a"));
        hosts.list().reload();
        assertEquals(0, hosts.list().countProperty().get());
    }

    @Test
    void clustersTakeHostsAndNetworksAndADeleteIsRefusedWhileTheyHoldAny() {
        int id = addHost("kvm1", "0:default", "");
        dialogs.answer(Optional.of("edge"));
        clusters.create();
        ClusterRow edge = cluster("edge");
        assertEquals(Optional.of(edge.id()), clusters.list().selectedIdProperty().get(), "the new cluster is selected");
        dialogs.answer(Optional.of(id + ":kvm1"));
        clusters.addHost(edge);
        dialogs.answer(Optional.of("0:lan"));
        clusters.addNetwork(cluster("edge"));
        assertEquals(List.of(id + ":kvm1"), cluster("edge").hosts());
        assertEquals(List.of("0:lan"), cluster("edge").networks());
        assertEquals(List.of("0:lan"), cluster("default").networks(), "a network may be in several clusters");
        assertEquals(2, inventoryChanges);

        dialogs.answer(true);
        clusters.delete(cluster("edge"));
        assertTrue(dialogs.errors.get(0).contains("still holds 1 host and 1 network"), dialogs.errors.toString());
        dialogs.answer(Optional.of(id + ":kvm1"));
        clusters.removeHost(cluster("edge"), Optional.of(id + ":kvm1"));
        assertEquals(id + ":kvm1", dialogs.proposals.get(dialogs.proposals.size() - 1), "the picked host is proposed");
        dialogs.answer(Optional.of("0:lan"));
        clusters.removeNetwork(cluster("edge"), Optional.empty());
        assertEquals(List.of(id + ":kvm1"), cluster("default").hosts(), "back to cluster 0");
        dialogs.answer(true);
        clusters.delete(cluster("edge"));
        clusters.list().reload();
        assertEquals(1, clusters.list().countProperty().get());
        dialogs.answer(true);
        clusters.delete(cluster("default"));
        assertTrue(dialogs.errors.get(1).contains("is the default cluster"), dialogs.errors.toString());
    }
}
