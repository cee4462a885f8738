package vnetdesk.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs for tests: answers come from a script, everything shown is recorded. */
public final class ScriptedDialogs implements Dialogs {

    public final List<String> errors = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    /** The answer each text or choice question proposed (its initial value). */
    public final List<String> proposals = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    /** Queues the answer to the next question (Boolean, UnsavedChoice, or Optional of String). */
    public ScriptedDialogs answer(Object a) {
        answers.addLast(a);
        return this;
    }

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + ErrorText.message(error));
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }

    @Override
    public boolean confirm(String title, String question) {
        questions.add(question);
        return (Boolean) next(question);
    }

    @Override
    public UnsavedChoice askUnsaved(String what) {
        questions.add("unsaved: " + what);
        return (UnsavedChoice) next(what);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> askText(String title, String prompt, String initial) {
        questions.add(prompt);
        proposals.add(initial);
        return (Optional<String>) next(prompt);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> askChoice(String title, String prompt, List<String> choices, String initial) {
        questions.add(prompt);
        proposals.add(initial);
        return (Optional<String>) next(prompt);
    }

    @Override
    public boolean trustHostKey(String login, String keyType, String fingerprint) {
        questions.add("trust " + keyType + " key " + fingerprint + " of " + login);
        return (Boolean) next(login);
    }

    @Override
    public boolean forgetChangedHostKey(String login, String storedFingerprint, String offeredFingerprint,
                                        String storedAt) {
        questions.add("changed key of " + login + ": stored " + storedFingerprint + ", offered "
                + offeredFingerprint);
        return (Boolean) next(login);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<char[]> askSecret(String title, String prompt) {
        questions.add(prompt);
        return (Optional<char[]>) next(prompt);
    }

    private Object next(String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + question);
        }
        return answers.removeFirst();
    }
}
