package vnetdesk.host.plan;

/**
 * One object a step touches and what the step does to it, as data: a front
 * end groups a plan by the network or NIC that owns each object from these,
 * without parsing the step's description.
 *
 * @param name   the object's name on the host: the device, chain, ipset, tap
 *               or kernel setting; for a hook (a rule in a built-in chain),
 *               the chain it jumps to
 * @param object the object in words, read after the action: {@code iptables
 *               chain one-5-0-i}, {@code MTU of bridge br0 to 9000}
 */
public record Change(Kind kind, String name, Action action, String object) {

    /** What sort of object a change touches. */
    public enum Kind {
        /** A bridge, 802.1Q or VXLAN device, PHYDEV or tap as a link. */
        DEVICE,
        /** A user chain of iptables, ip6tables or ebtables. */
        CHAIN,
        /** A rule in a built-in chain (INPUT, FORWARD) jumping to a user chain. */
        HOOK,
        IPSET,
        /** The shaping or policing on a tap. */
        TAP_QOS,
        /** A sysctl. */
        KERNEL_SETTING
    }

    /** What a step does to an object, with the words a person reads. */
    public enum Action {
        CREATE("create"),
        /** Remove and create again as another kind of device. */
        REPLACE("replace"),
        /** Empty and refill a chain. */
        REWRITE("rewrite"),
        /** Swap in an ipset's new members in one kernel call. */
        REFILL("replace the members of"),
        SET("set"),
        ATTACH("attach"),
        HOOK("hook"),
        UNHOOK("unhook"),
        REMOVE("remove");

        private final String words;

        Action(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** The object is gone from the host after the change. */
        public boolean removes() {
            return this == REMOVE || this == UNHOOK;
        }
    }

    public Change {
        if (name.isBlank() || object.isBlank()) {
            throw new IllegalArgumentException("a change names its object: " + kind + " " + name + " " + object);
        }
    }

    /** The change as one readable line: {@code create iptables chain one-5-0-i}. */
    public String text() {
        return action.words() + " " + object;
    }
}
