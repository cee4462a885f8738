package vnetdesk.ui.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.host.HostProgress;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostRun;
import vnetdesk.service.host.HostRunAccess;

/**
 * Plan and apply without SSH, host after host on the calling thread, as the
 * engine would report them: progress, then each host's result to the run's
 * listener; a host not started once the run is cancelled is skipped (apply:
 * recorded CANCELLED "cancelled before it began"; plan: no plan heard).
 * Outcomes and plans are scripted per host id; {@code whileRunning} is
 * called while a host is "in the middle" (a test cancels there).
 */
final class FakeHostWork implements HostWork {

    final Map<Integer, HostApplyOutcome.Result> outcomes = new HashMap<>();
    final Map<Integer, String> messages = new HashMap<>();
    final Map<Integer, PlanReport> plans = new HashMap<>();
    final List<List<Integer>> applyCalls = new ArrayList<>();
    final List<List<Integer>> planCalls = new ArrayList<>();
    IntConsumer whileRunning = id -> { };
    Optional<RuntimeException> breaks = Optional.empty();

    static Host host(int id) {
        return new Host(id, "kvm" + id, 0, "10.0.0." + id, Map.of(), 1);
    }

    @Override
    public List<PlanReport> plan(List<ObjectRef> hosts, HostRun run) {
        planCalls.add(ids(hosts));
        HostRun.Listener listener = HostRunAccess.listener(run);
        List<PlanReport> out = new ArrayList<>();
        for (int id : ids(hosts)) {
            if (run.isCancelled()) {
                out.add(new PlanReport(host(id), vnetdesk.service.host.HostReports.PlanStatus.UNREACHABLE,
                        List.of(), List.of(), List.of(), List.of(), Optional.of("skipped: cancelled")));
                continue;
            }
            listener.progress(new HostProgress(host(id), HostProgress.Phase.READING, "reading the host", 0.5));
            whileRunning.accept(id);
            PlanReport p = plans.get(id);
            listener.planned(p);
            out.add(p);
        }
        return out;
    }

    @Override
    public List<ApplyResult> apply(List<ObjectRef> hosts, HostRun run) {
        applyCalls.add(ids(hosts));
        if (breaks.isPresent()) {
            throw breaks.get();
        }
        HostRun.Listener listener = HostRunAccess.listener(run);
        List<ApplyResult> out = new ArrayList<>();
        for (int id : ids(hosts)) {
            Instant now = Instant.now();
            if (run.isCancelled()) {
                out.add(new ApplyResult(host(id), new HostApplyOutcome(now, now, HostApplyOutcome.Result.CANCELLED,
                        Optional.empty(), "cancelled before it began", 0)));
                continue;
            }
            listener.progress(new HostProgress(host(id), HostProgress.Phase.CHANGING,
                    "step 2 of 4: iptables: create chain one-" + id + "-0-i", 0.55));
            whileRunning.accept(id);
            HostApplyOutcome.Result result = outcomes.getOrDefault(id, HostApplyOutcome.Result.APPLIED);
            ApplyResult r = new ApplyResult(host(id), new HostApplyOutcome(now, now, result,
                    result.namesAFailedStep() ? Optional.of(3) : Optional.empty(),
                    messages.getOrDefault(id, "4 steps"), 4));
            listener.applied(r);
            out.add(r);
        }
        return out;
    }

    static List<HostRunRow> rows(int... ids) {
        List<HostRunRow> rows = new ArrayList<>();
        for (int id : ids) {
            rows.add(new HostRunRow(id, host(id).label()));
        }
        return rows;
    }

    private static List<Integer> ids(List<ObjectRef> refs) {
        return refs.stream().map(r -> Integer.parseInt(r.toString())).toList();
    }
}
