package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.Actor;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.SyntaxException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.template.TemplateParser;

/**
 * Malformed and tampered JSON backups: each is refused with a message that names
 * the file, the place and what is wrong, and the inventory is left unchanged.
 */
class InterchangeBackupErrorsTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    /** A valid backup: network 7 with holds, a VM lease and a reservation (network 8, locked, of user 3) of two addresses. */
    private static final String BASE = """
            {"format": "vnetdesk-inventory", "version": 1, "networks": [
              {"id": 7, "uid": 0, "gid": 0, "permissions": "640", "lock": null, "nextArId": 1,
               "bridgeGenerated": false, "pickedVlanId": null, "parentNetworkId": null,
               "attributes": {"NAME": "n7", "VN_MAD": "bridge", "BRIDGE": "br7", "SECURITY_GROUPS": "0"},
               "addressRanges": [{"arId": 0,
                 "attributes": {"TYPE": "IP4", "IP": "10.9.0.1", "MAC": "02:00:0a:09:00:01", "SIZE": "10"},
                 "roundRobinCursor": "2",
                 "leases": [{"index": "1", "owner": "HOLD"}, {"index": "2", "owner": "VM:4:0"},
                            {"index": "5", "owner": "NET:8"}, {"index": "6", "owner": "NET:8"}]}]},
              {"id": 8, "uid": 3, "gid": 1, "permissions": "604", "lock": "USE", "nextArId": 1,
               "bridgeGenerated": false, "pickedVlanId": null, "parentNetworkId": 7,
               "attributes": {"NAME": "n8", "VN_MAD": "bridge", "BRIDGE": "br7", "SECURITY_GROUPS": "0"},
               "addressRanges": [{"arId": 0,
                 "attributes": {"TYPE": "IP4", "IP": "10.9.0.6", "MAC": "02:00:0a:09:00:06", "SIZE": "2",
                                "PARENT_NETWORK_AR_ID": "0"},
                 "roundRobinCursor": null,
                 "leases": [{"index": "0", "owner": "VM:5:1"}]}]}
            ]}
            """;

    /**
     * {@link #BASE} as a version 2 whole-inventory backup: cluster 100 with host 0, VM 4 running there
     * with NIC 0 on the VM lease of network 7, VM 6 pending with a NIC waiting for automatic selection.
     */
    private static final String BASE_VMS = BASE.replace("\"version\": 1", "\"version\": 2").strip()
            .replaceFirst("]}$", """
            ],
            "clusters": [{"id": 0, "name": "default"}, {"id": 100, "name": "edge"}],
            "hosts": [{"id": 0, "name": "kvm1", "clusterId": 100, "address": "10.9.0.100", "attributes": {}}],
            "vms": [
              {"id": 4, "name": "web", "uid": 0, "gid": 0, "permissions": "640", "lock": null, "state": "RUNNING",
               "hostId": 0, "attributes": {"GATEWAY_IFACE": "0"},
               "nics": [{"nicId": 0, "lease": {"networkId": 7, "arId": 0, "index": "2"},
                         "attributes": {"MODEL": "virtio", "INBOUND_AVG_BW": "100"}}]},
              {"id": 6, "name": "batch", "uid": 0, "gid": 0, "permissions": "640", "lock": null, "state": "PENDING",
               "hostId": null, "attributes": {},
               "nics": [{"nicId": 0, "lease": null,
                         "attributes": {"MODEL": "virtio", "NETWORK_MODE": "auto", "SCHED_REQUIREMENTS": "VLAN_ID > 1"}}]}
            ]}
            """);

    @TempDir
    static Path dir;

    private static Inventory inventory;

    @BeforeAll
    static void openInventoryWithOneNetwork() {
        inventory = Inventory.openDirectory(dir.resolve("inv"));
        inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = existing\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.8.0.1, SIZE = 4 ]\n", "t"));
        inventory.leases().hold(ADMIN, ObjectRef.name("existing"), List.of("10.8.0.2"), Optional.empty());
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    private static String replace(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0) {
            throw new IllegalArgumentException("test setup: \"" + target + "\" is not in the backup");
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private static Arguments change(String name, String target, String replacement, String expected) {
        return Arguments.of(name, replace(BASE, target, replacement), expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("truncated in the middle", BASE.substring(0, BASE.length() / 2), "ends too early"),
                Arguments.of("last brace missing", BASE.substring(0, BASE.lastIndexOf('}')), "ends too early"),
                Arguments.of("empty object", "{}", "missing fields format, networks, version"),
                Arguments.of("binary garbage", "{\u0000\u0007\u00ff\u0001\u0002garbage", "malformed JSON"),
                Arguments.of("content after the document", BASE + " {}", "after the end of the JSON document"),
                Arguments.of("array of arrays", "{\"format\": \"vnetdesk-inventory\", \"version\": 1, \"networks\": [[1]]}",
                        "networks[0]: expected an object"),
                change("not a backup", "vnetdesk-inventory", "something-else", "not a vnetdesk backup"),
                change("future version", "\"version\": 1", "\"version\": 4", "format version 4; this vnetdesk reads versions 1 to 3"),
                change("uid as a string", "\"uid\": 0", "\"uid\": \"0\"",
                        "networks[0].uid: expected a whole number from 0 to 2147483647, found the string \"0\""),
                change("permissions as a number", "\"permissions\": \"640\"", "\"permissions\": 640",
                        "networks[0].permissions: expected a string in double quotes, found the number 640"),
                change("index as a number", "\"index\": \"1\"", "\"index\": 1", "expected the index as a string"),
                change("attribute value as a number", "\"SIZE\": \"10\"", "\"SIZE\": 10",
                        "attributes.SIZE: expected a string"),
                change("lock as a number", "\"lock\": null", "\"lock\": 5", "lock: expected a string"),
                change("fractional id", "\"nextArId\": 1", "\"nextArId\": 1.5", "nextArId: expected a whole number"),
                change("number of 1200 digits", "\"id\": 7", "\"id\": 7" + "9".repeat(1199),
                        "Number value length (1200) exceeds the maximum allowed (1000)"),
                change("huge id", "\"id\": 7", "\"id\": 123456789012345678901234567890", "id: expected a whole number"),
                change("unknown field", "\"lock\": null,", "\"lock\": null, \"colour\": \"red\",",
                        "networks[0].colour: unknown field"),
                change("missing field", "\"gid\": 0, ", "", "networks[0]: missing field gid"),
                change("field twice", "\"uid\": 0,", "\"uid\": 0, \"uid\": 0,", "uid: the field appears twice"),
                change("duplicate lease", "\"index\": \"2\"", "\"index\": \"1\"", "10.9.0.2 is listed twice"),
                change("lease outside its AR", "\"index\": \"1\"", "\"index\": \"10\"",
                        "index: invalid value \"10\": outside address range 0 (indexes 0 to 9)"),
                change("huge index", "\"index\": \"1\"", "\"index\": \"99999999999999999999\"",
                        "larger than the largest index"),
                change("index not a number", "\"index\": \"1\"", "\"index\": \"one\"",
                        "expected a whole number written as a string"),
                change("unknown AR type", "\"IP4\"", "\"IP5\"", "line 5, column 22: network 7:n7, address range 0: TYPE: invalid value \"IP5\""),
                change("bad IP", "10.9.0.1\"", "10.9.0.300\"", "IP: invalid value \"10.9.0.300\""),
                change("unknown driver", "\"VN_MAD\": \"bridge\"", "\"VN_MAD\": \"nope\"", "VN_MAD: invalid value \"nope\""),
                change("bad owner", "VM:4:0", "ROBOT", "owner: invalid value \"ROBOT\""),
                change("reservation owner not in the file", "NET:8", "NET:99", "network 99 is not a reservation"),
                change("reservation lease missing", ", {\"index\": \"6\", \"owner\": \"NET:8\"}", "",
                        "holds 1 of them for it"),
                change("parent not in the file", "\"parentNetworkId\": 7", "\"parentNetworkId\": 3",
                        "network 3 is not in the file"),
                change("cursor outside the AR", "\"roundRobinCursor\": \"2\"", "\"roundRobinCursor\": \"10\"",
                        "roundRobinCursor: invalid value \"10\": outside address range 0"),
                change("cursor as a number", "\"roundRobinCursor\": \"2\"", "\"roundRobinCursor\": 2",
                        "roundRobinCursor: expected the index as a string"),
                change("AR id not below nextArId", "\"nextArId\": 1", "\"nextArId\": 0", "nextArId: invalid value \"0\""),
                change("id clash", "\"id\": 7", "\"id\": 0", "the inventory already has network 0:existing"),
                change("name taken", "\"NAME\": \"n7\"", "\"NAME\": \"existing\"", "already has a network named \"existing\""));
    }

    private static Arguments changeVms(String name, String target, String replacement, String expected) {
        return Arguments.of(name, replace(BASE_VMS, target, replacement), expected);
    }

    static Stream<Arguments> malformedVms() {
        return Stream.of(
                changeVms("vms not an array", "\"vms\": [", "\"vms\": {\"x\": [", "vms: expected an array"),
                changeVms("unknown VM field", "\"lock\": null, \"state\": \"RUNNING\"",
                        "\"lock\": null, \"colour\": \"red\", \"state\": \"RUNNING\"", "vms[0].colour: unknown field"),
                changeVms("lease index as a number", "\"index\": \"2\"}", "\"index\": 2}",
                        "vms[0].nics[0].lease.index: expected the index as a string"),
                changeVms("unknown state", "\"RUNNING\"", "\"FLYING\"", "VM 4: state: invalid value \"FLYING\""),
                changeVms("running without a host", "\"hostId\": 0", "\"hostId\": null",
                        "VM 4: VM 4 is RUNNING without a host"),
                changeVms("host not in the backup", "\"hostId\": 0", "\"hostId\": 5",
                        "VM 4: hostId: host 5 is not in the backup"),
                changeVms("owner not in the inventory", "\"uid\": 0, \"gid\": 0, \"permissions\": \"640\", \"lock\": null, \"state\": \"RUNNING\"",
                        "\"uid\": 77, \"gid\": 0, \"permissions\": \"640\", \"lock\": null, \"state\": \"RUNNING\"",
                        "VM 4: uid: user 77 is not in the backup"),
                changeVms("two VMs with one id", "\"id\": 6,", "\"id\": 4,", "id: VM 4 appears twice in the file"),
                changeVms("NIC on another's lease", "\"index\": \"2\"}", "\"index\": \"1\"}",
                        "10.9.0.2 of network 7:n7 is leased to HOLD in the backup, not to VM:4 NIC:0"),
                changeVms("NIC on a free address", "\"index\": \"2\"}", "\"index\": \"3\"}",
                        "10.9.0.4 of network 7:n7 is free in the backup"),
                changeVms("NIC lease outside its AR", "\"index\": \"2\"}", "\"index\": \"12\"}",
                        "index: invalid value \"12\": outside address range 0 of network 7:n7"),
                changeVms("NIC lease of a missing network", "\"networkId\": 7", "\"networkId\": 9",
                        "networkId: network 9 is not in the backup"),
                changeVms("NIC model", "\"MODEL\": \"virtio\", \"INBOUND", "\"MODEL\": \"vir tio\", \"INBOUND",
                        "NIC 0 MODEL: invalid value \"vir tio\""),
                changeVms("NIC QoS", "\"INBOUND_AVG_BW\": \"100\"", "\"INBOUND_AVG_BW\": \"-1\"",
                        "INBOUND_AVG_BW: invalid value \"-1\""),
                changeVms("automatic NIC expression", "\"VLAN_ID > 1\"", "\"VLAN_ID >\"",
                        "NIC 0 SCHED_REQUIREMENTS:"),
                changeVms("a leased NIC that also waits", "\"MODEL\": \"virtio\", \"INBOUND",
                        "\"NETWORK_MODE\": \"auto\", \"MODEL\": \"virtio\", \"INBOUND", "NETWORK_MODE = auto chooses the network"),
                changeVms("user template control character", "\"GATEWAY_IFACE\": \"0\"", "\"GATEWAY_IFACE\": \"0\\u0007\"",
                        "GATEWAY_IFACE: invalid value"),
                changeVms("host address for a shell", "\"10.9.0.100\"", "\"kvm1;reboot\"",
                        "host 0: ADDRESS: invalid value \"kvm1;reboot\""),
                changeVms("host in a missing cluster", "\"clusterId\": 100", "\"clusterId\": 101",
                        "host 0: clusterId: cluster 101 is not in the backup"),
                changeVms("two clusters with one name", "\"name\": \"edge\"", "\"name\": \"default\"",
                        "cluster 100: name: a cluster named \"default\" appears twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedVms")
    void malformedClustersHostsAndVmsAreRefusedCleanlyAndChangeNothing(String name, String json, String expected) {
        malformedBackupIsRefusedCleanlyAndChangesNothing(name, json, expected);
        assertEquals(List.of(), inventory.vms().list(ADMIN), "VMs after " + name);
        assertEquals(List.of(), inventory.hosts().list(ADMIN), "hosts after " + name);
        assertEquals(1, inventory.clusters().list(ADMIN).size(), "clusters after " + name);
        assertEquals("default", inventory.clusters().list(ADMIN).get(0).cluster().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBackupIsRefusedCleanlyAndChangesNothing(String name, String json, String expected) {
        int before = inventory.queries().list(ADMIN).size();
        VnetException e = assertThrows(VnetException.class,
                () -> inventory.interchange().importFile(ADMIN, json, "bad.json"));
        String message = e.getMessage();
        assertTrue(message.startsWith("bad.json: "), message);
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("com.fasterxml") || message.contains("Exception") || message.contains("REDACTED"),
                message);
        assertEquals(before, inventory.queries().list(ADMIN).size(), "network count after " + name);
        assertEquals(1, inventory.queries().details(ADMIN, ObjectRef.name("existing"), 10).usedLeases());
    }

    @Test
    void syntaxErrorsPointAtTheOffendingToken() {
        String json = replace(BASE, "\"uid\": 0", "\"uid\": \"0\"");
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> inventory.interchange().importFile(ADMIN, json, "bad.json"));
        int at = json.indexOf("\"0\"");
        int line = 1 + (int) json.substring(0, at).chars().filter(ch -> ch == '\n').count();
        int column = at - json.lastIndexOf('\n', at - 1);
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    @Test
    void theUntamperedBaseWithVmsRestores(@TempDir Path fresh) {
        try (Inventory inv = Inventory.openDirectory(fresh.resolve("inv"))) {
            inv.interchange().importFile(ADMIN, BASE_VMS, "good.json");
            assertEquals(List.of("4:web RUNNING on 0", "6:batch PENDING on none"), inv.vms().list(ADMIN).stream()
                    .map(d -> d.vm().label() + " " + d.vm().state() + " on "
                            + d.vm().hostId().map(String::valueOf).orElse("none")).toList());
            assertEquals("kvm1", inv.hosts().show(ADMIN, ObjectRef.id(0)).host().name());
            assertEquals("edge", inv.hosts().show(ADMIN, ObjectRef.id(0)).cluster().name());
        }
    }

    @Test
    void theUntamperedBaseRestoresWithItsReservation(@TempDir Path fresh) {
        try (Inventory inv = Inventory.openDirectory(fresh.resolve("inv"))) {
            assertEquals(List.of(7, 8), inv.interchange().importFile(ADMIN, BASE, "good.json"));
            VirtualNetwork child = inv.queries().details(ADMIN, ObjectRef.id(8), 0).network();
            assertEquals(Optional.of(7), child.parentNetworkId());
            assertEquals(new Ownership(3, 1, Permissions.parseOctal("p", "604")), child.ownership());
            assertEquals(Optional.of(LockLevel.USE), child.lock());
            assertEquals(List.of("1=HOLD", "2=VM:4 NIC:0", "5=NET:8", "6=NET:8"),
                    inv.queries().details(ADMIN, ObjectRef.id(7), 10).leases().stream()
                            .map(l -> l.index() + "=" + l.owner().label()).toList());
            assertEquals(new LeaseOwner.VmNic(5, 1), inv.queries().details(ADMIN, ObjectRef.id(8),
                    10).leases().get(0).owner());
            assertEquals(9, inv.networks().create(ADMIN, TemplateParser.parse("NAME = x\nVN_MAD = bridge\n", "t")));
        }
    }
}
