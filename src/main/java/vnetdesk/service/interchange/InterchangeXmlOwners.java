package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.ValidationException;
import vnetdesk.service.UserService;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.UserRepository.UserRow;
import vnetdesk.template.ImportedNetwork;

/**
 * The owner an imported network keeps: the user and group a document names by id and name
 * ({@code UID}, {@code GID}, {@code UNAME}, {@code GNAME}), matched against the inventory. An
 * existing user or group with that id and that name is used; one missing under both is created
 * with the document's id and name; an id that names another user or group here, or a name held
 * under another id, is a conflict. A made user's primary group is always {@code users}, never the
 * document's group; the object keeps the document's GID as its group either way (an existing
 * user's own group may differ, as after OpenNebula's {@code chgrp}).
 */
final class InterchangeXmlOwners {

    private final UserRepository users;
    private final NetworkRepository ids;

    InterchangeXmlOwners(UserRepository users, NetworkRepository ids) {
        this.users = users;
        this.ids = ids;
    }

    /** The built-in {@code users} group (V1 migration; it cannot be deleted), a made user's primary group. */
    static final int USERS_GID = 1;

    /** The highest id an import keeps. */
    static final int MAX_KEPT_ID = JsonBackup.MAX_ID - 1;

    /**
     * The id, when the inventory can keep it: a reference by id has at most nine digits, as in a
     * JSON backup, and keeping {@link JsonBackup#MAX_ID} itself would move the id sequence past
     * what a backup of the inventory can restore.
     */
    static int keepable(String label, String field, int id) {
        if (id > MAX_KEPT_ID) {
            throw new ValidationException(field, label + ": " + field + ": " + id + " is above " + MAX_KEPT_ID
                    + ", the highest id an import keeps (import --as-new gives new ids)");
        }
        return id;
    }

    /** The document's owner as an actor of this inventory, created when missing; {@code label} names the network. */
    Actor owner(Connection c, ImportedNetwork.Owner o, String label) throws SQLException {
        keepable(label, "UID", o.uid());
        keepable(label, "GID", o.gid());
        int gid = group(c, o, label);
        Optional<UserRow> byId = users.findUser(c, o.uid());
        Optional<UserRow> byName = users.findUser(c, o.userName());
        if (byId.isPresent() && !byId.get().name().equals(o.userName())) {
            throw new ConflictException("UID", label + ": UID " + o.uid() + " is user " + o.uid() + ":"
                    + ValidationException.printable(byId.get().name()) + " in this inventory, the file names it "
                    + ValidationException.printable(o.userName()));
        }
        if (byId.isEmpty() && byName.isPresent()) {
            throw new ConflictException("UNAME", label + ": UNAME " + ValidationException.printable(o.userName())
                    + " is user " + byName.get().id() + ":" + ValidationException.printable(o.userName())
                    + " in this inventory, the file gives it UID " + o.uid());
        }
        if (byId.isEmpty()) {
            UserService.checkName("UNAME", o.userName());
            // never the document's group: a network chgrp'ed to oneadmin would make its owner an administrator
            users.insertUser(c, new UserRow(o.uid(), o.userName(), USERS_GID));
            ids.moveIdSequencePast(c, "USER", o.uid());
        }
        return new Actor(o.uid(), o.userName(), gid);
    }

    private int group(Connection c, ImportedNetwork.Owner o, String label) throws SQLException {
        Map<Integer, String> groups = users.groupNames(c);
        String known = groups.get(o.gid());
        Optional<Integer> byName = users.findGroup(c, o.groupName());
        if (known != null && !known.equals(o.groupName())) {
            throw new ConflictException("GID", label + ": GID " + o.gid() + " is group " + o.gid() + ":"
                    + ValidationException.printable(known) + " in this inventory, the file names it "
                    + ValidationException.printable(o.groupName()));
        }
        if (known == null && byName.isPresent()) {
            throw new ConflictException("GNAME", label + ": GNAME " + ValidationException.printable(o.groupName())
                    + " is group " + byName.get() + ":" + ValidationException.printable(o.groupName())
                    + " in this inventory, the file gives it GID " + o.gid());
        }
        if (known == null) {
            UserService.checkName("GNAME", o.groupName());
            users.insertGroup(c, o.gid(), o.groupName());
            ids.moveIdSequencePast(c, "GROUP", o.gid());
        }
        return o.gid();
    }
}
