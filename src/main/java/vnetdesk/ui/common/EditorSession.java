package vnetdesk.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;

import vnetdesk.model.Problem;
import vnetdesk.model.VnetException;

/**
 * The lifecycle every object editor shares, as the base of its ViewModel:
 * create or edit mode and the stored object shown; background loads whose
 * late results are dropped (a generation counter); unsaved edits measured
 * against what was loaded; which validation errors show when
 * ({@link ShownErrors}); Save with the stored object read back, Revert, a
 * service refusal shown on its field, a rename made elsewhere reaching a form
 * with edits, and the unsaved-changes question when the user leaves.
 *
 * <p>An editor supplies what is its own: its fields (registered with
 * {@link #watch}), how to read, fill, check and save its kind of object, and
 * optional parts validated on their own (a new network's first address range,
 * a security group's rules). Subclasses call {@link #startCreate()} at the end
 * of their constructor.
 *
 * @param <S> the stored object as the editor shows it
 */
public abstract class EditorSession<S> {

    /** Create a new object, or edit a stored one. */
    public enum Mode { CREATE, EDIT }

    /** What identifies a stored object to the user. */
    public record Identity(int id, String name) {
        /** "id:name", as questions and messages name it. */
        String label() {
            return id + ":" + name;
        }
    }

    /** The key of the name field in {@link #values()}: a rename made elsewhere updates it. */
    protected static final String NAME = "NAME";

    private final String noun;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CREATE);
    private final ReadOnlyObjectWrapper<Optional<S>> current = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ShownErrors errors = new ShownErrors();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private Map<String, Object> loaded = Map.of();
    /** The service's refusal of the last save; it stands until the next edit. */
    private Optional<Problem> refusal = Optional.empty();
    /** Bumped by every load, create, revert and save, so late results of an earlier one are dropped. */
    private int generation;
    private boolean loading;
    private IntConsumer savedWhileLeaving = id -> { };

    /** {@code noun} names the kind in titles and questions: "network", "security group" … */
    protected EditorSession(String noun, TaskRunner runner, Dialogs dialogs) {
        this.noun = noun;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    // ---- what an editor supplies ------------------------------------------------------------

    /** Reads stored object {@code id} (runs on the worker; refuses with the service's message). */
    protected abstract S read(int id);

    /** The id and name of a stored object. */
    protected abstract Identity identityOf(S stored);

    /** Puts a stored object, or an empty new one, into the fields. */
    protected abstract void fill(Optional<S> stored);

    /** The fields' values, compared with those loaded to tell unsaved edits; the name under {@link #NAME}. */
    protected abstract Map<String, Object> values();

    /** Every problem with the fields now, the first of each field by field ("" for the whole object). */
    protected abstract Map<String, String> problems(Optional<S> stored);

    /** The save, prepared from the fields on the FX thread; the callable runs on the worker and returns the id. */
    protected abstract Callable<Integer> saving(Optional<S> stored);

    /** The field holding the name. */
    protected abstract StringProperty nameField();

    /** Whether parts validated on their own (not in {@link #problems}) are valid too. */
    protected boolean partsValid() {
        return true;
    }

    /** Why the parts are not valid, for {@link #problemProperty()}; empty when they are. */
    protected String partsProblem() {
        return "";
    }

    /** Shows every error of the parts (a save was tried). */
    protected void revealParts() {
    }

    /**
     * What Save waits for when no error is shown yet (an untouched new form),
     * shown as a hint, not as an error; empty for nothing to say.
     */
    protected String incompleteHint() {
        return "";
    }

    /** Called after every change of the fields and after every load, to update what derives from them. */
    protected void afterChange() {
    }

    /** Registers a field: its edits make its errors show, and any change updates the state. */
    protected final void watch(String field, Observable input) {
        input.addListener(x -> {
            if (!loading) {
                errors.touch(field);
            }
            changed();
        });
    }

    /** Registers an input whose changes update the state without belonging to one field. */
    protected final void watch(Observable input) {
        input.addListener(x -> changed());
    }

    // ---- the lifecycle ----------------------------------------------------------------------------

    /** An empty form for a new object. */
    public final void startCreate() {
        generation++;
        busy.set(false); // a load still running is dropped when it ends
        show(Optional.empty());
    }

    /** Loads stored object {@code id} in the background; {@code whenLoaded} runs after the form shows it. */
    public final void edit(int id, Runnable whenLoaded) {
        int gen = ++generation;
        busy.set(true);
        runner.run("Loading " + noun + " " + id, () -> read(id), s -> {
            if (gen != generation) {
                return; // the user moved on (New, another object) while it loaded
            }
            busy.set(false);
            show(Optional.of(s));
            whenLoaded.run();
        }, e -> {
            if (gen == generation) {
                busy.set(false);
                dialogs.showError("Cannot load " + noun + " " + id, e);
            }
        });
    }

    private void show(Optional<S> stored) {
        loading = true;
        mode.set(stored.isPresent() ? Mode.EDIT : Mode.CREATE);
        current.set(stored);
        fill(stored);
        loading = false;
        loaded = values();
        refusal = Optional.empty();
        // a stored object shows what is wrong with it at once; a new form is not scolded
        errors.loaded(problems(stored), stored.isPresent());
        changed();
    }

    /**
     * Reads the shown object again after a change made outside the form
     * (rename, lock, chown, chmod, commit): the form too when it has no edits;
     * else the edits stay, and a new name reaches the name field unless the
     * user edited it (Save would otherwise rename the object back).
     */
    public final void refresh() {
        current.get().ifPresent(shown -> {
            int gen = generation;
            int id = identityOf(shown).id();
            runner.run("Loading " + noun + " " + id, () -> read(id), s -> {
                if (gen != generation) {
                    return;
                }
                if (!dirty.get()) {
                    show(Optional.of(s));
                    return;
                }
                String storedName = identityOf(s).name();
                boolean nameUnedited = Objects.equals(nameField().get(), loaded.get(NAME));
                Map<String, Object> renamed = new LinkedHashMap<>(loaded);
                renamed.put(NAME, storedName);
                loaded = renamed;
                current.set(Optional.of(s));
                if (nameUnedited) {
                    nameField().set(storedName);
                }
                changed();
            }, e -> dialogs.showError("Cannot load " + noun + " " + id, e));
        });
    }

    /** {@link #refresh()} if object {@code id} is the one shown. */
    public final void refreshIfShowing(int id) {
        if (current.get().filter(s -> identityOf(s).id() == id).isPresent()) {
            refresh();
        }
    }

    /** Puts the form back to what was loaded; a load or save still running is dropped when it ends. */
    public final void revert() {
        generation++;
        busy.set(false);
        show(current.get());
    }

    /**
     * Saves (create or update) in the background and shows the object as
     * stored; refused without calling the service while anything is invalid
     * (every error then shows). A refusal by the service shows on its field
     * and for the form as a whole; anything else in an error dialog.
     * {@code onSaved} receives the id.
     */
    public final void save(IntConsumer onSaved) {
        if (busy.get()) {
            return; // a double click cannot send it twice
        }
        changed();
        if (!valid.get()) {
            errors.revealAll();
            revealParts();
            updateProblem();
            return;
        }
        Optional<S> stored = current.get();
        Callable<Integer> work = saving(stored);
        int gen = ++generation;
        busy.set(true);
        runner.run(stored.map(s -> "Saving " + noun + " " + identityOf(s).id()).orElse("Creating " + noun), work,
                id -> readBack(id, gen, onSaved), e -> saveFailed(e, gen));
    }

    /**
     * Reads back what the service stored (generated names, ids it chose) and
     * shows it, unless the user moved on (another object, New, Revert) while
     * it was saved: then what the form shows now, and its busy state, are
     * left alone.
     */
    private void readBack(int id, int gen, IntConsumer onSaved) {
        runner.run("Loading " + noun + " " + id, () -> read(id), s -> {
            if (gen == generation) {
                busy.set(false);
                show(Optional.of(s));
            }
            onSaved.accept(id);
        }, e -> {
            if (gen == generation) {
                busy.set(false);
            }
            dialogs.showError(Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " " + id
                    + " was saved but cannot be read back", e);
        });
    }

    private void saveFailed(Throwable e, int gen) {
        if (gen == generation) {
            busy.set(false);
        }
        if (!ErrorText.isUserError(e) || gen != generation) {
            // the form shows something else now: the refusal would land on fields it is not about
            dialogs.showError("Cannot save the " + noun, e);
            return;
        }
        Problem p = e instanceof VnetException v ? Problem.of(v) : new Problem(Problem.WHOLE, ErrorText.message(e));
        refusal = Optional.of(p);
        Map<String, String> shownAt = new LinkedHashMap<>();
        shownAt.put(p.field(), p.message());
        shownAt.put(Problem.WHOLE, p.message()); // the field may be on another tab: the form says it too
        errors.refused(shownAt);
        updateProblem();
    }

    /**
     * Runs {@code proceed} once the form may show something else: at once when
     * nothing is unsaved; otherwise after asking — Save runs it when the save
     * has succeeded (an invalid form says why and stays; a refused save stays),
     * Discard reverts and runs it, Cancel does nothing.
     */
    public final void leave(Runnable proceed) {
        if (!dirty.get()) {
            proceed.run();
            return;
        }
        String what = described();
        switch (dialogs.askUnsaved(what)) {
            case SAVE -> {
                if (busy.get()) {
                    dialogs.notify("Not saved: " + what + " is still being saved or read; wait for it to finish,"
                            + " or choose Discard");
                    return;
                }
                if (!valid.get()) {
                    // the form may not be on screen (quit, switch user): say why nothing moves on
                    dialogs.notify("Not saved: " + what + " has errors; fix them, or choose Discard");
                    errors.revealAll();
                    revealParts();
                    updateProblem();
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

    /** Told the id of an object saved through the unsaved-changes question (a list reloads). */
    public final void setOnSavedWhileLeaving(IntConsumer c) {
        savedWhileLeaving = c;
    }

    /** "network 3:lan", or "the new network". */
    protected final String described() {
        return current.get().map(s -> noun + " " + identityOf(s).label()).orElse("the new " + noun);
    }

    /** Re-checks the fields and updates validity, unsaved state and the errors shown. */
    protected final void changed() {
        if (loading) {
            return;
        }
        Map<String, Object> now = values();
        Map<String, String> found = problems(current.get());
        refusal = Optional.empty();
        errors.update(found);
        valid.set(found.isEmpty() && partsValid());
        dirty.set(!now.equals(loaded));
        updateProblem();
        afterChange();
    }

    private void updateProblem() {
        Map<String, String> shown = errors.shown();
        String firstShown = errors.all().keySet().stream().filter(shown::containsKey).map(shown::get)
                .findFirst().orElse("");
        problem.set(refusal.map(Problem::message)
                .or(() -> Optional.of(firstShown).filter(s -> !s.isEmpty()))
                .or(() -> Optional.of(partsProblem()).filter(s -> !s.isEmpty()))
                .orElse(""));
        // an untouched new form is not scolded: what Save waits for is a hint, apart from the errors
        hint.set(problem.get().isEmpty() && !valid.get() ? incompleteHint() : "");
    }

    // ---- state for the view ---------------------------------------------------------------------

    public final ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The stored object shown (empty in create mode). */
    public final ReadOnlyObjectProperty<Optional<S>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The errors to show: field (or "" for the object as a whole) to message; see {@link ShownErrors}. */
    public final ObservableMap<String, String> errors() {
        return errors.shown();
    }

    /** True when Save would send the form (every field and part valid), errors shown or not. */
    public final ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public final ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** A load or save is under way. */
    public final ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why Save is refused, or what the service refused at the last save; empty otherwise. */
    public final ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What Save waits for while no error is shown (an untouched new form), to show as a hint; empty otherwise. */
    public final ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }
}
