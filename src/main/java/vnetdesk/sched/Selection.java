package vnetdesk.sched;

import java.util.List;

/**
 * The outcome of {@link NetworkSelection#choose}: the chosen network, or none,
 * with a reason a user can read and every candidate that was turned down.
 */
public sealed interface Selection permits Selection.Chosen, Selection.NoneQualifies {

    /** One line saying what was chosen and why, or why nothing was. */
    String reason();

    /** The candidates turned down, in the order given, each with its reason. */
    List<Rejection> rejections();

    /**
     * A network qualified and ranked best.
     *
     * @param network the chosen candidate
     * @param rank    its rank (0 without {@code SCHED_RANK})
     * @param reason  e.g. {@code network 3:public chosen: rank 250 (FREE_LEASES), the highest of 2 qualifying}
     */
    record Chosen(Candidate network, double rank, String reason, List<Rejection> rejections) implements Selection {

        public Chosen {
            rejections = List.copyOf(rejections);
        }
    }

    /** No candidate qualified; {@code reason} lists every rejection. */
    record NoneQualifies(String reason, List<Rejection> rejections) implements Selection {

        public NoneQualifies {
            rejections = List.copyOf(rejections);
        }
    }

    /**
     * A candidate turned down by the first check it failed.
     *
     * @param reason e.g. {@code no USE right}, without the network's label
     */
    record Rejection(Candidate network, Check check, String reason) {

        /** E.g. {@code network 2:lab: no USE right}. */
        public String describe() {
            return "network " + network.label() + ": " + reason;
        }
    }

    /** The checks a candidate goes through, in this order; the first it fails turns it down. */
    enum Check {
        /** The network is in the cluster of the host the VM is placed on. */
        CLUSTER,
        /** The VM's owner may USE the network. */
        USE,
        /** The network has an address to lease. */
        FREE_LEASE,
        /** The network's attributes satisfy {@code SCHED_REQUIREMENTS}. */
        REQUIREMENTS
    }
}
