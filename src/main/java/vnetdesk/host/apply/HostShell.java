package vnetdesk.host.apply;

import vnetdesk.host.plan.Command;

/**
 * A shell on one host, as the engine needs it: run a command (with its
 * input) and get its exit status and output. The service layer implements
 * it over an SSH session; tests over a fake or a local namespace. A failure
 * to run at all (connection lost, timeout) is a {@link HostUnreachableException};
 * a command that ran and failed is an ordinary result with its exit status.
 */
@FunctionalInterface
public interface HostShell {

    CommandOutput run(Command command);

    /** What a command printed, and how it ended. */
    record CommandOutput(int exitStatus, String stdout, String stderr) {
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }
}
