package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vnetdesk.model.AclRule;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Ownership;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.ValidationException;
import vnetdesk.store.AclRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.SecurityGroupCodec;
import vnetdesk.store.UserRepository;
import vnetdesk.store.UserRepository.UserRow;

/**
 * Restores the {@code access} section of a whole-inventory backup into a new
 * inventory: groups, users, ACL rules, security groups and network templates
 * keep their ids; the built-in ones (oneadmin, users, {@code default},
 * Private IPv4) take the backup's version. Refused into an inventory that
 * already holds objects of its own, so nothing is merged by guess.
 */
final class InterchangeAccessRestore {

    private final UserRepository users;
    private final AclRepository acls;
    private final OwnedObjectRepository groups;
    private final OwnedObjectRepository templates;
    private final NetworkRepository ids;

    InterchangeAccessRestore(UserRepository users, AclRepository acls, NetworkRepository ids) {
        this.users = users;
        this.acls = acls;
        this.groups = OwnedObjectRepository.securityGroups();
        this.templates = OwnedObjectRepository.networkTemplates();
        this.ids = ids;
    }

    void restore(Connection c, JsonBackupAccess.Section s, String source) throws SQLException {
        refuseUnlessNew(c, source);
        Map<Integer, String> builtInGroups = users.groupNames(c);
        for (Map.Entry<Integer, String> g : s.groups().entrySet()) {
            String known = builtInGroups.get(g.getKey());
            if (known == null) {
                users.insertGroup(c, g.getKey(), g.getValue());
                ids.moveIdSequencePast(c, "GROUP", g.getKey());
            } else if (!known.equals(g.getValue())) {
                throw new ConflictException(source + ": group " + g.getKey() + " is \"" + known
                        + "\" in every inventory; the backup calls it \"" + g.getValue() + "\"");
            }
        }
        Set<Integer> groupIds = users.groupNames(c).keySet();
        for (UserRow u : s.users()) {
            if (!groupIds.contains(u.gid())) {
                throw new ValidationException("gid", source + ": user " + u.name() + ": gid: group " + u.gid()
                        + " is not in the backup");
            }
            if (u.id() == 0) {
                if (!u.name().equals("oneadmin") || u.gid() != 0) {
                    throw new ConflictException(source + ": user 0 is oneadmin in group 0 in every inventory");
                }
                continue;
            }
            users.insertUser(c, u);
            ids.moveIdSequencePast(c, "USER", u.id());
        }
        Set<Integer> userIds = new HashSet<>();
        users.users(c).forEach(u -> userIds.add(u.id()));
        for (AclRule r : s.acls()) {
            acls.insert(c, r);
            ids.moveIdSequencePast(c, "ACL", r.id());
        }
        for (SecurityGroup g : s.securityGroups()) {
            checkOwner(source, "security group " + g.label(), g.ownership(), userIds, groupIds);
            put(c, groups, new Row(g.id(), g.name(), g.ownership(), Optional.empty(), 0,
                    SecurityGroupCodec.encode(g.description(), g.rules())), "SECGROUP");
        }
        boolean privateIpv4Kept = false;
        for (JsonBackupAccess.TemplateEntry t : s.templates()) {
            checkOwner(source, "network template " + t.id() + ":" + t.name(), t.ownership(), userIds, groupIds);
            put(c, templates, new Row(t.id(), t.name(), t.ownership(), t.lock(), 0, JsonBackupAccess.templateText(t)),
                    "VNTEMPLATE");
            privateIpv4Kept |= t.id() == 0;
        }
        if (!privateIpv4Kept) {
            templates.delete(c, 0); // deleted in the inventory the backup was taken from
        }
    }

    /** Inserts a row, or replaces the built-in row with the same id. */
    private void put(Connection c, OwnedObjectRepository repo, Row row, String sequence) throws SQLException {
        Optional<Row> builtIn = repo.find(c, row.id());
        if (builtIn.isPresent()) {
            repo.update(c, new Row(row.id(), row.name(), row.ownership(), row.lock(), builtIn.get().version(),
                    row.body()));
        } else {
            repo.insert(c, row);
            ids.moveIdSequencePast(c, sequence, row.id());
        }
    }

    private static void checkOwner(String source, String what, Ownership o, Set<Integer> userIds,
                                   Set<Integer> groupIds) {
        if (!userIds.contains(o.uid()) || !groupIds.contains(o.gid())) {
            throw new ValidationException("uid", source + ": " + what + ": its owner (user " + o.uid() + ", group "
                    + o.gid() + ") is not in the backup");
        }
    }

    private void refuseUnlessNew(Connection c, String source) throws SQLException {
        List<String> own = new ArrayList<>();
        if (users.users(c).size() > 1) {
            own.add("users");
        }
        if (users.groupNames(c).size() > 2) {
            own.add("groups");
        }
        if (!acls.list(c).isEmpty()) {
            own.add("ACL rules");
        }
        if (groups.list(c).stream().anyMatch(r -> r.id() != SecurityGroup.DEFAULT_ID)) {
            own.add("security groups");
        }
        if (templates.list(c).stream().anyMatch(r -> r.id() != 0)) {
            own.add("network templates");
        }
        if (!own.isEmpty()) {
            throw new ConflictException(source + ": a whole-inventory backup restores users, groups, ACL rules,"
                    + " security groups and network templates only into a new inventory; this one already has "
                    + String.join(", ", own));
        }
    }
}
