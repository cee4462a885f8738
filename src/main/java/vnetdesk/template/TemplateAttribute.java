package vnetdesk.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.ValidationException;

/**
 * One top-level attribute of a template: a single value ({@code NAME = "v"}) or a
 * vector ({@code NAME = [ KEY = "v", ... ]}).
 *
 * <p>Every attribute that can be built can also be written and read back
 * unchanged: names follow the template name rule and are stored upper-case, values
 * hold no control character other than tab, line feed and carriage return, vector
 * keys are unique. Breaking a rule throws {@link ValidationException}; a null
 * throws {@link NullPointerException}.
 */
public sealed interface TemplateAttribute permits TemplateAttribute.Single, TemplateAttribute.Vector {

    /** The attribute name, upper-case. */
    String name();

    /**
     * {@code NAME = value}; also an entry of a vector, where the name is the key.
     *
     * @param name  the name; any case is accepted and stored upper-case
     * @param value the value exactly as written between the quotes, possibly empty
     */
    record Single(String name, String value) implements TemplateAttribute {

        public Single {
            name = checkedName(name);
            Objects.requireNonNull(value, "value");
            int bad = TemplateChars.firstForbiddenControl(value);
            if (bad >= 0) {
                throw ValidationException.invalid(name, value, "control character "
                        + TemplateChars.describeChar(value, bad)
                        + " is not allowed (only tab, line feed and carriage return)");
            }
        }
    }

    /**
     * {@code NAME = [ KEY = value, ... ]}: named single values in order, each key at
     * most once, at most {@link #MAX_ENTRIES} of them. May be empty.
     *
     * @param name    the vector name; any case is accepted and stored upper-case
     * @param entries the entries in order
     */
    record Vector(String name, List<Single> entries) implements TemplateAttribute {

        /** The most entries a vector may hold; the parser refuses more. */
        public static final int MAX_ENTRIES = 10_000;

        /** A vector a network keeps without modelling it (see {@link AttributeVector}), entries in order. */
        public static Vector of(AttributeVector kept) {
            List<Single> entries = new ArrayList<>();
            kept.entries().forEach((k, v) -> entries.add(new Single(k, v)));
            return new Vector(kept.name(), entries);
        }

        /** This vector as a network keeps it ({@link AttributeVector}), entries in order. */
        public AttributeVector toAttributeVector() {
            Map<String, String> kept = new LinkedHashMap<>();
            entries.forEach(e -> kept.put(e.name(), e.value()));
            return new AttributeVector(name, kept);
        }

        public Vector {
            name = checkedName(name);
            entries = List.copyOf(entries);
            if (entries.size() > MAX_ENTRIES) {
                throw new ValidationException(name, name + ": a vector holds at most " + MAX_ENTRIES
                        + " entries, this one has " + entries.size());
            }
            Set<String> seen = new HashSet<>();
            for (Single entry : entries) {
                if (!seen.add(entry.name())) {
                    throw new ValidationException(name,
                            "attribute " + entry.name() + " repeated inside vector " + name);
                }
            }
        }

        /**
         * A vector from alternating keys and values, e.g.
         * {@code Vector.of("AR", "TYPE", "IP4", "SIZE", "10")}.
         */
        public static Vector of(String name, String... keysAndValues) {
            if (keysAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("keys and values must come in pairs");
            }
            List<Single> entries = new ArrayList<>(keysAndValues.length / 2);
            for (int i = 0; i < keysAndValues.length; i += 2) {
                entries.add(new Single(keysAndValues[i], keysAndValues[i + 1]));
            }
            return new Vector(name, entries);
        }

        /** The value of the entry {@code key} (case-insensitive), if present. */
        public Optional<String> get(String key) {
            Objects.requireNonNull(key, "key");
            for (Single entry : entries) {
                if (TemplateChars.sameName(entry.name(), key)) {
                    return Optional.of(entry.value());
                }
            }
            return Optional.empty();
        }

        /** The entry keys in order, upper-case. */
        public List<String> keys() {
            return entries.stream().map(Single::name).toList();
        }

        /**
         * A copy with {@code key} set to {@code value}: replaced in place when the key
         * exists, appended otherwise.
         */
        public Vector with(String key, String value) {
            Single added = new Single(key, value);
            List<Single> copy = new ArrayList<>(entries);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).name().equals(added.name())) {
                    copy.set(i, added);
                    return new Vector(name, copy);
                }
            }
            copy.add(added);
            return new Vector(name, copy);
        }

        /** A copy without the entry {@code key} (case-insensitive); the same vector when absent. */
        public Vector without(String key) {
            Objects.requireNonNull(key, "key");
            List<Single> kept = entries.stream().filter(e -> !TemplateChars.sameName(e.name(), key)).toList();
            return kept.size() == entries.size() ? this : new Vector(name, kept);
        }
    }

    /** Checks the name rule and returns the name upper-case. */
    private static String checkedName(String name) {
        Objects.requireNonNull(name, "name");
        if (TemplateChars.nameProblem(name) >= 0) {
            throw ValidationException.invalid("name", name, TemplateChars.nameProblemText(name));
        }
        return TemplateChars.upper(name);
    }
}
