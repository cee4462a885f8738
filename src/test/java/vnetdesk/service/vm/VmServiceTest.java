package vnetdesk.service.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.Inventory;
import vnetdesk.service.core.Access;
import vnetdesk.template.TemplateParser;

/** VMs through the services on a real inventory: create with NICs, deploy, states, attach, detach, delete. */
class VmServiceTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;
    private Inventory inv;

    @BeforeEach
    void open() {
        inv = Inventory.openDirectory(dir.resolve("inventory"));
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nGATEWAY = 10.0.0.254\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = dual\nVN_MAD = bridge\n"
                + "AR = [ TYPE = IP4_6, IP = 10.1.0.1, SIZE = 10, GLOBAL_PREFIX = \"2001:db8::\" ]\n", "t"));
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private Vm vm(int id) {
        return inv.vms().show(ADMIN, ObjectRef.id(id)).vm();
    }

    private List<Lease> leasesOf(String network) {
        return inv.queries().leasePage(ADMIN, ObjectRef.name(network), 0, OptionalLong.empty(), 100);
    }

    private int create(String template) {
        return inv.vms().create(ADMIN, TemplateParser.parse(template, "vm"));
    }

    @Test
    void aVmTemplateCreatesAPendingVmWhoseNicsTakeTheirLeasesInTheSameTransaction() {
        int id = create("NAME = web\nGATEWAY_IFACE = 1\nNIC = [ NETWORK = lan ]\n"
                + "NIC = [ NETWORK = dual, IP = 10.1.0.5, SECURITY_GROUPS = 0 ]\n");
        Vm vm = vm(id);
        assertEquals("web", vm.name());
        assertEquals(VmState.PENDING, vm.state());
        assertEquals(Optional.empty(), vm.hostId());
        assertEquals("1", vm.attributes().get("GATEWAY_IFACE"));
        assertEquals(2, vm.nics().size());
        NicNetwork.Leased first = vm.nics().get(0).lease().orElseThrow();
        assertEquals("10.0.0.1", first.addresses().ip().orElseThrow().toString());
        NicNetwork.Leased second = vm.nics().get(1).lease().orElseThrow();
        assertEquals("10.1.0.5", second.addresses().ip().orElseThrow().toString());
        assertTrue(second.addresses().ip6Global().isPresent(), "dual stack");
        assertEquals("one-" + id + "-1", vm.nics().get(1).tapName(id));
        assertEquals(List.of(new LeaseOwner.VmNic(id, 0)), leasesOf("lan").stream().map(Lease::owner).toList());
        assertEquals("web", inv.queries().ownerDescriptions(leasesOf("lan")).get("VM:" + id + " NIC:0"),
                "the Leases tab names the VM");
    }

    @Test
    void aBadNicLeavesNothingBehind() {
        ValidationException e = assertThrows(ValidationException.class, () -> create(
                "NAME = web\nNIC = [ NETWORK = lan ]\nNIC = [ NETWORK = lan, MODEL = \"bad model\" ]\n"));
        assertTrue(e.getMessage().startsWith("NIC 1 MODEL: invalid value"), e.getMessage());
        ConflictException taken = assertThrows(ConflictException.class, () -> create(
                "NAME = web\nNIC = [ NETWORK = lan ]\nNIC = [ NETWORK = lan, IP = 10.0.0.1 ]\n"));
        assertTrue(taken.getMessage().contains("10.0.0.1 is already used by VM"), taken.getMessage());
        assertEquals(List.of(), inv.vms().list(ADMIN));
        assertEquals(List.of(), leasesOf("lan"), "the first NIC's lease went with the refused VM");
    }

    @Test
    void attachAndDetachTakeAndReleaseTheLease() {
        int id = create("NAME = web\n");
        int nic = inv.vms().attachNic(ADMIN, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan")));
        assertEquals(0, nic);
        assertEquals(1, leasesOf("lan").size());
        int second = inv.vms().attachNic(ADMIN, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan")));
        assertEquals(1, second);
        inv.vms().detachNic(ADMIN, ObjectRef.id(id), 0);
        assertEquals(List.of(new LeaseOwner.VmNic(id, 1)), leasesOf("lan").stream().map(Lease::owner).toList());
        int third = inv.vms().attachNic(ADMIN, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan")));
        assertEquals(2, third, "NIC indexes are not reused while the VM lives");
        ConflictException none = assertThrows(ConflictException.class,
                () -> inv.vms().detachNic(ADMIN, ObjectRef.id(id), 7));
        assertTrue(none.getMessage().contains("has no NIC 7 (it has 1, 2)"), none.getMessage());
    }

    @Test
    void deleteReleasesEveryLeaseAndTheIdIsNeverUsedAgain() {
        int id = create("NAME = web\nNIC = [ NETWORK = lan ]\nNIC = [ NETWORK = dual ]\n");
        inv.vms().delete(ADMIN, ObjectRef.id(id));
        assertEquals(List.of(), leasesOf("lan"));
        assertEquals(List.of(), leasesOf("dual"));
        assertEquals(id + 1, create("NAME = other\n"));
    }

    @Test
    void deployPlacesTheVmAndStatesFollowOpenNebula() {
        int host = inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.9.0.1"));
        int id = create("NAME = web\nNIC = [ NETWORK = lan ]\n");
        inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm1"));
        assertEquals(VmState.RUNNING, vm(id).state());
        assertEquals(Optional.of(host), vm(id).hostId());
        ConflictException busy = assertThrows(ConflictException.class,
                () -> inv.hosts().delete(ADMIN, ObjectRef.id(host)));
        assertTrue(busy.getMessage().contains("has 1 VM on it (" + id + ":web)"), busy.getMessage());
        inv.vms().act(ADMIN, ObjectRef.id(id), VmService.Action.POWEROFF);
        assertEquals(VmState.POWEROFF, vm(id).state());
        inv.vms().act(ADMIN, ObjectRef.id(id), VmService.Action.UNDEPLOY);
        assertEquals(VmState.UNDEPLOYED, vm(id).state());
        assertEquals(Optional.empty(), vm(id).hostId());
        assertEquals(1, leasesOf("lan").size(), "an undeployed VM keeps its leases");
        ConflictException wrong = assertThrows(ConflictException.class,
                () -> inv.vms().act(ADMIN, ObjectRef.id(id), VmService.Action.POWEROFF));
        assertTrue(wrong.getMessage().contains("is UNDEPLOYED; poweroff does not apply"), wrong.getMessage());
        inv.vms().act(ADMIN, ObjectRef.id(id), VmService.Action.RESUME);
        assertEquals(VmState.PENDING, vm(id).state());
        inv.hosts().delete(ADMIN, ObjectRef.id(host));
    }

    @Test
    void aNicOnANetworkOutsideTheHostsClusterRefusesTheDeploy() {
        int edge = inv.clusters().create(ADMIN, "edge");
        inv.hosts().create(ADMIN, "kvm-edge", Optional.of(ObjectRef.id(edge)), Optional.empty());
        int id = create("NAME = web\nNIC = [ NETWORK = lan ]\n");
        ConflictException e = assertThrows(ConflictException.class,
                () -> inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm-edge")));
        assertTrue(e.getMessage().contains("network 0:lan is not in cluster " + edge + ":edge"), e.getMessage());
        assertEquals(VmState.PENDING, vm(id).state());
        inv.clusters().addNetwork(ADMIN, ObjectRef.id(edge), ObjectRef.name("lan"));
        inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm-edge"));
        assertEquals(VmState.RUNNING, vm(id).state());
    }

    @Test
    void aNicNeedsUseOnItsNetwork() {
        inv.users().createUser(ADMIN, "bob", "users");
        Actor bob = inv.actor("bob");
        inv.users().addAcl(ADMIN, "@1 VM/* CREATE");
        int id = inv.vms().create(bob, TemplateParser.parse("NAME = mine\n", "vm"));
        Access.PermissionDeniedException e = assertThrows(Access.PermissionDeniedException.class,
                () -> inv.vms().attachNic(bob, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan"))));
        assertTrue(e.getMessage().contains("needs USE rights on it"), e.getMessage());
        inv.networks().chmod(ADMIN, ObjectRef.name("lan"), new vnetdesk.model.Permissions(0644));
        inv.vms().attachNic(bob, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan")));
        assertFalse(inv.vms().list(bob).isEmpty());
    }

    @Test
    void anAddressRangeHoldingANicsLeaseIsNotRemovedEvenByForce() {
        int id = create("NAME = web\nNIC = [ NETWORK = lan ]\n");
        ConflictException e = assertThrows(ConflictException.class,
                () -> inv.networks().removeAr(ADMIN, ObjectRef.name("lan"), 0, true));
        assertTrue(e.getMessage().contains("VM " + id + " NIC 0"), e.getMessage());
    }

    @Test
    void whoisNamesTheVmAndTheNic() {
        int id = create("NAME = web\nNIC = [ NETWORK = lan, IP = 10.0.0.3 ]\n");
        assertEquals(Optional.of("VM " + id + ":web NIC 0"), inv.queries().whois(ADMIN, "10.0.0.3").get(0).owner());
    }

    @Test
    void anAutomaticNicGetsItsNetworkWhenTheVmIsDeployedByRankThenLowestId() {
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = public-a\nVN_MAD = bridge\nTRAFFIC_TYPE = public\n"
                + "AR = [ TYPE = IP4, IP = 192.0.2.1, SIZE = 4 ]\n", "t"));
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = public-b\nVN_MAD = bridge\nTRAFFIC_TYPE = public\n"
                + "AR = [ TYPE = IP4, IP = 198.51.100.1, SIZE = 40 ]\n", "t"));
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        int id = create("NAME = web\nNIC = [ NETWORK_MODE = auto, SCHED_REQUIREMENTS = \"TRAFFIC_TYPE = public\","
                + " SCHED_RANK = FREE_LEASES ]\n");
        assertTrue(vm(id).nics().get(0).network() instanceof NicNetwork.Automatic, "no network before deploy");
        inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm1"));
        NicNetwork.Leased lease = vm(id).nics().get(0).lease().orElseThrow();
        assertEquals(3, lease.networkId(), "public-b has more free leases");
        assertEquals("198.51.100.1", lease.addresses().ip().orElseThrow().toString());
    }

    @Test
    void whenNoNetworkQualifiesTheDeployIsRefusedWithEveryCandidatesReason() {
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        int id = create("NAME = web\nNIC = [ NETWORK_MODE = auto, SCHED_REQUIREMENTS = \"VN_MAD = vxlan\" ]\n");
        ConflictException e = assertThrows(ConflictException.class,
                () -> inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm1")));
        assertTrue(e.getMessage().contains("network 0:lan: ") && e.getMessage().contains("network 1:dual: "),
                e.getMessage());
        assertEquals(VmState.PENDING, vm(id).state(), "nothing changed");
        ValidationException bad = assertThrows(ValidationException.class, () -> create(
                "NAME = x\nNIC = [ NETWORK_MODE = auto, SCHED_REQUIREMENTS = \"VN_MAD = \" ]\n"));
        assertTrue(bad.getMessage().matches("NIC 0 SCHED_REQUIREMENTS: .* at [0-9]+"), bad.getMessage());
    }

    @Test
    void aPreviewShowsTheChoiceAndEveryRejectedNetworkWithoutChangingAnything() {
        int edge = inv.clusters().create(ADMIN, "edge");
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = far\nVN_MAD = bridge\nCLUSTER_IDS = \"" + edge
                + "\"\nAR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 4 ]\n", "t"));
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        int id = create("NAME = web\n");
        NetworkChoice choice = inv.vms().previewNetwork(ADMIN, ObjectRef.id(id), Optional.of(ObjectRef.name("kvm1")),
                "NAME = \"l*\"", "");
        assertEquals(Optional.of(0), choice.networkId());
        assertTrue(choice.rejections().stream().anyMatch(r -> r.startsWith("network 2:far: ")
                && r.contains("cluster")), choice.rejections().toString());
        assertTrue(choice.rejections().stream().anyMatch(r -> r.startsWith("network 1:dual: ")),
                choice.rejections().toString());
        assertEquals(List.of(), leasesOf("lan"), "a preview takes nothing");
    }

    @Test
    void anAutomaticNicWithAMalformedExpressionIsRefusedAtAttachEvenBeforeTheVmIsPlaced() {
        int id = create("NAME = web\n");
        NicRequest bad = new NicRequest(Optional.empty(), Optional.of(new NicRequest.Automatic("VN_MAD = ", "")),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), "virtio", java.util.Map.of());
        ValidationException e = assertThrows(ValidationException.class,
                () -> inv.vms().attachNic(ADMIN, ObjectRef.id(id), bad));
        assertEquals(Optional.of("SCHED_REQUIREMENTS"), e.field());
        assertEquals(List.of(), vm(id).nics(), "nothing stored for the deploy to trip over");
        ValidationException rank = assertThrows(ValidationException.class,
                () -> inv.vms().checkAutomatic("NAME = lan", "FREE_LEASES +"));
        assertTrue(rank.getMessage().matches("SCHED_RANK: .* at 14"), rank.getMessage());
        ValidationException req = assertThrows(ValidationException.class,
                () -> inv.vms().checkAutomatic("NAME = \"lan\" & (", ""));
        assertTrue(req.getMessage().matches("SCHED_REQUIREMENTS: .* at 17"), req.getMessage());
        inv.vms().checkAutomatic("TRAFFIC_TYPE = public", "-USED_LEASES");
    }

    @Test
    void anAttachPreviewShowsTheLeaseAndContextAndTakesNothing() {
        int id = create("NAME = web\nNIC = [ NETWORK = dual ]\n");
        AttachPreview p = inv.vms().previewAttach(ADMIN, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan")));
        assertEquals("10.0.0.1", p.nic().nic().lease().orElseThrow().addresses().ip().orElseThrow().toString());
        assertEquals("10.0.0.1", p.nicContext().get("ETH1_IP"));
        assertEquals("10.0.0.254", p.nicContext().get("ETH1_GATEWAY"));
        assertEquals(Optional.of(1), p.defaultRouteNic(), "the first NIC with a gateway owns the route");
        assertTrue(p.routeWarning().isPresent(), "the VM had no default route before");
        assertEquals(List.of(), leasesOf("lan"), "the preview was rolled back");
        assertEquals(1, vm(id).nics().size());
        assertEquals("web", inv.vms().show(ADMIN, ObjectRef.id(id)).vm().name());
        inv.vms().attachNic(ADMIN, ObjectRef.id(id), NicRequest.on(ObjectRef.name("lan")));
        assertEquals(List.copyOf(inv.vms().context(ADMIN, ObjectRef.id(id)).nic(1).keySet()),
                List.copyOf(p.nicContext().keySet()), "the preview lists the context in context.sh order");
    }

    @Test
    void theContextOfAVmIsTheContextShOfItsNics() {
        int id = create("NAME = web\nNIC = [ NETWORK = lan, IP = 10.0.0.7 ]\n");
        String sh = inv.vms().context(ADMIN, ObjectRef.id(id)).contextSh();
        assertTrue(sh.contains("ETH0_IP=\"10.0.0.7\"\n"), sh);
        assertTrue(sh.contains("ETH0_GATEWAY=\"10.0.0.254\"\n"), sh);
    }
}
