package vnetdesk.ipam;

import java.util.List;
import java.util.Optional;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.ValidationException;

/**
 * Refuses an AR whose IPv4, static IPv6 or MAC addresses overlap another AR of
 * the same network: such an address could be leased twice.
 */
public final class ArOverlap {

    private ArOverlap() {
    }

    /** Throws when {@code candidate} overlaps any of {@code others} (an AR with the same id is skipped). */
    public static void check(List<AddressRange> others, AddressRange candidate) {
        for (AddressRange o : others) {
            if (o.id() == candidate.id()) {
                continue;
            }
            Optional<Ipv4> a = candidate.type().firstIp();
            Optional<Ipv4> b = o.type().firstIp();
            if (a.isPresent() && b.isPresent() && overlaps(a.get().unsigned(), candidate.lastIndex(),
                    b.get().unsigned(), o.lastIndex())) {
                throw ValidationException.invalid("IP", a.get(), "the range " + a.get() + "-"
                        + candidate.lastAddresses().ip().orElseThrow() + " overlaps AR " + o.id() + " ("
                        + b.get() + "-" + o.lastAddresses().ip().orElseThrow() + ")");
            }
            Optional<Ipv6> a6 = candidate.type().firstIp6();
            Optional<Ipv6> b6 = o.type().firstIp6();
            if (a6.isPresent() && b6.isPresent() && overlaps6(a6.get(), candidate.lastIndex(), b6.get(), o.lastIndex())) {
                throw ValidationException.invalid("IP6", a6.get(), "the range overlaps AR " + o.id() + " (from "
                        + b6.get() + ")");
            }
            Optional<Ipv6> inCandidate = slaacPrefixInStaticRange(o, candidate);
            if (inCandidate.isPresent()) {
                throw ValidationException.invalid("IP6", candidate.type().firstIp6().orElseThrow(),
                        "the range reaches into " + inCandidate.get() + "/64, the SLAAC prefix of AR " + o.id());
            }
            Optional<Ipv6> inOther = slaacPrefixInStaticRange(candidate, o);
            if (inOther.isPresent()) {
                String field = candidate.type().globalPrefix().equals(inOther) ? "GLOBAL_PREFIX"
                        : candidate.type().ulaPrefix().equals(inOther) ? "ULA_PREFIX" : "TYPE";
                throw ValidationException.invalid(field, inOther.get(),
                        "the static IPv6 range of AR " + o.id() + " already uses addresses of this /64");
            }
            if (macOverlaps(candidate, o)) {
                throw ValidationException.invalid("MAC", candidate.firstMac(), "the MAC range "
                        + candidate.firstMac() + "-" + candidate.lastAddresses().mac() + " overlaps AR " + o.id()
                        + " (" + o.firstMac() + "-" + o.lastAddresses().mac() + ")");
            }
        }
    }

    /** A SLAAC /64 of {@code slaac} (global, ULA or link-local) that the static range of {@code fixed} reaches into. */
    private static Optional<Ipv6> slaacPrefixInStaticRange(AddressRange slaac, AddressRange fixed) {
        if (!slaac.type().isSlaac() || fixed.type().firstIp6().isEmpty()) {
            return Optional.empty();
        }
        Ipv6 first = fixed.type().firstIp6().get();
        Ipv6 last = first.plus(fixed.lastIndex());
        return java.util.stream.Stream.of(slaac.type().globalPrefix(), slaac.type().ulaPrefix(),
                        Optional.of(Ipv6.LINK_LOCAL_PREFIX))
                .flatMap(Optional::stream)
                .filter(p -> Long.compareUnsigned(p.high(), first.high()) >= 0
                        && Long.compareUnsigned(p.high(), last.high()) <= 0)
                .findFirst();
    }

    private static boolean overlaps(long firstA, long lastIndexA, long firstB, long lastIndexB) {
        return firstA <= firstB + lastIndexB && firstB <= firstA + lastIndexA;
    }

    private static boolean overlaps6(Ipv6 a, long lastA, Ipv6 b, long lastB) {
        return a.compareTo(b.plus(lastB)) <= 0 && b.compareTo(a.plus(lastA)) <= 0;
    }

    /**
     * MAC ranges are cyclic over the low 32 bits within one two-byte prefix. A
     * static IPv6 AR larger than the MAC space repeats MACs by construction; it
     * is not compared at all, or it would block every other AR with the
     * same prefix (see docs/decisions.md).
     */
    private static boolean macOverlaps(AddressRange a, AddressRange b) {
        if (a.firstMac().prefix16() != b.firstMac().prefix16()) {
            return false;
        }
        if (a.macsRepeat() || b.macsRepeat()) {
            return false;
        }
        long space = 1L << 32;
        long sizeA = a.lastIndex() + 1;
        long sizeB = b.lastIndex() + 1;
        long startA = Integer.toUnsignedLong(a.firstMac().low32());
        long startB = Integer.toUnsignedLong(b.firstMac().low32());
        long dAB = (startB - startA + space) % space;
        long dBA = (startA - startB + space) % space;
        return dAB < sizeA || dBA < sizeB;
    }
}
