package vnetdesk.ui.host;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.service.host.RemoteHosts;
import vnetdesk.ui.common.ErrorText;

/**
 * The host form's Test connection: the values as typed, judged as Save
 * judges them (a refusal lands on its field and nothing connects), then a
 * login and probe in the background, whose end the dialog shows inline. A
 * value changed afterwards makes that result stale, so it is cleared.
 */
public final class ConnectionTest {

    /** Where the test stands, for the dialog's button and result. */
    public enum State {
        /** Not run since the values last changed. */
        IDLE,
        TESTING,
        CONNECTED,
        /** Not connected (the result says why), a changed key kept included. */
        FAILED,
        /** A changed key's old entry was forgotten: the next test asks about the new key. */
        KEY_FORGOTTEN
    }

    /** The form's fields a login needs; a refusal naming another field is not this test's. */
    private static final List<String> LOGIN_FIELDS = List.of("ADDRESS", "PORT", "USER", "IDENTITY");

    private final HostFormViewModel form;
    private final HostChecks checks;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unsupported = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);

    ConnectionTest(HostFormViewModel form, HostChecks checks) {
        this.form = form;
        this.checks = checks;
        List.of(form.addressProperty(), form.portProperty(), form.userProperty(), form.keyFileProperty())
                .forEach(p -> p.addListener((o, was, now) -> stale()));
        form.identityProperty().addListener((o, was, now) -> stale());
    }

    private void stale() {
        if (!testing.get()) {
            show(State.IDLE, "", List.of(), List.of());
        }
    }

    /**
     * Tests the typed values: a value the model refuses is put on its field
     * and nothing connects; otherwise the login and probe run on the pool.
     * First contact asks whether to trust the host key, a password or
     * passphrase is asked when needed (both by {@link ConsoleHosts}).
     */
    public void run() {
        if (testing.get()) {
            return;
        }
        LOGIN_FIELDS.forEach(form.errors()::remove);
        String address;
        HostConnection login;
        try {
            address = HostConnection.checkAddress("ADDRESS", form.addressProperty().get());
            if (address.isEmpty()) {
                throw new ValidationException("ADDRESS", "ADDRESS: an address is needed to connect");
            }
            login = form.typedConnection();
        } catch (VnetException e) {
            String field = e.field().filter(LOGIN_FIELDS::contains).orElse("ADDRESS");
            form.errors().put(field, ErrorText.message(e));
            show(State.IDLE, "", List.of(), List.of());
            return;
        }
        String target = login.user() + "@" + (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":"
                + login.port();
        Optional<ObjectRef> existing = form.editing().map(h -> ObjectRef.id(h.id()));
        // the saved host's key is forgotten by the host (its right to manage it); typed values by address
        Optional<ObjectRef> sameAsSaved = form.editing().filter(h -> h.address().equals(address)
                && h.connection().port() == login.port()).map(h -> ObjectRef.id(h.id()));
        Optional<ObjectRef> cluster = form.chosenCluster();
        testing.set(true);
        show(State.TESTING, "Connecting to " + target + "…", List.of(), List.of());
        checks.run(new HostChecks.Check("Testing the connection to " + target, login.user(), "Test connection",
                remote -> remote.testConnection(checks.actor(), existing, cluster, address, login),
                remote -> forget(remote, sameAsSaved, address, login)), o -> {
                    testing.set(false);
                    show(switch (o.result()) {
                        case CONNECTED -> State.CONNECTED;
                        case KEY_FORGOTTEN -> State.KEY_FORGOTTEN;
                        case FAILED, KEY_KEPT -> State.FAILED;
                    }, o.text(), o.unsupported(), o.details());
                });
    }

    private RemoteHosts.ForgottenKey forget(RemoteHosts remote, Optional<ObjectRef> saved, String address,
                                            HostConnection login) {
        return saved.isPresent() ? remote.forgetKey(checks.actor(), saved.get())
                : remote.forgetKey(checks.actor(), address, login.port(), login.user());
    }

    private void show(State s, String text, List<String> cannot, List<String> more) {
        result.set(text);
        unsupported.set(String.join("\n", cannot));
        details.set(String.join("\n", more));
        state.set(s);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The result in one line: "connected as root; kernel …; drivers: bridge, fw", or why not. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The drivers the host cannot run, with why ("802.1Q: needs …"), one per line; empty unless connected. */
    public ReadOnlyStringProperty unsupportedProperty() {
        return unsupported.getReadOnlyProperty();
    }

    /** The probe's features, missing tools and notes, one per line; empty unless connected. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** True while the login and probe run. */
    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }
}
