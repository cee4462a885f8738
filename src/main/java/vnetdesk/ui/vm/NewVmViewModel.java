package vnetdesk.ui.vm;

import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/**
 * The New VM form: a name and, optionally, an OpenNebula VM template
 * ({@code NIC = [ NETWORK = lan ]}, {@code GATEWAY_IFACE = 0} …) whose NICs
 * take their leases with the VM. The name field wins over a NAME in the
 * template. The template is read and the VM created on the worker; a refusal
 * (a syntax error with its line and column, a network without a free
 * address) stays on the form.
 */
public final class NewVmViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty template = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCreate;

    NewVmViewModel(Inventory inventory, Actor actor, TaskRunner runner) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        name.addListener((o, was, now) -> refusal.set(""));
        template.addListener((o, was, now) -> refusal.set(""));
        canCreate = busy.not().and(Bindings.createBooleanBinding(
                () -> !name.get().isBlank() || !template.get().isBlank(), name, template));
    }

    /** Creates the VM (PENDING, on no host); {@code created} gets its id. */
    public void create(IntConsumer created) {
        if (!canCreate.get()) {
            return;
        }
        String n = name.get().trim();
        String text = template.get();
        busy.set(true);
        refusal.set("");
        runner.run("Creating VM" + (n.isEmpty() ? "" : " " + n), () -> {
            Template t = text.isBlank() ? Template.empty() : TemplateParser.parse(text, "VM template");
            return inventory.vms().create(actor, n.isEmpty() ? t : t.withOnly("NAME", n));
        }, id -> {
            busy.set(false);
            created.accept(id);
        }, e -> {
            busy.set(false);
            refusal.set(ErrorText.message(e));
        });
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The optional VM template text. */
    public StringProperty templateProperty() {
        return template;
    }

    /** Why the last Create was refused; empty when it was not. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }
}
