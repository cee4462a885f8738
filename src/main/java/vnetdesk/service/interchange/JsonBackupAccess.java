package vnetdesk.service.interchange;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import vnetdesk.model.AclRule;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;
import vnetdesk.service.NetworkTemplateService;
import vnetdesk.service.UserService;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.store.AclRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.SecurityGroupCodec;
import vnetdesk.store.UserRepository;
import vnetdesk.store.UserRepository.UserRow;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;
import vnetdesk.template.TemplateWriter;

/**
 * The {@code access} section of a whole-inventory JSON backup: groups, users,
 * ACL rules, security groups and network templates. Written from the store,
 * read back with every value checked by the same rules as user input (errors
 * name the place, e.g. {@code access.securityGroups[1].rules[0]}).
 *
 * <pre>
 * "access": {"groups": [{"id": 1, "name": "users"}], "users": [{"id": 5, "name": "bob", "gid": 1}],
 *            "aclRules": [{"id": 0, "rule": "@1 VNTEMPLATE/* CREATE"}],
 *            "securityGroups": [{"id": 100, "name": "web", "uid": 0, "gid": 0, "permissions": "640",
 *                                "description": "", "rules": [{"PROTOCOL": "TCP", "RULE_TYPE": "INBOUND"}]}],
 *            "networkTemplates": [{"id": 0, "name": "Private IPv4", "uid": 0, "gid": 0, "permissions": "644",
 *                                  "lock": null, "template": "VN_MAD = \"fw\"\n"}]}
 * </pre>
 */
final class JsonBackupAccess {

    /** A network template as restored: the row's fields and its parsed body. */
    record TemplateEntry(int id, String name, Ownership ownership, Optional<LockLevel> lock, Template body) {
    }

    /** The whole section, every value checked. */
    record Section(Map<Integer, String> groups, List<UserRow> users, List<AclRule> acls,
                   List<SecurityGroup> securityGroups, List<TemplateEntry> templates) {
    }

    private static final Set<String> SECTION = Set.of("groups", "users", "aclRules", "securityGroups",
            "networkTemplates");

    private JsonBackupAccess() {
    }

    /** Writes the section from the store. */
    static void write(JsonGenerator out, Connection c, UserRepository users, AclRepository acls,
                      OwnedObjectRepository groups, OwnedObjectRepository templates) throws IOException, SQLException {
        out.writeObjectFieldStart("access");
        out.writeArrayFieldStart("groups");
        for (Map.Entry<Integer, String> g : new java.util.TreeMap<>(users.groupNames(c)).entrySet()) {
            out.writeStartObject();
            out.writeNumberField("id", g.getKey());
            out.writeStringField("name", g.getValue());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("users");
        for (UserRow u : users.users(c)) {
            out.writeStartObject();
            out.writeNumberField("id", u.id());
            out.writeStringField("name", u.name());
            out.writeNumberField("gid", u.gid());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("aclRules");
        for (AclRule r : acls.list(c)) {
            out.writeStartObject();
            out.writeNumberField("id", r.id());
            out.writeStringField("rule", r.text());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("securityGroups");
        for (Row row : groups.list(c)) {
            SecurityGroup g = SecurityGroupCodec.decode(row);
            owned(out, row);
            out.writeStringField("description", g.description());
            out.writeArrayFieldStart("rules");
            for (SecurityRule r : g.rules()) {
                out.writeStartObject();
                for (Map.Entry<String, String> e : r.toAttributes().entrySet()) {
                    out.writeStringField(e.getKey(), e.getValue());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("networkTemplates");
        for (Row row : templates.list(c)) {
            owned(out, row);
            out.writeFieldName("lock");
            if (row.lock().isPresent()) {
                out.writeString(row.lock().get().name());
            } else {
                out.writeNull();
            }
            out.writeStringField("template", row.body());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void owned(JsonGenerator out, Row row) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", row.id());
        out.writeStringField("name", row.name());
        out.writeNumberField("uid", row.ownership().uid());
        out.writeNumberField("gid", row.ownership().gid());
        out.writeStringField("permissions", row.ownership().permissions().octal());
    }

    /** Reads and checks the section; {@code place} (file and line) prefixes every error. */
    static Section read(JsonNode node, String place) {
        Reader r = new Reader(place);
        r.fields(node, "access", SECTION);
        Map<Integer, String> groups = new LinkedHashMap<>();
        r.each(node, "groups", (g, at) -> {
            r.fields(g, at, Set.of("id", "name"));
            int id = r.id(g, at);
            String name = r.in(at, () -> UserService.checkName("GROUP", r.text(g, at, "name")));
            if (groups.put(id, name) != null) {
                throw r.error(at, "group " + id + " appears twice");
            }
        });
        List<UserRow> users = new ArrayList<>();
        r.each(node, "users", (u, at) -> {
            r.fields(u, at, Set.of("id", "name", "gid"));
            String name = r.in(at, () -> UserService.checkName("USER", r.text(u, at, "name")));
            users.add(new UserRow(r.id(u, at), name, r.number(u, at, "gid")));
        });
        List<AclRule> acls = new ArrayList<>();
        r.each(node, "aclRules", (a, at) -> {
            r.fields(a, at, Set.of("id", "rule"));
            int id = r.id(a, at);
            acls.add(r.in(at, () -> AclRule.parse(id, r.text(a, at, "rule"))));
        });
        List<SecurityGroup> securityGroups = new ArrayList<>();
        r.each(node, "securityGroups", (g, at) -> {
            r.fields(g, at, Set.of("id", "name", "uid", "gid", "permissions", "description", "rules"));
            List<SecurityRule> rules = new ArrayList<>();
            r.each(g, at, "rules", (rule, ruleAt) -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    attributes.put(e.getKey(), r.text(rule, ruleAt, e.getKey()));
                }
                rules.add(r.in(ruleAt, () -> SecurityRule.parse(attributes)));
            });
            String description = r.text(g, at, "description");
            r.in(at, () -> {
                NetworkAttributes.checkText("description", description, NetworkAttributes.MAX_TEXT_LENGTH);
                return null;
            });
            securityGroups.add(new SecurityGroup(r.id(g, at), r.name(g, at), description, r.ownership(g, at), rules,
                    0));
        });
        List<TemplateEntry> templates = new ArrayList<>();
        r.each(node, "networkTemplates", (t, at) -> {
            r.fields(t, at, Set.of("id", "name", "uid", "gid", "permissions", "lock", "template"));
            Optional<LockLevel> lock = t.path("lock").isNull() || t.path("lock").isMissingNode() ? Optional.empty()
                    : Optional.of(r.in(at, () -> LockLevel.parse("lock", r.text(t, at, "lock"))));
            Template body = r.in(at, () -> {
                Template parsed = TemplateParser.parse(r.text(t, at, "template"), at);
                NetworkTemplateService.check(parsed);
                return parsed;
            });
            templates.add(new TemplateEntry(r.id(t, at), r.name(t, at), r.ownership(t, at), lock, body));
        });
        return new Section(groups, users, acls, securityGroups, templates);
    }

    /** The body text a template row stores, as {@link NetworkTemplateService} writes it. */
    static String templateText(TemplateEntry t) {
        return TemplateWriter.write(t.body());
    }

    /** Checked access to the JSON tree; errors carry the place and the path inside the section. */
    private static final class Reader {
        private final String place;

        Reader(String place) {
            this.place = place;
        }

        @FunctionalInterface
        interface Item {
            void read(JsonNode node, String at);
        }

        ValidationException error(String at, String message) {
            return new ValidationException(null, place + ": " + at + ": " + message);
        }

        <T> T in(String at, ErrorContext.Step<T> step) {
            return ErrorContext.in(place + ": " + at, step);
        }

        void fields(JsonNode node, String at, Set<String> allowed) {
            if (!node.isObject()) {
                throw error(at, "expected a JSON object");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw error(at, "unknown field \"" + ValidationException.printable(name) + "\"; expected "
                            + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }

        void each(JsonNode parent, String name, Item item) {
            each(parent, "access", name, item);
        }

        void each(JsonNode parent, String parentAt, String name, Item item) {
            String at = parentAt + "." + name;
            JsonNode list = parent.path(name);
            if (list.isMissingNode()) {
                return;
            }
            if (!list.isArray()) {
                throw error(at, "expected a JSON array");
            }
            for (int i = 0; i < list.size(); i++) {
                item.read(list.get(i), at + "[" + i + "]");
            }
        }

        String text(JsonNode node, String at, String field) {
            JsonNode v = node.path(field);
            if (!v.isTextual()) {
                throw error(at, field + ": expected a string");
            }
            return v.asText();
        }

        int number(JsonNode node, String at, String field) {
            JsonNode v = node.path(field);
            if (!v.isInt() || v.asInt() < 0) {
                throw error(at, field + ": expected a whole number from 0 to " + Integer.MAX_VALUE);
            }
            return v.asInt();
        }

        int id(JsonNode node, String at) {
            return number(node, at, "id");
        }

        String name(JsonNode node, String at) {
            return in(at, () -> NetworkAttributes.checkName("name", text(node, at, "name")));
        }

        Ownership ownership(JsonNode node, String at) {
            Permissions p = in(at, () -> Permissions.parseOctal("permissions", text(node, at, "permissions")));
            return new Ownership(number(node, at, "uid"), number(node, at, "gid"), p);
        }
    }
}
