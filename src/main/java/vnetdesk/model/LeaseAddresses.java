package vnetdesk.model;

import java.util.Optional;

/** Every address one lease hands out; which are present depends on the AR type. */
public record LeaseAddresses(Mac mac, Optional<Ipv4> ip, Optional<Ipv6> ip6Global, Optional<Ipv6> ip6Ula,
                             Optional<Ipv6> ip6Link, Optional<Ipv6> ip6) {

    public static LeaseAddresses macOnly(Mac mac) {
        return new LeaseAddresses(mac, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The address an administrator recognises a lease by: IPv4, else static IPv6, else global, else MAC. */
    public String primary() {
        return ip.map(Ipv4::toString)
                .or(() -> ip6.map(Ipv6::toString))
                .or(() -> ip6Global.map(Ipv6::toString))
                .or(() -> ip6Ula.map(Ipv6::toString))
                .orElse(mac.toString());
    }
}
