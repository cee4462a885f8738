package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.service.Inventory;

/** {@code host create|set|show|list} with the login options and the last apply, through {@link Cli#run}. */
class HostConnectionCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.5Z");

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
    }

    private String ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.out();
    }

    /** A refusal: exit 1, nothing on stdout, exactly {@code error: <message>} on stderr. */
    private void refused(String message, String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(1, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("error: " + message + "\n", r.err(), r::toString);
    }

    /** What the engine will do after an apply; the CLI has no command for it. */
    private void recordOutcome(String host, HostApplyOutcome outcome) {
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inventory"))) {
            inv.hosts().recordOutcome(Actor.ONEADMIN, ObjectRef.name(host), outcome);
        }
    }

    @Test
    void createTakesTheLoginAndShowPrintsItWithTheLastApply() {
        assertEquals("ID: 0\n", ok("host", "create", "kvm1", "--address", "10.9.0.1", "--port", "2222", "--user",
                "deploy", "--identity", "/home/admin/.ssh/id_ed25519"));
        assertEquals("ID: 1\n", ok("host", "create", "kvm2", "--identity", "password"));
        recordOutcome("kvm1", new HostApplyOutcome(T0, T0.plusSeconds(4), Result.FAILED_ROLLED_BACK, Optional.of(3),
                "iptables-restore: line 7 failed\n\u001b[31mCOMMIT\u001b[0m", 5));
        assertEquals("""
                HOST INFORMATION
                ID                  : 0
                NAME                : kvm1
                CLUSTER             : 0:default
                ADDRESS             : 10.9.0.1
                PORT                : 2222
                USER                : deploy
                IDENTITY            : /home/admin/.ssh/id_ed25519
                VMS                 : -
                LAST APPLY          : FAILED_ROLLED_BACK at step 3, finished 2025-03-01T10:15:34Z, 5 commands:\
                 iptables-restore: line 7 failed \\u001b[31mCOMMIT\\u001b[0m
                PENDING             : yes
                """, ok("host", "show", "kvm1"));
        assertEquals("""
                ID  NAME  CLUSTER    ADDRESS   VMS  PENDING  LAST APPLY
                 0  kvm1  0:default  10.9.0.1    0  yes      FAILED_ROLLED_BACK at step 3 2025-03-01T10:15:34Z
                 1  kvm2  0:default  -           0  yes      -
                """, ok("host", "list"));
    }

    @Test
    void theJsonFormsCarryTheLoginAndTheLastApply() throws Exception {
        ok("host", "create", "kvm1", "--user", "ops");
        recordOutcome("kvm1", new HostApplyOutcome(T0, T0.plusSeconds(1), Result.NOTHING_TO_DO, Optional.empty(),
                "", 8));
        JsonNode host = JSON.readTree(ok("host", "show", "kvm1", "--json"));
        assertEquals(22, host.get("port").asInt());
        assertEquals("ops", host.get("user").asText());
        assertEquals("agent", host.get("identity").asText());
        JsonNode last = host.get("last_apply");
        assertEquals("NOTHING_TO_DO", last.get("outcome").asText());
        assertEquals("2025-03-01T10:15:30.500Z", last.get("started").asText());
        assertTrue(last.get("failed_step").isNull());
        assertEquals(8, last.get("commands_run").asInt());
        assertTrue(host.get("applied_digest").isNull());
        assertEquals(host, JSON.readTree(ok("host", "list", "--json")).get(0), "list and show agree");
    }

    @Test
    void setChangesOnlyTheOptionsGiven() {
        ok("host", "create", "kvm1", "--address", "10.9.0.1", "--user", "deploy");
        ok("host", "set", "kvm1", "--port", "2200");
        ok("host", "set", "kvm1", "--identity", "/keys/kvm1", "--address", "kvm1.example.org");
        String shown = ok("host", "show", "kvm1");
        assertTrue(shown.contains("ADDRESS             : kvm1.example.org\nPORT                : 2200\n"
                + "USER                : deploy\nIDENTITY            : /keys/kvm1\n"), shown);
        ok("host", "set", "kvm1", "--identity", "agent");
        assertTrue(ok("host", "show", "kvm1").contains("IDENTITY            : agent\n"));
        CliRunner.Result nothing = cli.run("host", "set", "kvm1");
        assertEquals(2, nothing.code(), nothing::toString);
        assertTrue(nothing.err().startsWith("error: give at least one of --address, --port, --user, --identity"),
                nothing::toString);
    }

    @Test
    void everyBadValueIsRefusedNamingTheOptionAndTheValueAndChangesNothing() {
        ok("host", "create", "kvm1");
        refused("--address: invalid value \"kvm1;reboot\": expected a host name or an IP address (letters, digits,"
                + " '.', '-', ':'); each dot-separated part 1 to 63 characters, not starting or ending with '-'",
                "host", "set", "kvm1", "--address", "kvm1;reboot");
        refused("--address: invalid value \"-oProxyCommand=reboot\": expected a host name or an IP address"
                + " (letters, digits, '.', '-', ':'); each dot-separated part 1 to 63 characters, not starting or"
                + " ending with '-'", "host", "create", "kvm2", "--address=-oProxyCommand=reboot");
        refused("--port: invalid value \"0\": expected a port number from 1 to 65535", "host", "set", "kvm1",
                "--port", "0");
        refused("--port: invalid value \"22;reboot\": expected a port number from 1 to 65535", "host", "create",
                "kvm2", "--port", "22;reboot");
        refused("--user: invalid value \"$(reboot)\": expected a user name of letters, digits, '_', '.' and '-'"
                + " (not first), at most 32 characters", "host", "set", "kvm1", "--user", "$(reboot)");
        refused("--user: invalid value \"root\\nreboot\": expected a user name of letters, digits, '_', '.' and '-'"
                + " (not first), at most 32 characters", "host", "create", "kvm2", "--user", "root\nreboot");
        refused("--identity: invalid value \"id_rsa\": expected agent, password or the absolute path of a private"
                + " key file (starting with /)", "host", "set", "kvm1", "--identity", "id_rsa");
        refused("--identity: invalid value \"/keys/a\\nb\": a key file path may not contain a NUL, a line break or"
                + " another control character", "host", "create", "kvm2", "--identity", "/keys/a\nb");
        refused("--address: invalid value \"`reboot`\": expected a host name or an IP address (letters, digits,"
                + " '.', '-', ':'); each dot-separated part 1 to 63 characters, not starting or ending with '-'",
                "host", "set", "kvm1", "--address", "`reboot`", "--port", "2222");
        assertTrue(ok("host", "show", "kvm1").contains("ADDRESS             : -\nPORT                : 22\n"
                + "USER                : root\nIDENTITY            : agent\n"), "nothing changed");
        assertEquals(1, ok("host", "list").lines().count() - 1, "no host was created");
    }

    @Test
    void onlyOneadminChangesALogin() {
        ok("host", "create", "kvm1");
        ok("user", "create", "bob");
        CliRunner.Result r = cli.run("--user", "bob", "host", "set", "kvm1", "--port", "2222");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("error: user bob") && r.err().contains("change the connection of"),
                r::toString);
        assertTrue(ok("host", "show", "kvm1").contains("PORT                : 22\n"));
    }
}
