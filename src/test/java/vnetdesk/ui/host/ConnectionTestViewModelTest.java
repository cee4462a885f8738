package vnetdesk.ui.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.Driver;
import vnetdesk.service.host.HostReports.ProbeReport;
import vnetdesk.ssh.Fingerprints;
import vnetdesk.ui.common.ViewModelTestBase;
import vnetdesk.ui.host.HostFormViewModel.IdentityChoice;

/**
 * The host form's Test connection and the Hosts view's Probe without the
 * toolkit, against an in-process SSH server whose host key the test can
 * change: a bad field refused before any connection, the result line of a
 * probe report, a refused trust reported as such, and a changed key that
 * leads to the forget question — declining keeps the trusted key, accepting
 * forgets it so the next test asks about the new one.
 */
class ConnectionTestViewModelTest extends ViewModelTestBase {

    private HostsViewModel hosts;
    private SshServer server;
    private final AtomicReference<KeyPair> hostKey = new AtomicReference<>();
    private Path keyFile;

    @BeforeEach
    void start() throws Exception {
        hosts = new HostsViewModel(inventory, ADMIN, runner, dialogs, consoleHosts());
        hostKey.set(KeyUtils.generateKeyPair("ssh-ed25519", 256));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        // read at each key exchange, so the test can give the "host" a new key
        server.setKeyPairProvider(session -> List.of(hostKey.get()));
        server.setPublickeyAuthenticator((user, key, session) -> false);
        server.start();
        keyFile = dir.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(KeyUtils.generateKeyPair("ssh-ed25519", 256),
                    "test", null, out);
        }
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(true);
    }

    private HostFormViewModel form(String address, String port) {
        HostFormViewModel form = hosts.newHost();
        form.load();
        form.nameProperty().set("kvm1");
        form.addressProperty().set(address);
        form.portProperty().set(port);
        form.identityProperty().set(IdentityChoice.KEY_FILE);
        form.keyFileProperty().set(keyFile.toString());
        return form;
    }

    private HostFormViewModel formOnServer() {
        return form("127.0.0.1", String.valueOf(server.getPort()));
    }

    private String login() {
        return "root@127.0.0.1:" + server.getPort();
    }

    private static String fingerprint(KeyPair key) {
        return Fingerprints.sha256(key.getPublic());
    }

    @Test
    void aBadFieldIsRefusedOnItsFieldBeforeAnyConnection() {
        HostFormViewModel form = form("127.0.0.1", "0");
        int before = runner.completed();
        form.connectionTest().run();
        assertTrue(form.errors().get("PORT").startsWith("PORT: invalid value \"0\""), form.errors().toString());
        assertEquals(before, runner.completed(), "nothing ran");
        assertEquals(ConnectionTest.State.IDLE, form.connectionTest().stateProperty().get());

        form.portProperty().set("22");
        form.addressProperty().set("");
        form.connectionTest().run();
        assertEquals("ADDRESS: an address is needed to connect", form.errors().get("ADDRESS"));
        assertEquals(before, runner.completed(), "nothing ran");

        form.addressProperty().set("10.0.0.5");
        form.keyFileProperty().set("id_rsa");
        form.connectionTest().run();
        assertTrue(form.errors().get("IDENTITY").contains("absolute path"), form.errors().toString());
        assertEquals(List.of(), dialogs.questions, "no host was asked about");
        assertEquals(before, runner.completed(), "nothing ran");
    }

    @Test
    void theResultSaysHowTheLoginGotRootTheKernelAndWhyADriverCannotRun() {
        Map<Driver, List<String>> drivers = new java.util.LinkedHashMap<>();
        drivers.put(Driver.BRIDGE, List.of());
        drivers.put(Driver.FW, List.of());
        drivers.put(Driver.VLAN, List.of("802.1Q needs the kernel feature 8021q (802.1Q VLAN devices), which this"
                + " kernel lacks"));
        ProbeReport report = new ProbeReport("6.8.0-45-generic", "sudo", Map.of("bridge", "yes", "8021q", "no"),
                List.of("ip", "iptables"), List.of("tc"), drivers, List.of("tc is missing: QoS of NICs cannot be"
                + " applied on this host"));

        assertEquals("connected as oneadmin, root via sudo -n; kernel 6.8.0-45-generic; drivers: bridge, fw;"
                + " 802.1Q: needs the kernel feature 8021q (802.1Q VLAN devices), which this kernel lacks",
                ProbeSummary.line("oneadmin", report));
        assertEquals("connected as root; kernel 6.8.0-45-generic; drivers: bridge, fw; 802.1Q: needs the kernel"
                + " feature 8021q (802.1Q VLAN devices), which this kernel lacks",
                ProbeSummary.line("root", new ProbeReport("6.8.0-45-generic", "root", Map.of(), List.of(), List.of(),
                        drivers, List.of())));
        assertEquals("connected as oneadmin, root via sudo -n; kernel 6.8.0-45-generic; drivers: bridge, fw",
                ProbeSummary.connected("oneadmin", report));
        assertEquals(List.of("802.1Q: needs the kernel feature 8021q (802.1Q VLAN devices), which this kernel"
                + " lacks"), ProbeSummary.unsupported(report));
        List<String> details = ProbeSummary.details(report);
        assertTrue(details.contains("missing tools: tc"), details.toString());
        assertTrue(details.contains("tc is missing: QoS of NICs cannot be applied on this host"), details.toString());
    }

    @Test
    void aRefusedTrustIsReportedAsSuchAndNotStored() {
        HostFormViewModel form = formOnServer();
        dialogs.answer(false);
        form.connectionTest().run();

        ConnectionTest test = form.connectionTest();
        assertEquals(ConnectionTest.State.FAILED, test.stateProperty().get());
        assertTrue(test.resultProperty().get().contains("was not trusted; connection refused"),
                test.resultProperty().get());
        assertEquals(List.of("trust ssh-ed25519 key " + fingerprint(hostKey.get()) + " of 127.0.0.1:"
                + server.getPort()), dialogs.questions);
        assertEquals(List.of(), dialogs.errors, "no error dialog: the user said no");
        assertTrue(!test.testingProperty().get());

        dialogs.answer(false);
        test.run();
        assertEquals(2, dialogs.questions.size(), "a key not trusted is asked about again");
    }

    @Test
    void aChangedKeyLeadsToTheForgetQuestionAndDecliningItKeepsTheTrustedKey() throws Exception {
        HostFormViewModel form = formOnServer();
        ConnectionTest test = form.connectionTest();
        KeyPair old = hostKey.get();
        dialogs.answer(true);
        test.run();
        // trusted, then the login itself is refused: this server accepts no key
        assertEquals(ConnectionTest.State.FAILED, test.stateProperty().get());
        assertTrue(test.resultProperty().get().contains(login()), test.resultProperty().get());

        KeyPair rekeyed = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        hostKey.set(rekeyed);
        dialogs.answer(false);
        test.run();
        assertEquals("changed key of " + login() + ": stored " + fingerprint(old) + ", offered "
                + fingerprint(rekeyed), dialogs.questions.get(1));
        assertEquals(ConnectionTest.State.FAILED, test.stateProperty().get());
        assertEquals("Connection refused: the host key of " + login() + " has changed. The trusted key ("
                + fingerprint(old) + ") is kept.", test.resultProperty().get());

        dialogs.answer(false);
        test.run();
        assertTrue(dialogs.questions.get(2).startsWith("changed key of "), "still refused, not asked to trust: "
                + dialogs.questions);

        dialogs.answer(true);
        test.run();
        assertEquals(ConnectionTest.State.KEY_FORGOTTEN, test.stateProperty().get());
        assertTrue(test.resultProperty().get().startsWith("The old key of " + login() + " is forgotten (1 entry"
                + " removed from "), test.resultProperty().get());
        assertTrue(test.resultProperty().get().endsWith("The next Test connection shows the new key's fingerprint"
                + " and asks whether to trust it."), test.resultProperty().get());

        dialogs.answer(true);
        test.run();
        assertEquals("trust ssh-ed25519 key " + fingerprint(rekeyed) + " of 127.0.0.1:" + server.getPort(),
                dialogs.questions.get(dialogs.questions.size() - 1));
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aChangedValueClearsTheResultOfTheLastTest() {
        HostFormViewModel form = formOnServer();
        dialogs.answer(false);
        form.connectionTest().run();
        assertTrue(!form.connectionTest().resultProperty().get().isEmpty());
        form.userProperty().set("oneadmin");
        assertEquals("", form.connectionTest().resultProperty().get());
        assertEquals(ConnectionTest.State.IDLE, form.connectionTest().stateProperty().get());
    }

    @Test
    void probeOfASavedHostWithAChangedKeyForgetsItByTheHostAndReadsTheHostAgain() throws Exception {
        List<Integer> saved = new java.util.ArrayList<>();
        HostFormViewModel form = formOnServer();
        form.save(saved::add);
        int id = saved.get(0);
        hosts.created(id);
        HostRow row = hosts.list().selectedRow().orElseThrow();

        dialogs.answer(true);
        hosts.probe().probe(row);
        assertEquals(1, dialogs.errors.size(), "the login is refused after the key is trusted: " + dialogs.errors);
        assertTrue(dialogs.errors.get(0).startsWith("Cannot probe host " + row.label() + ": " + login()),
                dialogs.errors.get(0));
        assertTrue(!hosts.probe().runningProperty().get());

        hostKey.set(KeyUtils.generateKeyPair("ssh-ed25519", 256));
        dialogs.answer(true).answer(true);
        hosts.probe().probe(row);
        assertTrue(dialogs.questions.get(1).startsWith("changed key of " + login()), dialogs.questions.toString());
        assertTrue(dialogs.notices.get(dialogs.notices.size() - 1).endsWith("The next Probe shows the new key's"
                + " fingerprint and asks whether to trust it."), dialogs.notices.toString());
        assertEquals(Optional.of(id), hosts.list().selectedIdProperty().get());
        hosts.probe().probe(row);
        assertTrue(dialogs.questions.get(2).startsWith("trust ssh-ed25519 key "), dialogs.questions.toString());
        assertEquals(2, dialogs.errors.size(), "the new key trusted, the login refused again: " + dialogs.errors);
    }
}
