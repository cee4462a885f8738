package vnetdesk.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

/** The Attach NIC wizard's state page by page, on a real inventory, without the toolkit. */
class AttachNicViewModelTest extends VmTestBase {

    @Test
    void aNamedNetworkIsPreviewedWithItsFirstFreeAddressAndFinishAttachesExactlyThat() {
        int id = createVm("NAME = web\nNIC = [ NETWORK = lan ]\n");
        AttachNicViewModel w = wizard(id);
        assertFalse(w.network().validBinding().get(), "no network picked yet");
        pick(w, "lan");
        assertTrue(w.network().validBinding().get());
        assertTrue(w.previewOkBinding().get(), w.previewErrorProperty().get());
        assertEquals("10.0.0.2 (address range 0)", w.suggestionProperty().get());
        AttachSummary s = w.summary().get().orElseThrow();
        assertTrue(s.lease().startsWith("10.0.0.2, MAC "), s.lease());
        assertTrue(s.contextSh().contains("ETH1_IP=\"10.0.0.2\"\n"), s.contextSh());
        assertEquals(1, leasesOf("lan").size(), "the preview takes nothing");
        assertTrue(s.hostChanges().startsWith("None now: the VM's domain is not running"), "the VM is on no host: " + s.hostChanges());

        List<Integer> attached = new ArrayList<>();
        w.finish(attached::add);
        assertEquals(List.of(1), attached);
        Lease lease = leasesOf("lan").get(1);
        assertEquals(new LeaseOwner.VmNic(id, 1), lease.owner());
        assertEquals("10.0.0.2", lease.addresses().primary());
    }

    @Test
    void aSpecificAddressIsCheckedAsItIsTyped() {
        int id = createVm("NAME = web\nNIC = [ NETWORK = lan ]\n");
        AttachNicViewModel w = wizard(id);
        pick(w, "lan");
        w.addressModeProperty().set(AttachNicViewModel.AddressMode.SPECIFIC);
        w.addressProperty().set("10.0.0.1");
        assertFalse(w.previewOkBinding().get());
        assertTrue(w.previewErrorProperty().get().contains("10.0.0.1"), w.previewErrorProperty().get());
        w.addressProperty().set("10.0.0.7");
        assertTrue(w.previewOkBinding().get(), w.previewErrorProperty().get());
        assertTrue(w.summary().get().orElseThrow().lease().startsWith("10.0.0.7,"));
        assertEquals("10.0.0.2 (address range 0)", w.suggestionProperty().get(), "the suggestion stays");
        w.addressProperty().set("10.9.9.9");
        assertFalse(w.previewOkBinding().get());
        assertEquals(List.of(AttachNicViewModel.ANY_AR, "AR 0: IP4 from 10.0.0.1, 10 addresses"), w.ars());
        assertEquals(Optional.of("10.9.9.9"), w.request().address());
    }

    @Test
    void theNetworksGroupsAreInheritedAndTheNicsOwnGroupsAndQosGoIntoTheRequest() {
        int id = createVm("NAME = web\n");
        AttachNicViewModel w = wizard(id);
        pick(w, "lan");
        NicOptions o = w.options();
        NicOptions.GroupChoice fromNetwork = o.groups().get(0);
        assertEquals(0, fromNetwork.id());
        assertTrue(fromNetwork.inherited() && fromNetwork.checkedProperty().get(), "lan has group 0");
        NicOptions.GroupChoice web = o.groups().stream().filter(g -> g.id() == 100).findFirst().orElseThrow();
        assertFalse(web.inherited() || web.checkedProperty().get());
        web.checkedProperty().set(true);
        assertEquals(List.of(100), w.request().securityGroups());
        o.qosField("INBOUND_AVG_BW").set("fast");
        assertFalse(o.qosValidProperty().get());
        assertTrue(o.qosErrors().get("INBOUND_AVG_BW").startsWith("INBOUND_AVG_BW: "), o.qosErrors().toString());
        o.qosField("INBOUND_AVG_BW").set("1000");
        assertTrue(o.qosValidProperty().get());
        AttachSummary s = w.summary().get().orElseThrow();
        assertEquals("0:default (network), 100:web (this NIC)", s.securityGroups());
        assertEquals("in 1000 KB/s (this NIC's override)", s.qos());
        w.finish(i -> { });
        var nic = inventory.vms().show(ADMIN, ObjectRef.id(id)).nics().get(0);
        assertEquals(List.of(0, 100), nic.securityGroups());
        assertEquals("in 1000 KB/s", NicRow.qosText(nic.qos()));
    }

    @Test
    void aQosFieldLeftEmptyKeepsTheNetworksValue() {
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = slow\nVN_MAD = bridge\n"
                + "INBOUND_AVG_BW = 2000\nOUTBOUND_AVG_BW = 3000\nAR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 4 ]\n", "t"));
        int id = createVm("NAME = web\n");
        AttachNicViewModel w = wizard(id);
        pick(w, "slow");
        NicOptions o = w.options();
        assertEquals("3000", o.networkQos("OUTBOUND_AVG_BW").get(), "shown as the field's prompt");
        assertEquals(Optional.empty(), w.request().qos(), "no field filled: the network's QoS");
        o.qosField("INBOUND_AVG_BW").set("1000");
        assertEquals("in 1000 KB/s, out 3000 KB/s (this NIC's override)", w.summary().get().orElseThrow().qos());
        o.qosField("INBOUND_PEAK_BW").set("500");
        assertFalse(o.qosValidProperty().get());
        assertTrue(o.qosErrors().get("INBOUND_PEAK_BW").contains("at least the average"), o.qosErrors().toString());
    }

    @Test
    void automaticSelectionShowsTheChoiceAndEveryRejectedNetworkWithItsReason() {
        int edge = inventory.clusters().create(ADMIN, "edge");
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = far\nVN_MAD = bridge\n"
                + "CLUSTER_IDS = \"" + edge + "\"\nAR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 4 ]\n", "t"));
        int id = createVm("NAME = web\n");
        inventory.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm1"));
        AttachNicViewModel w = wizard(id);
        NetworkStep step = w.network();
        step.modeProperty().set(NetworkStep.Mode.AUTOMATIC);
        step.requirementsProperty().set("TRAFFIC_TYPE = \"public\"");
        assertTrue(step.validBinding().get(), step.checkErrorProperty().get());
        assertEquals(Optional.of(1), step.chosenNetwork());
        assertTrue(step.candidates().get(0).chosen() && step.candidates().get(0).text().contains("1:wan"),
                step.candidates().toString());
        assertTrue(step.candidates().stream().anyMatch(c -> !c.chosen() && c.text().startsWith("network 2:far: ")
                && c.text().contains("cluster")), step.candidates().toString());
        assertTrue(step.candidates().stream().anyMatch(c -> !c.chosen() && c.text().startsWith("network 0:lan: ")),
                step.candidates().toString());
        assertTrue(w.summary().get().orElseThrow().lease().contains("network 1:wan"), "on a host it is leased now");
        assertEquals(1, w.options().groups().stream().filter(NicOptions.GroupChoice::inherited).count(),
                "the chosen network's group");

        step.requirementsProperty().set("VN_MAD = \"vxlan\"");
        assertFalse(step.validBinding().get(), "on a host an attach nothing qualifies for is refused");
        assertTrue(step.choiceProperty().get().orElseThrow().networkLabel().isEmpty());
    }

    @Test
    void aMalformedExpressionIsMarkedAtItsPositionAndKeepsThePageShut() {
        int id = createVm("NAME = web\n");
        AttachNicViewModel w = wizard(id);
        NetworkStep step = w.network();
        step.modeProperty().set(NetworkStep.Mode.AUTOMATIC);
        assertTrue(step.validBinding().get(), "off a host an empty requirement is fine: the NIC waits");
        step.requirementsProperty().set("NAME = = lan");
        ExpressionMark mark = step.requirementsMarkProperty().get().orElseThrow();
        assertEquals(8, mark.position(), mark.message());
        assertTrue(mark.message().startsWith("SCHED_REQUIREMENTS: "), mark.message());
        assertEquals("NAME = = lan\n       ^", mark.pointer("NAME = = lan"));
        assertEquals(List.of(7, 8), List.of(mark.range("NAME = = lan")[0], mark.range("NAME = = lan")[1]));
        assertFalse(step.validBinding().get());
        assertTrue(w.summary().get().isEmpty(), "nothing previewed for a bad expression");

        step.requirementsProperty().set("NAME = lan");
        step.rankProperty().set("FREE_LEASES +");
        assertTrue(step.requirementsMarkProperty().get().isEmpty());
        assertEquals(14, step.rankMarkProperty().get().orElseThrow().position());
        assertEquals(List.of(13, 13), List.of(step.rankMarkProperty().get().orElseThrow().range("FREE_LEASES +")[0],
                step.rankMarkProperty().get().orElseThrow().range("FREE_LEASES +")[1]), "end of input: a caret");
    }

    @Test
    void offAHostAnAutomaticNicIsPreviewedOnAChosenHostAndWaitsForItsNetwork() {
        int id = createVm("NAME = web\n");
        AttachNicViewModel w = wizard(id);
        NetworkStep step = w.network();
        assertTrue(step.needsPreviewHost());
        assertEquals(List.of("0:kvm1"), step.hosts());
        step.modeProperty().set(NetworkStep.Mode.AUTOMATIC);
        step.requirementsProperty().set("NAME = \"l*\"");
        assertEquals(Optional.of(0), step.chosenNetwork());
        AttachSummary s = w.summary().get().orElseThrow();
        assertTrue(s.lease().startsWith("None yet: NIC 0 waits for automatic selection"), s.lease());
        w.finish(i -> { });
        assertTrue(vm(id).nics().get(0).lease().isEmpty(), "it waits for the deploy");
        assertEquals(List.of(), leasesOf("lan"));
    }

    @Test
    void keepingTheDefaultRouteSetsGatewayIfaceAndTheNewNicsContextHasNoGateway() {
        int id = createVm("NAME = web\nGATEWAY_IFACE = 1\nNIC = [ NETWORK = lan ]\n");
        AttachNicViewModel w = wizard(id);
        pick(w, "wan");
        AttachSummary moved = w.summary().get().orElseThrow();
        assertEquals("NIC 0 (gateway 10.0.0.254)", moved.routeNow());
        assertEquals("NIC 1 (gateway 192.0.2.254)", moved.routeAfter());
        assertTrue(moved.routeWarning().orElseThrow().startsWith("The default route moves from NIC 0"),
                moved.routeWarning().toString());
        assertEquals(Optional.of(0), moved.keepableRoute());
        assertTrue(moved.contextSh().contains("ETH1_GATEWAY=\"192.0.2.254\""), moved.contextSh());

        w.keepRouteProperty().set(true);
        AttachSummary kept = w.summary().get().orElseThrow();
        assertTrue(kept.routeAfter().startsWith("NIC 0 (gateway 10.0.0.254) — kept there"), kept.routeAfter());
        assertEquals(Optional.empty(), kept.routeWarning());
        assertFalse(kept.contextSh().contains("GATEWAY"), kept.contextSh());
        w.finish(i -> { });
        assertEquals("0", vm(id).attributes().get("GATEWAY_IFACE"));
        assertEquals(Optional.of(0), inventory.vms().context(ADMIN, ObjectRef.id(id)).defaultRouteNic());
        assertEquals(kept.nicContext(), inventory.vms().context(ADMIN, ObjectRef.id(id)).nic(1),
                "the review showed exactly the context the guest gets");
    }

    @Test
    void aRefusalAtFinishStaysOnThePageAndNothingIsAttached() {
        int id = createVm("NAME = web\n");
        AttachNicViewModel w = wizard(id);
        pick(w, "lan");
        w.addressModeProperty().set(AttachNicViewModel.AddressMode.SPECIFIC);
        w.addressProperty().set("10.0.0.5");
        assertTrue(w.canFinishBinding().get());
        inventory.leases().hold(ADMIN, ObjectRef.name("lan"), List.of("10.0.0.5"), Optional.empty());
        List<Integer> attached = new ArrayList<>();
        w.finish(attached::add);
        assertEquals(List.of(), attached, "the wizard stays open");
        assertTrue(w.finishErrorProperty().get().startsWith("The attach was refused: ")
                && w.finishErrorProperty().get().contains("10.0.0.5"), w.finishErrorProperty().get());
        assertEquals(List.of(), vm(id).nics());
        assertFalse(w.canFinishBinding().get(), "the preview, read again, says why too");
        assertTrue(w.previewErrorProperty().get().contains("10.0.0.5"), w.previewErrorProperty().get());
    }

    @Test
    void aNetworkOutsideTheHostsClusterIsMarkedAndKeepsThePageShut() {
        int edge = inventory.clusters().create(ADMIN, "edge");
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = far\nVN_MAD = bridge\n"
                + "CLUSTER_IDS = \"" + edge + "\"\nAR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 4 ]\n", "t"));
        int id = createVm("NAME = web\n");
        inventory.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm1"));
        AttachNicViewModel w = wizard(id);
        pick(w, "far");
        assertTrue(w.network().networkProperty().get().toString().contains("not in the cluster of host 0:kvm1"));
        assertFalse(w.network().validBinding().get());
        pick(w, "lan");
        assertTrue(w.network().validBinding().get());
        String changes = w.summary().get().orElseThrow().hostChanges();
        assertTrue(changes.startsWith("Finish applies these changes to host 0:kvm1 at once:"), changes);
        assertTrue(changes.contains("create bridge onebr0"), "the VM's first NIC on lan brings its bridge: " + changes);
        assertTrue(changes.contains("one-" + id + "-0-i"), "the new NIC's own chain: " + changes);
    }
}
