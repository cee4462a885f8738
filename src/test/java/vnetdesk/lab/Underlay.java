package vnetdesk.lab;

/**
 * A veth pair joining two lab hosts like a switch port between two
 * hypervisors: VXLAN devices the engine creates on {@code deviceA} /
 * {@code deviceB} carry VM traffic across it.
 *
 * @param addressA {@code deviceA}'s address with its prefix, e.g. {@code 192.168.250.1/24}
 */
public record Underlay(LabHost hostA, String deviceA, String addressA, LabHost hostB, String deviceB,
                       String addressB) {

    /** {@code addressA} without its prefix length. */
    public String ipA() {
        return addressA.substring(0, addressA.indexOf('/'));
    }

    /** {@code addressB} without its prefix length. */
    public String ipB() {
        return addressB.substring(0, addressB.indexOf('/'));
    }
}
