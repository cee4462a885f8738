package vnetdesk.service;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Mac;
import vnetdesk.model.VirtualNetwork;

/**
 * Networks that share an L2 segment — the same bridge in a common cluster,
 * the same 802.1Q device ({@code PHYDEV.VLAN}), the same VXLAN VNI — and
 * whose address ranges overlap: each network would lease the same IPv4
 * address, static IPv6 address or MAC on one wire, and {@code whois} would
 * call it free in both. Overlaps on separate segments are normal (two sites
 * may both use 10.0.0.0/24) and not reported. Reservation ranges are carved
 * from their parent's on purpose and never count.
 */
public final class SegmentOverlaps {

    /** One overlap: the other network, the segment they share, and the addresses both may lease. */
    public record Overlap(int otherId, String otherName, String segment, String addresses) {
        /** "shares bridge br0 with network 3:lan2, and both lease 10.0.0.1–10.0.0.10". */
        public String message() {
            return "shares " + segment + " with network " + otherId + ":" + otherName + ", and both may lease "
                    + addresses + ": one address could be given twice on that segment";
        }
    }

    private SegmentOverlaps() {
    }

    /** The overlaps of {@code network} with the others of {@code all} (it may be among them). */
    public static List<Overlap> of(VirtualNetwork network, List<VirtualNetwork> all) {
        List<Overlap> out = new ArrayList<>();
        for (VirtualNetwork other : all) {
            if (other.id() == network.id()) {
                continue;
            }
            Optional<String> segment = sharedSegment(network, other);
            if (segment.isEmpty()) {
                continue;
            }
            Set<String> both = new LinkedHashSet<>();
            for (AddressRange a : owned(network)) {
                for (AddressRange b : owned(other)) {
                    both.addAll(overlaps(a, b));
                }
            }
            if (!both.isEmpty()) {
                out.add(new Overlap(other.id(), other.name(), segment.get(), String.join(", ", both)));
            }
        }
        return out;
    }

    /** The segment two networks share, in words, or empty when they are on separate ones. */
    static Optional<String> sharedSegment(VirtualNetwork a, VirtualNetwork b) {
        if (a.conf().driver() == Driver.VXLAN && b.conf().driver() == Driver.VXLAN
                && a.conf().vlanId().isPresent() && a.conf().vlanId().equals(b.conf().vlanId())) {
            return Optional.of("VXLAN VNI " + a.conf().vlanId().get());
        }
        if (a.conf().driver() == Driver.VLAN && b.conf().driver() == Driver.VLAN
                && a.conf().taggedDevice().isPresent() && a.conf().taggedDevice().equals(b.conf().taggedDevice())) {
            return Optional.of("802.1Q device " + a.conf().taggedDevice().get());
        }
        boolean commonCluster = a.clusterIds().stream().anyMatch(b.clusterIds()::contains);
        if (commonCluster && a.conf().bridge().equals(b.conf().bridge())) {
            return Optional.of("bridge " + a.conf().bridge());
        }
        return Optional.empty();
    }

    private static List<AddressRange> owned(VirtualNetwork n) {
        return n.addressRanges().stream().filter(ar -> !ar.isReservation()).toList();
    }

    /** The addresses both ranges hold, per family, as "first–last" (or one address), else their common MACs. */
    private static List<String> overlaps(AddressRange a, AddressRange b) {
        List<String> out = new ArrayList<>();
        if (a.type().firstIp().isPresent() && b.type().firstIp().isPresent()) {
            span(a, b, ar -> BigInteger.valueOf(ar.type().firstIp().get().unsigned()))
                    .ifPresent(s -> out.add(text(s, i -> Ipv4.ofUnsigned(i.longValueExact())
                            .toString())));
        }
        if (a.type().firstIp6().isPresent() && b.type().firstIp6().isPresent()) {
            span(a, b, ar -> ar.type().firstIp6().get().toBigInteger())
                    .ifPresent(s -> out.add(text(s, i -> new Ipv6(i.shiftRight(64).longValue(), i.longValue()).toString())));
        }
        // an IPv4 range's MACs follow its addresses (02:00 + IP): MACs are told only when no address overlaps
        if (out.isEmpty() && !a.macsRepeat() && !b.macsRepeat()) {
            span(a, b, ar -> BigInteger.valueOf(ar.firstMac().value()))
                    .ifPresent(s -> out.add("MAC " + text(s, i -> new Mac(i.longValueExact())
                            .toString())));
        }
        return out;
    }

    /** The common part of two ranges [first, first + size - 1], as numbers. */
    private static Optional<BigInteger[]> span(AddressRange a, AddressRange b, Function<AddressRange, BigInteger> first) {
        BigInteger aFirst = first.apply(a);
        BigInteger bFirst = first.apply(b);
        BigInteger aLast = aFirst.add(a.size()).subtract(BigInteger.ONE);
        BigInteger bLast = bFirst.add(b.size()).subtract(BigInteger.ONE);
        BigInteger from = aFirst.max(bFirst);
        BigInteger to = aLast.min(bLast);
        return from.compareTo(to) <= 0 ? Optional.of(new BigInteger[] {from, to}) : Optional.empty();
    }

    private static String text(BigInteger[] span, Function<BigInteger, String> format) {
        return span[0].equals(span[1]) ? format.apply(span[0])
                : format.apply(span[0]) + "–" + format.apply(span[1]);
    }
}
