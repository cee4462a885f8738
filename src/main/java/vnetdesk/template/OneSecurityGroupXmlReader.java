package vnetdesk.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * Reads {@code onesecgroup show -x} / {@code onesecgroup list -x} XML into
 * {@link ImportedSecurityGroup}s; see {@link OneSecurityGroupXml#readAll}. One forward pass over a
 * hardened {@link OneXmlStream}. The computed VM lists ({@code UPDATED_VMS} …) are skipped: the
 * importing inventory has its own propagation states.
 */
final class OneSecurityGroupXmlReader {

    private OneSecurityGroupXmlReader() {
    }

    static List<ImportedSecurityGroup> read(String xml, String source) {
        return OneXmlDocuments.read(xml, source, "SECURITY_GROUP", "SECURITY_GROUP_POOL", "onesecgroup show -x",
                OneSecurityGroupXmlReader::group);
    }

    private static ImportedSecurityGroup group(OneXmlStream s) throws XMLStreamException {
        OneXmlIdentity identity = new OneXmlIdentity(s);
        Optional<String> description = Optional.empty();
        List<Map<String, String>> rules = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        while (s.nextChild()) {
            String name = s.name();
            if (identity.take(name)) {
                continue;
            }
            if (!name.equals("TEMPLATE")) {
                s.skip();
                continue;
            }
            while (s.nextChild()) {
                TemplateAttribute a = s.templateAttribute();
                if (a instanceof TemplateAttribute.Single single && a.name().equals("DESCRIPTION")) {
                    description = Optional.of(single.value());
                } else if (a instanceof TemplateAttribute.Vector rule && a.name().equals("RULE")) {
                    Map<String, String> entries = new LinkedHashMap<>();
                    rule.entries().forEach(e -> entries.put(e.name(), e.value()));
                    rules.add(entries);
                } else {
                    ignored.add(a.name());
                }
            }
        }
        return new ImportedSecurityGroup(identity.id(), identity.name(), identity.owner(),
                identity.permissionsOctal(), description, rules, ignored);
    }
}
