package vnetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

import vnetdesk.model.ConflictException;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.Problems;
import vnetdesk.model.ValidationException;
import vnetdesk.ui.common.Dialogs.UnsavedChoice;
import vnetdesk.ui.common.EditorSession.Mode;

/** The editor lifecycle on its own, with a two-field editor over an in-memory store. */
class EditorSessionTest {

    /** What the fake store holds. */
    record Thing(int id, String name, String note) {
    }

    /** An editor of things: a name (required, unique) and a note (at most 5 characters). */
    static final class ThingEditor extends EditorSession<Thing> {
        final Map<Integer, Thing> store;
        final StringProperty name = new SimpleStringProperty("");
        final StringProperty note = new SimpleStringProperty("");

        ThingEditor(Map<Integer, Thing> store, TaskRunner runner, Dialogs dialogs) {
            super("thing", runner, dialogs);
            this.store = store;
            watch("NAME", name);
            watch("NOTE", note);
            startCreate();
        }

        @Override
        protected Thing read(int id) {
            Thing t = store.get(id);
            if (t == null) {
                throw new NotFoundException("thing " + id + " does not exist");
            }
            return t;
        }

        @Override
        protected Identity identityOf(Thing t) {
            return new Identity(t.id(), t.name());
        }

        @Override
        protected void fill(Optional<Thing> stored) {
            name.set(stored.map(Thing::name).orElse(""));
            note.set(stored.map(Thing::note).orElse(""));
        }

        @Override
        protected Map<String, Object> values() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(NAME, name.get());
            v.put("NOTE", note.get());
            return v;
        }

        @Override
        protected Map<String, String> problems(Optional<Thing> stored) {
            Problems p = new Problems();
            if (name.get().isBlank()) {
                p.add(ValidationException.missing("NAME"));
            }
            if (note.get().length() > 5) {
                p.add(ValidationException.invalid("NOTE", note.get(), "at most 5 characters"));
            }
            return p.byField();
        }

        @Override
        protected Callable<Integer> saving(Optional<Thing> stored) {
            String n = name.get();
            String text = note.get();
            int id = stored.map(Thing::id).orElse(store.size() + 1);
            return () -> {
                if (store.values().stream().anyMatch(t -> t.name().equals(n) && t.id() != id)) {
                    throw new ConflictException("NAME", "NAME: a thing named \"" + n + "\" already exists");
                }
                store.put(id, new Thing(id, n, text));
                return id;
            };
        }

        @Override
        protected StringProperty nameField() {
            return name;
        }
    }

    private final Map<Integer, Thing> store = new TreeMap<>(Map.of(1, new Thing(1, "one", "a")));
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private final ThingEditor editor = new ThingEditor(store, runner, dialogs);

    @Test
    void aNewFormIsNotScoldedAnEditShowsItsErrorAndSaveRevealsTheRest() {
        assertEquals(Mode.CREATE, editor.modeProperty().get());
        assertEquals(Map.of(), editor.errors());
        assertFalse(editor.validProperty().get(), "the empty name still blocks Save");
        editor.note.set("far too long");
        assertEquals(List.of("NOTE"), List.copyOf(editor.errors().keySet()), "only the edited field is scolded");
        editor.save(id -> { });
        assertEquals(0, runner.completed(), "an invalid form never reaches the service");
        assertEquals(java.util.Set.of("NAME", "NOTE"), editor.errors().keySet());
        assertTrue(editor.problemProperty().get().startsWith("NAME: "), editor.problemProperty().get());
    }

    @Test
    void editsMakeTheFormDirtyAndRevertPutsBackWhatWasLoaded() {
        editor.edit(1, () -> { });
        assertEquals(Mode.EDIT, editor.modeProperty().get());
        assertFalse(editor.dirtyProperty().get());
        editor.note.set("b");
        assertTrue(editor.dirtyProperty().get());
        editor.note.set("a");
        assertFalse(editor.dirtyProperty().get(), "typing the loaded value back leaves nothing unsaved");
        editor.name.set("uno");
        editor.revert();
        assertEquals("one", editor.name.get());
        assertFalse(editor.dirtyProperty().get());
    }

    @Test
    void leavingAsksOnlyWithEditsAndHonoursCancelDiscardAndSave() {
        editor.edit(1, () -> { });
        List<String> left = new ArrayList<>();
        editor.leave(() -> left.add("clean"));
        assertEquals(List.of("clean"), left);
        assertEquals(List.of(), dialogs.questions, "nothing to lose, no question");

        editor.note.set("b");
        dialogs.answer(UnsavedChoice.CANCEL);
        editor.leave(() -> left.add("cancel"));
        assertEquals(List.of("clean"), left);
        assertEquals("b", editor.note.get());

        dialogs.answer(UnsavedChoice.DISCARD);
        editor.leave(() -> left.add("discard"));
        assertEquals(List.of("clean", "discard"), left);
        assertEquals("a", editor.note.get());

        editor.note.set("c");
        List<Integer> saved = new ArrayList<>();
        editor.setOnSavedWhileLeaving(saved::add);
        dialogs.answer(UnsavedChoice.SAVE);
        editor.leave(() -> left.add("save"));
        assertEquals(List.of("clean", "discard", "save"), left);
        assertEquals(List.of(1), saved);
        assertEquals("c", store.get(1).note());
        assertEquals(List.of("unsaved: thing 1:one", "unsaved: thing 1:one", "unsaved: thing 1:one"),
                dialogs.questions);
    }

    @Test
    void answeringSaveForAnInvalidFormSaysWhyAndStays() {
        editor.edit(1, () -> { });
        editor.note.set("far too long");
        dialogs.answer(UnsavedChoice.SAVE);
        List<String> left = new ArrayList<>();
        editor.leave(() -> left.add("left"));
        assertEquals(List.of(), left);
        assertEquals(List.of("Not saved: thing 1:one has errors; fix them, or choose Discard"), dialogs.notices);
        assertEquals("a", store.get(1).note(), "nothing was stored");
    }

    @Test
    void aLoadThatEndsAfterTheUserMovedOnIsDropped() {
        QueuedTaskRunner queued = new QueuedTaskRunner();
        ThingEditor slow = new ThingEditor(store, queued, dialogs);
        slow.edit(1, () -> { });
        assertTrue(slow.busyProperty().get());
        slow.startCreate();
        slow.name.set("typed meanwhile");
        queued.runAll();
        assertEquals(Mode.CREATE, slow.modeProperty().get());
        assertEquals("typed meanwhile", slow.name.get());
        assertFalse(slow.busyProperty().get());
    }

    @Test
    void aRefusalShowsOnItsFieldAndForTheWholeFormUntilTheNextEdit() {
        editor.name.set("one");
        editor.save(id -> { });
        assertTrue(editor.errors().get("NAME").contains("already exists"), editor.errors().toString());
        assertTrue(editor.errors().get("").contains("already exists"), "the field may be on another tab");
        assertTrue(editor.problemProperty().get().contains("already exists"));
        assertEquals(Mode.CREATE, editor.modeProperty().get());
        editor.name.set("two");
        assertEquals(Map.of(), editor.errors());
        assertEquals("", editor.problemProperty().get());
        List<Integer> saved = new ArrayList<>();
        editor.save(saved::add);
        assertEquals(List.of(2), saved);
        assertEquals(Mode.EDIT, editor.modeProperty().get());
        assertFalse(editor.dirtyProperty().get(), "the form shows what was stored");
    }

    @Test
    void aRenameElsewhereReachesTheNameOfAFormWithEditsButNotAnEditedName() {
        editor.edit(1, () -> { });
        editor.note.set("b");
        store.put(1, new Thing(1, "uno", "a"));
        editor.refresh();
        assertEquals("uno", editor.name.get());
        assertEquals("b", editor.note.get(), "the edit stays");
        assertTrue(editor.dirtyProperty().get());

        editor.name.set("mine");
        store.put(1, new Thing(1, "eins", "a"));
        editor.refreshIfShowing(1);
        assertEquals("mine", editor.name.get(), "the user's own name wins");
        assertEquals(Optional.of(new Thing(1, "eins", "a")), editor.currentProperty().get());
    }

    @Test
    void aStoredObjectShowsEveryErrorAtOnce() {
        store.put(2, new Thing(2, "two", "too long already"));
        editor.edit(2, () -> { });
        assertEquals(List.of("NOTE"), List.copyOf(editor.errors().keySet()));
        assertFalse(editor.validProperty().get());
    }

    @Test
    void aSaveThatEndsAfterTheUserOpenedAnotherObjectLeavesThatObjectShown() {
        store.put(2, new Thing(2, "two", "b"));
        QueuedTaskRunner queued = new QueuedTaskRunner();
        ThingEditor slow = new ThingEditor(store, queued, dialogs);
        slow.edit(1, () -> { });
        queued.runAll();
        slow.note.set("c");
        List<Integer> saved = new ArrayList<>();
        slow.save(saved::add);
        slow.revert();
        slow.edit(2, () -> { });
        queued.runAll();
        assertEquals(List.of(1), saved, "the save went through and was reported");
        assertEquals("c", store.get(1).note());
        assertEquals(Optional.of(store.get(2)), slow.currentProperty().get(), "the object opened meanwhile stays");
        assertEquals("two", slow.name.get());
        assertFalse(slow.busyProperty().get());
    }

    @Test
    void revertWhileALoadRunsLeavesTheEditorReady() {
        QueuedTaskRunner queued = new QueuedTaskRunner();
        ThingEditor slow = new ThingEditor(store, queued, dialogs);
        slow.edit(1, () -> { });
        slow.name.set("typed");
        slow.revert();
        queued.runAll();
        assertFalse(slow.busyProperty().get(), "Save is usable again");
        assertEquals(Mode.CREATE, slow.modeProperty().get(), "the dropped load does not replace the form");
        slow.name.set("three");
        slow.save(id -> { });
        queued.runAll();
        assertEquals("three", store.get(2).name());
    }

    @Test
    void answeringSaveWhileASaveRunsSaysWhyNothingMovesOn() {
        QueuedTaskRunner queued = new QueuedTaskRunner();
        ThingEditor slow = new ThingEditor(store, queued, dialogs);
        slow.edit(1, () -> { });
        queued.runAll();
        slow.note.set("c");
        slow.save(id -> { });
        dialogs.answer(UnsavedChoice.SAVE);
        List<String> left = new ArrayList<>();
        slow.leave(() -> left.add("left"));
        assertEquals(List.of(), left);
        assertEquals(1, dialogs.notices.size());
        assertTrue(dialogs.notices.get(0).contains("still being saved"), dialogs.notices.toString());
        queued.runAll();
        assertEquals("c", store.get(1).note());
    }
}
