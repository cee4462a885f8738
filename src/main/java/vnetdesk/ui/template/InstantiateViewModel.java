package vnetdesk.ui.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;
import vnetdesk.service.Inventory;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.netform.ArForm;

/**
 * The Instantiate dialog's state: the new network's name, optional extra
 * attributes (template syntax, overriding the template's), and an optional
 * address range; live validation, the no-address-range reminder, and the
 * instantiate call.
 */
public final class InstantiateViewModel {

    /** Error keys besides the AR form's own: the name field, the extra-attributes field, the AR as a whole. */
    public static final String NAME = "NAME";
    public static final String EXTRA = "EXTRA";
    public static final String AR = "AR";
    /** Error key of a refusal that concerns no field. */
    public static final String GENERAL = "";
    public static final String NO_AR_REMINDER =
            "This network has no address range yet: it cannot hand out addresses until you add one";

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final TemplateRow template;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty extra = new SimpleStringProperty("");
    private final ArForm ar = new ArForm();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding arGiven;
    private boolean nameTouched;
    private boolean attempted;

    public InstantiateViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs,
                                TemplateRow template) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.template = template;
        // the type alone is no AR: the user has typed an address or a size
        arGiven = Bindings.createBooleanBinding(() -> ar.toAttributes().size() > 1,
                ar.observables().toArray(javafx.beans.Observable[]::new));
        name.addListener(x -> {
            nameTouched = true;
            validate();
        });
        extra.addListener(x -> validate());
        arGiven.addListener((o, was, now) -> validate()); // a change listener keeps the binding evaluated
        validate();
    }

    public TemplateRow template() {
        return template;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Extra attributes in template syntax, e.g. {@code VLAN_ID = 12} or another {@code AR = [ … ]}. */
    public StringProperty extraProperty() {
        return extra;
    }

    /** The optional address range; left empty, the network gets only the template's ARs. */
    public ArForm ar() {
        return ar;
    }

    /** Name, extra and service errors by key ({@link #NAME}, {@link #EXTRA}, {@link #AR}, {@link #GENERAL}). */
    public ObservableMap<String, String> errors() {
        return errorsView;
    }

    /** {@link #NO_AR_REMINDER} while the network would have no address range, else empty. */
    public ReadOnlyStringProperty reminderProperty() {
        return reminder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Creates the network if everything is valid (otherwise shows every error
     * and creates nothing); {@code onCreated} gets its id.
     */
    public void instantiate(IntConsumer onCreated) {
        attempted = true;
        Map<String, String> problems = validate();
        boolean withAr = arGiven.get();
        if (withAr && !ar.validBinding().get()) {
            ar.revealErrors();
            return;
        }
        if (!problems.isEmpty()) {
            return;
        }
        Template extras = parsedExtra();
        if (withAr) {
            List<TemplateAttribute.Single> entries = ar.toAttributes().entrySet().stream()
                    .map(e -> new TemplateAttribute.Single(e.getKey(), e.getValue())).toList();
            extras = extras.with(new TemplateAttribute.Vector("AR", entries));
        }
        Template sent = extras;
        String networkName = name.get().trim();
        boolean noAr = !reminder.get().isEmpty();
        busy.set(true);
        runner.run("Instantiating " + template.name(), () -> inventory.templates().instantiate(actor,
                ObjectRef.id(template.id()), networkName, sent), id -> {
                    busy.set(false);
                    if (noAr) {
                        dialogs.notify("Network " + networkName + " created. " + NO_AR_REMINDER + ".");
                    }
                    onCreated.accept(id);
                }, this::refused);
    }

    private void refused(Throwable e) {
        busy.set(false);
        if (!ErrorText.isUserError(e)) {
            dialogs.showError("Cannot instantiate " + template.name(), e);
            return;
        }
        String message = ErrorText.message(e);
        // a conflict has no field, but its message names it as the service writes them ("NAME: … exists")
        String field = e instanceof ValidationException v ? v.field().orElse(GENERAL)
                : message.startsWith(NAME + ":") ? NAME : GENERAL;
        String key;
        if (field.equals(NAME)) {
            key = NAME;
        } else if (TemplateAr.FIELDS.contains(field) && arGiven.get()) {
            key = AR;
        } else {
            key = field.equals(GENERAL) || extra.get().isBlank() ? GENERAL : EXTRA;
        }
        errors.put(key, message);
    }

    /** Checks name and extra attributes, updates the shown errors and the reminder; returns every problem. */
    private Map<String, String> validate() {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            NetworkAttributes.checkName(NAME, name.get());
        } catch (ValidationException e) {
            problems.put(NAME, e.getMessage());
        }
        try {
            Template parsed = parsedExtra();
            if (parsed.single("NAME").isPresent()) {
                problems.put(EXTRA, "NAME: the network name has its own field");
            }
        } catch (VnetException e) {
            problems.put(EXTRA, e.getMessage());
        }
        Map<String, String> shown = new LinkedHashMap<>(problems);
        if (!attempted && !nameTouched) {
            shown.remove(NAME);
        }
        errors.clear();
        errors.putAll(shown);
        boolean anyAr = template.ars() > 0 || arGiven.get()
                || problems.containsKey(EXTRA) || !parsedExtraArs().isEmpty();
        reminder.set(anyAr ? "" : NO_AR_REMINDER);
        return problems;
    }

    private Template parsedExtra() {
        return extra.get().isBlank() ? Template.empty() : TemplateParser.parse(extra.get(), "the extra attributes");
    }

    private List<TemplateAttribute.Vector> parsedExtraArs() {
        try {
            return parsedExtra().vectors("AR");
        } catch (VnetException e) {
            return List.of();
        }
    }
}
