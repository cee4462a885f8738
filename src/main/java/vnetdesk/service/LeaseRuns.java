package vnetdesk.service;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;

/**
 * The leases a bulk operation took, as runs of consecutive indexes: a list
 * view that builds each {@link Lease} only when it is read, so holding a /8
 * does not create sixteen million objects.
 */
final class LeaseRuns extends AbstractList<Lease> {

    private record Run(AddressRange ar, long first, long count) {
    }

    private final int networkId;
    private final LeaseOwner owner;
    private final List<Run> runs = new ArrayList<>();
    private long size;

    LeaseRuns(int networkId, LeaseOwner owner) {
        this.networkId = networkId;
        this.owner = owner;
    }

    void add(AddressRange ar, long first, long count) {
        runs.add(new Run(ar, first, count));
        size += count;
    }

    @Override
    public Lease get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        long remaining = index;
        for (Run r : runs) {
            if (remaining < r.count) {
                long idx = r.first + remaining;
                return new Lease(networkId, r.ar.id(), idx, r.ar.addressesAt(idx), owner);
            }
            remaining -= r.count;
        }
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
        return (int) Math.min(size, Integer.MAX_VALUE);
    }
}
