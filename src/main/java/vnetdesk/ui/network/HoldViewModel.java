package vnetdesk.ui.network;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.Lease;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Words;
import vnetdesk.service.Inventory;
import vnetdesk.service.QueryService.AddressCheck;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskHandle;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Hold IP dialog: one address, a list, or FIRST-LAST ranges, checked live
 * against the network (inside it? free? used by whom?) with one service query
 * per change of the text, before the hold, which is all-or-nothing in the service.
 */
public final class HoldViewModel {

    /** What the check says of one typed address or range. */
    public enum State { FREE, USED, OUTSIDE, INVALID, RANGE }

    /** One checked token: the text typed and what it is. */
    public record Check(String token, State state, String detail) {
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final int networkId;
    private final StringProperty input = new SimpleStringProperty("");
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    /** A hold is under way: Hold stays disabled so a double click cannot send it twice. */
    private final ReadOnlyBooleanWrapper holding = new ReadOnlyBooleanWrapper(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canHold;
    /** The check of the text before the last change: cancelled, so that it never runs or its answer is dropped. */
    private Optional<TaskHandle> lastCheck = Optional.empty();

    public HoldViewModel(Inventory inventory, Actor actor, TaskRunner runner, int networkId) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.networkId = networkId;
        input.addListener((o, was, now) -> check());
        canHold = Bindings.createBooleanBinding(() -> !checking.get() && !holding.get() && !checks.isEmpty()
                && checks.stream().allMatch(c -> c.state() == State.FREE || c.state() == State.RANGE),
                checks, checking, holding);
    }

    /** The addresses typed: separated by blanks, commas or new lines. */
    public List<String> tokens() {
        return Arrays.stream(input.get().trim().split("[\\s,;]+")).filter(t -> !t.isEmpty()).toList();
    }

    private void check() {
        lastCheck.ifPresent(TaskHandle::cancel);
        lastCheck = Optional.empty();
        List<String> tokens = tokens();
        error.set("");
        if (tokens.isEmpty()) {
            checks.clear();
            checking.set(false);
            return;
        }
        checking.set(true);
        lastCheck = Optional.of(runner.run("Checking addresses",
                () -> inventory.queries().checkAddresses(actor, ObjectRef.id(networkId), tokens), result -> {
                    checks.setAll(result.stream().map(HoldViewModel::shown).toList());
                    checking.set(false);
                }, e -> {
                    checking.set(false);
                    error.set(ErrorText.message(e));
                }));
    }

    /**
     * Ranges longer than this are shown as {@link State#RANGE} ("held only if every one is free") rather than
     * with their count. The service counts a range of any length in one query; the limit keeps the dialog's
     * long-standing answer for long ranges, which leaves the refusal (naming a used address) to the hold.
     */
    static final int RANGE_CHECK_LIMIT = 1024;

    private static Check shown(AddressCheck answer) {
        String token = answer.token();
        if (answer instanceof AddressCheck.Free free) {
            return new Check(token, State.FREE, "free (AR " + free.arId() + ")");
        }
        if (answer instanceof AddressCheck.Used used) {
            return new Check(token, State.USED, "used by " + used.usedBy());
        }
        if (answer instanceof AddressCheck.Outside outside) {
            return new Check(token, State.OUTSIDE, outside.address().equals(token)
                    ? "not in this network's address ranges"
                    : outside.address() + " is not in this network's address ranges");
        }
        if (answer instanceof AddressCheck.Invalid invalid) {
            return new Check(token, State.INVALID, invalid.reason());
        }
        AddressCheck.Range range = (AddressCheck.Range) answer;
        if (range.count() > RANGE_CHECK_LIMIT) {
            return new Check(token, State.RANGE, range.count() + " addresses: held only if every one is free");
        }
        return range.lowestUsed().map(first -> new Check(token, State.USED, range.used() + " of " + range.count()
                        + " addresses in use, e.g. " + first.address() + " used by " + first.usedBy()))
                .orElseGet(() -> new Check(token, State.FREE, "all " + range.count() + " addresses free"));
    }

    /** Holds every typed address (all or nothing); {@code onHeld} gets the leases made. */
    public void hold(java.util.function.Consumer<List<Lease>> onHeld) {
        if (!canHold.get()) {
            return;
        }
        List<String> tokens = tokens();
        holding.set(true);
        runner.run("Holding " + Words.count(tokens.size(), "address"),
                () -> inventory.leases().hold(actor, ObjectRef.id(networkId), tokens, Optional.empty()),
                leases -> {
                    holding.set(false);
                    input.set("");
                    onHeld.accept(leases);
                },
                e -> {
                    holding.set(false);
                    error.set(ErrorText.message(e));
                });
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ObservableList<Check> checks() {
        return checks;
    }

    public BooleanBinding canHoldBinding() {
        return canHold;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The service's refusal of the last hold (or of the check), empty when none. */
    public StringProperty errorProperty() {
        return error;
    }
}
