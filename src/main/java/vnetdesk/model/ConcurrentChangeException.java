package vnetdesk.model;

/**
 * Another process or session changed the same rows while this transaction ran
 * (a row lock waited too long, a deadlock, an address range's version moved,
 * an address picked here was taken meanwhile, or the process serving the
 * inventory went away before the commit). The transaction was rolled back and
 * wrote nothing, so running it again from the start is safe.
 */
public class ConcurrentChangeException extends ConflictException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
