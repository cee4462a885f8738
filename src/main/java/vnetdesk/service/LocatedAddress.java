package vnetdesk.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import vnetdesk.model.Address;
import vnetdesk.model.AddressRange;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;

/**
 * Addresses a user typed (single addresses and inclusive FIRST-LAST ranges),
 * resolved to index runs of the network's ARs without materialising them.
 */
final class LocatedAddress {

    /** Largest number of addresses one bulk operation may name. */
    static final long MAX_BULK = 16_777_216L;

    /** A run of consecutive indexes of one AR, and the text it came from. */
    record Run(AddressRange ar, long first, long count, String text) {
    }

    private LocatedAddress() {
    }

    /** Resolves every token; all-or-nothing: the first bad token is an error naming it. */
    static Map<Integer, List<Run>> resolve(VirtualNetwork n, List<String> tokens, Optional<Integer> arId) {
        if (tokens.isEmpty()) {
            throw ValidationException.missing("ADDRESS");
        }
        if (arId.isPresent() && n.addressRange(arId.get()).isEmpty()) {
            throw ValidationException.invalid("AR_ID", arId.get(), "network " + n.label() + " has no such address range");
        }
        Map<Integer, List<Run>> runs = new LinkedHashMap<>();
        long total = 0;
        for (String token : tokens) {
            Run run = resolveToken(n, token, arId);
            total += run.count();
            if (total > MAX_BULK || total < 0) {
                throw ValidationException.invalid("ADDRESS", token, "more than " + MAX_BULK + " addresses in one operation");
            }
            runs.computeIfAbsent(run.ar().id(), k -> new ArrayList<>()).add(run);
        }
        return runs;
    }

    static Run resolveToken(VirtualNetwork n, String token, Optional<Integer> arId) {
        String t = token == null ? "" : token.trim();
        int dash = t.indexOf('-');
        if (dash < 0) {
            Address a = Address.parse("ADDRESS", t);
            Located l = locate(n, a, arId, t);
            return new Run(l.ar, l.index, 1, t);
        }
        if (t.indexOf('-', dash + 1) >= 0) {
            throw ValidationException.invalid("ADDRESS", token, "a range is FIRST-LAST");
        }
        String firstText = t.substring(0, dash).trim();
        String lastText = t.substring(dash + 1).trim();
        if (firstText.isEmpty() || lastText.isEmpty()) {
            throw ValidationException.invalid("ADDRESS", token, "a range is FIRST-LAST, with both ends given");
        }
        Address first = Address.parse("ADDRESS", firstText);
        Address last = Address.parse("ADDRESS", lastText);
        if (first.getClass() != last.getClass()) {
            throw ValidationException.invalid("ADDRESS", token, "both ends of a range must be the same kind of address");
        }
        Located a = locate(n, first, arId, firstText);
        Located b = locate(n, last, Optional.of(a.ar.id()), lastText);
        if (Long.compareUnsigned(b.index, a.index) < 0) {
            throw ValidationException.invalid("ADDRESS", token, "the last address comes before the first");
        }
        long count = b.index - a.index + 1;
        if (count == 0 || Long.compareUnsigned(count, MAX_BULK) > 0) {
            throw ValidationException.invalid("ADDRESS", token, "more than " + MAX_BULK + " addresses in one operation");
        }
        return new Run(a.ar, a.index, count, t);
    }

    private record Located(AddressRange ar, long index) {
    }

    private static Located locate(VirtualNetwork n, Address a, Optional<Integer> arId, String text) {
        // a MAC names a lease unambiguously only in ranges whose MACs do not repeat: try those first
        List<AddressRange> candidates = new ArrayList<>(n.addressRanges());
        if (a instanceof Address.Ether) {
            candidates.sort(Comparator.comparing(AddressRange::macsRepeat));
        }
        for (AddressRange ar : candidates) {
            if (arId.isPresent() && ar.id() != arId.get()) {
                continue;
            }
            OptionalLong idx = ar.indexOf(a);
            if (idx.isPresent()) {
                return new Located(ar, idx.getAsLong());
            }
        }
        String where = arId.map(id -> "address range " + id + " of network " + n.label())
                .orElse("network " + n.label());
        throw ValidationException.invalid("ADDRESS", text, "not inside " + where);
    }
}
