package vnetdesk.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;

/**
 * Writes network templates as OpenNebula prints them: {@code onevntemplate show -x}
 * (one {@code <VNTEMPLATE>}, {@code vntemplate.xsd}) and {@code onevntemplate list -x}
 * (a {@code <VNTEMPLATE_POOL>}).
 *
 * <p>Elements in the schema's order: identity, {@code LOCK} when locked,
 * {@code PERMISSIONS}, {@code REGTIME}, and a {@code TEMPLATE} holding the
 * template's attributes without NAME (OpenNebula moves NAME out of the template
 * too). Attributes come in alphabetical order, and so do the entries of each
 * vector ({@code AR}s included), as OpenNebula's templates write them; attributes
 * of the same name keep their order.
 */
public final class OneVnTemplateXml {

    /**
     * A template with what the document needs beside it.
     *
     * @param ownerName the owner's user name ({@code UNAME})
     * @param groupName the owning group's name ({@code GNAME})
     * @param regtime   the registration time in seconds since the epoch ({@code REGTIME})
     * @param body      the template's attributes, without NAME
     */
    public record Entry(int id, String name, Ownership ownership, Optional<LockLevel> lock, long regtime,
                        String ownerName, String groupName, Template body) {

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ownership, "ownership");
            Objects.requireNonNull(lock, "lock");
            Objects.requireNonNull(ownerName, "ownerName");
            Objects.requireNonNull(groupName, "groupName");
            Objects.requireNonNull(body, "body");
        }
    }

    private static final Comparator<TemplateAttribute> BY_NAME = Comparator.comparing(TemplateAttribute::name);

    private OneVnTemplateXml() {
    }

    /**
     * The template as {@code onevntemplate show -x} XML, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return OneXmlOut.render("network template", out -> template(out, entry));
    }

    /**
     * Templates as {@code onevntemplate list -x} XML: a {@code <VNTEMPLATE_POOL>} with one
     * {@code <VNTEMPLATE>} per template, as {@link #write} shapes it, in the given order.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<Entry> entries) {
        List<Entry> all = List.copyOf(entries);
        return OneXmlOut.render("network template", out -> {
            out.open("VNTEMPLATE_POOL");
            for (Entry e : all) {
                template(out, e);
            }
            out.close();
        });
    }

    /**
     * Reads {@code onevntemplate show -x} (one {@code VNTEMPLATE}) or {@code onevntemplate list -x} (a
     * {@code VNTEMPLATE_POOL}) XML, as {@link #write} and {@link #writePool} print it.
     *
     * @throws vnetdesk.model.SyntaxException naming the line and column of what cannot be read
     */
    public static List<ImportedVnTemplate> readAll(String xml, String source) {
        return OneVnTemplateXmlReader.read(Objects.requireNonNull(xml, "xml"), Objects.requireNonNull(source,
                "source"));
    }

    private static void template(OneXmlOut out, Entry e) throws XMLStreamException {
        out.open("VNTEMPLATE");
        out.leaf("ID", e.id());
        out.leaf("UID", e.ownership().uid());
        out.leaf("GID", e.ownership().gid());
        out.leaf("UNAME", e.ownerName());
        out.leaf("GNAME", e.groupName());
        out.leaf("NAME", e.name());
        out.lock(e.lock());
        out.permissions(e.ownership().permissions());
        out.leaf("REGTIME", e.regtime());
        out.open("TEMPLATE");
        List<TemplateAttribute> attributes = new ArrayList<>(e.body().attributes());
        attributes.sort(BY_NAME);
        for (TemplateAttribute a : attributes) {
            if (a instanceof TemplateAttribute.Single s) {
                out.leaf(s.name(), s.value());
            } else if (a instanceof TemplateAttribute.Vector v) {
                out.open(v.name());
                List<TemplateAttribute.Single> entries = new ArrayList<>(v.entries());
                entries.sort(BY_NAME);
                for (TemplateAttribute.Single s : entries) {
                    out.leaf(s.name(), s.value());
                }
                out.close();
            }
        }
        out.close();
        out.close();
    }
}
