package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.QueryService.AddressCheck;
import vnetdesk.service.core.OwnerNames;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.LeaseRepository.RunUsage;

/**
 * Tells what one typed token would meet if it were held in a network now,
 * reading tokens the way a hold does ({@link LocatedAddress}); a range costs
 * one count of the leases inside it, whatever its length.
 */
final class AddressChecker {

    private final LeaseRepository leases;
    private final OwnerNames ownerNames;

    AddressChecker(LeaseRepository leases, OwnerNames ownerNames) {
        this.leases = leases;
        this.ownerNames = ownerNames;
    }

    AddressCheck check(Connection c, VirtualNetwork n, String token) throws SQLException {
        LocatedAddress.Token parsed;
        try {
            parsed = LocatedAddress.parse(token);
        } catch (ValidationException e) {
            return new AddressCheck.Invalid(token, e.getMessage());
        }
        if (parsed instanceof LocatedAddress.Token.Single single) {
            return checkSingle(c, n, token, single);
        }
        return checkRange(c, n, token, (LocatedAddress.Token.Range) parsed);
    }

    private AddressCheck checkSingle(Connection c, VirtualNetwork n, String token, LocatedAddress.Token.Single single)
            throws SQLException {
        Optional<LocatedAddress.Located> at = LocatedAddress.locate(n, single.address(), Optional.empty());
        if (at.isEmpty()) {
            return new AddressCheck.Outside(token, single.text());
        }
        LocatedAddress.Located l = at.get();
        Optional<LeaseRow> row = leases.find(c, n.id(), l.ar().id(), l.index());
        return row.isEmpty() ? new AddressCheck.Free(token, l.ar().id())
                : new AddressCheck.Used(token, ownerNames.describe(c, row.get().owner()));
    }

    private AddressCheck checkRange(Connection c, VirtualNetwork n, String token, LocatedAddress.Token.Range range)
            throws SQLException {
        Optional<LocatedAddress.Located> first = LocatedAddress.locate(n, range.first(), Optional.empty());
        if (first.isEmpty()) {
            return new AddressCheck.Outside(token, range.firstText());
        }
        LocatedAddress.Located a = first.get();
        Optional<LocatedAddress.Located> last = LocatedAddress.locate(n, range.last(), Optional.of(a.ar().id()));
        if (last.isEmpty()) {
            return LocatedAddress.locate(n, range.last(), Optional.empty()).isPresent()
                    ? new AddressCheck.Invalid(token, range.firstText() + " and " + range.lastText()
                            + " lie in different address ranges; a range must lie in one")
                    : new AddressCheck.Outside(token, range.lastText());
        }
        long count;
        try {
            count = LocatedAddress.countOf(range, a, last.get());
        } catch (ValidationException e) {
            return new AddressCheck.Invalid(token, e.getMessage());
        }
        RunUsage usage = leases.usageOfRun(c, n.id(), a.ar().id(), a.index(), count);
        Optional<AddressCheck.UsedAddress> lowest = Optional.empty();
        if (usage.lowest().isPresent()) {
            LeaseRow row = usage.lowest().get();
            lowest = Optional.of(new AddressCheck.UsedAddress(a.ar().addressesAt(row.index()).primary(),
                    ownerNames.describe(c, row.owner())));
        }
        return new AddressCheck.Range(token, count, usage.used(), lowest);
    }
}
