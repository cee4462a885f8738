package vnetdesk.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vnetdesk.model.ValidationException;

/**
 * A parsed template: its top-level attributes in the order written. A name may
 * repeat (several {@code AR} vectors); lookups by name are case-insensitive.
 * Immutable; the {@code with}/{@code without} methods return copies.
 *
 * @param attributes the attributes in order, at most {@link #MAX_ATTRIBUTES}
 */
public record Template(List<TemplateAttribute> attributes) {

    /** The most top-level attributes a template may hold; the parser refuses more. */
    public static final int MAX_ATTRIBUTES = 100_000;

    private static final Template EMPTY = new Template(List.of());

    public Template {
        attributes = List.copyOf(attributes);
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new ValidationException("template", "a template holds at most " + MAX_ATTRIBUTES
                    + " attributes, this one has " + attributes.size());
        }
    }

    /** The template with no attribute. */
    public static Template empty() {
        return EMPTY;
    }

    /** A template of the given attributes, in order. */
    public static Template of(TemplateAttribute... attributes) {
        return new Template(Arrays.asList(attributes));
    }

    /** True when the template has no attribute. */
    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /** The value of the first single attribute called {@code name}, if any; vectors of that name are skipped. */
    public Optional<String> single(String name) {
        Objects.requireNonNull(name, "name");
        for (TemplateAttribute a : attributes) {
            if (a instanceof TemplateAttribute.Single s && TemplateChars.sameName(s.name(), name)) {
                return Optional.of(s.value());
            }
        }
        return Optional.empty();
    }

    /** The first vector called {@code name}, if any. */
    public Optional<TemplateAttribute.Vector> vector(String name) {
        List<TemplateAttribute.Vector> found = vectors(name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every vector called {@code name}, in order. */
    public List<TemplateAttribute.Vector> vectors(String name) {
        Objects.requireNonNull(name, "name");
        List<TemplateAttribute.Vector> found = new ArrayList<>();
        for (TemplateAttribute a : attributes) {
            if (a instanceof TemplateAttribute.Vector v && TemplateChars.sameName(v.name(), name)) {
                found.add(v);
            }
        }
        return List.copyOf(found);
    }

    /** Every single (non-vector) attribute, in order. */
    public List<TemplateAttribute.Single> singles() {
        List<TemplateAttribute.Single> found = new ArrayList<>();
        for (TemplateAttribute a : attributes) {
            if (a instanceof TemplateAttribute.Single s) {
                found.add(s);
            }
        }
        return List.copyOf(found);
    }

    /** Every attribute called {@code name}, singles and vectors, in order. */
    public List<TemplateAttribute> all(String name) {
        Objects.requireNonNull(name, "name");
        return attributes.stream().filter(a -> TemplateChars.sameName(a.name(), name)).toList();
    }

    /** A copy with {@code attribute} appended at the end. */
    public Template with(TemplateAttribute attribute) {
        Objects.requireNonNull(attribute, "attribute");
        List<TemplateAttribute> copy = new ArrayList<>(attributes.size() + 1);
        copy.addAll(attributes);
        copy.add(attribute);
        return new Template(copy);
    }

    /** A copy with the single attribute {@code NAME = value} appended at the end. */
    public Template with(String name, String value) {
        return with(new TemplateAttribute.Single(name, value));
    }

    /**
     * A copy where the single attribute {@code name} has exactly the value {@code value}:
     * the first one is replaced in place, later ones are dropped, and it is appended
     * when absent. Vectors of that name are left alone.
     */
    public Template withOnly(String name, String value) {
        TemplateAttribute.Single replacement = new TemplateAttribute.Single(name, value);
        List<TemplateAttribute> copy = new ArrayList<>(attributes.size() + 1);
        boolean placed = false;
        for (TemplateAttribute a : attributes) {
            if (a instanceof TemplateAttribute.Single s && s.name().equals(replacement.name())) {
                if (!placed) {
                    copy.add(replacement);
                    placed = true;
                }
            } else {
                copy.add(a);
            }
        }
        if (!placed) {
            copy.add(replacement);
        }
        return new Template(copy);
    }

    /** A copy without any attribute called {@code name} (case-insensitive), singles and vectors. */
    public Template without(String name) {
        Objects.requireNonNull(name, "name");
        List<TemplateAttribute> kept = attributes.stream().filter(a -> !TemplateChars.sameName(a.name(), name)).toList();
        return kept.size() == attributes.size() ? this : new Template(kept);
    }
}
