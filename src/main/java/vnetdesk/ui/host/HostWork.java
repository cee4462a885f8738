package vnetdesk.ui.host;

import java.util.List;

import javafx.application.Platform;

import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostRun;

/**
 * The two runs over hosts the Plan and Apply windows start, as the console's
 * user: behind an interface so their ViewModels are tested with a fake run
 * (no SSH), and so the console's one implementation can refuse to be called
 * on the FX thread, where a whole plan or apply would freeze the window.
 */
public interface HostWork {

    /** Reads and plans each host (see {@code RemoteHosts#plan}); call off the FX thread. */
    List<PlanReport> plan(List<ObjectRef> hosts, HostRun run);

    /** Applies to each host (see {@code RemoteHosts#apply}); call off the FX thread. */
    List<ApplyResult> apply(List<ObjectRef> hosts, HostRun run);

    /** The console's: {@code hosts}' engine acting as {@code actor}; a call on the FX thread is a bug, thrown. */
    static HostWork of(ConsoleHosts hosts, Actor actor) {
        return new HostWork() {
            @Override
            public List<PlanReport> plan(List<ObjectRef> refs, HostRun run) {
                offFxThread("plan");
                return hosts.remote().plan(actor, refs, run);
            }

            @Override
            public List<ApplyResult> apply(List<ObjectRef> refs, HostRun run) {
                offFxThread("apply");
                return hosts.remote().apply(actor, refs, run);
            }
        };
    }

    private static void offFxThread(String what) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a host " + what + " was started on the FX thread, which it would block");
        }
    }
}
