package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import vnetdesk.ipam.IndexRange;
import vnetdesk.ipam.UsedIndexSet;
import vnetdesk.model.Actor;
import vnetdesk.model.Address;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnerNames;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;

/**
 * Read side: network lists and details, lease pages, free ranges, "who
 * holds this address?" across the whole inventory, and the live check of
 * addresses typed for a hold.
 */
public final class QueryService {

    /** One row of a network list. */
    public record NetworkSummary(VirtualNetwork network, String ownerName, String groupName, long used) {
    }

    /** A maximal run of free addresses of one AR. */
    public record FreeRange(int arId, LeaseAddresses first, LeaseAddresses last, String count) {
    }

    /**
     * One answer of whois: the network and AR containing the address, and, if it
     * is used, its owner and a readable description of the owner.
     */
    public record WhoisMatch(VirtualNetwork network, int arId, long index, LeaseAddresses addresses,
                             Optional<LeaseOwner> leaseOwner, Optional<String> owner) {
    }

    /**
     * What one typed token (an address or a FIRST-LAST range) would meet if it
     * were held in the network now: the Hold dialog's live check.
     */
    public sealed interface AddressCheck {
        /** The token as it was given. */
        String token();

        /** One address, free, in address range {@code arId}. */
        record Free(String token, int arId) implements AddressCheck {
        }

        /** One address, used; {@code usedBy} describes its owner. */
        record Used(String token, String usedBy) implements AddressCheck {
        }

        /** A range inside one AR: {@code used} of its {@code count} addresses are in use, the lowest of them given. */
        record Range(String token, long count, long used, Optional<UsedAddress> lowestUsed) implements AddressCheck {
        }

        /** {@code address} (the token, or one end of a range) lies in none of the network's address ranges. */
        record Outside(String token, String address) implements AddressCheck {
        }

        /** The token is no address or range a hold would accept; {@code reason} says why. */
        record Invalid(String token, String reason) implements AddressCheck {
        }

        /** A used address of a range and who uses it. */
        record UsedAddress(String address, String usedBy) {
        }
    }

    private final Tx tx;
    private final NetworkRefs refs;
    private final Access access;
    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final UserRepository users;
    private final AllocatorCache cache;
    private final ArCatalog catalog;
    private final OwnerNames ownerNames;
    private final AddressChecker addressChecker;
    private final AddressMapQuery addressMaps;

    QueryService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.refs = ctx.refs();
        this.access = ctx.access();
        this.networks = ctx.networks();
        this.leases = ctx.leases();
        this.users = ctx.users();
        this.cache = ctx.cache();
        this.catalog = ctx.catalog();
        this.ownerNames = ctx.ownerNames();
        this.addressChecker = new AddressChecker(ctx.leases(), ctx.ownerNames());
        this.addressMaps = new AddressMapQuery(ctx.leases(), ctx.networks(), ctx.vms(), ctx.cache(), ctx.catalog());
    }

    /** Networks the actor may see (USE right or owner), with usage. */
    public List<NetworkSummary> list(Actor actor) {
        return tx.read(c -> {
            Map<Integer, String> uname = users.userNames(c);
            Map<Integer, String> gname = users.groupNames(c);
            Map<Integer, Long> used = leases.usedPerNetwork(c);
            List<NetworkSummary> out = new ArrayList<>();
            Access.Checker rights = access.of(c, actor);
            for (VirtualNetwork n : networks.list(c)) {
                if (rights.may(n, Right.USE)) {
                    out.add(new NetworkSummary(n, uname.getOrDefault(n.ownership().uid(), "?"),
                            gname.getOrDefault(n.ownership().gid(), "?"), used.getOrDefault(n.id(), 0L)));
                }
            }
            return out;
        });
    }

    /** A network with usage and up to {@code leaseLimit} of its leases. */
    public NetworkDetails details(Actor actor, ObjectRef ref, int leaseLimit) {
        return tx.read(c -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).requireRight(n, Right.USE, "show");
            List<Lease> page = toLeases(n, leases.page(c, n.id(), 0, OptionalLong.empty(), leaseLimit));
            return new NetworkDetails(n, users.userNames(c).getOrDefault(n.ownership().uid(), "?"),
                    users.groupNames(c).getOrDefault(n.ownership().gid(), "?"), leases.usedPerAr(c, n.id()),
                    page, ownerLabels(c, page));
        });
    }

    /**
     * The networks that share an L2 segment with this one and lease some of
     * the same addresses (see {@link SegmentOverlaps}); a network the actor
     * may not see is named by its id only.
     */
    public List<SegmentOverlaps.Overlap> overlaps(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            VirtualNetwork n = refs.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.requireRight(n, Right.USE, "check the overlaps of");
            List<VirtualNetwork> all = catalog.networks(c);
            return SegmentOverlaps.of(n, all).stream().map(o -> all.stream().filter(x -> x.id() == o.otherId())
                    .findFirst().filter(x -> rights.may(x, Right.USE)).map(x -> o)
                    .orElseGet(() -> new SegmentOverlaps.Overlap(o.otherId(), "(not visible to you)", o.segment(),
                            o.addresses()))).toList();
        });
    }

    /** Leases after position (arId, index) in (AR, index) order; for paged tables. */
    public List<Lease> leasePage(Actor actor, ObjectRef ref, int afterAr, OptionalLong afterIndex, int limit) {
        return tx.read(c -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).requireRight(n, Right.USE, "list the leases of");
            return toLeases(n, leases.page(c, n.id(), afterAr, afterIndex, limit));
        });
    }

    /** Readable owner names (the VM of a NIC, the reservation) by owner label, for a page of leases. */
    public Map<String, String> ownerDescriptions(List<Lease> page) {
        return tx.read(c -> ownerLabels(c, page));
    }

    private Map<String, String> ownerLabels(Connection c, List<Lease> page) throws SQLException {
        Map<String, String> labels = new HashMap<>();
        for (Lease l : page) {
            if (!(l.owner() instanceof LeaseOwner.Hold) && !labels.containsKey(l.owner().label())) {
                ownerNames.name(c, l.owner()).ifPresent(name -> labels.put(l.owner().label(), name));
            }
        }
        return labels;
    }

    /** Free addresses of a network as maximal ranges, at most {@code limit} of them. */
    public List<FreeRange> freeRanges(Actor actor, ObjectRef ref, int limit) {
        return tx.readShared((c, hooks) -> {
            NetworkRefs.Resolved resolved = refs.resolveWithState(c, ref);
            VirtualNetwork n = resolved.network();
            access.of(c, actor).requireRight(n, Right.USE, "list the free addresses of");
            List<FreeRange> out = new ArrayList<>();
            // the cached sets are shared with writers, hence under the write lock (nothing is written)
            for (AddressRange ar : n.addressRanges()) {
                long version = resolved.state(ar.id()).version();
                UsedIndexSet set = cache.forWrite(c, n.id(), ar, version);
                for (IndexRange r : set.freeRanges(limit - out.size())) {
                    String count = r.isFullRange() ? AddressRange.sizeOf(-1L).toString() : Long.toUnsignedString(r.count());
                    out.add(new FreeRange(ar.id(), ar.addressesAt(r.first()), ar.addressesAt(r.last()), count));
                }
                if (out.size() >= limit) {
                    break;
                }
            }
            return out;
        });
    }

    /**
     * A map of {@code window} of AR {@code arId} in at most {@code maxCells}
     * cells (2..1,024): used counts per cell from the allocator's bitmap, owners per
     * address when a cell is one address (see {@link AddressMapQuery}).
     */
    public AddressMap addressMap(Actor actor, ObjectRef ref, int arId, AddressMap.Window window, int maxCells) {
        return tx.readShared((c, hooks) -> {
            NetworkRefs.Resolved resolved = refs.resolveWithState(c, ref);
            access.of(c, actor).requireRight(resolved.network(), Right.USE, "show the address map of");
            // the cached sets are shared with writers, hence under the write lock (nothing is written)
            return addressMaps.map(c, resolved, arId, window, maxCells);
        });
    }

    /** The leases of {@code window} of AR {@code arId} per owner kind: a block's tooltip. */
    public Map<AddressMap.Kind, Long> blockUsage(Actor actor, ObjectRef ref, int arId, AddressMap.Window window) {
        return tx.read(c -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).requireRight(n, Right.USE, "show the address map of");
            return addressMaps.usage(c, n, arId, window);
        });
    }

    /** Every network/AR that contains the address, with its lease owner if used. */
    public List<WhoisMatch> whois(Actor actor, String text) {
        Address address = Address.parse("ADDRESS", text);
        return tx.read(c -> {
            List<WhoisMatch> out = new ArrayList<>();
            Access.Checker rights = access.of(c, actor);
            for (VirtualNetwork n : catalog.networks(c)) {
                if (!rights.may(n, Right.USE)) {
                    continue;
                }
                for (AddressRange ar : n.addressRanges()) {
                    OptionalLong idx = ar.indexOf(address);
                    if (idx.isPresent()) {
                        Optional<LeaseRow> row = leases.find(c, n.id(), ar.id(), idx.getAsLong());
                        if (row.isEmpty() && address instanceof Address.Ether && ar.macsRepeat()) {
                            continue; // every MAC maps into such a range; only a leased one is an answer
                        }
                        Optional<LeaseOwner> owner = row.map(LeaseRow::owner);
                        Optional<String> described = owner.isPresent()
                                ? Optional.of(ownerNames.describe(c, owner.get())) : Optional.empty();
                        out.add(new WhoisMatch(n, ar.id(), idx.getAsLong(), ar.addressesAt(idx.getAsLong()), owner,
                                described));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Checks every token of one hold request in one read, as the hold would
     * read them; answers in the order given. A bad token is an answer, not an error.
     */
    public List<AddressCheck> checkAddresses(Actor actor, ObjectRef ref, List<String> tokens) {
        return tx.read(c -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).requireRight(n, Right.USE, "check the addresses of");
            List<AddressCheck> out = new ArrayList<>(tokens.size());
            for (String token : tokens) {
                out.add(addressChecker.check(c, n, token));
            }
            return out;
        });
    }

    private static List<Lease> toLeases(VirtualNetwork n, List<LeaseRow> rows) {
        List<Lease> out = new ArrayList<>(rows.size());
        for (LeaseRow r : rows) {
            n.addressRange(r.arId()).ifPresent(ar -> out.add(
                    new Lease(n.id(), r.arId(), r.index(), ar.addressesAt(r.index()), r.owner())));
        }
        return out;
    }
}
