package vnetdesk.service.core;

import java.sql.SQLException;

import vnetdesk.model.ConflictException;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;

/**
 * Puts the place a value came from ("backup.json: line 12, column 5: network
 * 3:web, address range 0") in front of an error raised by the normal model
 * parsers, keeping the error's kind and field: imports and restores check
 * what a file holds with the rules of user input and say where it was.
 */
public final class ErrorContext {

    private ErrorContext() {
    }

    /** {@code e} with {@code context} in front of its message. */
    public static VnetException within(String context, RuntimeException e) {
        String message = context + ": " + e.getMessage();
        if (e instanceof ValidationException v) {
            return new ValidationException(v.field().orElse(null), message);
        }
        if (e instanceof ConflictException) {
            return new ConflictException(message);
        }
        if (e instanceof NotFoundException) {
            return new NotFoundException(message);
        }
        if (e instanceof VnetException) {
            return new VnetException(message, e);
        }
        // model constructors refuse impossible values with IllegalArgumentException
        return new ValidationException(null, message);
    }

    /** Work on one imported object whose errors get the object's context. */
    @FunctionalInterface
    public interface Step<T> {
        T run();
    }

    /** Runs {@code step}; a model error or refused value is re-thrown with {@code context} in front. */
    public static <T> T in(String context, Step<T> step) {
        try {
            return step.run();
        } catch (VnetException | IllegalArgumentException e) {
            throw within(context, e);
        }
    }

    /** Work on one imported object that reads or writes the inventory. */
    @FunctionalInterface
    public interface StoreStep<T> {
        T run() throws SQLException;
    }

    /** As {@link #in}, for a step that uses the database (its SQL errors pass unchanged). */
    public static <T> T inStore(String context, StoreStep<T> step) throws SQLException {
        try {
            return step.run();
        } catch (VnetException | IllegalArgumentException e) {
            throw within(context, e);
        }
    }
}
