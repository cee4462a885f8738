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
        Token parsed = parse(token);
        if (parsed instanceof Token.Single single) {
            Located l = locateOrRefuse(n, single.address(), arId, single.text());
            return new Run(l.ar(), l.index(), 1, single.text());
        }
        Token.Range range = (Token.Range) parsed;
        Located a = locateOrRefuse(n, range.first(), arId, range.firstText());
        Located b = locateOrRefuse(n, range.last(), Optional.of(a.ar().id()), range.lastText());
        return new Run(a.ar(), a.index(), countOf(range, a, b), range.text());
    }

    /** A typed token, parsed but not yet placed in a network: one address, or the two ends of FIRST-LAST. */
    sealed interface Token {
        String text();

        record Single(String text, Address address) implements Token {
        }

        record Range(String text, Address first, String firstText, Address last, String lastText) implements Token {
        }
    }

    /** Parses one token; a malformed one is a {@link ValidationException} naming it. */
    static Token parse(String token) {
        String t = token == null ? "" : token.trim();
        int dash = t.indexOf('-');
        if (dash < 0) {
            return new Token.Single(t, Address.parse("ADDRESS", t));
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
        return new Token.Range(t, first, firstText, last, lastText);
    }

    /** How many addresses a range holds once both ends are placed in one AR; refuses a reversed or too long one. */
    static long countOf(Token.Range range, Located first, Located last) {
        if (Long.compareUnsigned(last.index(), first.index()) < 0) {
            throw ValidationException.invalid("ADDRESS", range.text(), "the last address comes before the first");
        }
        long count = last.index() - first.index() + 1;
        if (count == 0 || Long.compareUnsigned(count, MAX_BULK) > 0) {
            throw ValidationException.invalid("ADDRESS", range.text(),
                    "more than " + MAX_BULK + " addresses in one operation");
        }
        return count;
    }

    /** An address placed in the network: its AR and index there. */
    record Located(AddressRange ar, long index) {
    }

    /**
     * The AR holding the address (only AR {@code arId} when given). A MAC names a lease unambiguously only in
     * ranges whose MACs do not repeat, so those are tried first.
     */
    static Optional<Located> locate(VirtualNetwork n, Address a, Optional<Integer> arId) {
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
                return Optional.of(new Located(ar, idx.getAsLong()));
            }
        }
        return Optional.empty();
    }

    private static Located locateOrRefuse(VirtualNetwork n, Address a, Optional<Integer> arId, String text) {
        return locate(n, a, arId).orElseThrow(() -> {
            String where = arId.map(id -> "address range " + id + " of network " + n.label())
                    .orElse("network " + n.label());
            return ValidationException.invalid("ADDRESS", text, "not inside " + where);
        });
    }
}
