package vnetdesk.cli;

import java.util.function.Consumer;

import vnetdesk.service.host.HostProgress;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostRun;

/**
 * A run over several hosts drawn on one progress line: hosts finished of
 * hosts (when the command knows how many), and the step the latest host
 * reported. A host's outcome is printed above the line as it finishes.
 */
final class HostRunLine implements HostRun.Listener {

    private final ProgressLine line;
    private final int hosts;
    private final Consumer<ApplyResult> applied;
    private int finished;

    /**
     * Starts the stage {@code phase} on {@code line} over {@code hosts} hosts
     * (0: not known beforehand); {@code applied} prints an apply's outcome.
     */
    private HostRunLine(ProgressLine line, String phase, int hosts, Consumer<ApplyResult> applied) {
        this.line = line;
        this.hosts = hosts;
        this.applied = applied;
        line.phase(phase);
        if (hosts > 0) {
            line.step(0, hosts);
        }
    }

    /** A plan of {@code hosts} hosts drawn on {@code line}. */
    static HostRun planning(ProgressLine line, int hosts) {
        return new HostRun(new HostRunLine(line, "planning", hosts, r -> { }));
    }

    /** An apply of {@code hosts} hosts (0: not known) drawn on {@code line}; {@code applied} prints each outcome. */
    static HostRun applying(ProgressLine line, int hosts, Consumer<ApplyResult> applied) {
        return new HostRun(new HostRunLine(line, "applying", hosts, applied));
    }

    @Override
    public void progress(HostProgress progress) {
        line.note(progress.line());
    }

    @Override
    public void planned(PlanReport report) {
        finishedOne();
    }

    @Override
    public void applied(ApplyResult result) {
        // counted first, so the line drawn again under the outcome already has it
        finishedOne();
        line.printAbove(() -> applied.accept(result));
    }

    private synchronized void finishedOne() {
        finished++;
        if (hosts > 0) {
            line.step(Math.min(finished, hosts), hosts);
        }
    }
}
