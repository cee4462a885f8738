package vnetdesk.template;

import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Permissions;

/**
 * The indented StAX output the OpenNebula XML writers share: one element per
 * line, two spaces per level, text escaped by StAX (no CDATA), and the common
 * elements of {@code shared.xsd} ({@code PERMISSIONS}, {@code LOCK}). A value
 * XML 1.0 cannot carry is refused, so every document is well-formed.
 */
final class OneXmlOut {

    private static final String INDENT = "  ";

    private final XMLStreamWriter out;
    /** One entry per open element, innermost first: whether it has child elements yet. */
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();

    private OneXmlOut(XMLStreamWriter out) {
        this.out = out;
    }

    /** What one document holds, written through a fresh output. */
    @FunctionalInterface
    interface Body {
        void writeTo(OneXmlOut out) throws XMLStreamException;
    }

    /**
     * The document {@code body} writes, without an XML declaration, ending with a newline.
     *
     * @param what names the document in the (never expected) error of the JDK writer
     */
    static String render(String what, Body body) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
            try {
                body.writeTo(new OneXmlOut(xml));
                xml.writeCharacters("\n");
                xml.flush();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // writing to a StringWriter does no I/O; this would be a JDK defect
            throw new IllegalStateException("cannot write " + what + " XML: " + e.getMessage(), e);
        }
        return buffer.toString();
    }

    void open(String name) throws XMLStreamException {
        newline();
        out.writeStartElement(name);
        hasChildren.push(Boolean.FALSE);
    }

    void close() throws XMLStreamException {
        if (hasChildren.pop()) {
            out.writeCharacters("\n" + INDENT.repeat(hasChildren.size()));
        }
        out.writeEndElement();
    }

    /** An element without content, written as a start and an end tag. */
    void empty(String name) throws XMLStreamException {
        open(name);
        close();
    }

    void leaf(String name, long value) throws XMLStreamException {
        leaf(name, Long.toString(value));
    }

    void optional(String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            leaf(name, value.get());
        }
    }

    void leaf(String name, String value) throws XMLStreamException {
        checkXmlText(name, value);
        newline();
        out.writeStartElement(name);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    /** {@code PERMISSIONS} with its nine bits, OWNER_U first. */
    void permissions(Permissions p) throws XMLStreamException {
        open("PERMISSIONS");
        for (Permissions.Who who : Permissions.Who.values()) {
            for (Permissions.Right right : Permissions.Right.values()) {
                leaf(who.name() + "_" + right.name().charAt(0), p.has(who, right) ? "1" : "0");
            }
        }
        close();
    }

    /** {@code LOCK/LOCKED} (1 USE, 2 MANAGE, 3 ADMIN, 4 ALL) when locked; nothing when not. */
    void lock(Optional<LockLevel> level) throws XMLStreamException {
        if (level.isPresent()) {
            open("LOCK");
            leaf("LOCKED", lockNumber(level.get()));
            close();
        }
    }

    private static int lockNumber(LockLevel level) {
        return switch (level) {
            case USE -> 1;
            case MANAGE -> 2;
            case ADMIN -> 3;
            case ALL -> 4;
        };
    }

    /** Starts a new line for a child of the open element, indented by its depth. */
    private void newline() throws XMLStreamException {
        if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(Boolean.TRUE);
            out.writeCharacters("\n" + INDENT.repeat(hasChildren.size()));
        }
    }

    /** Refuses text that XML 1.0 cannot carry, so the output is always well-formed. */
    static void checkXmlText(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": no value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                ok = true;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok) {
                throw new IllegalArgumentException(name + ": the value contains a character that XML 1.0 cannot"
                        + " represent (U+" + String.format("%04X", (int) c) + " at position " + i + ")");
            }
        }
    }
}
