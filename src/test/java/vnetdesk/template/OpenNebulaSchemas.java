package vnetdesk.template;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Assumptions;

/**
 * Validates documents against OpenNebula's published schemas, which are
 * reference data beside the project ({@code ../shared/reference/opennebula/xsd}),
 * not part of it: a test that needs them is skipped, with the reason printed,
 * when that folder is absent. OpenNebula's output carries no namespace, so the
 * schema's namespace is added to the root element first (as the reference
 * folder's README says).
 */
public final class OpenNebulaSchemas {

    static final Path FOLDER = Path.of("..", "shared", "reference", "opennebula", "xsd");

    private static final String NAMESPACE = "http://opennebula.org/XMLSchema";

    private OpenNebulaSchemas() {
    }

    /**
     * Validates {@code xml} against {@code xsd} (a file of the folder, e.g. {@code vm.xsd}).
     *
     * @throws org.xml.sax.SAXException naming the line and the element at fault
     */
    public static void validate(String xsd, String xml) throws Exception {
        Path file = require(xsd);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(file.toFile());
        schema.newValidator().validate(new StreamSource(new StringReader(withNamespace(xml))));
    }

    /** The schema file; the calling test is skipped, with the reason printed, when it is not there. */
    public static Path require(String xsd) {
        Path file = FOLDER.resolve(xsd);
        if (!Files.isRegularFile(file)) {
            String reason = "OpenNebula's " + xsd + " is not at " + file.toAbsolutePath().normalize()
                    + " (reference data beside the project); XML schema validation skipped";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return file;
    }

    /** The document with the schema's namespace on its root element. */
    static String withNamespace(String xml) {
        int start = xml.indexOf('<');
        int end = xml.indexOf('>', start);
        boolean selfClosing = xml.charAt(end - 1) == '/';
        int at = selfClosing ? end - 1 : end;
        return xml.substring(0, at) + " xmlns=\"" + NAMESPACE + "\"" + xml.substring(at);
    }
}
