package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.Problem;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.UserRepository;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.template.TemplateParser;
import vnetdesk.template.TemplateWriter;

/**
 * Network templates: allocate, instantiate, info, update, delete, clone,
 * rename, lock, unlock, chown, chmod. A template is checked like a network
 * when it is stored (its attributes and address ranges), so instantiating it
 * fails only for what depends on the moment (names taken, overlaps, rights).
 */
public final class NetworkTemplateService implements OwnedObjectService {

    /** A stored template; {@code body} holds its attributes without NAME. */
    public record NetworkTemplate(int id, String name, Ownership ownership, Optional<LockLevel> lock, long version,
                                  Template body) {

        /** "id:name" as shown next to every object. */
        public String label() {
            return id + ":" + name;
        }

        /** The template as {@code vntemplate show} prints it: NAME first, then the body. */
        public Template withName() {
            List<TemplateAttribute> all = new ArrayList<>();
            all.add(new TemplateAttribute.Single("NAME", name));
            all.addAll(body.attributes());
            return new Template(all);
        }

        /** How many AR vectors it carries (a network without any cannot hand out addresses). */
        public int addressRangeCount() {
            return body.vectors("AR").size();
        }
    }

    /** A template with its owner's names. */
    public record TemplateSummary(NetworkTemplate template, String ownerName, String groupName) {
    }

    private final Tx tx;
    private final Access access;
    private final OwnedObjects objects;
    private final OwnedObjectRepository templates;
    private final NetworkRepository ids;
    private final UserRepository users;
    private final NetworkService networks;

    NetworkTemplateService(ServiceContext ctx, NetworkService networks) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.templates = OwnedObjectRepository.networkTemplates();
        this.objects = new OwnedObjects(ctx, ResourceType.VNTEMPLATE, templates,
                row -> clustersOf(TemplateParser.parse(row.body(), "network template " + row.id())));
        this.ids = ctx.networks();
        this.users = ctx.users();
        this.networks = networks;
    }

    @Override
    public ResourceType type() {
        return ResourceType.VNTEMPLATE;
    }

    @Override
    public boolean lockable() {
        return true;
    }

    /** Stores a new template (NAME, network attributes, optional AR vectors); returns its id. */
    public int allocate(Actor actor, Template template) {
        String name = NetworkAttributes.checkName("NAME", template.single("NAME").orElse(null));
        Template body = template.without("NAME");
        check(body);
        return tx.write((c, hooks) -> {
            access.of(c, actor).requireCreate(ResourceType.VNTEMPLATE, clustersOf(body));
            return insert(c, actor, name, body);
        });
    }

    private int insert(Connection c, Actor actor, String name, Template body) throws SQLException {
        objects.checkNameFree(c, actor.uid(), name, -1);
        int id = ids.nextId(c, "VNTEMPLATE");
        templates.insert(c, new Row(id, name, new Ownership(actor.uid(), actor.gid(), Permissions.DEFAULT),
                Optional.empty(), 0, TemplateWriter.write(body)));
        return id;
    }

    /**
     * Replaces the template's attributes (or, with {@code append}, sets the
     * given single attributes and adds the given ARs); NAME renames.
     */
    public void update(Actor actor, ObjectRef ref, Template template, boolean append) {
        tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            access.of(c, actor).require(objects.guarded(row), Right.MANAGE, "update");
            NetworkTemplate current = decode(row);
            String name = template.single("NAME").map(v -> NetworkAttributes.checkName("NAME", v)).orElse(row.name());
            Template given = template.without("NAME");
            Template body = append ? merged(current.body(), given) : given;
            check(body);
            if (!name.equals(row.name())) {
                objects.checkNameFree(c, row.ownership().uid(), name, row.id());
            }
            templates.update(c, row.withName(name).withBody(TemplateWriter.write(body)));
            return null;
        });
    }

    /** {@code base} with each single attribute of {@code extra} set (replaced or added) and its vectors appended. */
    private static Template merged(Template base, Template extra) {
        Template out = base;
        for (TemplateAttribute a : extra.attributes()) {
            out = a instanceof TemplateAttribute.Single s ? out.withOnly(s.name(), s.value()) : out.with(a);
        }
        return out;
    }

    @Override
    public void delete(Actor actor, ObjectRef ref) {
        tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            access.of(c, actor).require(objects.guarded(row), Right.MANAGE, "delete");
            templates.delete(c, row.id());
            return null;
        });
    }

    /**
     * Creates a network owned by the actor from the template: {@code name} plus
     * the template's attributes, overridden by {@code extra}'s single attributes,
     * and the template's ARs followed by {@code extra}'s. Needs USE on the
     * template. Returns the network id.
     */
    public int instantiate(Actor actor, ObjectRef ref, String name, Template extra) {
        String networkName = NetworkAttributes.checkName("NAME", name);
        if (extra.single("NAME").isPresent()) {
            throw new ValidationException("NAME", "NAME: the network name is given on its own, not in the extra template");
        }
        return tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.require(objects.guarded(row), Right.USE, "instantiate");
            Template whole = merged(decode(row).body(), extra).withOnly("NAME", networkName);
            return networks.insertNew(c, rights, VnetTemplateParts.singles(whole),
                    VnetTemplateParts.arVectors(whole));
        });
    }

    /** One template (needs USE). */
    public NetworkTemplate info(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            Row row = objects.resolve(c, ref);
            access.of(c, actor).requireRight(objects.guarded(row), Right.USE, "show");
            return decode(row);
        });
    }

    /** One template with its owner's names (needs USE). */
    public TemplateSummary show(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            Row row = objects.resolve(c, ref);
            access.of(c, actor).requireRight(objects.guarded(row), Right.USE, "show");
            return summary(row, users.userNames(c), users.groupNames(c));
        });
    }

    /** The templates the actor may use. */
    public List<TemplateSummary> list(Actor actor) {
        return tx.read(c -> {
            Access.Checker rights = access.of(c, actor);
            Map<Integer, String> userNames = users.userNames(c);
            Map<Integer, String> groupNames = users.groupNames(c);
            List<TemplateSummary> out = new ArrayList<>();
            for (Row row : templates.list(c)) {
                if (rights.may(objects.guarded(row), Right.USE)) {
                    out.add(summary(row, userNames, groupNames));
                }
            }
            return out;
        });
    }

    private static TemplateSummary summary(Row row, Map<Integer, String> userNames, Map<Integer, String> groupNames) {
        return new TemplateSummary(decode(row), userNames.getOrDefault(row.ownership().uid(), "?"),
                groupNames.getOrDefault(row.ownership().gid(), "?"));
    }

    /** Copies a template under a new name, owned by the actor; returns the new id. */
    @Override
    public int clone(Actor actor, ObjectRef ref, String newName) {
        String name = NetworkAttributes.checkName("NAME", newName);
        return tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.requireRight(objects.guarded(row), Right.USE, "clone");
            Template body = decode(row).body();
            rights.requireCreate(ResourceType.VNTEMPLATE, clustersOf(body));
            return insert(c, actor, name, body);
        });
    }

    @Override
    public void rename(Actor actor, ObjectRef ref, String newName) {
        objects.rename(actor, ref, newName);
    }

    @Override
    public void chmod(Actor actor, ObjectRef ref, Permissions permissions) {
        objects.chmod(actor, ref, permissions);
    }

    @Override
    public void chown(Actor actor, ObjectRef ref, Optional<String> user, Optional<String> group) {
        objects.chown(actor, ref, user, group);
    }

    @Override
    public void lock(Actor actor, ObjectRef ref, LockLevel level) {
        objects.setLock(actor, ref, Optional.of(level));
    }

    @Override
    public void unlock(Actor actor, ObjectRef ref) {
        objects.setLock(actor, ref, Optional.empty());
    }

    /**
     * Checks a template body as the network it describes: every attribute
     * (with a stand-in name) and each AR on its own.
     */
    public static void check(Template body) {
        Map<String, String> attributes = new LinkedHashMap<>(VnetTemplateParts.singles(body));
        attributes.put("NAME", "template");
        NetworkAttributes.parse(attributes);
        List<Map<String, String>> ars = VnetTemplateParts.arVectors(body);
        for (int i = 0; i < ars.size(); i++) {
            List<Problem> problems = NetworkService.arProblems(ars.get(i), Optional.empty());
            if (!problems.isEmpty()) {
                Problem first = problems.get(0);
                throw new ValidationException(first.field().isEmpty() ? "AR" : first.field(),
                        "AR " + (i + 1) + ": " + first.message());
            }
        }
    }

    /** The clusters of a template's networks, for ACL rules scoped to a cluster ({@code %cid}). */
    private static List<Integer> clustersOf(Template body) {
        return NetworkService.clustersOf(VnetTemplateParts.singles(body));
    }

    private static NetworkTemplate decode(Row row) {
        return new NetworkTemplate(row.id(), row.name(), row.ownership(), row.lock(), row.version(),
                TemplateParser.parse(row.body(), "network template " + row.id()));
    }
}
