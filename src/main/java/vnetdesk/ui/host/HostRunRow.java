package vnetdesk.ui.host;

import java.util.Optional;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.host.HostProgress;

/**
 * One host's line in a Plan or Apply window's progress list: its state,
 * the phase it is in, how far it is (0 to 1, negative while it cannot be
 * told), and what it last said — its step while running, its outcome
 * once finished. Changed only on the FX thread (the caller's in tests);
 * a finished row stays, so the list ends as the run's record.
 */
public final class HostRunRow {

    /** Where a host is in a run. */
    public enum State {
        WAITING("waiting"), RUNNING("running"), DONE("done"), FAILED("failed"), SKIPPED("skipped");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public boolean finished() {
            return this == DONE || this == FAILED || this == SKIPPED;
        }
    }

    private final int hostId;
    private final String label;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Optional<HostApplyOutcome.Result> result = Optional.empty();

    /** {@code label} is the host's "id:name". */
    public HostRunRow(int hostId, String label) {
        this.hostId = hostId;
        this.label = label;
    }

    public int hostId() {
        return hostId;
    }

    public ObjectRef ref() {
        return ObjectRef.id(hostId);
    }

    public String label() {
        return label;
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The phase's words ("changing"), or the outcome's once finished ("applied", "unreachable"). */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** The step being run ("step 3 of 12: iptables: create chain one-5-0-i"), then the outcome's message. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How an apply ended on the host (empty while it runs, and for a plan). */
    public Optional<HostApplyOutcome.Result> result() {
        return result;
    }

    /** Waiting for a (new) run. */
    void reset() {
        set(State.WAITING, "", 0, "");
        result = Optional.empty();
    }

    void progress(HostProgress p) {
        if (!state.get().finished()) {
            set(State.RUNNING, p.phase().words(), p.fraction(), p.message());
        }
    }

    void finish(State end, String outcome, String text, Optional<HostApplyOutcome.Result> applied) {
        set(end, outcome, end == State.DONE ? 1 : 0, text);
        result = applied;
    }

    private void set(State s, String phaseText, double done, String text) {
        state.set(s);
        phase.set(phaseText);
        fraction.set(done);
        message.set(text);
    }

    @Override
    public String toString() {
        return label + " " + state.get().words() + " " + phase.get() + ": " + message.get();
    }
}
