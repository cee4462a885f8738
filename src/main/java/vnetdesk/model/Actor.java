package vnetdesk.model;

/** The user on whose behalf a service call runs; every call is checked against it. */
public record Actor(int uid, String name, int gid) {

    public static final Actor ONEADMIN = new Actor(0, "oneadmin", 0);

    /** oneadmin and members of the oneadmin group may do everything. */
    public boolean isAdmin() {
        return uid == 0 || gid == 0;
    }
}
