package vnetdesk.service.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import vnetdesk.host.actual.HostProbe;
import vnetdesk.host.actual.ProbeResult;
import vnetdesk.host.apply.Applier;
import vnetdesk.host.apply.ApplyReport;
import vnetdesk.host.apply.HostShell;
import vnetdesk.host.apply.HostUnreachableException;
import vnetdesk.host.apply.ShellStateReader;
import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.state.HostState;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.vm.VmService;
import vnetdesk.ssh.Cancellation;
import vnetdesk.ssh.ExecResult;
import vnetdesk.ssh.Identity;
import vnetdesk.ssh.ParallelHosts;
import vnetdesk.ssh.SecretPrompt;
import vnetdesk.ssh.SshException;
import vnetdesk.ssh.SshSession;
import vnetdesk.ssh.SshTarget;
import vnetdesk.ssh.SshTransport;

/**
 * Probe, plan and apply on hosts over SSH: per host one session (logged in,
 * raised to root), the probe (a driver the host cannot run blocks its plan
 * before anything runs), the desired state compiled from the inventory, and
 * the {@link Applier}; many hosts on a bounded pool, each host's outcome
 * recorded with its time, and on success the digest of the state it now has
 * (so that pending changes are known without connecting); what it learns of
 * each host on the way (contact, probe, drift) is kept as its {@link HostStatus}.
 */
public final class HostEngine {

    /**
     * One host's plan, or why there is none (unreachable, refused key,
     * unreadable output); with the owners of what it touches, as it was planned from.
     */
    public record HostPlan(Host host, Optional<ProbeResult> probe, Optional<Plan> plan, Optional<String> error,
                           Optional<HostOwners> owners) {
        /** The host differs from its desired state (or cannot take it). */
        public boolean drift() {
            return plan.map(p -> !p.isEmpty()).orElse(false);
        }
    }

    /** How an apply ended on one host, with the engine's full report when it got that far. */
    public record HostApply(Host host, HostApplyOutcome outcome, Optional<ApplyReport> report) {
    }

    private final HostService hosts;
    private final OfflinePlans offline;
    private final DesiredHosts desired;
    private final SshTransport transport;
    private final SecretPrompt secrets;
    private final ParallelHosts pool;
    private final Duration commandTimeout;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Applier applier = new Applier(new ShellStateReader());
    private final HostLocks locks = new HostLocks();
    private final HostStatusRecorder status;

    private static final HostRun.Listener QUIET = new HostRun.Listener() {
    };

    /**
     * How many hosts at once, how long one command may take, the environment
     * ({@code SSH_AUTH_SOCK}) and the clock outcomes are timed by.
     */
    public record Settings(int poolSize, Duration commandTimeout, Map<String, String> environment, Clock clock) {
        public Settings {
            environment = Map.copyOf(environment);
        }

        /** 8 hosts at once, 60 s per command, this process's environment, UTC. */
        public static Settings defaults() {
            return new Settings(8, Duration.ofSeconds(60), System.getenv(), Clock.systemUTC());
        }
    }

    public HostEngine(ServiceContext ctx, HostService hosts, VmService vms, SshTransport transport,
                      SecretPrompt secrets, Settings settings) {
        this.hosts = hosts;
        this.offline = new OfflinePlans(ctx, hosts, vms);
        this.desired = offline.desiredHosts();
        this.transport = transport;
        this.secrets = secrets;
        this.pool = new ParallelHosts(settings.poolSize());
        this.commandTimeout = settings.commandTimeout();
        this.environment = settings.environment();
        this.clock = settings.clock();
        this.status = new HostStatusRecorder(new HostStatuses(ctx), clock);
    }

    /** What the inventory implies for the host; no connection. */
    public HostState desiredState(Actor actor, ObjectRef ref) {
        return offline.desiredState(actor, ref);
    }

    /** Whether the host's desired state moved since the last successful apply; no connection. */
    public boolean pending(Actor actor, ObjectRef ref) {
        return offline.pending(actor, ref);
    }

    public ProbeResult probe(Actor actor, ObjectRef ref) {
        Host host = hosts.manageable(actor, ref, "probe");
        try (SshSession session = open(host)) {
            ProbeResult probe = probe(session);
            status.probed(host, probe);
            return probe;
        }
    }

    /**
     * Logs in with settings not saved yet (the console's Add host dialog),
     * gets root and probes: what the host offers, or the failure thrown. The
     * actor must be allowed to manage {@code existing}, or to add hosts to
     * {@code cluster} (the default cluster when empty) for a new one.
     */
    public ProbeResult testConnection(Actor actor, Optional<ObjectRef> existing, Optional<ObjectRef> cluster,
                                      String address, HostConnection connection) {
        if (existing.isPresent()) {
            hosts.manageable(actor, existing.get(), "test the connection of");
        } else {
            hosts.requireMayAdd(actor, cluster);
        }
        String checked = HostService.checkAddress(address);
        if (checked.isEmpty()) {
            throw vnetdesk.model.ValidationException.invalid("ADDRESS", address,
                    "an address is needed to connect");
        }
        try (SshSession session = open(checked, connection)) {
            return probe(session);
        }
    }

    /** Reads each host and plans; runs no changing command. */
    public List<HostPlan> plan(Actor actor, List<ObjectRef> refs, Cancellation cancel) {
        return plan(actor, refs, cancel, QUIET);
    }

    /** As {@link #plan(Actor, List, Cancellation)}, the run's listener hearing each host's progress and plan. */
    public List<HostPlan> plan(Actor actor, List<ObjectRef> refs, HostRun run) {
        return plan(actor, refs, run.cancellation(), run.listener());
    }

    private List<HostPlan> plan(Actor actor, List<ObjectRef> refs, Cancellation cancel, HostRun.Listener listener) {
        List<Host> targets = refs.stream().map(r -> hosts.manageable(actor, r, "plan for")).toList();
        List<HostPlan> out = new ArrayList<>();
        for (ParallelHosts.Outcome<Host, HostPlan> o : pool.run(targets,
                (h, c) -> locks.exclusively(h, listener, () -> planOne(h, listener)), cancel,
                x -> {
                    if (x instanceof ParallelHosts.Outcome.Done<Host, HostPlan> d) {
                        listener.planned(HostReports.plan(d.result()));
                    }
                })) {
            out.add(resultOf(o, h -> new HostPlan(h, Optional.empty(), Optional.empty(),
                    Optional.of("skipped: cancelled"), Optional.empty())));
        }
        return out;
    }

    /** Applies to each host: outcomes in the order given, each recorded in the inventory. */
    public List<HostApply> apply(Actor actor, List<ObjectRef> refs, Cancellation cancel, Consumer<HostApply> finished) {
        return apply(actor, refs, cancel, QUIET, finished);
    }

    /**
     * As {@link #apply(Actor, List, Cancellation, Consumer)}, the run's
     * listener hearing each host's progress and result (after it is recorded).
     */
    public List<HostApply> apply(Actor actor, List<ObjectRef> refs, HostRun run, Consumer<HostApply> finished) {
        return apply(actor, refs, run.cancellation(), run.listener(), a -> {
            finished.accept(a);
            run.listener().applied(new HostReports.ApplyResult(a.host(), a.outcome()));
        });
    }

    private List<HostApply> apply(Actor actor, List<ObjectRef> refs, Cancellation cancel, HostRun.Listener listener,
                                  Consumer<HostApply> finished) {
        List<Host> targets = refs.stream().map(r -> hosts.manageable(actor, r, "apply to")).toList();
        List<HostApply> out = new ArrayList<>();
        for (ParallelHosts.Outcome<Host, HostApply> o : pool.run(targets,
                (h, c) -> locks.exclusively(h, listener, () -> applyOne(actor, h, c, listener)), cancel, x -> {
                    if (x instanceof ParallelHosts.Outcome.Done<Host, HostApply> d) {
                        finished.accept(d.result());
                    }
                })) {
            out.add(resultOf(o, h -> record(actor, h, new HostApplyOutcome(clock.instant(), clock.instant(),
                    HostApplyOutcome.Result.CANCELLED, Optional.empty(), "cancelled before it began", 0),
                    Optional.empty(), Optional.empty())));
        }
        return out;
    }

    private HostPlan planOne(Host host, HostRun.Listener listener) {
        HostOwners owners = desired.owners(host);
        HostInventory inventory = owners.inventory();
        listener.progress(new HostProgress(host, HostProgress.Phase.CONNECTING, "connecting", 0.1));
        try (SshSession session = open(host)) {
            listener.progress(new HostProgress(host, HostProgress.Phase.PROBING, "probing", 0.3));
            ProbeResult probe = probe(session);
            listener.progress(new HostProgress(host, HostProgress.Phase.READING, "reading the host", 0.5));
            List<String> blockers = HostBlockers.of(inventory, probe);
            Applier.PlannedHost planned = applier.plan(shell(session), DesiredStateCompiler.compile(inventory),
                    leftAlone(inventory));
            Plan plan = planned.plan();
            List<String> all = new ArrayList<>(blockers);
            all.addAll(plan.blockers());
            List<String> notes = new ArrayList<>(plan.notes());
            inventory.skipped().forEach(s -> notes.add(s.note()));
            plan = new Plan(plan.steps(), all, notes);
            status.planned(host, probe, planned.reading(), plan);
            return new HostPlan(host, Optional.of(probe), Optional.of(plan), Optional.empty(), Optional.of(owners));
        } catch (VnetException e) {
            status.planFailed(host, e.getMessage());
            return new HostPlan(host, Optional.empty(), Optional.empty(), Optional.of(e.getMessage()),
                    Optional.of(owners));
        }
    }

    private HostApply applyOne(Actor actor, Host host, Cancellation cancel, HostRun.Listener listener) {
        Instant started = clock.instant();
        HostInventory inventory = desired.inventory(host);
        HostState state = DesiredStateCompiler.compile(inventory);
        SshSession session;
        listener.progress(new HostProgress(host, HostProgress.Phase.CONNECTING, "connecting", 0.05));
        try {
            session = open(host);
        } catch (VnetException e) {
            // logged in but no root (sudo -n refused) is a host to set up, as the probe's "cannot run as root" is
            boolean noRoot = e instanceof SshException s && s.reason() == SshException.Reason.PRIVILEGE;
            return record(actor, host, outcome(started, noRoot ? HostApplyOutcome.Result.BLOCKED
                    : HostApplyOutcome.Result.UNREACHABLE, e.getMessage(), 0), Optional.empty(), Optional.empty());
        }
        try (session) {
            listener.progress(new HostProgress(host, HostProgress.Phase.PROBING, "probing", 0.1));
            List<String> blockers = HostBlockers.of(inventory, probe(session));
            if (!blockers.isEmpty()) {
                return record(actor, host, outcome(started, HostApplyOutcome.Result.BLOCKED,
                        "cannot apply: " + String.join("; ", blockers), 1), Optional.empty(), Optional.empty());
            }
            ApplyReport report = applier.apply(shell(session), state, leftAlone(inventory), cancel::isCancelled,
                    ApplyPhases.reporting(host, listener));
            HostApplyOutcome.Result result = HostApplyOutcome.Result.valueOf(report.outcome().name());
            HostApplyOutcome outcome = new HostApplyOutcome(started, clock.instant(), result,
                    report.failedStep().isPresent() ? Optional.of(report.failedStep().getAsInt()) : Optional.empty(),
                    report.message().orElse(report.plan().steps().size() + " steps"), report.log().size());
            return record(actor, host, outcome, Optional.of(report),
                    result.success() ? Optional.of(state) : Optional.empty());
        } catch (HostUnreachableException | SshException e) {
            return record(actor, host, outcome(started, HostApplyOutcome.Result.UNREACHABLE, e.getMessage(), 0),
                    Optional.empty(), Optional.empty());
        } catch (VnetException e) {
            // the host answered something the engine cannot read: nothing was changed
            return record(actor, host, outcome(started, HostApplyOutcome.Result.BLOCKED, e.getMessage(), 0),
                    Optional.empty(), Optional.empty());
        }
    }

    /** The taps of the NICs on networks vnetdesk does not manage on hosts: their driver's, never planned. */
    private static Set<String> leftAlone(HostInventory inventory) {
        Set<String> taps = new TreeSet<>();
        inventory.skipped().forEach(s -> taps.addAll(s.taps()));
        return taps;
    }

    /** Records the outcome; {@code applied} is the state a successful apply left the host in. */
    private HostApply record(Actor actor, Host host, HostApplyOutcome outcome, Optional<ApplyReport> report,
                             Optional<HostState> applied) {
        ObjectRef ref = ObjectRef.id(host.id());
        if (applied.isPresent()) {
            hosts.markApplied(actor, ref, digest(applied.get()), outcome);
        } else {
            hosts.recordOutcome(actor, ref, outcome);
        }
        status.applied(host, outcome, applied);
        return new HostApply(host, outcome, report);
    }

    private HostApplyOutcome outcome(Instant started, HostApplyOutcome.Result result, String message, int commands) {
        return new HostApplyOutcome(started, clock.instant(), result, Optional.empty(), message, commands);
    }

    private ProbeResult probe(SshSession session) {
        ExecResult r = session.exec(HostProbe.SCRIPT, commandTimeout);
        if (!r.succeeded()) {
            throw new VnetException(session.target() + ": the probe exited with " + r.exitStatus() + ": "
                    + r.stderr().strip());
        }
        return HostProbe.parse(r.stdout());
    }

    private SshSession open(Host host) {
        if (host.address().isBlank()) {
            throw new VnetException("host " + host.label() + " has no address: set one (Edit… in the console,"
                    + " or: host set " + host.name() + " --address ADDRESS)");
        }
        SshSession session;
        try {
            session = open(host.address(), host.connection());
        } catch (VnetException e) {
            status.contact(host, Optional.of(e.getMessage()));
            throw e;
        }
        try {
            status.contact(host, Optional.empty());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** Logs in and gets root; nothing recorded (a host not saved yet has nowhere to record it). */
    private SshSession open(String address, HostConnection c) {
        SshTarget target = new SshTarget(address, c.port(), c.user());
        SshSession session = transport.connect(target, identity(c.identity()));
        try {
            session.elevate();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private Identity identity(HostConnection.Identity identity) {
        if (identity instanceof HostConnection.Identity.KeyFile k) {
            return new Identity.KeyFile(java.nio.file.Path.of(k.path()), secrets);
        }
        if (identity instanceof HostConnection.Identity.Password) {
            return new Identity.Password(secrets);
        }
        return Identity.agentFrom(environment).orElseThrow(() -> new VnetException(
                "the host logs in with the ssh-agent, but SSH_AUTH_SOCK is not set for vnetdesk"));
    }

    private HostShell shell(SshSession session) {
        return command -> {
            try {
                ExecResult r = session.exec(command.line(), command.stdin().map(s -> s.getBytes(StandardCharsets.UTF_8))
                        .orElse(new byte[0]), commandTimeout);
                return new HostShell.CommandOutput(r.exitStatus(), r.stdout(), r.stderr());
            } catch (SshException e) {
                throw new HostUnreachableException(e.getMessage(), e);
            }
        };
    }

    /** A host's result; for a host skipped by cancellation, {@code skipped}'s; a host task that broke is a bug. */
    private static <R> R resultOf(ParallelHosts.Outcome<Host, R> o, Function<Host, R> skipped) {
        if (o instanceof ParallelHosts.Outcome.Done<Host, R> d) {
            return d.result();
        }
        if (o instanceof ParallelHosts.Outcome.Failed<Host, R> f) {
            throw new IllegalStateException("host " + f.host().label() + ": " + f.error().getMessage(), f.error());
        }
        return skipped.apply(o.host());
    }

    /** SHA-256 of the state's canonical text (records of sorted maps and lists), as 64 lowercase hex digits. */
    public static String digest(HostState state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
