package vnetdesk.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vnetdesk.model.Attributes;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;

/**
 * The parts of a network template ({@code vnet create}, {@code vnet update}, a network template's
 * instantiation): its single values, its AR vectors and the other vectors a network keeps without
 * modelling them; and how {@code vnet update} merges given values and vectors into a network's,
 * in replace or append mode.
 */
final class VnetTemplateParts {

    /**
     * Attributes an update in replace mode keeps when the new template omits
     * them, as OpenNebula does: identity and physical placement never vanish by
     * omission (an empty value, e.g. BRIDGE="", does reset them).
     */
    private static final Set<String> KEPT_ON_REPLACE = Set.of("NAME", "VN_MAD", "BRIDGE", "BRIDGE_TYPE", "PHYDEV",
            "VLAN_ID", "AUTOMATIC_VLAN_ID", "CLUSTER_IDS", "SECURITY_GROUPS");

    private VnetTemplateParts() {
    }

    /** The template's vectors other than AR, as a network keeps them, in order. */
    static List<AttributeVector> keptVectors(Template t) {
        List<AttributeVector> out = new ArrayList<>();
        for (TemplateAttribute a : t.attributes()) {
            if (a instanceof TemplateAttribute.Vector v && !v.name().equals("AR")) {
                out.add(v.toAttributeVector());
            }
        }
        return out;
    }

    /** The template without the vectors {@link #keptVectors} returns: its single values and AR vectors. */
    static Template withoutKeptVectors(Template t) {
        return new Template(t.attributes().stream()
                .filter(a -> !(a instanceof TemplateAttribute.Vector) || a.name().equals("AR")).toList());
    }

    /**
     * The network's attributes after an update: the given ones over the current ones (all of them
     * in append mode, {@link #KEPT_ON_REPLACE} in replace mode); a new driver drops the old
     * BRIDGE_TYPE unless another is given, as oned does (the new driver's default applies).
     */
    static Map<String, String> attributes(VirtualNetwork n, Map<String, String> given, boolean append) {
        Map<String, String> merged = new LinkedHashMap<>();
        NetworkAttributes.toAttributes(n).forEach((k, v) -> {
            if (append || KEPT_ON_REPLACE.contains(k)) {
                merged.put(k, v);
            }
        });
        merged.putAll(Attributes.upperKeys(given));
        boolean driverChanges = !merged.getOrDefault("VN_MAD", "").trim().equalsIgnoreCase(n.conf().driver().mad());
        if (driverChanges && n.conf().bridgeType().equals(merged.get("BRIDGE_TYPE"))) {
            merged.remove("BRIDGE_TYPE");
        }
        return merged;
    }

    /**
     * The kept vectors after an update: in replace mode the given ones — unless none is given,
     * which keeps the current ones (the console's network editor has no vector fields and saves in
     * replace mode; it must not drop them); in append mode the current ones without those of a
     * given vector's name, then the given ones (as OpenNebula's template merge replaces every
     * attribute of a name it is given).
     */
    static List<AttributeVector> vectors(List<AttributeVector> current, List<AttributeVector> given,
                                         boolean append) {
        if (given.isEmpty()) {
            return current;
        }
        if (!append) {
            return given;
        }
        Set<String> replaced = given.stream().map(AttributeVector::name).collect(Collectors.toSet());
        List<AttributeVector> out = new ArrayList<>();
        current.stream().filter(v -> !replaced.contains(v.name())).forEach(out::add);
        out.addAll(given);
        return out;
    }

    static Map<String, String> singles(Template t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TemplateAttribute a : t.attributes()) {
            if (a instanceof TemplateAttribute.Single s) {
                if (out.containsKey(s.name())) {
                    // e.g. two templates pasted into one file: never merge them silently
                    throw new ValidationException(s.name(), s.name() + ": given twice in one network template (\""
                            + ValidationException.printable(out.get(s.name())) + "\" and \""
                            + ValidationException.printable(s.value()) + "\"); a template describes one network");
                }
                out.put(s.name(), s.value());
            } else if (!a.name().equals("AR")) {
                throw new ValidationException(a.name(), a.name()
                        + ": vector attributes other than AR are not supported in a network template");
            }
        }
        return out;
    }

    static List<Map<String, String>> arVectors(Template t) {
        List<Map<String, String>> out = new ArrayList<>();
        for (TemplateAttribute.Vector v : t.vectors("AR")) {
            Map<String, String> m = new LinkedHashMap<>();
            v.entries().forEach(e -> m.put(e.name(), e.value()));
            out.add(m);
        }
        return out;
    }
}
