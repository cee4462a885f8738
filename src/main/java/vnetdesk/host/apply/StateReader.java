package vnetdesk.host.apply;

import vnetdesk.host.plan.SavedTables;
import vnetdesk.host.state.HostState;

/** Reads a host's actual state through its shell, with the saved tables a rollback loads back. */
@FunctionalInterface
public interface StateReader {

    Reading read(HostShell shell);

    /** The host as read: its state, and its filter tables as the save tools printed them. */
    record Reading(HostState state, SavedTables saved) {
    }
}
