package vnetdesk.ui.host;

import vnetdesk.model.vm.HostApplyOutcome;

/** One apply outcome as the History tab lists it: times in local time, the failed step "—" when none. */
public record HistoryRow(String started, String finished, String result, String failedStep, int commands,
                         String message) {

    static HistoryRow of(HostApplyOutcome o, ApplyTimes times) {
        return new HistoryRow(times.fullTime(o.started()), times.fullTime(o.finished()), o.result().name(),
                o.failedStep().map(String::valueOf).orElse("—"), o.commandsRun(), o.message());
    }
}
