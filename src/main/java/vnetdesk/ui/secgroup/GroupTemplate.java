package vnetdesk.ui.secgroup;

import java.util.ArrayList;
import java.util.List;

import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;

/** The security group template the editor sends on Save: NAME, DESCRIPTION and one RULE vector per rule. */
final class GroupTemplate {

    private GroupTemplate() {
    }

    /** Every row must be valid (the editor refuses to save otherwise); rules go in their canonical form. */
    static Template of(String name, String description, List<RuleRow> rows) {
        List<TemplateAttribute> a = new ArrayList<>();
        a.add(new TemplateAttribute.Single("NAME", name.trim()));
        a.add(new TemplateAttribute.Single("DESCRIPTION", description));
        for (RuleRow row : rows) {
            List<TemplateAttribute.Single> entries = new ArrayList<>();
            row.ruleProperty().get().orElseThrow().toAttributes()
                    .forEach((k, v) -> entries.add(new TemplateAttribute.Single(k, v)));
            a.add(new TemplateAttribute.Vector("RULE", entries));
        }
        return new Template(a);
    }
}
