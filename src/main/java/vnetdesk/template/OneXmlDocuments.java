package vnetdesk.template;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import vnetdesk.model.VnetException;

/**
 * Reads OpenNebula documents of one object or a pool of them (a security group or a network
 * template, with their {@code *_POOL}) over a hardened {@link OneXmlStream}, and tells a
 * document's kind by its root element so an import can choose its reader.
 */
public final class OneXmlDocuments {

    /** Reads one object element, the stream at its start tag, up to its end tag. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(OneXmlStream s) throws XMLStreamException;
    }

    private OneXmlDocuments() {
    }

    /**
     * The name of the document's root element, read with the same limits as the readers.
     *
     * @throws vnetdesk.model.SyntaxException when the document does not parse up to its root
     */
    public static String rootElement(String xml, String source) {
        try (OneXmlStream s = OneXmlStream.open(xml, source)) {
            try {
                s.toRoot();
                return s.name();
            } catch (XMLStreamException e) {
                throw s.notWellFormed(e);
            } catch (VnetException e) {
                throw e;
            } catch (RuntimeException e) {
                throw s.notWellFormed(e);
            }
        }
    }

    /**
     * The objects of a document whose root is {@code single} (one object) or {@code pool} (its
     * {@code single} children, other children skipped); {@code printedBy} names the command
     * that prints such a document, for the error about another root.
     */
    static <T> List<T> read(String xml, String source, String single, String pool, String printedBy,
                            ObjectReader<T> reader) {
        try (OneXmlStream s = OneXmlStream.open(xml, source)) {
            try {
                s.toRoot();
                String root = s.name();
                List<T> out = new ArrayList<>();
                if (root.equals(single)) {
                    out.add(reader.read(s));
                } else if (root.equals(pool)) {
                    while (s.nextChild()) {
                        if (s.name().equals(single)) {
                            out.add(reader.read(s));
                        } else {
                            s.skip();
                        }
                    }
                } else {
                    throw s.error(s.here(), "the root element is <" + root + ">; expected <" + single + "> or <"
                            + pool + "> as printed by " + printedBy);
                }
                s.toEnd();
                return out;
            } catch (XMLStreamException e) {
                throw s.notWellFormed(e);
            } catch (VnetException e) {
                throw e;
            } catch (RuntimeException e) {
                // the JDK parser reports some malformed input with unchecked exceptions
                throw s.notWellFormed(e);
            }
        }
    }
}
