package vnetdesk.service.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.Host;
import vnetdesk.service.Inventory;
import vnetdesk.service.core.Access;
import vnetdesk.service.host.ClusterService.ClusterInfo;
import vnetdesk.template.TemplateParser;

/** Clusters and hosts in the inventory: membership both ways, refusals, rights. */
class ClusterHostServiceTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;
    private Inventory inv;

    @BeforeEach
    void open() {
        inv = Inventory.openDirectory(dir.resolve("inventory"));
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private ClusterInfo cluster(String name) {
        return inv.clusters().show(ADMIN, ObjectRef.name(name));
    }

    @Test
    void theDefaultClusterIsThereAndCannotBeDeleted() {
        assertEquals(List.of("default"), inv.clusters().list(ADMIN).stream().map(i -> i.cluster().name()).toList());
        ConflictException e = assertThrows(ConflictException.class,
                () -> inv.clusters().delete(ADMIN, ObjectRef.id(0)));
        assertTrue(e.getMessage().contains("default cluster"), e.getMessage());
    }

    @Test
    void aNetworksClustersAreItsClusterIdsBothWays() {
        int edge = inv.clusters().create(ADMIN, "edge");
        int net = inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\n", "t"));
        inv.clusters().addNetwork(ADMIN, ObjectRef.name("edge"), ObjectRef.id(net));
        assertEquals(List.of(0, edge), inv.queries().details(ADMIN, ObjectRef.id(net), 0).network().clusterIds());
        assertEquals(List.of("lan"), cluster("edge").networks().stream().map(n -> n.name()).toList());
        inv.networks().update(ADMIN, ObjectRef.id(net), TemplateParser.parse("CLUSTER_IDS = \"" + edge + "\"\n", "t"),
                true);
        assertEquals(List.of(), cluster("default").networks(), "CLUSTER_IDS edited is the same relation");
        ValidationException unknown = assertThrows(ValidationException.class, () -> inv.networks().create(ADMIN,
                TemplateParser.parse("NAME = x\nVN_MAD = bridge\nCLUSTER_IDS = \"999\"\n", "t")));
        assertTrue(unknown.getMessage().startsWith("CLUSTER_IDS: invalid value \"999\": cluster 999 does not exist"),
                unknown.getMessage());
        ConflictException busy = assertThrows(ConflictException.class,
                () -> inv.clusters().delete(ADMIN, ObjectRef.name("edge")));
        assertTrue(busy.getMessage().contains("still holds 0 hosts and 1 network"), busy.getMessage());
        inv.clusters().removeNetwork(ADMIN, ObjectRef.name("edge"), ObjectRef.id(net));
        inv.clusters().delete(ADMIN, ObjectRef.name("edge"));
    }

    @Test
    void aHostIsInOneClusterAndGoesBackToDefaultWhenRemoved() {
        int edge = inv.clusters().create(ADMIN, "edge");
        int kvm = inv.hosts().create(ADMIN, "kvm1", Optional.of(ObjectRef.id(edge)), Optional.of("kvm1.example.org"));
        assertEquals(List.of("kvm1"), cluster("edge").hosts().stream().map(Host::name).toList());
        inv.clusters().removeHost(ADMIN, ObjectRef.name("edge"), ObjectRef.id(kvm));
        assertEquals(0, inv.hosts().show(ADMIN, ObjectRef.id(kvm)).host().clusterId());
        inv.clusters().addHost(ADMIN, ObjectRef.name("edge"), ObjectRef.id(kvm));
        assertEquals(edge, inv.hosts().show(ADMIN, ObjectRef.name("kvm1")).cluster().id());
        ConflictException taken = assertThrows(ConflictException.class,
                () -> inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("NAME"), taken.field());
    }

    @Test
    void aHostAddressIsAHostNameOrAnAddressNothingAShellCouldRead() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("kvm1;reboot")));
        assertTrue(e.getMessage().startsWith("ADDRESS: invalid value \"kvm1;reboot\""), e.getMessage());
        int id = inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("fd00::1"));
        inv.hosts().setAddress(ADMIN, ObjectRef.id(id), "192.0.2.10");
        assertEquals("192.0.2.10", inv.hosts().show(ADMIN, ObjectRef.id(id)).host().address());
    }

    @Test
    void onlyOneadminOrAnAclGrantManagesHostsAndClusters() {
        inv.users().createUser(ADMIN, "bob", "users");
        Actor bob = inv.actor("bob");
        Access.PermissionDeniedException create = assertThrows(Access.PermissionDeniedException.class,
                () -> inv.hosts().create(bob, "kvm1", Optional.empty(), Optional.empty()));
        assertTrue(create.getMessage().contains("needs the CREATE right on HOST"), create.getMessage());
        int id = inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        Access.PermissionDeniedException rename = assertThrows(Access.PermissionDeniedException.class,
                () -> inv.hosts().rename(bob, ObjectRef.id(id), "kvm2"));
        assertTrue(rename.getMessage().contains("needs MANAGE rights on it"), rename.getMessage());
        inv.users().addAcl(ADMIN, "#" + bob.uid() + " HOST/#" + id + " MANAGE");
        inv.hosts().rename(bob, ObjectRef.id(id), "kvm2");
        assertEquals("kvm2", inv.hosts().show(bob, ObjectRef.id(id)).host().name());
        assertThrows(Access.PermissionDeniedException.class, () -> inv.clusters().create(bob, "mine"));
    }
}
