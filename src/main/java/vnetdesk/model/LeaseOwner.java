package vnetdesk.model;

/** Who uses a lease: a VM NIC, a hold, or a reservation (child network). */
public sealed interface LeaseOwner {

    /** Short text form: {@code VM:<id> NIC:<n>}, {@code HOLD}, {@code NET:<id>}. */
    String label();

    record VmNic(int vmId, int nicIndex) implements LeaseOwner {
        public String label() {
            return "VM:" + vmId + " NIC:" + nicIndex;
        }
    }

    record Hold() implements LeaseOwner {
        public String label() {
            return "HOLD";
        }
    }

    record Reservation(int networkId) implements LeaseOwner {
        public String label() {
            return "NET:" + networkId;
        }
    }

    LeaseOwner HOLD = new Hold();
}
