package vnetdesk.model.vm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import vnetdesk.model.ValidationException;

/**
 * Where a VM is in its life, with OpenNebula's numbers ({@code STATE} and, for
 * an active VM, {@code LCM_STATE}) so that {@code onevm show -x} documents
 * read and write the same values. A VM in a state that is "on a host" has one;
 * the others have none (a pending VM is not placed yet; a stopped or
 * undeployed one was taken off its host).
 */
public enum VmState {
    PENDING(1, 0, false),
    HOLD(2, 0, false),
    RUNNING(3, 3, true),
    STOPPED(4, 0, false),
    SUSPENDED(5, 0, true),
    DONE(6, 0, false),
    POWEROFF(8, 0, true),
    UNDEPLOYED(9, 0, false);

    private final int state;
    private final int lcmState;
    private final boolean onHost;

    VmState(int state, int lcmState, boolean onHost) {
        this.state = state;
        this.lcmState = lcmState;
        this.onHost = onHost;
    }

    /** OpenNebula's {@code STATE}. */
    public int oneState() {
        return state;
    }

    /** OpenNebula's {@code LCM_STATE} (0, LCM_INIT, unless the VM is active). */
    public int oneLcmState() {
        return lcmState;
    }

    /** Whether a VM in this state is placed on a host. */
    public boolean onHost() {
        return onHost;
    }

    /**
     * Whether the VM's domain exists on its host with its taps: RUNNING or
     * SUSPENDED. A powered-off VM's NICs are cleaned from the host as
     * OpenNebula's drivers do, and set up again when it is resumed.
     */
    public boolean hasRunningDomain() {
        return this == RUNNING || this == SUSPENDED;
    }

    /** The state of a {@code STATE}/{@code LCM_STATE} pair; an active VM is taken as running whatever its LCM state. */
    public static VmState ofOne(String field, int state, int lcmState) {
        return Arrays.stream(values()).filter(s -> s.state == state).findFirst()
                .orElseThrow(() -> ValidationException.invalid(field, state + "/" + lcmState,
                        "not a VM state vnetdesk keeps (" + names() + ")"));
    }

    public static VmState parse(String field, String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(t)).findFirst()
                .orElseThrow(() -> ValidationException.invalid(field, text, "expected one of " + names()));
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
