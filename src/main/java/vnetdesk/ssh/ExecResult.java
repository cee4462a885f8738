package vnetdesk.ssh;

import java.time.Duration;

/** What one command on a host gave back: its exit status, its output and error text, and how long it ran. */
public record ExecResult(int exitStatus, String stdout, String stderr, Duration took) {

    public boolean succeeded() {
        return exitStatus == 0;
    }
}
