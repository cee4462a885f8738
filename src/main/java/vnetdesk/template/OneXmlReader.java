package vnetdesk.template;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vnetdesk.model.SyntaxException;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;

/**
 * Reads {@code onevnet show -x} / {@code onevnet list -x} XML into {@link ImportedNetwork}s;
 * see {@link OneXml#read}. A single forward pass over a StAX stream: no DTD, no entity
 * other than the five predefined ones, a bounded element depth, so the time is linear in
 * the input and hostile documents fail early.
 */
final class OneXmlReader {

    /**
     * AR children that OpenNebula computes (or that are read separately): never AR attributes.
     * ALLOCATED is OpenNebula's internal lease bitmap, as long as the AR is big.
     */
    private static final Set<String> AR_COMPUTED = Set.of("AR_ID", "MAC_END", "IP_END", "IP6_GLOBAL",
            "IP6_GLOBAL_END", "IP6_ULA", "IP6_ULA_END", "IP6_END", "USED_LEASES", "LEASES", "ALLOCATED");

    /** PERMISSIONS children, highest bit first. */
    private static final List<String> PERMISSION_BITS = List.of("OWNER_U", "OWNER_M", "OWNER_A",
            "GROUP_U", "GROUP_M", "GROUP_A", "OTHER_U", "OTHER_M", "OTHER_A");

    private final String xml;
    private final String source;
    private XMLStreamReader in;
    private int depth;

    private OneXmlReader(String xml, String source) {
        this.xml = xml;
        this.source = source;
    }

    static List<ImportedNetwork> read(String xml, String source, boolean poolAllowed) {
        return new OneXmlReader(xml, source).run(poolAllowed);
    }

    private List<ImportedNetwork> run(boolean poolAllowed) {
        checkSize();
        try {
            // a byte-order mark left by a naive decoder is skipped
            String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
            in = factory().createXMLStreamReader(new StringReader(text));
            List<ImportedNetwork> networks = new ArrayList<>();
            toRoot();
            String root = in.getLocalName();
            if (root.equals("VNET")) {
                networks.add(network());
            } else if (root.equals("VNET_POOL") && poolAllowed) {
                while (nextChild()) {
                    if (in.getLocalName().equals("VNET")) {
                        networks.add(network());
                    } else {
                        skip();
                    }
                }
            } else if (root.equals("VNET_POOL")) {
                throw error(here(), "the root element is <VNET_POOL> (a list of networks); expected a single"
                        + " <VNET> as printed by onevnet show -x");
            } else {
                throw error(here(), "the root element is <" + root + ">; expected <VNET>"
                        + (poolAllowed ? " or <VNET_POOL>" : "") + " as printed by onevnet show -x");
            }
            while (next() != XMLStreamConstants.END_DOCUMENT) {
                // comments and blanks after the root; anything else is a parse error
            }
            return networks;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } catch (VnetException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input with unchecked exceptions
            throw error(here(), "not well-formed XML: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } finally {
            close();
        }
    }

    private void checkSize() {
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

    // ---- the network structure ------------------------------------------------------------

    private ImportedNetwork network() throws XMLStreamException {
        OptionalInt id = OptionalInt.empty();
        Map<String, String> top = new LinkedHashMap<>();
        Map<String, String> template = new LinkedHashMap<>();
        boolean automaticVlan = false;
        Optional<String> permissions = Optional.empty();
        OptionalInt parent = OptionalInt.empty();
        List<ImportedAr> ranges = new ArrayList<>();
        while (nextChild()) {
            String name = in.getLocalName();
            int[] at = here();
            switch (name) {
                case "ID" -> id = OptionalInt.of(integer(name, at, 0));
                case "NAME", "VN_MAD", "BRIDGE", "PHYDEV", "VLAN_ID" -> {
                    String v = text();
                    if (v != null && !v.isBlank()) {
                        top.put(name, v);
                    }
                }
                case "VLAN_ID_AUTOMATIC" -> {
                    String v = text();
                    automaticVlan = v != null && v.strip().equals("1");
                }
                case "PERMISSIONS" -> permissions = Optional.of(permissions());
                case "PARENT_NETWORK_ID" -> parent = parentId(at);
                case "TEMPLATE" -> template(template);
                case "AR_POOL" -> {
                    while (nextChild()) {
                        if (in.getLocalName().equals("AR")) {
                            ranges.add(addressRange());
                        } else {
                            skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        if (automaticVlan) {
            // the id was picked from the source cloud's pool; the importing side picks its own
            top.remove("VLAN_ID");
            template.remove("VLAN_ID");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (top.containsKey("NAME")) {
            attributes.put("NAME", top.get("NAME"));
        }
        template.forEach((k, v) -> attributes.put(k, top.getOrDefault(k, v)));
        top.forEach(attributes::putIfAbsent);
        if (automaticVlan) {
            attributes.put("AUTOMATIC_VLAN_ID", "YES");
        }
        return new ImportedNetwork(id, attributes.getOrDefault("NAME", ""), attributes, permissions, parent,
                ranges);
    }

    private String permissions() throws XMLStreamException {
        int bits = 0;
        while (nextChild()) {
            String name = in.getLocalName();
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

    private OptionalInt parentId(int[] at) throws XMLStreamException {
        String v = text();
        if (v == null) {
            throw error(at, "<PARENT_NETWORK_ID> must be a network id or empty, found nested elements");
        }
        String t = v.strip();
        if (t.isEmpty() || t.equals("-1")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(parseInteger("PARENT_NETWORK_ID", v, at, 0));
    }

    /** TEMPLATE children: single values are kept, vectors (nested elements) are skipped. */
    private void template(Map<String, String> into) throws XMLStreamException {
        while (nextChild()) {
            String name = in.getLocalName().toUpperCase(Locale.ROOT);
            String v = text();
            if (v != null) {
                into.put(name, v);
            }
        }
    }

    private ImportedAr addressRange() throws XMLStreamException {
        OptionalInt arId = OptionalInt.empty();
        Map<String, String> attributes = new LinkedHashMap<>();
        List<ImportedLease> leases = new ArrayList<>();
        while (nextChild()) {
            String name = in.getLocalName();
            String key = name.toUpperCase(Locale.ROOT);
            if (name.equals("AR_ID")) {
                arId = OptionalInt.of(integer(name, here(), 0));
            } else if (name.equals("LEASES")) {
                while (nextChild()) {
                    if (in.getLocalName().equals("LEASE")) {
                        leases.add(lease());
                    } else {
                        skip();
                    }
                }
            } else if (AR_COMPUTED.contains(key)) {
                skip();
            } else {
                String v = text();
                if (v != null) {
                    attributes.put(key, v);
                }
            }
        }
        return new ImportedAr(arId, attributes, leases);
    }

    private ImportedLease lease() throws XMLStreamException {
        int[] leaseAt = here();
        Optional<String> ip = Optional.empty();
        Optional<String> ip6 = Optional.empty();
        Optional<String> ip6Global = Optional.empty();
        Optional<String> ip6Ula = Optional.empty();
        Optional<String> mac = Optional.empty();
        Optional<String> nicName = Optional.empty();
        Optional<String> virtualRouter = Optional.empty();
        String ownerElement = null;
        int ownerId = 0;
        while (nextChild()) {
            String name = in.getLocalName();
            int[] at = here();
            switch (name) {
                case "IP" -> ip = value();
                case "IP6" -> ip6 = value();
                case "IP6_GLOBAL" -> ip6Global = value();
                case "IP6_ULA" -> ip6Ula = value();
                case "MAC" -> mac = value();
                case "NIC_NAME" -> nicName = value();
                case "VROUTER" -> virtualRouter = value();
                case "VM", "VNET" -> {
                    if (ownerElement != null) {
                        throw error(at, "<LEASE> has both <" + ownerElement + "> and <" + name + ">; a lease has"
                                + " exactly one owner: <VM> (a VM id, or -1 for a hold) or <VNET> (a reservation)");
                    }
                    ownerElement = name;
                    ownerId = name.equals("VM") ? integer(name, at, -1) : integer(name, at, 0);
                }
                default -> skip();
            }
        }
        if (ownerElement == null) {
            if (virtualRouter.isPresent()) {
                throw error(leaseAt, "<LEASE> is used by virtual router " + virtualRouter.get()
                        + "; vnetdesk has no virtual routers (hold or release that address before exporting)");
            }
            throw error(leaseAt, "<LEASE> has no owner; expected <VM> (a VM id, or -1 for a hold) or <VNET>"
                    + " (a reservation)");
        }
        ImportedOwner owner;
        if (ownerElement.equals("VNET")) {
            owner = new ImportedOwner.Vnet(ownerId);
        } else if (ownerId == -1) {
            owner = new ImportedOwner.Hold();
        } else {
            owner = new ImportedOwner.Vm(ownerId, nicName.map(OneXmlReader::nicIndex).orElse(0));
        }
        Optional<String> anyIp6 = ip6.isPresent() ? ip6 : ip6Global.isPresent() ? ip6Global : ip6Ula;
        return new ImportedLease(ip, anyIp6, mac, owner);
    }

    /** {@code NIC3} → 3; anything else (a user-chosen NIC name) → 0. */
    private static int nicIndex(String nicName) {
        if (nicName.length() < 4 || nicName.length() > 13 || !nicName.startsWith("NIC")) {
            return 0;
        }
        for (int i = 3; i < nicName.length(); i++) {
            if (nicName.charAt(i) < '0' || nicName.charAt(i) > '9') {
                return 0;
            }
        }
        long n = Long.parseLong(nicName.substring(3));
        return n > Integer.MAX_VALUE ? 0 : (int) n;
    }

    // ---- values ----------------------------------------------------------------------------

    /** A leaf's text without surrounding blanks; empty (or nested elements) → absent. */
    private Optional<String> value() throws XMLStreamException {
        String v = text();
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private int integer(String name, int[] at, int min) throws XMLStreamException {
        String v = text();
        if (v == null) {
            throw error(at, "<" + name + "> must be a whole number, found nested elements");
        }
        return parseInteger(name, v, at, min);
    }

    private int parseInteger(String name, String v, int[] at, int min) {
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

    private static String shown(String v) {
        return "\"" + ValidationException.printable(v) + "\"";
    }

    // ---- stream navigation -----------------------------------------------------------------

    /** The next event, with the DTD ban and the depth limit applied. */
    private int next() throws XMLStreamException {
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
    private void toRoot() throws XMLStreamException {
        int event = in.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(here(), "no root element");
            }
            event = next();
        }
    }

    /** Moves to the next child element of the current one: true there, false at the current one's end tag. */
    private boolean nextChild() throws XMLStreamException {
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
    private void skip() throws XMLStreamException {
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

    /**
     * The text of the current element, consuming it up to its end tag; {@code null} when it
     * has child elements (an OpenNebula vector), which are skipped.
     */
    private String text() throws XMLStreamException {
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

    // ---- errors ----------------------------------------------------------------------------

    /** Line and column of the parser's position (just after the current event), at least 1. */
    private int[] here() {
        Location l = in == null ? null : in.getLocation();
        return l == null ? new int[] {1, 1} : position(l);
    }

    private static int[] position(Location l) {
        return new int[] {Math.max(1, l.getLineNumber()), Math.max(1, l.getColumnNumber())};
    }

    private SyntaxException error(int[] at, String message) {
        return new SyntaxException(source, at[0], at[1], message);
    }

    private SyntaxException notWellFormed(XMLStreamException e) {
        int[] at = e.getLocation() != null ? position(e.getLocation()) : here();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int cut = message.indexOf("Message: ");
        if (cut >= 0) {
            message = message.substring(cut + "Message: ".length());
        }
        message = message.strip();
        return error(at, "not well-formed XML: " + (message.isEmpty() ? "cannot parse" : message));
    }

    private void close() {
        if (in != null) {
            try {
                in.close();
            } catch (XMLStreamException | RuntimeException ignored) {
                // nothing to release for a string source
            }
        }
    }
}
