package vnetdesk.ui.secgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.ValidationException;
import vnetdesk.service.Inventory;
import vnetdesk.service.SecurityGroupService.GroupDetails;
import vnetdesk.template.Template;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/**
 * The security group form behind the General and Rules tabs, in create or
 * edit mode: name, description and the rule rows, validated as they are
 * edited with the model's own parser; dirty tracking against what was
 * loaded; Save (refused while anything is invalid), Revert, and the
 * unsaved-changes question.
 */
public final class SecurityGroupEditorViewModel {

    /** Create a new group, or edit a stored one. */
    public enum Mode { CREATE, EDIT }

    /** What the form held when it was loaded, to tell whether it has unsaved edits. */
    private record Snapshot(String name, String description, List<Map<String, String>> rules) {
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<RuleRow> rules =
            FXCollections.observableArrayList(r -> r.inputs().toArray(Observable[]::new));
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CREATE);
    private final ReadOnlyObjectWrapper<Optional<GroupDetails>> current = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> fieldErrorsView = FXCollections.unmodifiableObservableMap(fieldErrors);
    private final ReadOnlyStringWrapper rulesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Snapshot loaded = new Snapshot("", "", List.of());
    /** A service refusal of the last save, and the form it refused; cleared by the next edit. */
    private String refusal = "";
    private String refusalField = "";
    private Snapshot refused = loaded;
    private boolean nameTouched;
    private boolean loading;
    /** Bumped by every load, create, revert and save, so late results of an earlier one are dropped. */
    private int generation;
    private IntConsumer savedWhileLeaving = id -> { };

    public SecurityGroupEditorViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        name.addListener(x -> {
            if (!loading) {
                nameTouched = true;
            }
        });
        for (Observable o : List.<Observable>of(name, description, rules)) {
            o.addListener(x -> changed());
        }
        startCreate();
    }

    /** An empty form for a new group (no rules: it would allow nothing). */
    public void startCreate() {
        generation++;
        busy.set(false);
        load(Mode.CREATE, Optional.empty(), "", "", List.of());
    }

    /** Loads group {@code id} in the background; {@code whenLoaded} runs after the form shows it. */
    public void edit(int id, Runnable whenLoaded) {
        int gen = ++generation;
        busy.set(true);
        runner.run("Loading security group " + id, () -> inventory.securityGroups().show(actor, ObjectRef.id(id)),
                d -> {
                    if (gen == generation) {
                        busy.set(false);
                        show(d);
                        whenLoaded.run();
                    }
                }, e -> {
                    if (gen == generation) {
                        busy.set(false);
                        dialogs.showError("Cannot load security group " + id, e);
                    }
                });
    }

    /**
     * Reads the shown group again after a change made outside the form
     * (rename, chown, chmod, commit). Unsaved edits are kept: only the stored
     * part is refreshed, and the name field follows a rename unless it was edited.
     */
    public void refresh() {
        Optional<GroupDetails> shown = current.get();
        if (shown.isEmpty()) {
            return;
        }
        int id = shown.get().summary().group().id();
        int gen = generation;
        runner.run("Loading security group " + id, () -> inventory.securityGroups().show(actor, ObjectRef.id(id)),
                d -> {
                    if (gen != generation) {
                        return;
                    }
                    if (!dirty.get()) {
                        show(d);
                        return;
                    }
                    String storedName = d.summary().group().name();
                    boolean nameUnedited = name.get().equals(loaded.name());
                    loaded = new Snapshot(storedName, loaded.description(), loaded.rules());
                    current.set(Optional.of(d));
                    if (nameUnedited) {
                        name.set(storedName);
                    }
                    changed();
                }, e -> dialogs.showError("Cannot read security group " + id + " again", e));
    }

    private void show(GroupDetails d) {
        SecurityGroup g = d.summary().group();
        load(Mode.EDIT, Optional.of(d), g.name(), g.description(), g.rules().stream().map(RuleRow::of).toList());
    }

    private void load(Mode m, Optional<GroupDetails> d, String n, String text, List<RuleRow> rows) {
        loading = true;
        mode.set(m);
        current.set(d);
        name.set(n);
        description.set(text);
        rules.setAll(rows);
        nameTouched = false;
        refusal = "";
        refusalField = "";
        loading = false;
        loaded = snapshot();
        changed();
    }

    private Snapshot snapshot() {
        return new Snapshot(name.get(), description.get(), rules.stream().map(RuleRow::attributes).toList());
    }

    /** Puts the form back to what was loaded. */
    public void revert() {
        generation++;
        current.get().ifPresentOrElse(this::show, this::startCreate);
    }

    /** Adds an inbound TCP rule for every port and address, for the user to narrow down. */
    public RuleRow addRule() {
        RuleRow row = new RuleRow();
        rules.add(row);
        return row;
    }

    public void removeRule(RuleRow row) {
        rules.remove(row);
    }

    /**
     * Saves (create or update, replacing every rule) in the background and
     * reads the stored group back; refused without calling the service while
     * anything is invalid. {@code onSaved} receives the group id.
     */
    public void save(IntConsumer onSaved) {
        if (!valid.get() || busy.get()) {
            return;
        }
        Template template = GroupTemplate.of(name.get(), description.get(), rules);
        generation++;
        busy.set(true);
        if (mode.get() == Mode.CREATE) {
            runner.run("Creating security group", () -> inventory.securityGroups().create(actor, template),
                    id -> afterSave(id, onSaved), this::saveFailed);
        } else {
            int id = current.get().orElseThrow().summary().group().id();
            runner.run("Saving security group " + id, () -> {
                inventory.securityGroups().update(actor, ObjectRef.id(id), template, false);
                return id;
            }, saved -> afterSave(saved, onSaved), this::saveFailed);
        }
    }

    private void afterSave(int id, IntConsumer onSaved) {
        int gen = generation;
        runner.run("Loading security group " + id, () -> inventory.securityGroups().show(actor, ObjectRef.id(id)),
                d -> {
                    busy.set(false);
                    if (gen == generation) {
                        show(d);
                    }
                    onSaved.accept(id);
                }, e -> {
                    busy.set(false);
                    dialogs.showError("Security group " + id + " was saved but cannot be read back", e);
                });
    }

    private void saveFailed(Throwable e) {
        busy.set(false);
        if (ErrorText.isUserError(e)) {
            refuse(refusedField(e), ErrorText.message(e));
        } else {
            dialogs.showError("Cannot save the security group", e);
        }
    }

    /**
     * The form field a refusal is about: a validation error names it; a
     * conflict (the name is taken) only says it first, as every service message does.
     */
    private static String refusedField(Throwable e) {
        if (e instanceof ValidationException v) {
            return v.field().orElse("");
        }
        String message = ErrorText.message(e);
        return message.startsWith("NAME: ") ? "NAME" : "";
    }

    private void refuse(String field, String message) {
        refusalField = field;
        refusal = message;
        refused = snapshot();
        changed();
    }

    /**
     * Runs {@code proceed} once the form may show something else: at once when
     * nothing is unsaved; otherwise after asking — Save runs it when the save
     * has succeeded (an invalid form cannot be saved and stays), Discard
     * reverts and runs it, Cancel does nothing.
     */
    public void leave(Runnable proceed) {
        if (!dirty.get()) {
            proceed.run();
            return;
        }
        String what = current.get().map(d -> "security group " + d.summary().group().label())
                .orElse("the new security group");
        switch (dialogs.askUnsaved(what)) {
            case SAVE -> {
                if (!valid.get()) {
                    dialogs.notify("Not saved: " + problem.get());
                    return;
                }
                save(id -> {
                    savedWhileLeaving.accept(id);
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

    /** Told the id of a group saved through the unsaved-changes question (the list reloads). */
    public void setOnSavedWhileLeaving(IntConsumer c) {
        savedWhileLeaving = c;
    }

    private void changed() {
        if (loading) {
            return;
        }
        Snapshot now = snapshot();
        if (!now.equals(refused)) {
            refusal = "";
            refusalField = "";
        }
        fieldErrors.clear();
        String nameError = check(() -> NetworkAttributes.checkName("NAME", name.get()));
        boolean nameShown = nameTouched || mode.get() == Mode.EDIT;
        if (!nameError.isEmpty() && nameShown) {
            fieldErrors.put("NAME", nameError);
        }
        String descriptionError = check(() -> NetworkAttributes.checkText("DESCRIPTION", description.get(), 65_536));
        if (!descriptionError.isEmpty()) {
            fieldErrors.put("DESCRIPTION", descriptionError);
        }
        if (refusalField.equals("NAME") || refusalField.equals("DESCRIPTION")) {
            fieldErrors.put(refusalField, refusal);
        }
        List<String> ruleErrors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!rules.get(i).isValid()) {
                ruleErrors.add("Rule " + (i + 1) + ": " + rules.get(i).errorProperty().get());
            }
        }
        rulesError.set(String.join("\n", ruleErrors));
        valid.set(nameError.isEmpty() && descriptionError.isEmpty() && ruleErrors.isEmpty());
        dirty.set(!now.equals(loaded));
        // a new, untouched form is not scolded: it only says what Save is waiting for
        problem.set(!nameError.isEmpty() ? (nameShown ? nameError : "give the new group a name")
                : !descriptionError.isEmpty() ? descriptionError
                : !ruleErrors.isEmpty() ? "fix the marked rule" + (ruleErrors.size() > 1 ? "s" : "")
                        + " first (" + ruleErrors.size() + " invalid)"
                : refusal);
    }

    private static String check(Runnable validation) {
        try {
            validation.run();
            return "";
        } catch (ValidationException e) {
            return e.getMessage();
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The rule rows; a change in any row's cells is reported as an update of the list. */
    public ObservableList<RuleRow> rules() {
        return rules;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The stored group shown (empty in create mode). */
    public ReadOnlyObjectProperty<Optional<GroupDetails>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Errors of the NAME and DESCRIPTION fields, by attribute. */
    public ObservableMap<String, String> fieldErrors() {
        return fieldErrorsView;
    }

    /** One line per invalid rule ("Rule 2: RANGE: …"); empty when every rule is valid. */
    public ReadOnlyStringProperty rulesErrorProperty() {
        return rulesError.getReadOnlyProperty();
    }

    /** Why Save is refused, or what the service refused at the last save; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when Save would send the form (every field and rule valid). */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
