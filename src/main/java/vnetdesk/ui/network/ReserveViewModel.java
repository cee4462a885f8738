package vnetdesk.ui.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Numbers;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Words;
import vnetdesk.service.Inventory;
import vnetdesk.service.ReservationService;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.ShownErrors;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Reserve dialog: a number of addresses into a new reservation network
 * (by name) or an existing one, optionally from one AR and from a first address.
 */
public final class ReserveViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final int networkId;
    private final StringProperty size = new SimpleStringProperty("1");
    private final BooleanProperty intoExisting = new SimpleBooleanProperty(false);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty into = new SimpleStringProperty("");
    private final StringProperty arId = new SimpleStringProperty("");
    private final StringProperty firstAddress = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ShownErrors errors = new ShownErrors();
    private final BooleanBinding valid;
    /** A reservation is under way: Reserve stays disabled so it cannot be sent twice. */
    private final BooleanProperty reserving = new SimpleBooleanProperty(false);

    public ReserveViewModel(Inventory inventory, Actor actor, TaskRunner runner, int networkId) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.networkId = networkId;
        valid = Bindings.createBooleanBinding(() -> problems().isEmpty() && !reserving.get(), size, intoExisting,
                name, into, arId, reserving);
        watch("SIZE", size);
        watch("NAME", name);
        watch("INTO", into);
        watch("AR_ID", arId);
        watch("FIRST", firstAddress);
        intoExisting.addListener(x -> showErrors());
        // the dialog opens without scolding: the empty name (or reservation) says so once it is edited
        errors.loaded(everyCheck(), false);
        showErrors();
    }

    private void watch(String field, javafx.beans.Observable input) {
        input.addListener(x -> {
            errors.touch(field);
            showErrors();
        });
    }

    private void showErrors() {
        Map<String, String> now = problems();
        errors.update(now);
        error.set(now.keySet().stream().filter(errors.shown()::containsKey).map(errors.shown()::get).findFirst()
                .orElse(""));
    }

    /** What is wrong with the fields that apply now, field by field, as the service would word it. */
    private Map<String, String> problems() {
        Map<String, String> all = everyCheck();
        all.remove(intoExisting.get() ? "NAME" : "INTO");
        return all;
    }

    /** Every check, of the new reservation's name and of the existing one alike. */
    private Map<String, String> everyCheck() {
        Map<String, String> found = new LinkedHashMap<>();
        check(found, "SIZE", () -> Numbers.parseLong("SIZE", size.get().trim(), 1, Long.MAX_VALUE));
        check(found, "NAME", () -> NetworkAttributes.checkName("NAME", name.get()));
        if (into.get().isBlank()) {
            found.put("INTO", "--into: name or id of the existing reservation is required");
        }
        if (!arId.get().isBlank()) {
            check(found, "AR_ID", () -> Numbers.parseInt("AR_ID", arId.get().trim(), 0, Integer.MAX_VALUE));
        }
        return found;
    }

    private static void check(Map<String, String> found, String field, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            found.put(field, ErrorText.message(e));
        }
    }

    /** Makes the reservation; {@code onReserved} gets the reservation network's id. */
    public void reserve(IntConsumer onReserved) {
        if (!valid.get()) {
            return;
        }
        ReservationService.Request request = new ReservationService.Request(Long.parseLong(size.get().trim()),
                intoExisting.get() ? Optional.empty() : Optional.of(name.get().trim()),
                intoExisting.get() ? Optional.of(ObjectRef.parse("NETWORK", into.get())) : Optional.empty(),
                arId.get().isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(arId.get().trim())),
                firstAddress.get().isBlank() ? Optional.empty() : Optional.of(firstAddress.get().trim()));
        reserving.set(true);
        runner.run("Reserving " + Words.count(request.size(), "address"),
                () -> inventory.reservations().reserve(actor, ObjectRef.id(networkId), request),
                id -> {
                    reserving.set(false);
                    onReserved.accept(id);
                }, e -> {
                    reserving.set(false);
                    error.set(ErrorText.message(e));
                });
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public BooleanProperty intoExistingProperty() {
        return intoExisting;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty intoProperty() {
        return into;
    }

    public StringProperty arIdProperty() {
        return arId;
    }

    public StringProperty firstAddressProperty() {
        return firstAddress;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
