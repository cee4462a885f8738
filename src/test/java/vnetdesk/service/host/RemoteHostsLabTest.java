package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;

/**
 * The front ends' door to the hosts against real lab hosts: a connection
 * tested with settings not saved yet (the key asked about once, then
 * trusted), a host whose key changed refused with both fingerprints until its
 * old key is forgotten, and an apply of several hosts heard phase by phase
 * and host by host, with a cancel that skips the hosts not started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteHostsLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    static Path dir;
    EngineLab lab;
    RemoteHosts remote;
    final List<RemoteHosts.OfferedKey> asked = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 3);
        lab.network("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr1\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        for (int i = 0; i < 3; i++) {
            lab.vm("vm" + i, "NETWORK = lan", i);
        }
        remote = lab.inv.remoteHosts(new RemoteHosts.Settings(dir.resolve("console_known_hosts"), Optional.empty(),
                key -> {
                    asked.add(key);
                    return true;
                }, (login, what) -> Optional.empty(),
                new HostEngine.Settings(2, Duration.ofSeconds(30), java.util.Map.of(), Clock.systemUTC())));
    }

    @AfterAll
    void stop() {
        if (remote != null) {
            remote.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static HostConnection login(LabHost h) {
        return new HostConnection(h.port(), h.user(), new HostConnection.Identity.KeyFile(h.privateKey().toString()));
    }

    @Test
    @Order(1)
    void aConnectionNotSavedYetAsksAboutTheKeyOnceAndProbes() {
        LabHost h = lab.host(0);
        HostReports.ProbeReport probe = remote.testConnection(ADMIN, Optional.empty(), Optional.empty(), h.address(),
                login(h));
        assertEquals("root", probe.privilege());
        assertEquals(1, asked.size());
        assertEquals(h.hostKeyFingerprint(), asked.get(0).fingerprint());
        assertEquals(h.port(), asked.get(0).port());

        remote.testConnection(ADMIN, Optional.empty(), Optional.empty(), h.address(), login(h));
        assertEquals(1, asked.size(), "a trusted key is not asked about again");
    }

    @Test
    @Order(2)
    void aChangedKeyIsRefusedWithBothFingerprintsUntilTheOldOneIsForgotten() {
        LabHost before = lab.host(0);
        LabHost after = lab.lab.rekey(before);
        HostKeyRefusedException e = assertThrows(HostKeyRefusedException.class, () -> remote.testConnection(ADMIN,
                Optional.empty(), Optional.empty(), after.address(), login(after)));
        assertEquals(before.hostKeyFingerprint(), e.storedFingerprint());
        assertEquals(after.hostKeyFingerprint(), e.offeredFingerprint());
        assertTrue(e.storedAt().startsWith(dir.resolve("console_known_hosts").toString() + ":"), e.storedAt());
        assertThrows(HostKeyRefusedException.class, () -> remote.probe(ADMIN, ObjectRef.name("kvm0")));

        RemoteHosts.ForgottenKey forgotten = remote.forgetKey(ADMIN, after.address(), after.port(), after.user());
        assertEquals(1, forgotten.removed());
        int askedBefore = asked.size();
        assertEquals("root", remote.probe(ADMIN, ObjectRef.name("kvm0")).privilege());
        assertEquals(askedBefore + 1, asked.size());
        assertEquals(after.hostKeyFingerprint(), asked.get(asked.size() - 1).fingerprint());
    }

    @Test
    @Order(3)
    void anApplyIsHeardPhaseByPhaseAndHostByHost() {
        List<HostProgress> progress = Collections.synchronizedList(new ArrayList<>());
        List<HostReports.ApplyResult> applied = Collections.synchronizedList(new ArrayList<>());
        HostRun run = new HostRun(new HostRun.Listener() {
            @Override
            public void progress(HostProgress p) {
                progress.add(p);
            }

            @Override
            public void applied(HostReports.ApplyResult r) {
                applied.add(r);
            }
        });
        List<ObjectRef> all = List.of(ObjectRef.name("kvm0"), ObjectRef.name("kvm1"), ObjectRef.name("kvm2"));
        List<HostReports.ApplyResult> results = remote.apply(ADMIN, all, run);

        assertEquals(3, results.size());
        results.forEach(r -> assertEquals(HostApplyOutcome.Result.APPLIED, r.outcome().result(), r.toString()));
        assertEquals(3, applied.size());
        for (String host : List.of("kvm0", "kvm1", "kvm2")) {
            List<HostProgress.Phase> phases = progress.stream().filter(p -> p.host().name().equals(host))
                    .map(HostProgress::phase).distinct().toList();
            assertEquals(List.of(HostProgress.Phase.CONNECTING, HostProgress.Phase.PROBING,
                    HostProgress.Phase.READING, HostProgress.Phase.CHANGING, HostProgress.Phase.VERIFYING), phases,
                    host);
            List<Double> fractions = progress.stream().filter(p -> p.host().name().equals(host))
                    .map(HostProgress::fraction).toList();
            for (int i = 1; i < fractions.size(); i++) {
                assertTrue(fractions.get(i) >= fractions.get(i - 1), host + " goes forward: " + fractions);
            }
            assertTrue(progress.stream().anyMatch(p -> p.host().name().equals(host)
                    && p.message().startsWith("step 1 of ")), host + " names its steps");
        }
    }

    @Test
    @Order(4)
    void aCancelBeforeTheStartSkipsEveryHostAndRecordsIt() {
        lab.network("NAME = lan2\nVN_MAD = fw\nBRIDGE = vdbr2\nAR = [ TYPE = IP4, IP = 10.2.0.1, SIZE = 10 ]\n");
        lab.vm("extra", "NETWORK = lan2", 1);
        HostRun run = HostRun.quiet();
        run.cancel();
        List<HostReports.ApplyResult> results = remote.apply(ADMIN, List.of(ObjectRef.name("kvm1")), run);
        assertEquals(HostApplyOutcome.Result.CANCELLED, results.get(0).outcome().result());
        assertFalse(lab.link(1, "vdbr2").isPresent(), "a skipped host is not changed");
        assertEquals(HostApplyOutcome.Result.CANCELLED, lab.inv.hosts().show(ADMIN, ObjectRef.name("kvm1"))
                .lastApply().orElseThrow().result());
    }

    @Test
    @Order(5)
    void twoRunsOnOneHostTakeTurnsTheSecondFindingNothingToDo() throws Exception {
        lab.network("NAME = lan3\nVN_MAD = fw\nBRIDGE = vdbr3\nAR = [ TYPE = IP4, IP = 10.3.0.1, SIZE = 10 ]\n");
        lab.vm("third", "NETWORK = lan3", 2);
        // the host's changing commands are slow, so the second run starts while the first is changing
        lab.lab.prelude(lab.host(2), "case \"$SSH_ORIGINAL_COMMAND\" in *iptables-restore*) sleep 1;; esac");
        List<HostProgress> progress = Collections.synchronizedList(new ArrayList<>());
        HostRun.Listener listener = new HostRun.Listener() {
            @Override
            public void progress(HostProgress p) {
                progress.add(p);
            }
        };
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<HostReports.ApplyResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> remote.apply(ADMIN, List.of(ObjectRef.name("kvm2")), new HostRun(listener))
                        .get(0)));
            }
            List<HostApplyOutcome.Result> results = new ArrayList<>();
            for (java.util.concurrent.Future<HostReports.ApplyResult> r : runs) {
                results.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS).outcome().result());
            }
            java.util.Collections.sort(results);
            assertEquals(List.of(HostApplyOutcome.Result.APPLIED, HostApplyOutcome.Result.NOTHING_TO_DO), results,
                    "one applied, the other waited and found the host done");
            assertTrue(progress.stream().anyMatch(p -> p.phase() == HostProgress.Phase.WAITING),
                    "the second said it was waiting");
        } finally {
            two.shutdownNow();
            lab.lab.prelude(lab.host(2), "");
        }
    }
}
