package vnetdesk.model;

import java.util.Optional;

/** SLAAC address derivation: modified EUI-64 interface identifiers from a MAC. */
public final class Slaac {

    private Slaac() {
    }

    /** EUI-64 interface id: flip the universal/local bit, insert ff:fe in the middle. */
    public static long interfaceId(Mac mac) {
        long v = mac.value();
        long upper24 = (v >>> 24) ^ 0x02_0000L;
        long lower24 = v & 0xFF_FFFFL;
        return (upper24 << 40) | (0xFFFEL << 24) | lower24;
    }

    /** The MAC an EUI-64 interface id was made from, if it is one. */
    public static Optional<Mac> macOf(long interfaceId) {
        if (((interfaceId >>> 24) & 0xFFFFL) != 0xFFFEL) {
            return Optional.empty();
        }
        long upper24 = (interfaceId >>> 40) ^ 0x02_0000L;
        long lower24 = interfaceId & 0xFF_FFFFL;
        return Optional.of(new Mac((upper24 << 24) | lower24));
    }

    public static Ipv6 address(Ipv6 prefix, Mac mac) {
        return new Ipv6(prefix.high(), interfaceId(mac));
    }

    static LeaseAddresses addresses(Mac mac, Optional<Ipv4> ip, Optional<Ipv6> global, Optional<Ipv6> ula) {
        return new LeaseAddresses(mac, ip, global.map(p -> address(p, mac)), ula.map(p -> address(p, mac)),
                Optional.of(address(Ipv6.LINK_LOCAL_PREFIX, mac)), Optional.empty());
    }
}
