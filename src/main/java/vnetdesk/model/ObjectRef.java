package vnetdesk.model;

import java.util.Objects;

/**
 * How a caller names one object of a kind (network, template, security group,
 * and VMs, hosts and clusters to come): by id or by name. Only text the user
 * typed (CLI arguments, the console's search box) is parsed into one; code that
 * holds an id passes {@link #id}. {@link #toString} is the reference as error
 * messages print it.
 */
public sealed interface ObjectRef permits ObjectRef.ById, ObjectRef.ByName {

    /** The object with this id. */
    record ById(int id) implements ObjectRef {
        public ById {
            if (id < 0) {
                throw new IllegalArgumentException("object ids are never negative: " + id);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(id);
        }
    }

    /** The object with this name; a name several owners use must be given as id. */
    record ByName(String name) implements ObjectRef {
        public ByName {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("an object name is never blank");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static ObjectRef id(int id) {
        return new ById(id);
    }

    static ObjectRef name(String name) {
        return new ByName(name);
    }

    /**
     * Reads a reference the user typed: surrounding blanks are ignored, one to
     * nine digits are an id, anything else a name. Blank text is refused as a
     * missing {@code field}.
     */
    static ObjectRef parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.missing(field);
        }
        String trimmed = text.trim();
        // nine digits always fit an int; a longer digit string can only be a name
        if (trimmed.matches("[0-9]{1,9}")) {
            return new ById(Integer.parseInt(trimmed));
        }
        return new ByName(trimmed);
    }
}
