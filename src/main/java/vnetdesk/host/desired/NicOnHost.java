package vnetdesk.host.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.Address;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.Qos;
import vnetdesk.model.ValidationException;

/**
 * One VM NIC placed on the host: its tap, network, MAC, the IP addresses of
 * its lease (what IP anti-spoofing lets out), its security groups in order
 * and the QoS that overrides the network's.
 */
public record NicOnHost(int vmId, int nicIndex, String tap, int networkId, Mac mac, List<Address> addresses,
                        List<GroupRules> groups, Optional<Qos> qos) {

    public NicOnHost {
        NetworkConf.checkDevice("tap", tap);
        addresses = List.copyOf(addresses);
        groups = List.copyOf(groups);
        for (Address a : addresses) {
            if (a instanceof Address.Ether) {
                throw ValidationException.invalid("IP", a, "NIC " + tap + " lists a MAC among its IP addresses");
            }
        }
    }

    /**
     * Every IP address a lease hands out: IPv4, static IPv6, SLAAC global and
     * ULA, and the link-local one (a guest sends neighbour and DHCPv6 traffic
     * from it, so IP anti-spoofing must let it out).
     */
    public static List<Address> addressesOf(LeaseAddresses lease) {
        List<Address> out = new ArrayList<>();
        lease.ip().ifPresent(ip -> out.add(new Address.V4(ip)));
        lease.ip6().ifPresent(ip -> out.add(new Address.V6(ip)));
        lease.ip6Global().ifPresent(ip -> out.add(new Address.V6(ip)));
        lease.ip6Ula().ifPresent(ip -> out.add(new Address.V6(ip)));
        lease.ip6Link().ifPresent(ip -> out.add(new Address.V6(ip)));
        return out;
    }
}
