package vnetdesk.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import vnetdesk.model.VnetException;

/**
 * What the user reads about a failure: the service's own message for a
 * {@link VnetException} (it names the field and value), a plain sentence for
 * anything else; the stack trace only as expandable details.
 */
public final class ErrorText {

    private ErrorText() {
    }

    /** The one-paragraph message shown in a dialog, notification or next to a field. */
    public static String message(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof VnetException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "the console ran out of memory; close other work or start it with a larger -Xmx";
        }
        String m = e.getMessage();
        return "internal error (" + e.getClass().getSimpleName() + ")" + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Whether this is a problem with what the user gave (details are then of no use to them). */
    public static boolean isUserError(Throwable t) {
        return unwrap(t) instanceof VnetException;
    }

    /** The full trace, for the expandable "details" part of an error dialog. */
    public static String details(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
