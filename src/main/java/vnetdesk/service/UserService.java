package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vnetdesk.model.AclRule;
import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ValidationException;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.AclRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.UserRepository.UserRow;
import vnetdesk.template.OneGroupXml;
import vnetdesk.template.OneUserXml;

/**
 * Users, groups and ACL rules. Anyone may list them (the console's user
 * switcher and chown choices need the names); only administrators change them.
 */
public final class UserService {

    /** A user with the name of its group. */
    public record UserInfo(int id, String name, int gid, String groupName) {

        public String label() {
            return id + ":" + name;
        }
    }

    /** A group with the names of its members. */
    public record GroupInfo(int id, String name, List<String> members) {

        public String label() {
            return id + ":" + name;
        }
    }

    private static final String NAME_PATTERN = "[A-Za-z0-9_.@-]{1,128}";

    private final Tx tx;
    private final UserRepository users;
    private final AclRepository acls;
    private final Access access;
    private final NetworkRepository ids;

    UserService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.users = ctx.users();
        this.acls = ctx.acls();
        this.access = ctx.access();
        this.ids = ctx.networks();
    }

    public List<UserInfo> users() {
        return tx.read(c -> {
            Map<Integer, String> groups = users.groupNames(c);
            List<UserInfo> out = new ArrayList<>();
            for (UserRow u : users.users(c)) {
                out.add(new UserInfo(u.id(), u.name(), u.gid(), groups.getOrDefault(u.gid(), "?")));
            }
            return out;
        });
    }

    public List<GroupInfo> groups() {
        return tx.read(c -> {
            List<UserRow> all = users.users(c);
            List<GroupInfo> out = new ArrayList<>();
            users.groupNames(c).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(g ->
                    out.add(new GroupInfo(g.getKey(), g.getValue(),
                            all.stream().filter(u -> u.gid() == g.getKey()).map(UserRow::name).toList())));
            return out;
        });
    }

    /** The user {@code user} (name or id) names. */
    public UserInfo user(String user) {
        return tx.read(c -> {
            UserRow u = users.findUser(c, userId(c, user)).orElseThrow();
            return new UserInfo(u.id(), u.name(), u.gid(), users.groupNames(c).getOrDefault(u.gid(), "?"));
        });
    }

    /** The group {@code group} (name or id) names, with its members. */
    public GroupInfo group(String group) {
        return tx.read(c -> {
            int gid = groupId(c, group);
            return new GroupInfo(gid, users.groupNames(c).get(gid), users.users(c).stream()
                    .filter(u -> u.gid() == gid).map(UserRow::name).toList());
        });
    }

    /** Every user as OpenNebula's user document shows it ({@link OneUserXml}), by id. */
    public List<OneUserXml.Entry> userXmlEntries() {
        return users().stream().map(UserService::xmlEntry).toList();
    }

    /** The user {@code user} (name or id) names, as OpenNebula's user document shows it. */
    public OneUserXml.Entry userXmlEntry(String user) {
        return xmlEntry(user(user));
    }

    private static OneUserXml.Entry xmlEntry(UserInfo u) {
        return new OneUserXml.Entry(u.id(), u.name(), u.gid(), u.groupName());
    }

    /** Every group as OpenNebula's group document shows it ({@link OneGroupXml}): members by id. */
    public List<OneGroupXml.Entry> groupXmlEntries() {
        return tx.read(c -> {
            List<UserRow> all = users.users(c);
            List<OneGroupXml.Entry> out = new ArrayList<>();
            users.groupNames(c).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(g ->
                    out.add(groupXmlEntry(g.getKey(), g.getValue(), all)));
            return out;
        });
    }

    /** The group {@code group} (name or id) names, as OpenNebula's group document shows it. */
    public OneGroupXml.Entry groupXmlEntry(String group) {
        return tx.read(c -> {
            int gid = groupId(c, group);
            return groupXmlEntry(gid, users.groupNames(c).get(gid), users.users(c));
        });
    }

    private static OneGroupXml.Entry groupXmlEntry(int gid, String name, List<UserRow> all) {
        return new OneGroupXml.Entry(gid, name, all.stream().filter(u -> u.gid() == gid).map(UserRow::id).toList());
    }

    /** Creates a user in a group (by name or id); returns its id. */
    public int createUser(Actor actor, String name, String group) {
        String checked = checkName("USER", name);
        return tx.write((c, hooks) -> {
            access.of(c, actor).requireAdmin("create users");
            if (users.findUser(c, checked).isPresent()) {
                throw new ConflictException("USER", "USER: a user named \"" + checked + "\" already exists");
            }
            int gid = groupId(c, group);
            int id = ids.nextId(c, "USER");
            users.insertUser(c, new UserRow(id, checked, gid));
            return id;
        });
    }

    /** Moves a user to another group. */
    public void chgrp(Actor actor, String user, String group) {
        tx.write((c, hooks) -> {
            access.of(c, actor).requireAdmin("change the group of a user");
            int uid = userId(c, user);
            if (uid == 0) {
                throw new ConflictException("USER", "USER: oneadmin stays in the oneadmin group");
            }
            users.setUserGroup(c, uid, groupId(c, group));
            return null;
        });
    }

    /** Deletes a user; refused for oneadmin and while the user owns objects. */
    public void deleteUser(Actor actor, String user) {
        tx.write((c, hooks) -> {
            access.of(c, actor).requireAdmin("delete users");
            int uid = userId(c, user);
            if (uid == 0) {
                throw new ConflictException("USER", "USER: oneadmin cannot be deleted");
            }
            if (uid == actor.uid()) {
                throw new ConflictException("USER", "USER: you cannot delete the user you act as; act as another user first");
            }
            String owned = users.ownedObjects(c, uid);
            if (!owned.isEmpty()) {
                throw new ConflictException("user " + user + " still owns " + owned + "; chown or delete them first");
            }
            users.deleteUser(c, uid);
            return null;
        });
    }

    /** Creates a group; returns its id. */
    public int createGroup(Actor actor, String name) {
        String checked = checkName("GROUP", name);
        return tx.write((c, hooks) -> {
            access.of(c, actor).requireAdmin("create groups");
            if (users.findGroup(c, checked).isPresent()) {
                throw new ConflictException("GROUP", "GROUP: a group named \"" + checked + "\" already exists");
            }
            int id = ids.nextId(c, "GROUP");
            users.insertGroup(c, id, checked);
            return id;
        });
    }

    /** Deletes a group; refused for oneadmin and users and while it has members or owns objects. */
    public void deleteGroup(Actor actor, String group) {
        tx.write((c, hooks) -> {
            access.of(c, actor).requireAdmin("delete groups");
            int gid = groupId(c, group);
            if (gid <= 1) {
                throw new ConflictException("GROUP", "GROUP: the oneadmin and users groups cannot be deleted");
            }
            if (users.users(c).stream().anyMatch(u -> u.gid() == gid)) {
                throw new ConflictException("group " + group + " still has members; move them to another group first");
            }
            String owned = users.groupObjects(c, gid);
            if (!owned.isEmpty()) {
                throw new ConflictException("group " + group + " still owns " + owned + "; chown them first");
            }
            users.deleteGroup(c, gid);
            return null;
        });
    }

    public List<AclRule> acls() {
        return tx.read(acls::list);
    }

    /** Adds an ACL rule given in OpenNebula's text form; returns its id. */
    public int addAcl(Actor actor, String text) {
        AclRule.parse(0, text);
        return tx.write((c, hooks) -> {
            access.of(c, actor).requireAdmin("change ACL rules");
            int id = ids.nextId(c, "ACL");
            AclRule rule = AclRule.parse(id, text);
            if (rule.user() instanceof AclRule.Subject.User u && users.findUser(c, u.uid()).isEmpty()) {
                throw ValidationException.invalid("USER", rule.user().text(), "user " + u.uid() + " does not exist");
            }
            if (rule.user() instanceof AclRule.Subject.Group g && !users.groupNames(c).containsKey(g.gid())) {
                throw ValidationException.invalid("USER", rule.user().text(), "group " + g.gid() + " does not exist");
            }
            if (acls.list(c).stream().anyMatch(r -> r.text().equals(rule.text()))) {
                throw new ConflictException("ACL", "ACL: the rule \"" + rule.text() + "\" exists already");
            }
            acls.insert(c, rule);
            return id;
        });
    }

    public void deleteAcl(Actor actor, int id) {
        tx.write((c, hooks) -> {
            access.of(c, actor).requireAdmin("change ACL rules");
            if (!acls.delete(c, id)) {
                throw new NotFoundException("ACL rule " + id + " does not exist");
            }
            return null;
        });
    }

    private int userId(Connection c, String user) throws SQLException {
        return users.userId(c, user).orElseThrow(() -> new NotFoundException("USER: user \""
                + ValidationException.printable(user) + "\" does not exist"));
    }

    private int groupId(Connection c, String group) throws SQLException {
        return users.groupId(c, group).orElseThrow(() -> new NotFoundException("GROUP: group \""
                + ValidationException.printable(group) + "\" does not exist"));
    }

    public static String checkName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.missing(field);
        }
        if (!name.matches(NAME_PATTERN)) {
            throw ValidationException.invalid(field, name,
                    "use 1 to 128 letters, digits and _ . @ - (no spaces)");
        }
        if (name.matches("[0-9]+")) {
            // commands take a user or group by name or by id: an all-digit name would be read as an id
            throw ValidationException.invalid(field, name, "a name needs at least one letter or _ . @ - (digits alone"
                    + " are read as an id)");
        }
        return name;
    }
}
