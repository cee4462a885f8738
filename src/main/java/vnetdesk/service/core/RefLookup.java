package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;

/**
 * Turns an {@link ObjectRef} into an id the same way for every kind of object,
 * with the same messages: an unknown name is not found, a name several owners
 * use must be given as id.
 */
public final class RefLookup {

    /** The ids of the objects of one kind with a given name (several owners may use it). */
    @FunctionalInterface
    public interface IdsByName {
        List<Integer> find(Connection c, String name) throws SQLException;
    }

    private RefLookup() {
    }

    /**
     * The id {@code ref} names; a name is looked up, an id is returned as given
     * (whether it exists is the caller's question).
     *
     * @param field the attribute named by an ambiguous-name error, e.g. {@code NETWORK}
     * @param noun  the kind as messages name it, e.g. {@code network}
     */
    public static int idOf(Connection c, ObjectRef ref, String field, String noun, IdsByName ids) throws SQLException {
        if (ref instanceof ObjectRef.ById byId) {
            return byId.id();
        }
        String name = ((ObjectRef.ByName) ref).name();
        List<Integer> found = ids.find(c, name);
        if (found.isEmpty()) {
            throw notFound(noun, ref);
        }
        if (found.size() > 1) {
            throw new ValidationException(field, field + ": the name \"" + name + "\" is used by several " + noun
                    + "s (" + found.stream().map(id -> id + ":" + name).collect(Collectors.joining(", "))
                    + "); use the id");
        }
        return found.get(0);
    }

    public static NotFoundException notFound(String noun, ObjectRef ref) {
        return new NotFoundException(noun + " \"" + ValidationException.printable(ref) + "\" does not exist");
    }
}
