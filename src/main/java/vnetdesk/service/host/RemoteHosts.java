package vnetdesk.service.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Consumer;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.service.core.Access;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.ProbeReport;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.ssh.HostKeyChangedException;
import vnetdesk.ssh.HostKeyPrompt;
import vnetdesk.ssh.KnownHosts;
import vnetdesk.ssh.SecretPrompt;
import vnetdesk.ssh.SshTarget;
import vnetdesk.ssh.SshTransport;

/**
 * The {@link HostEngine} for a front end that may not use the {@code ssh} or
 * {@code host} packages (the CLI, the console): it owns one SSH client
 * trusting the console's known_hosts file, adapts the front end's questions
 * (an unknown host key, a passphrase or password) and hands results back as
 * {@link HostReports}. The CLI opens one for a run; the console keeps one
 * while it runs ({@code ui.common.ConsoleHosts}).
 */
public final class RemoteHosts implements AutoCloseable {

    /** A key a host offered that no known_hosts file knows. */
    public record OfferedKey(String address, int port, String keyType, String fingerprint) {
    }

    /** Whether to trust an unknown host key; may block while a person answers. */
    @FunctionalInterface
    public interface KeyQuestion {
        boolean trust(OfferedKey key);
    }

    /**
     * Asks for a secret: {@code login} is {@code user@host:port}, {@code what}
     * says what ("password", "passphrase for FILE"). Empty means none given.
     */
    @FunctionalInterface
    public interface SecretQuestion {
        Optional<char[]> ask(String login, String what);
    }

    /**
     * Where trust is kept (the console's file, written; the user's, read
     * only), the two questions, and the engine's pool, timeouts and
     * environment.
     */
    public record Settings(Path knownHosts, Optional<Path> userKnownHosts, KeyQuestion keys,
                           SecretQuestion secrets, HostEngine.Settings engine) {
    }

    /**
     * What {@link #forgetKey} did: for which host (its name, or the address
     * when not saved as a host), the name its entries carry, how many were
     * removed, from which file.
     */
    public record ForgottenKey(String hostName, String knownHostsName, int removed, Path file) {
    }

    private final HostService hosts;
    private final SshTransport transport;
    private final HostEngine engine;
    private final LiveChanges live;

    /** {@code engines} builds the engine over this object's transport (see {@code Inventory#remoteHosts}). */
    public RemoteHosts(HostService hosts, Settings settings,
                       BiFunction<SshTransport, SecretPrompt, HostEngine> engines,
                       Function<HostEngine, LiveChanges> liveChanges) {
        this.hosts = hosts;
        HostKeyPrompt prompt = key -> settings.keys().trust(
                new OfferedKey(key.host(), key.port(), key.keyType(), key.fingerprint()));
        this.transport = new SshTransport(new SshTransport.Settings(settings.knownHosts(), settings.userKnownHosts(),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)), prompt);
        try {
            this.engine = engines.apply(transport,
                    (target, what) -> settings.secrets().ask(target.toString(), what));
            this.live = liveChanges.apply(engine);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /**
     * Whether the host has changes not applied yet (no connection); empty
     * when the actor may not manage the host, so a list of every host still
     * shows for a user who sees them but cannot manage them.
     */
    public Optional<Boolean> pending(Actor actor, ObjectRef ref) {
        try {
            return Optional.of(engine.pending(actor, ref));
        } catch (Access.PermissionDeniedException e) {
            return Optional.empty();
        }
    }

    /**
     * Logs in (asking about an unknown key) and probes; the host's failure is
     * thrown, a changed host key as {@link HostKeyRefusedException}.
     */
    public ProbeReport probe(Actor actor, ObjectRef ref) {
        return refusingChangedKeys(() -> HostReports.probe(engine.probe(actor, ref)));
    }

    /**
     * Logs in with settings not saved yet (a new host's, or an edited one's),
     * gets root and probes; failures as {@link #probe}. No inventory change.
     */
    public ProbeReport testConnection(Actor actor, Optional<ObjectRef> existing, Optional<ObjectRef> cluster,
                                      String address, HostConnection connection) {
        return refusingChangedKeys(() -> HostReports.probe(
                engine.testConnection(actor, existing, cluster, address, connection)));
    }

    /** Reads and plans each host; runs no changing command. Every host has its report, unreachable ones too. */
    public List<PlanReport> plan(Actor actor, List<ObjectRef> refs) {
        return plan(actor, refs, HostRun.quiet());
    }

    /** As {@link #plan(Actor, List)}; {@code run} hears each host's progress and plan and may stop the rest. */
    public List<PlanReport> plan(Actor actor, List<ObjectRef> refs, HostRun run) {
        return engine.plan(actor, refs, run).stream().map(HostReports::plan).toList();
    }

    /** Applies to each host; {@code finished} hears each one as it ends; the results come in the order given. */
    public List<ApplyResult> apply(Actor actor, List<ObjectRef> refs, Consumer<ApplyResult> finished) {
        return apply(actor, refs, new HostRun(new HostRun.Listener() {
            @Override
            public void applied(ApplyResult result) {
                finished.accept(result);
            }
        }));
    }

    /**
     * Applies to each host, {@code run} hearing each host's progress and end
     * and able to stop the hosts not started; a host skipped that way is
     * recorded as cancelled. The results come in the order given.
     */
    public List<ApplyResult> apply(Actor actor, List<ObjectRef> refs, HostRun run) {
        return engine.apply(actor, refs, run, a -> { }).stream()
                .map(a -> new ApplyResult(a.host(), a.outcome())).toList();
    }

    /** A security group's commit applied to the hosts of its VMs (see {@link LiveChanges#commitSecurityGroup}). */
    public LiveChanges.CommitResult commitSecurityGroup(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed) {
        return commitSecurityGroup(actor, ref, onlyOutdatedAndFailed, HostRun.quiet());
    }

    /** As {@link #commitSecurityGroup(Actor, ObjectRef, boolean)}, {@code run} hearing the hosts as they answer. */
    public LiveChanges.CommitResult commitSecurityGroup(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed,
                                                        HostRun run) {
        return live.commitSecurityGroup(actor, ref, onlyOutdatedAndFailed, run);
    }

    /** A NIC attached and applied to its VM's host at once, or taken back (see {@link LiveChanges#attachNic}). */
    public LiveChanges.NicChange attachNic(Actor actor, ObjectRef vm, NicRequest request) {
        return live.attachNic(actor, vm, request);
    }

    /** As {@link #attachNic(Actor, ObjectRef, NicRequest)}, {@code run} hearing the host's progress. */
    public LiveChanges.NicChange attachNic(Actor actor, ObjectRef vm, NicRequest request, HostRun run) {
        return live.attachNic(actor, vm, request, run);
    }

    /** A NIC detached and removed from its VM's host at once (see {@link LiveChanges#detachNic}). */
    public LiveChanges.NicChange detachNic(Actor actor, ObjectRef vm, int index) {
        return live.detachNic(actor, vm, index);
    }

    /**
     * Removes the console's known_hosts entries for the host's address and
     * port (the user's own file is never changed), so the next connection
     * asks again. No connection.
     */
    public ForgottenKey forgetKey(Actor actor, ObjectRef ref) {
        Host host = hosts.manageable(actor, ref, "forget the host key of");
        if (host.address().isBlank()) {
            throw new VnetException("host " + host.label() + " has no address, so no key is stored for it");
        }
        int port = host.connection().port();
        KnownHosts known = transport.knownHosts();
        int removed = known.forget(host.address(), port);
        String name = new SshTarget(host.address(), port, host.connection().user()).knownHostsName();
        return new ForgottenKey(host.name(), name, removed, known.file());
    }

    /**
     * Removes the console's known_hosts entries for an address and port not
     * (yet) saved as a host's — the Add host dialog's "forget the old key";
     * the actor must be allowed to add hosts. No connection.
     */
    public ForgottenKey forgetKey(Actor actor, String address, int port, String user) {
        hosts.requireMayAdd(actor, Optional.empty());
        String checked = HostService.checkAddress(address);
        KnownHosts known = transport.knownHosts();
        int removed = known.forget(checked, port);
        return new ForgottenKey(checked, new SshTarget(checked, port, user).knownHostsName(), removed, known.file());
    }

    private static <T> T refusingChangedKeys(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (HostKeyChangedException e) {
            throw new HostKeyRefusedException(e.target().host(), e.target().port(), e.storedFingerprint(),
                    e.offeredFingerprint(), e.storedAt(), e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
