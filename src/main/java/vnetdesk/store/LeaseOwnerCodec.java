package vnetdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.OptionalInt;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VnetException;

/**
 * The one stored form of a lease owner: the LEASE columns OWNER_KIND
 * ({@value #VM_NIC} VM NIC, {@value #HOLD} hold, {@value #RESERVATION}
 * reservation), OWNER_ID (the VM or the reservation network) and NIC (the
 * VM's NIC index). Decoding refuses a kind it does not know or a missing id
 * instead of reading the lease as a hold, which would let a user release an
 * address that something else still uses.
 */
final class LeaseOwnerCodec {

    static final String VM_NIC = "V";
    static final String HOLD = "H";
    static final String RESERVATION = "N";

    /** The owner columns of one lease row; an absent id is SQL NULL. */
    record Columns(String kind, OptionalInt ownerId, OptionalInt nic) {
    }

    private LeaseOwnerCodec() {
    }

    static Columns encode(LeaseOwner owner) {
        if (owner instanceof LeaseOwner.VmNic v) {
            return new Columns(VM_NIC, OptionalInt.of(v.vmId()), OptionalInt.of(v.nicIndex()));
        }
        if (owner instanceof LeaseOwner.Reservation r) {
            return new Columns(RESERVATION, OptionalInt.of(r.networkId()), OptionalInt.empty());
        }
        // LeaseOwner is sealed: what is left is a hold
        return new Columns(HOLD, OptionalInt.empty(), OptionalInt.empty());
    }

    /** The owner the columns describe; a {@link VnetException} naming the column and value when they describe none. */
    static LeaseOwner decode(Columns columns) {
        return switch (columns.kind()) {
            case VM_NIC -> new LeaseOwner.VmNic(required(columns, "OWNER_ID", columns.ownerId()),
                    required(columns, "NIC", columns.nic()));
            case HOLD -> LeaseOwner.HOLD;
            case RESERVATION -> new LeaseOwner.Reservation(required(columns, "OWNER_ID", columns.ownerId()));
            default -> throw new VnetException("OWNER_KIND \"" + columns.kind() + "\" is not a lease owner kind"
                    + " this vnetdesk knows (" + VM_NIC + " VM NIC, " + HOLD + " hold, " + RESERVATION
                    + " reservation); a newer vnetdesk may have written it");
        };
    }

    /** Binds OWNER_KIND, OWNER_ID and NIC at {@code first}, {@code first + 1} and {@code first + 2}. */
    static void bind(PreparedStatement s, int first, LeaseOwner owner) throws SQLException {
        Columns columns = encode(owner);
        s.setString(first, columns.kind());
        bindOptional(s, first + 1, columns.ownerId());
        bindOptional(s, first + 2, columns.nic());
    }

    /** Reads OWNER_KIND, OWNER_ID and NIC from {@code first}, {@code first + 1} and {@code first + 2}. */
    static LeaseOwner read(ResultSet r, int first) throws SQLException {
        String kind = r.getString(first);
        int ownerId = r.getInt(first + 1);
        OptionalInt owner = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(ownerId);
        int nic = r.getInt(first + 2);
        return decode(new Columns(kind, owner, r.wasNull() ? OptionalInt.empty() : OptionalInt.of(nic)));
    }

    static void bindOptional(PreparedStatement s, int index, OptionalInt value) throws SQLException {
        if (value.isPresent()) {
            s.setInt(index, value.getAsInt());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }

    private static int required(Columns columns, String column, OptionalInt value) {
        return value.orElseThrow(() -> new VnetException(column + " is empty, but OWNER_KIND \"" + columns.kind()
                + "\" needs it"));
    }
}
