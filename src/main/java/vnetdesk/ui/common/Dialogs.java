package vnetdesk.ui.common;

import java.util.List;
import java.util.Optional;

/**
 * The questions and messages the console puts to the user, behind one
 * interface so ViewModel and UI tests can answer them.
 */
public interface Dialogs {

    /** The answer to "you have unsaved changes". */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** A modal error with the readable message and the details expandable. */
    void showError(String title, Throwable error);

    /** A short non-modal notice (e.g. "3 addresses held"). */
    void notify(String message);

    /** A yes/no question; true for yes. */
    boolean confirm(String title, String question);

    /** Asks what to do with unsaved edits of {@code what}. */
    UnsavedChoice askUnsaved(String what);

    /** Asks for one line of text (e.g. a new name); empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initial);

    /** Asks to pick one of {@code choices} (e.g. a new owner); empty when cancelled. */
    Optional<String> askChoice(String title, String prompt, List<String> choices, String initial);

    /**
     * First contact with a host: shows the key it offers ({@code login} is
     * {@code address:port}: a key belongs to the host, not to a user) and asks
     * whether to trust it; true trusts.
     */
    boolean trustHostKey(String login, String keyType, String fingerprint);

    /**
     * A host offered another key than the one stored for it: a blocking
     * warning with both fingerprints; true when the user deliberately chose
     * to forget the old key (nothing is trusted yet: the next connection asks).
     */
    boolean forgetChangedHostKey(String login, String storedFingerprint, String offeredFingerprint,
                                 String storedAt);

    /** Asks for a secret (a password, a key's passphrase), never shown; empty when cancelled. */
    Optional<char[]> askSecret(String title, String prompt);
}
