package vnetdesk.ui.network;

import java.util.ArrayList;
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
import vnetdesk.model.Address;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Lease;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.QueryService.WhoisMatch;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Hold IP dialog: one address, a list, or FIRST-LAST ranges, each checked
 * live against the network (inside it? free? used by whom?) before the hold,
 * which is all-or-nothing in the service.
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
    private int generation;

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
        int gen = ++generation;
        List<String> tokens = tokens();
        error.set("");
        if (tokens.isEmpty()) {
            checks.clear();
            checking.set(false);
            return;
        }
        checking.set(true);
        runner.run("Checking addresses", () -> {
            List<Check> out = new ArrayList<>();
            for (String t : tokens) {
                out.add(checkToken(t));
            }
            return out;
        }, result -> {
            if (gen == generation) {
                checks.setAll(result);
                checking.set(false);
            }
        }, e -> {
            if (gen == generation) {
                checking.set(false);
                error.set(ErrorText.message(e));
            }
        });
    }

    /** IPv4 ranges up to this many addresses are checked address by address; longer ones by the service. */
    static final int RANGE_CHECK_LIMIT = 1024;

    private Check checkToken(String token) {
        int dash = token.indexOf('-');
        if (dash > 0 && token.indexOf(':') < 0) {
            for (String end : new String[]{token.substring(0, dash), token.substring(dash + 1)}) {
                Check c = checkToken(end);
                if (c.state() == State.INVALID || c.state() == State.OUTSIDE) {
                    return new Check(token, c.state(), c.detail());
                }
            }
            return checkRange(token, token.substring(0, dash), token.substring(dash + 1));
        }
        try {
            Address.parse("ADDRESS", token);
        } catch (RuntimeException e) {
            return new Check(token, State.INVALID, ErrorText.message(e));
        }
        Optional<WhoisMatch> here = inventory.queries().whois(actor, token).stream()
                .filter(m -> m.network().id() == networkId).findFirst();
        if (here.isEmpty()) {
            return new Check(token, State.OUTSIDE, "not in this network's address ranges");
        }
        WhoisMatch m = here.get();
        if (m.leaseOwner().isEmpty()) {
            return new Check(token, State.FREE, "free (AR " + m.arId() + ")");
        }
        return new Check(token, State.USED, "used by " + m.owner().orElse(m.leaseOwner().get().label()));
    }

    /** A FIRST-LAST IPv4 range: every address checked when it is short enough, else left to the service. */
    private Check checkRange(String token, String first, String last) {
        Ipv4 from;
        Ipv4 to;
        try {
            from = Ipv4.parse("ADDRESS", first);
            to = Ipv4.parse("ADDRESS", last);
        } catch (RuntimeException e) {
            return new Check(token, State.RANGE, "a range: held only if every address in it is free");
        }
        long count = to.unsigned() - from.unsigned() + 1;
        if (count < 1) {
            return new Check(token, State.INVALID, "the range ends before it starts");
        }
        if (count > RANGE_CHECK_LIMIT) {
            return new Check(token, State.RANGE, count + " addresses: held only if every one is free");
        }
        long used = 0;
        String firstUsed = "";
        for (long i = 0; i < count; i++) {
            Check c = checkToken(from.plus(i).toString());
            if (c.state() == State.OUTSIDE) {
                return new Check(token, State.OUTSIDE, from.plus(i) + " is not in this network's address ranges");
            }
            if (c.state() == State.USED && used++ == 0) {
                firstUsed = c.token() + " " + c.detail();
            }
        }
        return used == 0 ? new Check(token, State.FREE, "all " + count + " addresses free")
                : new Check(token, State.USED, used + " of " + count + " addresses in use, e.g. " + firstUsed);
    }

    /** Holds every typed address (all or nothing); {@code onHeld} gets the leases made. */
    public void hold(java.util.function.Consumer<List<Lease>> onHeld) {
        if (!canHold.get()) {
            return;
        }
        List<String> tokens = tokens();
        holding.set(true);
        runner.run("Holding " + tokens.size() + " address(es)",
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
