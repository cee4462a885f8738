package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.host.desired.DesiredFixtures.addresses;
import static vnetdesk.host.desired.DesiredFixtures.conf;
import static vnetdesk.host.desired.DesiredFixtures.fw;
import static vnetdesk.host.desired.DesiredFixtures.group;
import static vnetdesk.host.desired.DesiredFixtures.network;
import static vnetdesk.host.desired.DesiredFixtures.nic;

import java.util.List;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.IpSet;
import vnetdesk.model.Driver;
import vnetdesk.model.VirtualNetwork;

/** The chains of one NIC, rule by rule, in the text iptables-save prints. */
class NicFirewallTest {

    private static final VirtualNetwork FW = fw(5);
    private static final VirtualNetwork PLAIN_FW = network(6, conf(Driver.FW, "br6", null, null, null, false, false));

    private static NicFirewall firewall(VirtualNetwork network, GroupRules... groups) {
        return NicFirewall.of(nic(3, 0, network, "02:00:0a:00:00:01", addresses("10.0.0.1", "2001:db8::1",
                "fe80::ff:fe0a:1"), groups), network.conf()).orElseThrow();
    }

    @Test
    void aFilteredNicHasEveryPartInTheSpecsOrderAndDropLast() {
        NicFirewall f = firewall(FW, group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND; RANGE=22",
                "PROTOCOL=ALL; RULE_TYPE=OUTBOUND"));
        assertEquals(List.of(
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-p tcp -m multiport --dports 22 -j RETURN",
                "-j DROP"), f.v4Chains().get("one-3-0-i").rules());
        assertEquals(List.of(
                "-m mac ! --mac-source 02:00:0a:00:00:01 -j DROP",
                "-s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67 -j RETURN",
                "-m set ! --match-set one-3-0-ip-spoofing src -j DROP",
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-j RETURN",
                "-j DROP"), f.v4Chains().get("one-3-0-o").rules());
        assertEquals(List.of(
                "-p ipv6-icmp -m icmp6 --icmpv6-type 134 -j RETURN",
                "-p ipv6-icmp -m icmp6 --icmpv6-type 135 -j RETURN",
                "-p ipv6-icmp -m icmp6 --icmpv6-type 136 -j RETURN",
                "-p ipv6-icmp -m icmp6 --icmpv6-type 137 -j RETURN",
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-p tcp -m multiport --dports 22 -j RETURN",
                "-j DROP"), f.v6Chains().get("one-3-0-i").rules());
        assertEquals(List.of(
                "-p ipv6-icmp -m icmp6 --icmpv6-type 133 -j RETURN",
                "-p ipv6-icmp -m icmp6 --icmpv6-type 135 -j RETURN",
                "-p ipv6-icmp -m icmp6 --icmpv6-type 136 -j RETURN",
                "-m mac ! --mac-source 02:00:0a:00:00:01 -j DROP",
                "-m set ! --match-set one-3-0-ip6-spoofing src -j DROP",
                "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-j RETURN",
                "-j DROP"), f.v6Chains().get("one-3-0-o").rules());
        assertEquals(List.of("-m physdev --physdev-out one-3-0 --physdev-is-bridged -j one-3-0-i",
                "-m physdev --physdev-in one-3-0 --physdev-is-bridged -j one-3-0-o"), f.jumps());
        assertEquals(List.of("-A INPUT -m physdev --physdev-in one-3-0 -j one-3-0-o"), f.hooks());
        assertEquals(List.of(new IpSet("one-3-0-ip-spoofing", "hash:ip", "inet", List.of("10.0.0.1")),
                new IpSet("one-3-0-ip6-spoofing", "hash:ip", "inet6", List.of("2001:db8::1", "fe80::ff:fe0a:1"))),
                f.ipsets());
    }

    @Test
    void withoutAntiSpoofingTheOutChainStartsWithConntrack() {
        NicFirewall f = firewall(PLAIN_FW, group(100, "PROTOCOL=ALL; RULE_TYPE=OUTBOUND"));
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN", "-j RETURN", "-j DROP"),
                f.v4Chains().get("one-3-0-o").rules());
        assertTrue(f.ipsets().isEmpty());
    }

    @Test
    void eachProtocolMapsToItsMatch() {
        NicFirewall f = firewall(PLAIN_FW, group(100,
                "PROTOCOL=TCP; RULE_TYPE=INBOUND", "PROTOCOL=UDP; RULE_TYPE=INBOUND",
                "PROTOCOL=ICMP; RULE_TYPE=INBOUND", "PROTOCOL=ICMPV6; RULE_TYPE=INBOUND",
                "PROTOCOL=IPSEC; RULE_TYPE=INBOUND", "PROTOCOL=ALL; RULE_TYPE=INBOUND",
                "PROTOCOL=UDP; RULE_TYPE=INBOUND; RANGE=53,1000:2000,5000",
                "PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=8",
                "PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; ICMPV6_TYPE=128"));
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-p tcp -j RETURN", "-p udp -j RETURN", "-p icmp -j RETURN", "-p esp -j RETURN", "-j RETURN",
                "-p udp -m multiport --dports 53,1000:2000,5000 -j RETURN",
                "-p icmp -m icmp --icmp-type 8 -j RETURN", "-j DROP"), f.v4Chains().get("one-3-0-i").rules());
        List<String> v6 = f.v6Chains().get("one-3-0-i").rules();
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-p tcp -j RETURN", "-p udp -j RETURN", "-p ipv6-icmp -j RETURN", "-p esp -j RETURN", "-j RETURN",
                "-p udp -m multiport --dports 53,1000:2000,5000 -j RETURN",
                "-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j RETURN", "-j DROP"), v6.subList(4, v6.size()));
    }

    @Test
    void icmpIsOnlyInIptablesAndIcmpv6OnlyInIp6tables() {
        NicFirewall f = firewall(PLAIN_FW, group(100, "PROTOCOL=ICMP; RULE_TYPE=OUTBOUND",
                "PROTOCOL=ICMPV6; RULE_TYPE=OUTBOUND"));
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN", "-p icmp -j RETURN", "-j DROP"),
                f.v4Chains().get("one-3-0-o").rules());
        assertTrue(f.v6Chains().get("one-3-0-o").rules().contains("-p ipv6-icmp -j RETURN"));
        assertTrue(f.v6Chains().get("one-3-0-o").rules().stream().noneMatch(r -> r.contains("-p icmp ")));
    }

    @Test
    void anAddressBlockBecomesASetMatchedOnSourceInboundAndDestinationOutbound() {
        NicFirewall f = firewall(PLAIN_FW, group(100,
                "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=10.0.0.1; SIZE=10",
                "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=192.168.0.0; SIZE=256",
                "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=10.1.0.0; SIZE=256; RANGE=22,80:90",
                "PROTOCOL=ICMP; RULE_TYPE=OUTBOUND; IP=10.2.0.0; SIZE=4; ICMP_TYPE=8",
                "PROTOCOL=ALL; RULE_TYPE=OUTBOUND; IP=2001:db8::; SIZE=18446744073709551616"));
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-p tcp -m set --match-set one-3-0-100-i1 src -j RETURN",
                "-p tcp -m multiport --dports 22,80:90 -m set --match-set one-3-0-100-i2 src -j RETURN",
                "-j DROP"), f.v4Chains().get("one-3-0-i").rules());
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-p icmp -m icmp --icmp-type 8 -m set --match-set one-3-0-100-o1 dst -j RETURN",
                "-j DROP"), f.v4Chains().get("one-3-0-o").rules());
        assertTrue(f.v6Chains().get("one-3-0-o").rules().contains("-m set --match-set one-3-0-100-o2 dst -j RETURN"));
        assertEquals(List.of(
                new IpSet("one-3-0-100-i1", "hash:net", "inet", List.of("10.0.0.1", "10.0.0.10", "10.0.0.2/31",
                        "10.0.0.4/30", "10.0.0.8/31", "192.168.0.0/24")),
                new IpSet("one-3-0-100-i2", "hash:net", "inet", List.of("10.1.0.0/24")),
                new IpSet("one-3-0-100-o1", "hash:net", "inet", List.of("10.2.0.0/30")),
                new IpSet("one-3-0-100-o2", "hash:net", "inet6", List.of("2001:db8::/64"))), f.ipsets());
    }

    @Test
    void theWholeAddressSpaceOfOneFamilyNeedsNoSetAndAllowsOnlyThatFamily() {
        NicFirewall f = firewall(PLAIN_FW, group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=0.0.0.0; SIZE=4294967296"));
        assertTrue(f.v4Chains().get("one-3-0-i").rules().contains("-p tcp -j RETURN"));
        assertTrue(f.v6Chains().get("one-3-0-i").rules().stream().noneMatch(r -> r.startsWith("-p tcp")));
        assertTrue(f.ipsets().isEmpty());
    }

    @Test
    void theDefaultGroupAloneAllowsEverythingBothWays() {
        NicFirewall f = firewall(PLAIN_FW, group(0, "PROTOCOL=ALL; RULE_TYPE=OUTBOUND", "PROTOCOL=ALL; RULE_TYPE=INBOUND"));
        for (var chains : List.of(f.v4Chains(), f.v6Chains())) {
            for (String chain : List.of("one-3-0-i", "one-3-0-o")) {
                List<String> rules = chains.get(chain).rules();
                assertEquals("-j RETURN", rules.get(rules.size() - 2), chain);
                assertEquals("-j DROP", rules.get(rules.size() - 1), chain);
            }
        }
    }

    @Test
    void rulesOfSeveralGroupsAreAppliedOnceEachInGroupOrder() {
        NicFirewall f = firewall(PLAIN_FW, group(101, "PROTOCOL=UDP; RULE_TYPE=INBOUND"),
                group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND", "PROTOCOL=UDP; RULE_TYPE=INBOUND"));
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN", "-p udp -j RETURN",
                "-p tcp -j RETURN", "-j DROP"), f.v4Chains().get("one-3-0-i").rules());
    }

    @Test
    void aNicWithoutGroupsOrAntiSpoofingIsNotFiltered() {
        assertTrue(NicFirewall.of(nic(3, 0, PLAIN_FW, "02:00:0a:00:00:01", addresses("10.0.0.1")), PLAIN_FW.conf())
                .isEmpty());
    }

    @Test
    void aNicWithoutGroupsButWithAntiSpoofingIsCheckedAndOtherwiseAllowed() {
        NicFirewall f = NicFirewall.of(nic(3, 0, FW, "02:00:0a:00:00:01", addresses("10.0.0.1")), FW.conf())
                .orElseThrow();
        assertEquals(List.of("-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN", "-j RETURN", "-j DROP"),
                f.v4Chains().get("one-3-0-i").rules());
        assertEquals(new IpSet("one-3-0-ip6-spoofing", "hash:ip", "inet6", List.of()), f.ipsets().get(1));
    }

    @Test
    void aBridgeNetworkFiltersNothing() {
        VirtualNetwork bridge = network(7, conf(Driver.BRIDGE, "br7", null, null, null, true, true));
        assertTrue(NicFirewall.of(nic(3, 0, bridge, "02:00:0a:00:00:01", addresses("10.0.0.1"),
                group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND")), bridge.conf()).isEmpty());
    }
}
