package vnetdesk.model;

/** Owner user, owner group and permissions of an inventory object. */
public record Ownership(int uid, int gid, Permissions permissions) {

    public Ownership withPermissions(Permissions p) {
        return new Ownership(uid, gid, p);
    }
}
