package vnetdesk.model;

/**
 * Whether a VM's host firewall carries the current rules of a security group:
 * the four lists of the group's VMs tab.
 */
public enum PropagationState {
    UPDATED("up-to-date"), OUTDATED("outdated"), UPDATING("updating"), ERROR("error");

    private final String label;

    PropagationState(String label) {
        this.label = label;
    }

    /** The word shown in the console and the CLI. */
    public String label() {
        return label;
    }
}
