package vnetdesk.ui.common.netform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vnetdesk.model.Problem;
import vnetdesk.model.Problems;
import vnetdesk.template.TemplateAttribute;

/**
 * Live validation of a network form (a network's or a template's) with the
 * model's own rules, so the form and the service can never disagree: every
 * attribute must be writable as a template attribute, then the network rules
 * give every problem at once, each with its field.
 */
public final class NetworkFormChecks {

    private NetworkFormChecks() {
    }

    /** Field (attribute name, or "" for the whole) to the first problem of that field; empty when valid. */
    public static Map<String, String> problems(Map<String, String> attributes, List<Problem> networkRules) {
        Problems writable = new Problems();
        attributes.forEach((k, v) -> writable.check(() -> new TemplateAttribute.Single(k, v)));
        List<Problem> all = new ArrayList<>(writable.list());
        all.addAll(networkRules);
        return Problems.byField(all);
    }
}
