package vnetdesk.template;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Validates security-group documents against {@code security_group.xsd} or
 * {@code security_group_pool.xsd} with the one departure OpenNebula's own output
 * makes taken out first: a {@code RULE} carries IP, SIZE, NETWORK_ID, RANGE,
 * ICMP_TYPE and ICMPV6_TYPE, which the schema does not list (see the reference
 * README and docs/decisions.md). Everything else must validate as written.
 */
public final class SecurityGroupSchemas {

    /** RULE elements OpenNebula writes that {@code security_group.xsd} does not list. */
    public static final Set<String> RULE_EXTRAS = Set.of("IP", "SIZE", "NETWORK_ID", "RANGE", "ICMP_TYPE",
            "ICMPV6_TYPE");

    private SecurityGroupSchemas() {
    }

    /** Validates {@code xml} against {@code xsd} after taking out the RULE elements the schema does not list. */
    public static void validate(String xsd, String xml) throws Exception {
        OpenNebulaSchemas.validate(xsd, withoutRuleExtras(xml));
    }

    /** The document without the {@link #RULE_EXTRAS} children of its RULE elements. */
    static String withoutRuleExtras(String xml) throws Exception {
        Document d = OneXmlWriteTest.dom(xml);
        NodeList rules = d.getElementsByTagName("RULE");
        for (int i = 0; i < rules.getLength(); i++) {
            List<Node> extras = new ArrayList<>();
            for (Node c = rules.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && RULE_EXTRAS.contains(e.getTagName())) {
                    extras.add(c);
                }
            }
            extras.forEach(n -> n.getParentNode().removeChild(n));
        }
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(d), new StreamResult(out));
        return out.toString();
    }
}
