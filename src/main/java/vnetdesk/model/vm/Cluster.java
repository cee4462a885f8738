package vnetdesk.model.vm;

/** A cluster: a group of hosts and the networks they carry (cluster 0, "default", always exists). */
public record Cluster(int id, String name) {

    /** The cluster every inventory starts with. */
    public static final int DEFAULT_ID = 0;

    /** {@code id:name}, as messages name it. */
    public String label() {
        return id + ":" + name;
    }
}
