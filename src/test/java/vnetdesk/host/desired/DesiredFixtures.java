package vnetdesk.host.desired;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Address;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.Driver;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Qos;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.VirtualNetwork;

/** Networks, NICs and rules for the compiler's tests, written as briefly as an admin would type them. */
final class DesiredFixtures {

    private DesiredFixtures() {
    }

    static NetworkConf conf(Driver driver, String bridge, String phydev, Integer vlan, Integer mtu, boolean macSpoof,
                            boolean ipSpoof) {
        return new NetworkConf(driver, bridge, false, Optional.ofNullable(phydev), Optional.ofNullable(vlan), false,
                Optional.ofNullable(mtu), macSpoof, ipSpoof, AllocationPolicy.LOWEST_FREE);
    }

    static VirtualNetwork network(int id, NetworkConf conf) {
        return network(id, conf, Qos.NONE);
    }

    static VirtualNetwork network(int id, NetworkConf conf, Qos qos) {
        return new VirtualNetwork(id, "net" + id, "", List.of(0), new Ownership(0, 0, Permissions.DEFAULT),
                Optional.empty(), conf, qos, Map.of(), List.of(0), List.of(), Optional.empty(), 0, 1);
    }

    /** A fw network on br{id} with both anti-spoofing filters. */
    static VirtualNetwork fw(int id) {
        return network(id, conf(Driver.FW, "br" + id, null, null, null, true, true));
    }

    static SecurityRule rule(String text) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            String p = pair.trim();
            int eq = p.indexOf('=');
            a.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return SecurityRule.parse(a);
    }

    static GroupRules group(int id, String... rules) {
        return new GroupRules(id, Arrays.stream(rules).map(DesiredFixtures::rule).toList());
    }

    static Mac mac(String text) {
        return Mac.parse("MAC", text);
    }

    static List<Address> addresses(String... texts) {
        return Arrays.stream(texts).map(t -> Address.parse("IP", t)).toList();
    }

    static NicOnHost nic(int vm, int index, VirtualNetwork network, String mac, List<Address> addresses,
                         GroupRules... groups) {
        return new NicOnHost(vm, index, "one-" + vm + "-" + index, network.id(), mac(mac), addresses,
                List.of(groups), Optional.empty());
    }

    static HostInventory host(List<VirtualNetwork> networks, NicOnHost... nics) {
        return new HostInventory(1, "host1", networks.stream().map(n -> new NetworkOnHost(n, false)).toList(),
                List.of(nics));
    }
}
