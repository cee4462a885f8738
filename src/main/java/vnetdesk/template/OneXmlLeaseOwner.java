package vnetdesk.template;

import java.util.OptionalInt;

/**
 * The notation of a lease owner in {@code onevnet show -x} XML, shared by the
 * writer and the reader so the two cannot drift: {@code <VM>id</VM>} for a VM NIC,
 * {@code <VM>-1</VM>} for a hold, {@code <VNET>id</VNET>} for a reservation. Older
 * vnetdesk documents also carry {@code <NIC_NAME>NICn</NIC_NAME>} with a VM lease
 * (OpenNebula's schema has no such element, so it is no longer written); the reader
 * still takes the NIC number from it.
 */
final class OneXmlLeaseOwner {

    /** The VM id OpenNebula writes for a held address. */
    static final int HOLD_VM_ID = -1;

    private static final String NIC_PREFIX = "NIC";

    private OneXmlLeaseOwner() {
    }

    /** {@code NIC3} → 3; anything else (a user-chosen NIC name) has no number. */
    static OptionalInt nicIndex(String nicName) {
        if (nicName.length() < 4 || nicName.length() > 13 || !nicName.startsWith(NIC_PREFIX)) {
            return OptionalInt.empty();
        }
        for (int i = NIC_PREFIX.length(); i < nicName.length(); i++) {
            if (nicName.charAt(i) < '0' || nicName.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        long n = Long.parseLong(nicName.substring(NIC_PREFIX.length()));
        return n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
    }
}
