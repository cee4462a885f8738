package vnetdesk.ui.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.ValidationException;
import vnetdesk.service.Inventory;
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.service.NetworkTemplateService.TemplateSummary;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.netform.ArForm;
import vnetdesk.ui.common.netform.FormValidation;
import vnetdesk.ui.common.netform.NetworkForm;
import vnetdesk.ui.common.netform.SecurityTabViewModel;

/**
 * The template detail form behind every tab, for a stored template or a new
 * one: the network fields ({@link NetworkForm}, validated with the network
 * rules as the service checks a template), the AR vectors, dirty tracking,
 * Save / Revert, the unsaved-changes question, and chmod.
 */
public final class TemplateEditorViewModel {

    /** Create a new template, or edit a stored one. */
    public enum Mode { CREATE, EDIT }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final NetworkForm form = new NetworkForm();
    private final SecurityTabViewModel securityGroups;
    private final ObservableList<TemplateAr> ars = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CREATE);
    private final ReadOnlyObjectWrapper<Optional<TemplateSummary>> current =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableMap<String, String> shownErrors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(shownErrors);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Set<String> touched = new HashSet<>();
    private final Map<String, String> refused = new LinkedHashMap<>();
    private Map<String, String> errors = Map.of();
    /** A new template's form is not scolded before it is edited; a stored one shows every error. */
    private boolean revealAll;
    private Map<String, String> loaded = Map.of();
    private List<TemplateAr> loadedArs = List.of();
    /** Typed attributes no field shows (ALLOCATION, BRIDGE_TYPE …, e.g. written with the CLI): Save keeps them. */
    private List<TemplateAttribute> kept = List.of();
    /** Bumped by every load, create and save, so late results of an earlier one are dropped. */
    private int generation;
    private boolean loading;

    public TemplateEditorViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        form.fieldsByAttribute().forEach((attribute, o) -> o.addListener(x -> {
            if (!loading) {
                touched.add(attribute);
            }
        }));
        form.observables().forEach(o -> o.addListener(x -> changed()));
        ars.addListener((javafx.beans.Observable x) -> changed());
        this.securityGroups = new SecurityTabViewModel(inventory, actor, runner, dialogs,
                form.text(NetworkForm.SECURITY_GROUPS));
        startCreate();
        // the list of groups is read again whenever another template (or a new one) is shown
        current.addListener((o, was, now) -> securityGroups.load(Optional.empty()));
    }

    /** An empty form for a new template (bridged, security group 0, no AR). */
    public void startCreate() {
        generation++;
        busy.set(false); // a load still running is dropped when it ends
        mode.set(Mode.CREATE);
        current.set(Optional.empty());
        load(Map.of("VN_MAD", "bridge", "SECURITY_GROUPS", "0"), List.of(), List.of());
        revealAll = false;
        changed();
    }

    /** Loads template {@code id} in the background; {@code whenLoaded} runs after the form shows it. */
    public void edit(int id, Runnable whenLoaded) {
        int gen = ++generation;
        busy.set(true);
        runner.run("Loading network template " + id, () -> summary(id), s -> {
            if (gen != generation) {
                return; // the user moved on while it loaded
            }
            busy.set(false);
            show(s);
            whenLoaded.run();
        }, e -> {
            if (gen == generation) {
                busy.set(false);
                dialogs.showError("Cannot load network template " + id, e);
            }
        });
    }

    private TemplateSummary summary(int id) {
        inventory.templates().info(actor, ObjectRef.id(id)); // refuses (not found, no right) with its own message
        return inventory.templates().list(actor).stream().filter(s -> s.template().id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("network template " + id + " is no longer listed for you"));
    }

    private void show(TemplateSummary s) {
        NetworkTemplate t = s.template();
        mode.set(Mode.EDIT);
        current.set(Optional.of(s));
        Map<String, String> singles = new LinkedHashMap<>();
        singles.put("NAME", t.name());
        t.body().singles().forEach(a -> singles.put(a.name(), a.value()));
        // NetworkForm.load drops typed attributes it has no field for; they are kept aside instead
        List<TemplateAttribute> others = t.body().attributes().stream()
                .filter(a -> a instanceof TemplateAttribute.Single && NetworkAttributes.TYPED.contains(a.name())
                        && !form.fieldsByAttribute().containsKey(a.name()))
                .toList();
        load(singles, t.body().vectors("AR").stream().map(TemplateAr::of).toList(), others);
        revealAll = true;
        changed();
    }

    private void load(Map<String, String> singles, List<TemplateAr> arList, List<TemplateAttribute> others) {
        loading = true;
        form.load(singles);
        ars.setAll(arList);
        loading = false;
        kept = others;
        touched.clear();
        refused.clear();
        loaded = attributes();
        loadedArs = List.copyOf(arList);
    }

    /** Puts the form back to what was loaded. */
    public void revert() {
        current.get().ifPresentOrElse(s -> {
            generation++;
            show(s);
        }, this::startCreate);
    }

    /**
     * Saves (allocate or update, replacing the whole template) in the
     * background. A refusal naming a field lands on it; other refusals (a lock)
     * show in the form's banner; anything else in an error dialog.
     */
    public void save(IntConsumer onSaved) {
        revealAll = true;
        changed();
        if (!valid.get()) {
            return;
        }
        Template template = template();
        int gen = ++generation;
        busy.set(true);
        Optional<Integer> id = current.get().map(s -> s.template().id());
        runner.run(id.map(i -> "Saving network template " + i).orElse("Creating network template"), () -> {
            if (id.isPresent()) {
                inventory.templates().update(actor, ObjectRef.id(id.get()), template, false);
                return summary(id.get());
            }
            return summary(inventory.templates().allocate(actor, template));
        }, s -> {
            busy.set(false);
            if (gen == generation) {
                show(s);
            }
            onSaved.accept(s.template().id());
        }, this::saveFailed);
    }

    private void saveFailed(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException v && v.field().isPresent()) {
            refused.put(v.field().get(), v.getMessage());
        } else if (ErrorText.isUserError(e)) {
            refused.put(FormValidation.GENERAL, ErrorText.message(e));
        } else {
            dialogs.showError("Cannot save the network template", e);
            return;
        }
        publishErrors();
    }

    /**
     * Runs {@code proceed} once the form may show something else: at once when
     * nothing is unsaved; otherwise after asking (Save runs it once saved,
     * Discard reverts first, Cancel does nothing). {@code saved} gets the id of
     * a template saved through the question.
     */
    public void leave(Runnable proceed, IntConsumer saved) {
        if (!dirty.get()) {
            proceed.run();
            return;
        }
        String what = current.get().map(s -> "network template " + s.template().label())
                .orElse("the new network template");
        switch (dialogs.askUnsaved(what)) {
            case SAVE -> {
                if (!valid.get()) {
                    // the form may not be on screen: say why nothing moves on
                    dialogs.notify("Not saved: " + what + " has errors; fix them, or choose Discard");
                }
                save(id -> {
                    saved.accept(id);
                    proceed.run();
                });
            }
            case DISCARD -> {
                revert();
                proceed.run();
            }
            default -> {
            }
        }
    }

    /** Re-reads template {@code id} if it is shown (after rename, lock, chown); unsaved edits stay in the form. */
    public void refreshIfShowing(int id) {
        if (current.get().filter(s -> s.template().id() == id).isEmpty()) {
            return;
        }
        int gen = generation;
        runner.run("Loading network template " + id, () -> summary(id), s -> {
            if (gen != generation) {
                return;
            }
            if (dirty.get()) {
                // a rename must reach the form, or Save would rename the template back
                String storedName = s.template().name();
                boolean nameUnedited = form.text("NAME").get().equals(loaded.get("NAME"));
                Map<String, String> renamed = new LinkedHashMap<>(loaded);
                renamed.put("NAME", storedName);
                loaded = renamed;
                current.set(Optional.of(s));
                if (nameUnedited) {
                    form.text("NAME").set(storedName);
                }
                changed();
            } else {
                show(s);
            }
        }, e -> dialogs.showError("Cannot load network template " + id, e));
    }

    /** Changes the permissions of the template shown (the General tab's Apply); {@code done} gets its id. */
    public void chmod(Permissions permissions, IntConsumer done) {
        current.get().ifPresent(s -> runner.run("Changing permissions of " + s.template().label(), () -> {
            inventory.templates().chmod(actor, ObjectRef.id(s.template().id()), permissions);
            return s.template().id();
        }, id -> {
            refreshIfShowing(id);
            done.accept(id);
        }, e -> dialogs.showError("Cannot change the permissions of " + s.template().name(), e)));
    }

    /**
     * Whether the permissions grid is offered: for a stored template. Whether the
     * user may chmod is the service's to say (bits, ACL rules, locks), and a
     * refusal names the missing right.
     */
    public boolean mayChmod() {
        return current.get().isPresent();
    }

    /** Adds the AR of {@code arForm} if it is valid (true); otherwise reveals its errors (false). */
    public boolean addAr(ArForm arForm) {
        if (!arForm.validBinding().get()) {
            arForm.revealErrors();
            return false;
        }
        ars.add(new TemplateAr(arForm.toAttributes()));
        return true;
    }

    public void removeAr(TemplateAr ar) {
        ars.remove(ar);
    }

    /** What Save sends: NAME, the non-default network attributes, the kept attributes, then the ARs. */
    Template template() {
        List<TemplateAttribute> all = new ArrayList<>();
        attributes().forEach((k, v) -> all.add(new TemplateAttribute.Single(k, v)));
        all.addAll(kept);
        ars.forEach(ar -> all.add(ar.toVector()));
        return new Template(all);
    }

    /**
     * The form's attributes without the empty fields and NO flags: a template
     * holds only what it sets (SECURITY_GROUPS stays, empty means "none").
     */
    private Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        form.toAttributes().forEach((k, v) -> {
            boolean unset = v.isEmpty() || (NetworkForm.FLAGS.contains(k) && v.equals("NO"));
            if (!unset || k.equals("NAME") || k.equals(NetworkForm.SECURITY_GROUPS)) {
                a.put(k, v);
            }
        });
        return a;
    }

    private void changed() {
        if (loading) {
            return;
        }
        Map<String, String> attributes = attributes();
        errors = FormValidation.errors(attributes, a -> {
            a.forEach(TemplateAttribute.Single::new);
            NetworkAttributes.parse(a);
        });
        refused.clear(); // a service refusal stands until the user edits something
        valid.set(errors.isEmpty());
        dirty.set(!attributes.equals(loaded) || !ars.equals(loadedArs));
        publishErrors();
    }

    private void publishErrors() {
        Map<String, String> visible = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (revealAll || touched.contains(field)) {
                visible.put(field, message);
            }
        });
        visible.putAll(refused);
        shownErrors.keySet().retainAll(visible.keySet());
        shownErrors.putAll(visible);
    }

    /** The Security tab's groups, kept in step with the form's SECURITY_GROUPS ids. */
    public SecurityTabViewModel securityGroups() {
        return securityGroups;
    }

    public NetworkForm form() {
        return form;
    }

    /** The template's AR vectors, in order. */
    public ObservableList<TemplateAr> ars() {
        return ars;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The stored template shown, with its owner's names (empty in create mode). */
    public ReadOnlyObjectProperty<Optional<TemplateSummary>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The errors to show: attribute name (or "" for the template as a whole) to message. */
    public ObservableMap<String, String> errors() {
        return errorsView;
    }

    public ReadOnlyBooleanProperty validBinding() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
