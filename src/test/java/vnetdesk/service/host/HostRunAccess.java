package vnetdesk.service.host;

/** Lets a fake run of a front end's test speak to a {@link HostRun}'s listener, as the engine does. */
public final class HostRunAccess {

    private HostRunAccess() {
    }

    public static HostRun.Listener listener(HostRun run) {
        return run.listener();
    }
}
