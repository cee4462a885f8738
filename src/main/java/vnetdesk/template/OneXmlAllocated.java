package vnetdesk.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.Mac;
import vnetdesk.model.VnetException;

/**
 * OpenNebula's {@code ALLOCATED} AR attribute, the only place the list form ({@code onevnet list -x})
 * states an AR's leases: {@code " index owner index owner …"}, where the owner packs an object type
 * bit (PoolObjectSQL::ObjectType: VM, NET, VROUTER) with the object id in the low 32 bits (a hold is
 * the VM bit with id -1). Shared by the writer and the reader so the two cannot drift.
 */
final class OneXmlAllocated {

    static final long VM = 0x0000_0010_0000_0000L;
    static final long NET = 0x0000_0040_0000_0000L;
    static final long VROUTER = 0x0004_0000_0000_0000L;
    private static final long ID_BITS = 0xFFFF_FFFFL;
    /** The first index a MAC no longer tells apart (MACs repeat every 2^32 addresses). */
    private static final long MAC_PERIOD = 1L << 32;

    private OneXmlAllocated() {
    }

    /** The ALLOCATED text of one AR's leases, in index order, as OpenNebula writes it. */
    static String encode(List<Lease> leases) {
        StringBuilder b = new StringBuilder();
        leases.stream().sorted((x, y) -> Long.compareUnsigned(x.index(), y.index())).forEach(l ->
                b.append(' ').append(Long.toUnsignedString(l.index())).append(' ').append(pack(l.owner())));
        return b.toString();
    }

    private static long pack(LeaseOwner owner) {
        if (owner instanceof LeaseOwner.VmNic nic) {
            return VM | (nic.vmId() & ID_BITS);
        }
        if (owner instanceof LeaseOwner.Reservation r) {
            return NET | (r.networkId() & ID_BITS);
        }
        return VM | (OneXmlLeaseOwner.HOLD_VM_ID & ID_BITS);
    }

    /**
     * The leases an ALLOCATED text states, placed by the AR's MAC (and, for an index past 2^32, its
     * static IP6) as {@code LEASES} would name them; VM owners become VM leases, the VM bit with id
     * -1 a hold, NET a reservation owner, VROUTER a hold (vnetdesk has no virtual routers).
     *
     * @param attributes the AR's stored attributes (MAC, SIZE, IP6)
     * @throws VnetException naming the token, for a malformed text or an index outside the AR
     */
    static List<ImportedLease> decode(String allocated, Map<String, String> attributes) {
        String[] tokens = allocated.strip().split("\\s+");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
            return List.of();
        }
        if (tokens.length % 2 != 0) {
            throw bad(tokens, tokens.length - 1, "has no owner (the text is index owner pairs)");
        }
        Optional<BigInteger> size = number(attributes.get("SIZE"));
        String macText = attributes.get("MAC");
        if (macText == null || !Mac.looksLike(macText.strip())) {
            throw new VnetException("ALLOCATED: the address range has no valid MAC to place its leases by");
        }
        Mac first = Mac.parse("MAC", macText.strip());
        List<ImportedLease> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; i += 2) {
            int at = i;
            BigInteger index = number(tokens[i]).filter(n -> n.bitLength() <= 64).orElseThrow(() -> bad(tokens, at,
                    "is not an address index"));
            if (size.isPresent() && index.compareTo(size.get()) >= 0) {
                throw bad(tokens, at, "is outside the address range (SIZE " + size.get() + ")");
            }
            long owner;
            try {
                owner = Long.parseLong(tokens[i + 1]);
            } catch (NumberFormatException e) {
                throw bad(tokens, i + 1, "is not an owner number");
            }
            long idx = index.longValue();
            Optional<String> ip6 = Optional.empty();
            if (Long.compareUnsigned(idx, MAC_PERIOD) >= 0) {
                String start = attributes.get("IP6");
                if (start == null || !Ipv6.looksLike(start.strip())) {
                    throw bad(tokens, i, "is past 2^32 in an address range without a static IP6");
                }
                ip6 = Optional.of(Ipv6.parse("IP6", start.strip()).plus(idx).toString());
            }
            out.add(new ImportedLease(Optional.empty(), ip6, Optional.of(first.plus(idx).toString()),
                    owner(tokens, i + 1, owner)));
        }
        return out;
    }

    private static ImportedOwner owner(String[] tokens, int at, long owner) {
        long type = owner & ~ID_BITS;
        int id = (int) (owner & ID_BITS);
        if (type == VM && id == OneXmlLeaseOwner.HOLD_VM_ID) {
            return new ImportedOwner.Hold();
        }
        if (type == VROUTER && id >= 0) {
            return new ImportedOwner.Hold();
        }
        if (type == VM && id >= 0) {
            return new ImportedOwner.Vm(id, 0);
        }
        if (type == NET && id >= 0) {
            return new ImportedOwner.Vnet(id);
        }
        throw bad(tokens, at, "is not a VM, network or virtual router owner (the object type bits VM "
                + VM + ", NET " + NET + " or VROUTER " + VROUTER + " with the id in the low 32 bits)");
    }

    private static Optional<BigInteger> number(String text) {
        return text != null && text.strip().matches("[0-9]{1,25}") ? Optional.of(new BigInteger(text.strip()))
                : Optional.empty();
    }

    private static VnetException bad(String[] tokens, int at, String why) {
        return new VnetException("ALLOCATED: token " + (at + 1) + " \"" + printable(tokens[at]) + "\" " + why);
    }

    private static String printable(String token) {
        return token.length() > 40 ? token.substring(0, 40) + "…" : token;
    }
}
