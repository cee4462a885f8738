package vnetdesk.service.host;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.host.actual.ProbeResult;
import vnetdesk.host.apply.StateReader;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.state.HostState;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostStatus.Contact;
import vnetdesk.service.host.HostStatus.DriftCheck;
import vnetdesk.service.host.HostStatus.KnownDevices;
import vnetdesk.service.host.HostStatus.Probed;

/**
 * Turns what the engine just learnt about a host into its recorded
 * {@link HostStatus}: a session opened or refused (contact), a probe, a
 * plan (probe, drift and the devices read), an apply's outcome. One call per
 * place in {@link HostEngine}; the engine checked the host was manageable
 * before it connected.
 */
final class HostStatusRecorder {

    private static final System.Logger LOG = System.getLogger(HostStatusRecorder.class.getName());

    private final HostStatuses statuses;
    private final Clock clock;

    HostStatusRecorder(HostStatuses statuses, Clock clock) {
        this.statuses = statuses;
        this.clock = clock;
    }

    /** A session as root was opened ({@code failure} empty) or not, with why. */
    void contact(Host host, Optional<String> failure) {
        record(host, Optional.of(new Contact(clock.instant(), failure.isEmpty(), failure)), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    void probed(Host host, ProbeResult probe) {
        record(host, Optional.empty(), Optional.of(new Probed(clock.instant(), HostReports.probe(probe))),
                Optional.empty(), Optional.empty());
    }

    /** A plan read the host: its probe, where it stands, and the devices it has. */
    void planned(Host host, ProbeResult probe, StateReader.Reading reading, Plan plan) {
        PlanStatus status = plan.isBlocked() ? PlanStatus.BLOCKED
                : plan.isEmpty() ? PlanStatus.IN_SYNC : PlanStatus.CHANGES;
        List<String> differences = new ArrayList<>();
        plan.blockers().forEach(b -> differences.add("cannot apply: " + b));
        plan.steps().forEach(s -> differences.add(s.subject() + ": " + s.description()));
        record(host, Optional.empty(), Optional.of(new Probed(clock.instant(), HostReports.probe(probe))),
                Optional.of(new DriftCheck(clock.instant(), status, differences)),
                Optional.of(new KnownDevices(clock.instant(), List.copyOf(reading.state().devices().keySet()))));
    }

    /** A plan could not read the host: where it stands is unknown, the devices last known stay. */
    void planFailed(Host host, String message) {
        record(host, Optional.empty(), Optional.empty(),
                Optional.of(new DriftCheck(clock.instant(), PlanStatus.UNREACHABLE, List.of(message))),
                Optional.empty());
    }

    /**
     * An apply's outcome. A success (verified by reading the host back) leaves
     * the host in sync with exactly the desired devices among those the
     * console cares about; BLOCKED and a failure that could not be rolled back
     * change the drift (the host cannot take its state / is in no known
     * state); a failure rolled back left the host as it was, so the drift
     * last found still holds, as does a cancelled apply's. A host lost during
     * the apply is unreachable.
     */
    void applied(Host host, HostApplyOutcome outcome, Optional<HostState> applied) {
        Optional<Contact> contact = outcome.result() == HostApplyOutcome.Result.UNREACHABLE
                ? Optional.of(new Contact(outcome.finished(), false, Optional.of(outcome.message())))
                : Optional.empty();
        Optional<DriftCheck> drift = Optional.empty();
        Optional<KnownDevices> devices = Optional.empty();
        if (outcome.result().success() && applied.isPresent()) {
            drift = Optional.of(new DriftCheck(outcome.finished(), PlanStatus.IN_SYNC, List.of()));
            devices = Optional.of(new KnownDevices(outcome.finished(), List.copyOf(applied.get().devices().keySet())));
        } else if (outcome.result() == HostApplyOutcome.Result.BLOCKED) {
            drift = Optional.of(new DriftCheck(outcome.finished(), PlanStatus.BLOCKED, List.of(outcome.message())));
        } else if (outcome.result() == HostApplyOutcome.Result.FAILED_NOT_ROLLED_BACK) {
            drift = Optional.of(new DriftCheck(outcome.finished(), PlanStatus.CHANGES,
                    List.of("the last apply failed and was not rolled back: " + outcome.message())));
        }
        record(host, contact, Optional.empty(), drift, devices);
    }

    /**
     * Best effort: what the console knows of a host is a help, not the
     * outcome — a failed write of it must never turn an apply that succeeded
     * (and is recorded in the history) into a failure, so it is logged.
     */
    private void record(Host host, Optional<Contact> contact, Optional<Probed> probe, Optional<DriftCheck> drift,
                        Optional<KnownDevices> devices) {
        try {
            statuses.record(host.id(), new HostStatus(contact, probe, drift, devices));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record the status of host " + host.label() + ": "
                    + e.getMessage(), e);
        }
    }
}
