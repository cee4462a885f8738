package vnetdesk.model.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.HostConnection.Identity;

/** The checks of a host's address and login: what passes, and hostile values refused naming the field. */
class HostConnectionTest {

    private static void refused(String field, Runnable check, String value) {
        ValidationException e = assertThrows(ValidationException.class, check::run);
        assertEquals(field, e.field().orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": invalid value \"" + ValidationException.printable(value)
                + "\""), e.getMessage());
    }

    @Test
    void theDefaultIsPort22AsRootThroughTheAgent() {
        assertEquals(new HostConnection(22, "root", Identity.AGENT), HostConnection.DEFAULT);
        assertEquals(HostConnection.DEFAULT, new Host(1, "kvm1", 0, "", java.util.Map.of(), 0).connection());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.9.0.1", "kvm1", "kvm-1.example.org", "kvm1.example.org.", "fd00::1", "::ffff:10.0.0.1",
            "2001:db8:0:0:0:0:0:1"})
    void hostNamesAndIpLiteralsAreAccepted(String address) {
        assertEquals(address, HostConnection.checkAddress("ADDRESS", address));
    }

    @Test
    void spacesAroundAnAddressAreDroppedAndEmptyMeansNotSet() {
        assertEquals("kvm1", HostConnection.checkAddress("ADDRESS", "  kvm1 "));
        assertEquals("", HostConnection.checkAddress("ADDRESS", " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kvm1;reboot", "$(reboot)", "`reboot`", "kvm1'", "kvm1\"", "kvm 1", "kvm1\n",
            "kvm1\nreboot", "\tkvm1", "-oProxyCommand=reboot", "kvm1.-x", "kvm1..example", "a|b", "kvm1&", "k>v",
            "fd00::1;reboot", "fd00:::1", "fd00::g", "kvm1\u0000"})
    void hostileAddressesAreRefusedNamingTheField(String address) {
        refused("--address", () -> HostConnection.checkAddress("--address", address), address);
    }

    @Test
    void anAddressLongerThanDnsAllowsIsRefused() {
        String label = "a".repeat(63);
        String ok = String.join(".", label, label, label, "a".repeat(61));
        assertEquals(253, ok.length());
        assertEquals(ok, HostConnection.checkAddress("ADDRESS", ok));
        refused("ADDRESS", () -> HostConnection.checkAddress("ADDRESS", ok + "a"), ok + "a");
        refused("ADDRESS", () -> HostConnection.checkAddress("ADDRESS", "a".repeat(64)), "a".repeat(64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "oneadmin", "deploy_2", "first.last", "a-b", "_svc", "abcdefghijklmnopqrstuvwxyz012345"})
    void posixUserNamesAreAccepted(String user) {
        assertEquals(user, HostConnection.checkUser("USER", user));
    }

    @ParameterizedTest
    @ValueSource(strings = {"root;reboot", "$(id)", "`id`", "ro'ot", "ro\"ot", "ro ot", "root\n", "-root", "root$",
            "r\u00e9", "abcdefghijklmnopqrstuvwxyz0123456", "root@kvm1"})
    void hostileUserNamesAreRefusedNamingTheField(String user) {
        refused("USER", () -> HostConnection.checkUser("USER", user), user);
    }

    @Test
    void anIdentityIsTheAgentAPasswordPromptOrAnAbsoluteKeyPath() {
        assertEquals(Identity.AGENT, Identity.parse("IDENTITY", "agent"));
        assertEquals(Identity.PASSWORD, Identity.parse("IDENTITY", "password"));
        Identity key = Identity.parse("IDENTITY", "/home/admin/.ssh/id ed25519 (work)");
        assertEquals(new Identity.KeyFile("/home/admin/.ssh/id ed25519 (work)"), key);
        assertEquals("/home/admin/.ssh/id ed25519 (work)", key.text(), "a path may hold blanks: it never meets a shell");
        for (Identity i : new Identity[]{Identity.AGENT, Identity.PASSWORD, key}) {
            assertEquals(i, Identity.parse("IDENTITY", i.text()), "text() reads back");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_rsa", "~/.ssh/id_rsa", "./key", "/keys/a\nb", "/keys/a\u0000", "/keys/\r", "Agent",
            "$(reboot)"})
    void aKeyPathThatIsRelativeOrHoldsControlCharactersIsRefused(String path) {
        refused("--identity", () -> Identity.parse("--identity", path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "22;", "2 2", "abc", "999999", "0x16", ""})
    void portsOutside1To65535OrNotNumbersAreRefused(String port) {
        ValidationException e = assertThrows(ValidationException.class, () -> HostConnection.parsePort("--port", port));
        assertEquals("--port", e.field().orElseThrow());
        assertTrue(e.getMessage().contains(port.isEmpty() ? "required" : "\"" + port + "\""), e.getMessage());
    }

    @Test
    void theRecordRefusesABadPortOrUserUnderItsFieldName() {
        refused("PORT", () -> new HostConnection(0, "root", Identity.AGENT), "0");
        refused("USER", () -> HostConnection.DEFAULT.withUser("root;reboot"), "root;reboot");
        assertEquals(65535, HostConnection.DEFAULT.withPort(65535).port());
    }
}
