package vnetdesk.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Attributes;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;

/**
 * A security group as written in template syntax (NAME, DESCRIPTION and
 * {@code RULE = [ … ]} vectors), every rule checked; absent parts are empty.
 */
record SecurityGroupTemplate(Optional<String> name, Optional<String> description, List<SecurityRule> rules) {

    /**
     * Reads a group template. Rule errors name the rule's position and the
     * attribute (the field stays the attribute, for forms).
     */
    static SecurityGroupTemplate parse(Template t) {
        Optional<String> name = Optional.empty();
        Optional<String> description = Optional.empty();
        List<SecurityRule> rules = new ArrayList<>();
        for (TemplateAttribute a : t.attributes()) {
            String key = Attributes.name(a.name());
            if (a instanceof TemplateAttribute.Single s && key.equals("NAME")) {
                name = Optional.of(NetworkAttributes.checkName("NAME", s.value()));
            } else if (a instanceof TemplateAttribute.Single s && key.equals("DESCRIPTION")) {
                NetworkAttributes.checkText("DESCRIPTION", s.value(), NetworkAttributes.MAX_TEXT_LENGTH);
                description = Optional.of(s.value());
            } else if (a instanceof TemplateAttribute.Vector v && key.equals("RULE")) {
                rules.add(parseRule(rules.size() + 1, v));
            } else {
                throw new ValidationException(key, key + ": a security group template holds NAME, DESCRIPTION and "
                        + "RULE = [ … ] vectors only");
            }
        }
        return new SecurityGroupTemplate(name, description, rules);
    }

    private static SecurityRule parseRule(int position, TemplateAttribute.Vector v) {
        Map<String, String> attributes = new LinkedHashMap<>();
        v.entries().forEach(e -> attributes.put(e.name(), e.value()));
        try {
            return SecurityRule.parse(attributes);
        } catch (ValidationException e) {
            throw new ValidationException(e.field().orElse("RULE"), "RULE " + position + ": " + e.getMessage());
        }
    }
}
