package vnetdesk.template;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Reads {@code onevntemplate show -x} / {@code onevntemplate list -x} XML into
 * {@link ImportedVnTemplate}s; see {@link OneVnTemplateXml#readAll}. One forward pass over a
 * hardened {@link OneXmlStream}; {@code REGTIME} is skipped (the inventory records none).
 */
final class OneVnTemplateXmlReader {

    private OneVnTemplateXmlReader() {
    }

    static List<ImportedVnTemplate> read(String xml, String source) {
        return OneXmlDocuments.read(xml, source, "VNTEMPLATE", "VNTEMPLATE_POOL", "onevntemplate show -x",
                OneVnTemplateXmlReader::template);
    }

    private static ImportedVnTemplate template(OneXmlStream s) throws XMLStreamException {
        OneXmlIdentity identity = new OneXmlIdentity(s);
        List<TemplateAttribute> body = new ArrayList<>();
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
                // OpenNebula keeps NAME out of TEMPLATE; one written there anyway is the top-level NAME's
                if (!a.name().equals("NAME")) {
                    body.add(a);
                }
            }
        }
        return new ImportedVnTemplate(identity.id(), identity.name(), identity.owner(), identity.permissionsOctal(),
                identity.lock(), new Template(body));
    }
}
