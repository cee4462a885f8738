package vnetdesk.service.host;

import vnetdesk.host.apply.ApplyProgress;
import vnetdesk.model.vm.Host;

/**
 * Turns the {@link ApplyProgress} of one host's apply into the
 * {@link HostProgress} a front end shows: connecting and probing take the
 * first 15 %, reading the host to 20 %, the steps share up to 90 % by their
 * number, reading back the rest; a rollback has no measurable progress.
 */
final class ApplyPhases {

    private ApplyPhases() {
    }

    static ApplyProgress reporting(Host host, HostRun.Listener listener) {
        return (stage, step, steps, what) -> listener.progress(of(host, stage, step, steps, what));
    }

    static HostProgress of(Host host, ApplyProgress.Stage stage, int step, int steps, String what) {
        switch (stage) {
            case READING:
                return new HostProgress(host, HostProgress.Phase.READING, "reading the host", 0.15);
            case CHANGING:
                return new HostProgress(host, HostProgress.Phase.CHANGING, "step " + step + " of " + steps + ": "
                        + what, 0.2 + 0.7 * (step - 1) / Math.max(1, steps));
            case VERIFYING:
                return new HostProgress(host, HostProgress.Phase.VERIFYING, "reading the host back", 0.9);
            default:
                return new HostProgress(host, HostProgress.Phase.ROLLING_BACK, "a step failed: rolling back",
                        HostProgress.INDETERMINATE);
        }
    }
}
