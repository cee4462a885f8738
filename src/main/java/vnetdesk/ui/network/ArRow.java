package vnetdesk.ui.network;

import java.math.BigInteger;

import vnetdesk.model.AddressRange;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.NetworkDetails;
import vnetdesk.ui.common.Usage;

/** One line of the Addresses tab. */
public record ArRow(AddressRange ar, String type, String first, String last, String firstMac, String lastMac,
                    String prefixes, BigInteger size, long used) {

    static ArRow of(AddressRange ar, NetworkDetails d) {
        LeaseAddresses first = ar.addressesAt(0);
        LeaseAddresses last = ar.addressesAt(ar.lastIndex());
        String ip6 = String.join(" ", ar.toAttributes().entrySet().stream()
                .filter(e -> e.getKey().endsWith("_PREFIX") || e.getKey().equals("PREFIX_LENGTH"))
                .map(e -> e.getKey().equals("PREFIX_LENGTH") ? "/" + e.getValue() : e.getValue()).toList());
        return new ArRow(ar, ar.toAttributes().getOrDefault("TYPE", "?"), first.primary(), last.primary(),
                first.mac().toString(), last.mac().toString(), ip6, ar.size(), d.used(ar.id()));
    }

    public int id() {
        return ar.id();
    }

    public double usage() {
        return Usage.fraction(used, size);
    }
}
