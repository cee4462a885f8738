package vnetdesk.service.interchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;
import vnetdesk.service.NetworkTemplateService;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.SecurityGroupCodec;
import vnetdesk.template.ImportedNetwork;
import vnetdesk.template.ImportedSecurityGroup;
import vnetdesk.template.ImportedVnTemplate;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.template.TemplateParser;
import vnetdesk.template.TemplateWriter;

/**
 * A security group or network template of an imported document, checked and in the form the
 * inventory stores it, with how it compares with a stored object of the same id. Its content is
 * what it does: a group's rules (as a set: allow rules add up in any order), a template's
 * attributes and vectors (in OpenNebula's alphabetical order); DESCRIPTION is not content, so
 * OpenNebula's own {@code default} group (described in other words) matches vnetdesk's.
 *
 * @param label           how messages name it: the file, the kind, the file's id (or position) and name
 * @param noun            the kind as messages name it: {@code security group} or {@code network template}
 * @param body            the stored body (a group's JSON, a template's text)
 * @param clusters        the clusters its create right is checked against (a template's CLUSTER_IDS)
 * @param sameContent     whether a stored object has this content
 * @param sameDescription whether a stored object has this DESCRIPTION
 */
record ImportedObject(String label, String noun, Optional<Integer> id, String name,
                      Optional<ImportedNetwork.Owner> owner, Optional<String> permissionsOctal,
                      Optional<LockLevel> lock, String body, List<Integer> clusters, Predicate<Row> sameContent,
                      Predicate<Row> sameDescription) {

    ImportedObject {
        Objects.requireNonNull(label, "label");
        clusters = List.copyOf(clusters);
    }

    /** Whether the stored object of the same id is this one: same name and content. */
    boolean samePresent(Row stored) {
        return stored.name().equals(name) && sameContent.test(stored);
    }

    /** The note for an object skipped as already present. */
    String presentNote(Row stored) {
        return noun + " " + stored.id() + ":" + ValidationException.printable(name) + " already present, unchanged"
                + (sameDescription.test(stored) ? "" : " (its DESCRIPTION differs from the file's; this inventory's"
                + " is kept)");
    }

    /** The groups, each checked as {@code secgroup create} checks one; errors name the group. */
    static List<ImportedObject> securityGroups(List<ImportedSecurityGroup> read, String source) {
        List<ImportedObject> out = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            ImportedSecurityGroup g = read.get(i);
            String label = label(source, "security group", g.id().isPresent() ? g.id().getAsInt() : -1, i, g.name());
            out.add(ErrorContext.in(label, () -> {
                String name = NetworkAttributes.checkName("NAME", g.name());
                String description = g.description().orElse("");
                NetworkAttributes.checkText("DESCRIPTION", description, NetworkAttributes.MAX_TEXT_LENGTH);
                List<SecurityRule> rules = new ArrayList<>();
                for (Map<String, String> rule : g.rules()) {
                    try {
                        rules.add(SecurityRule.parse(rule));
                    } catch (ValidationException e) {
                        throw new ValidationException(e.field().orElse("RULE"), "RULE " + (rules.size() + 1) + ": "
                                + e.getMessage());
                    }
                }
                Set<SecurityRule> ruleSet = new HashSet<>(rules);
                return new ImportedObject(label, "security group", id(g.id()), name, g.owner(), g.permissionsOctal(),
                        Optional.empty(), SecurityGroupCodec.encode(description, rules), List.of(),
                        row -> new HashSet<>(SecurityGroupCodec.decode(row).rules()).equals(ruleSet),
                        row -> SecurityGroupCodec.decode(row).description().equals(description));
            }));
        }
        return out;
    }

    /** Notes for the TEMPLATE elements of groups that a security group cannot hold. */
    static List<String> ignoredElements(List<ImportedSecurityGroup> read, String source) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            ImportedSecurityGroup g = read.get(i);
            String label = label(source, "security group", g.id().isPresent() ? g.id().getAsInt() : -1, i, g.name());
            for (String element : g.ignored()) {
                notes.add(label + ": TEMPLATE/" + element + " is not kept (a security group holds DESCRIPTION and"
                        + " RULE only)");
            }
        }
        return notes;
    }

    /** The templates, each checked as {@code vntemplate create} checks one; errors name the template. */
    static List<ImportedObject> networkTemplates(List<ImportedVnTemplate> read, String source) {
        List<ImportedObject> out = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            ImportedVnTemplate t = read.get(i);
            String label = label(source, "network template", t.id().isPresent() ? t.id().getAsInt() : -1, i,
                    t.name());
            out.add(ErrorContext.in(label, () -> {
                String name = NetworkAttributes.checkName("NAME", t.name());
                Template body = t.body();
                NetworkTemplateService.check(body);
                Map<String, String> singles = new LinkedHashMap<>();
                body.singles().forEach(s -> singles.put(s.name(), s.value()));
                List<TemplateAttribute> content = content(body);
                Optional<String> description = body.single("DESCRIPTION");
                return new ImportedObject(label, "network template", id(t.id()), name, t.owner(),
                        t.permissionsOctal(), t.lock(), TemplateWriter.write(body),
                        NetworkAttributes.clusterIds(singles),
                        row -> content(stored(row)).equals(content),
                        row -> stored(row).single("DESCRIPTION").equals(description));
            }));
        }
        return out;
    }

    private static Template stored(Row row) {
        return TemplateParser.parse(row.body(), "network template " + row.id());
    }

    /** A template's attributes but DESCRIPTION, sorted by name as OpenNebula writes them (vector entries too). */
    private static List<TemplateAttribute> content(Template t) {
        List<TemplateAttribute> out = new ArrayList<>();
        for (TemplateAttribute a : t.without("DESCRIPTION").attributes()) {
            if (a instanceof TemplateAttribute.Vector v) {
                List<TemplateAttribute.Single> entries = new ArrayList<>(v.entries());
                entries.sort(Comparator.comparing(TemplateAttribute.Single::name));
                out.add(new TemplateAttribute.Vector(v.name(), entries));
            } else {
                out.add(a);
            }
        }
        out.sort(Comparator.comparing(TemplateAttribute::name));
        return out;
    }

    private static Optional<Integer> id(java.util.OptionalInt id) {
        return id.isPresent() ? Optional.of(id.getAsInt()) : Optional.empty();
    }

    private static String label(String source, String noun, int id, int position, String name) {
        return source + ": " + noun + " " + (id >= 0 ? Integer.toString(id) : "#" + (position + 1))
                + (name.isEmpty() ? "" : ":" + ValidationException.printable(name));
    }
}
