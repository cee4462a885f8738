package vnetdesk.template;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vnetdesk.model.LockLevel;
import vnetdesk.model.SyntaxException;
import vnetdesk.model.ValidationException;

/**
 * The hardened StAX stream under the OpenNebula XML readers: it refuses oversized input, any DTD
 * or entity and deep nesting, moves from element to element, reads leaf values, whole numbers and
 * the common {@code PERMISSIONS} and {@code LOCK} elements, and turns every failure into a
 * {@link SyntaxException} at the line and column where it happened.
 */
final class OneXmlStream implements AutoCloseable {

    private static final int[] START = {1, 1};

    /** PERMISSIONS children, highest bit first. */
    private static final List<String> PERMISSION_BITS = List.of("OWNER_U", "OWNER_M", "OWNER_A",
            "GROUP_U", "GROUP_M", "GROUP_A", "OTHER_U", "OTHER_M", "OTHER_A");

    /** OpenNebula's {@code LOCK/LOCKED} numbers 1 to 4; 0 means unlocked. */
    private static final List<LockLevel> LOCK_LEVELS = List.of(LockLevel.USE, LockLevel.MANAGE, LockLevel.ADMIN,
            LockLevel.ALL);

    private final String source;
    private final XMLStreamReader in;
    private int depth;

    private OneXmlStream(String source, XMLStreamReader in) {
        this.source = source;
        this.in = in;
    }

    /**
     * Opens the document after checking its size; a leading byte-order mark is skipped.
     *
     * @throws SyntaxException when the document is too large or its start cannot be parsed
     */
    static OneXmlStream open(String xml, String source) {
        checkSize(xml, source);
        // a byte-order mark left by a naive decoder is skipped
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        try {
            return new OneXmlStream(source, factory().createXMLStreamReader(new StringReader(text)));
        } catch (XMLStreamException e) {
            throw notWellFormed(source, e, START);
        } catch (RuntimeException e) {
            throw notWellFormed(source, e, START);
        }
    }

    private static void checkSize(String xml, String source) {
        long limit = OneXml.MAX_INPUT_BYTES;
        if (xml.length() > limit
                || ((long) xml.length() * 3 > limit && TemplateChars.utf8Length(xml, limit) > limit)) {
            throw new SyntaxException(source, 1, 1, "the XML is larger than 64 MiB (" + limit
                    + " bytes); refusing to read it");
        }
    }

    /** A StAX factory that reads no DTD, resolves no external entity and limits nesting. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        // OpenNebula's XML has no namespaces; a stray prefix is then just part of a name
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        optionalProperty(f, XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        optionalProperty(f, "jdk.xml.maxElementDepth", String.valueOf(OneXml.MAX_DEPTH + 1));
        return f;
    }

    /**
     * Sets a property the running StAX implementation may not know. The JDK's factory has
     * secure processing always on and rejects the feature name; the limits above do not depend
     * on it, the DTD ban and the depth check below are ours.
     */
    private static void optionalProperty(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException unsupported) {
            // not supported by this implementation
        }
    }

    // ---- navigation ------------------------------------------------------------------------

    /** The name of the element the stream is at. */
    String name() {
        return in.getLocalName();
    }

    /** The next event, with the DTD ban and the depth limit applied. */
    int next() throws XMLStreamException {
        int event = in.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                depth++;
                if (depth > OneXml.MAX_DEPTH) {
                    throw error(here(), "elements nested more than " + OneXml.MAX_DEPTH + " levels deep");
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.DTD -> throw error(here(), "a DOCTYPE declaration is not allowed"
                    + " (entities and external DTDs are refused)");
            case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                    throw error(here(), "entity references are not allowed");
            default -> {
                // text, comments, processing instructions, end of document
            }
        }
        return event;
    }

    /** Moves to the root element. */
    void toRoot() throws XMLStreamException {
        int event = in.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(here(), "no root element");
            }
            event = next();
        }
    }

    /** Reads to the end of the document: only comments and blanks may follow the root. */
    void toEnd() throws XMLStreamException {
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // comments and blanks after the root; anything else is a parse error
        }
    }

    /** Moves to the next child element of the current one: true there, false at the current one's end tag. */
    boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(here(), "unexpected end of the document");
            }
        }
    }

    /** Skips the current element and everything in it, without recursion. */
    void skip() throws XMLStreamException {
        int open = 1;
        while (open > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(here(), "unexpected end of the document");
            }
        }
    }

    // ---- values ----------------------------------------------------------------------------

    /**
     * The current {@code TEMPLATE} child as an OpenNebula template attribute, consuming it up to its
     * end tag: a single value, or — when it has child elements — a vector of their (upper-case)
     * names and texts in order. OpenNebula keeps a vector as a map, so a key given twice keeps its
     * first place and its last value; its templates nest no deeper, so an entry holding elements is
     * skipped. A name templates cannot hold is an error.
     */
    TemplateAttribute templateAttribute() throws XMLStreamException {
        int[] at = here();
        String name = name().toUpperCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        Map<String, String> entries = null;
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String key = name().toUpperCase(Locale.ROOT);
                String value = text();
                entries = entries == null ? new LinkedHashMap<>() : entries;
                if (value != null) {
                    entries.put(key, value);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(here(), "unexpected end of the document");
            } else if (entries == null && (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                text.append(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
            }
        }
        if (entries == null) {
            return attribute(at, () -> new TemplateAttribute.Single(name, text.toString()));
        }
        List<TemplateAttribute.Single> singles = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            singles.add(attribute(at, () -> new TemplateAttribute.Single(e.getKey(), e.getValue())));
        }
        return attribute(at, () -> new TemplateAttribute.Vector(name, singles));
    }

    /** Builds a template attribute, giving a refusal the element's position. */
    private <T extends TemplateAttribute> T attribute(int[] at, Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            throw error(at, e.getMessage());
        }
    }

    /**
     * The text of the current element, consuming it up to its end tag; {@code null} when it
     * has child elements (an OpenNebula vector), which are skipped.
     */
    String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean nested = false;
        int open = 1;
        while (open > 0) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!nested) {
                        text.append(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    nested = true;
                    open++;
                }
                case XMLStreamConstants.END_ELEMENT -> open--;
                case XMLStreamConstants.END_DOCUMENT -> throw error(here(), "unexpected end of the document");
                default -> {
                    // comments and processing instructions inside a value are ignored
                }
            }
        }
        return nested ? null : text.toString();
    }

    /** A leaf's text without surrounding blanks; empty (or nested elements) → absent. */
    Optional<String> value() throws XMLStreamException {
        String v = text();
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The current element as a whole number of at least {@code min}; {@code at} is where it starts. */
    int integer(String name, int[] at, int min) throws XMLStreamException {
        String v = text();
        if (v == null) {
            throw error(at, "<" + name + "> must be a whole number, found nested elements");
        }
        return parseInteger(name, v, at, min);
    }

    int parseInteger(String name, String v, int[] at, int min) {
        String t = v.strip();
        boolean digits = !t.isEmpty() && t.length() <= 11;
        for (int i = 0; i < t.length() && digits; i++) {
            char c = t.charAt(i);
            digits = (c >= '0' && c <= '9') || (i == 0 && c == '-' && t.length() > 1);
        }
        long n = digits ? Long.parseLong(t) : Long.MIN_VALUE;
        if (n < min || n > Integer.MAX_VALUE) {
            String expected = min < 0 ? "a whole number, " + min + " or more" : "a whole number, 0 or more";
            throw error(at, "<" + name + "> must be " + expected + ", found " + shown(v));
        }
        return (int) n;
    }

    /** The current {@code PERMISSIONS} element as three octal digits such as {@code 640}; each bit must be 0 or 1. */
    String permissionsOctal() throws XMLStreamException {
        int bits = 0;
        while (nextChild()) {
            String name = name();
            int bit = PERMISSION_BITS.indexOf(name);
            if (bit < 0) {
                skip();
                continue;
            }
            int[] at = here();
            String v = text();
            String t = v == null ? null : v.strip();
            if ("1".equals(t)) {
                bits |= 1 << (8 - bit);
            } else if (!"0".equals(t)) {
                throw error(at, "<" + name + "> must be 0 or 1, found " + shown(v));
            }
        }
        return String.format("%03o", bits);
    }

    /** The current {@code LOCK} element: {@code LOCKED} 1 USE, 2 MANAGE, 3 ADMIN, 4 ALL; 0 (or none) is no lock. */
    Optional<LockLevel> lockLevel() throws XMLStreamException {
        Optional<LockLevel> level = Optional.empty();
        while (nextChild()) {
            if (!name().equals("LOCKED")) {
                skip();
                continue;
            }
            int[] at = here();
            int n = integer("LOCKED", at, 0);
            if (n > LOCK_LEVELS.size()) {
                throw error(at, "<LOCKED> must be 0 (not locked), 1 (USE), 2 (MANAGE), 3 (ADMIN) or 4 (ALL),"
                        + " found " + n);
            }
            level = n == 0 ? Optional.empty() : Optional.of(LOCK_LEVELS.get(n - 1));
        }
        return level;
    }

    static String shown(String v) {
        return "\"" + ValidationException.printable(v) + "\"";
    }

    // ---- errors ----------------------------------------------------------------------------

    /** Line and column of the parser's position (just after the current event), at least 1. */
    int[] here() {
        Location l = in.getLocation();
        return l == null ? new int[] {1, 1} : position(l);
    }

    private static int[] position(Location l) {
        return new int[] {Math.max(1, l.getLineNumber()), Math.max(1, l.getColumnNumber())};
    }

    SyntaxException error(int[] at, String message) {
        return new SyntaxException(source, at[0], at[1], message);
    }

    SyntaxException notWellFormed(XMLStreamException e) {
        return notWellFormed(source, e, here());
    }

    /** A failure the JDK parser reported with an unchecked exception instead of a stream error. */
    SyntaxException notWellFormed(RuntimeException e) {
        return notWellFormed(source, e, here());
    }

    private static SyntaxException notWellFormed(String source, XMLStreamException e, int[] fallback) {
        int[] at = e.getLocation() != null ? position(e.getLocation()) : fallback;
        String message = e.getMessage() == null ? "" : e.getMessage();
        int cut = message.indexOf("Message: ");
        if (cut >= 0) {
            message = message.substring(cut + "Message: ".length());
        }
        message = message.strip();
        return new SyntaxException(source, at[0], at[1], "not well-formed XML: "
                + (message.isEmpty() ? "cannot parse" : message));
    }

    private static SyntaxException notWellFormed(String source, RuntimeException e, int[] at) {
        return new SyntaxException(source, at[0], at[1], "not well-formed XML: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (XMLStreamException | RuntimeException ignored) {
            // nothing to release for a string source
        }
    }
}
