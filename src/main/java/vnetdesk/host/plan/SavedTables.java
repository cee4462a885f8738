package vnetdesk.host.plan;

/**
 * The host's filter tables exactly as the save tools printed them when the
 * host was read ({@code iptables-save -t filter}, {@code ip6tables-save -t
 * filter}, {@code ebtables-save}): a failed apply loads them back whole, so
 * the host's own rules come back byte for byte too.
 */
public record SavedTables(String iptables, String ip6tables, String ebtables) {

    /** Without saved text (a state not read from a host): firewall steps get no undo. */
    public static final SavedTables NONE = new SavedTables("", "", "");
}
