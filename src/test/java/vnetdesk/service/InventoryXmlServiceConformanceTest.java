package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.host.HostStatus;
import vnetdesk.template.OneAclXml;
import vnetdesk.template.OneClusterXml;
import vnetdesk.template.OneGroupXml;
import vnetdesk.template.OneHostXml;
import vnetdesk.template.OneUserXml;
import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.TemplateParser;

/**
 * The host, cluster, user, group and ACL documents of a real inventory, as the services feed the
 * writers, against OpenNebula's schemas: hosts in the default cluster and in another one, reached,
 * unreachable and never contacted, one with a VM placed on it; a cluster with a host and a network;
 * users of several groups and the administrator; ACL rules of every scope.
 */
class InventoryXmlServiceConformanceTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private Inventory inv;

    @BeforeEach
    void populate() {
        inv = Inventory.openDirectory(dir.resolve("inv"));
        inv.clusters().create(ADMIN, "edge");
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.0.0.1"));
        inv.hosts().create(ADMIN, "kvm2", Optional.of(ObjectRef.name("edge")), Optional.empty());
        inv.hosts().create(ADMIN, "kvm3", Optional.empty(), Optional.empty());
        contact("kvm1", true);
        contact("kvm3", false);
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\nBRIDGE = br0\n", "lan"));
        inv.clusters().addNetwork(ADMIN, ObjectRef.name("edge"), ObjectRef.name("lan"));
        int vm = inv.vms().create(ADMIN, TemplateParser.parse("NAME = web\n", "web"));
        inv.vms().deploy(ADMIN, ObjectRef.id(vm), ObjectRef.name("kvm1"));
        inv.users().createGroup(ADMIN, "dev");
        inv.users().createUser(ADMIN, "alice", "users");
        inv.users().createUser(ADMIN, "bob", "dev");
        inv.users().createUser(ADMIN, "carol", "dev");
        inv.users().addAcl(ADMIN, "@1 NET+VNTEMPLATE/* USE+CREATE");
        inv.users().addAcl(ADMIN, "#1 NET/#0 MANAGE");
        inv.users().addAcl(ADMIN, "@100 SECGROUP/@100 USE");
        inv.users().addAcl(ADMIN, "* HOST+NET/%100 ADMIN");
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private void contact(String host, boolean reachable) {
        inv.hostStatuses().record(ADMIN, ObjectRef.name(host), new HostStatus(Optional.of(new HostStatus.Contact(AT,
                reachable, reachable ? Optional.empty() : Optional.of("connection refused"))), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void hostsValidateWithTheirClusterVmsAndContactState() throws Exception {
        List<OneHostXml.Entry> hosts = inv.hosts().xmlEntries(ADMIN);
        OpenNebulaSchemas.validate("host_pool.xsd", OneHostXml.writePool(hosts));
        for (OneHostXml.Entry h : hosts) {
            OpenNebulaSchemas.validate("host.xsd", OneHostXml.write(h));
        }
        assertEquals(List.of("kvm1", "kvm2", "kvm3"), hosts.stream().map(OneHostXml.Entry::name).toList());
        assertEquals(List.of(OneHostXml.State.MONITORED, OneHostXml.State.INIT, OneHostXml.State.ERROR),
                hosts.stream().map(OneHostXml.Entry::state).toList());
        assertEquals(List.of(0, 100, 0), hosts.stream().map(h -> h.cluster().orElseThrow().id()).toList());
        assertEquals(List.of(0), hosts.get(0).vms());
        assertEquals(hosts.get(1), inv.hosts().xmlEntry(ADMIN, ObjectRef.name("kvm2")));
    }

    @Test
    void clustersValidateWithTheirHostsAndNetworks() throws Exception {
        List<OneClusterXml.Entry> clusters = inv.clusters().xmlEntries(ADMIN);
        OpenNebulaSchemas.validate("cluster_pool.xsd", OneClusterXml.writePool(clusters));
        OneClusterXml.Entry edge = inv.clusters().xmlEntry(ADMIN, ObjectRef.name("edge"));
        OpenNebulaSchemas.validate("cluster.xsd", OneClusterXml.write(edge));
        assertEquals(List.of(1), edge.hosts());
        assertEquals(List.of(0), edge.networks());
        assertEquals(List.of(0, 2), clusters.get(0).hosts());
    }

    @Test
    void usersAndGroupsValidateWithTheirMembership() throws Exception {
        List<OneUserXml.Entry> users = inv.users().userXmlEntries();
        OpenNebulaSchemas.validate("user_pool.xsd", OneUserXml.writePool(users));
        for (String u : List.of("oneadmin", "alice", "bob")) {
            OpenNebulaSchemas.validate("user.xsd", OneUserXml.write(inv.users().userXmlEntry(u)));
        }
        assertEquals(new OneUserXml.Entry(2, "bob", 100, "dev"), inv.users().userXmlEntry("bob"));
        List<OneGroupXml.Entry> groups = inv.users().groupXmlEntries();
        OpenNebulaSchemas.validate("group_pool.xsd", OneGroupXml.writePool(groups));
        OpenNebulaSchemas.validate("group.xsd", OneGroupXml.write(inv.users().groupXmlEntry("dev")));
        assertEquals(Map.of(0, List.of(0), 1, List.of(1), 100, List.of(2, 3)), Map.of(
                groups.get(0).id(), groups.get(0).users(), groups.get(1).id(), groups.get(1).users(),
                groups.get(2).id(), groups.get(2).users()));
    }

    @Test
    void aclRulesOfEveryScopeValidate() throws Exception {
        String xml = OneAclXml.writePool(inv.users().acls());
        OpenNebulaSchemas.validate("acl_pool.xsd", xml);
        assertEquals(4, xml.split("<ACL>", -1).length - 1);
    }
}
