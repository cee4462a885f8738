#!/bin/sh
# Fills an existing network namespace ($1) with the host that the samples
# in this folder were captured from (see README.md); ActualStateLiveTest runs
# it. The tc police of the tap is left to the caller: kernels without
# act_police refuse it.
set -e
NS=$1
X="ip netns exec $NS"
$X ip link set lo up
$X ip link add eth0u type veth peer name eth0p
$X ip link set eth0u up
$X ip link add br0 type bridge
$X ip link set br0 up
$X ip link add onebr.300 type bridge
$X ip link set onebr.300 alias vnetdesk
$X ip link set onebr.300 up
$X ip link add eth0u.300 type vxlan id 300 group 239.0.1.44 dev eth0u dstport 4789 ttl 16
$X ip link set eth0u.300 mtu 1450 alias vnetdesk master onebr.300 up
$X ip link add one-1-0 type veth peer name vm1eth
$X ip link set one-1-0 master onebr.300 up
$X ip link set eth0p master br0
# iptables
for T in iptables ip6tables; do
$X $T -N opennebula
$X $T -N one-1-0-i
$X $T -N one-1-0-o
$X $T -N myfw
$X $T -A FORWARD -m physdev --physdev-is-bridged -j opennebula
$X $T -A FORWARD -j myfw
$X $T -A INPUT -m physdev --physdev-in one-1-0 --physdev-is-bridged -j one-1-0-o
$X $T -A opennebula -m physdev --physdev-out one-1-0 --physdev-is-bridged -j one-1-0-i
$X $T -A opennebula -m physdev --physdev-in one-1-0 --physdev-is-bridged -j one-1-0-o
$X $T -A opennebula -j ACCEPT
$X $T -A one-1-0-i -m state --state RELATED,ESTABLISHED -j ACCEPT
$X $T -A one-1-0-i -p tcp -m multiport --dports 22,80:90 -j RETURN
$X $T -A one-1-0-i -j DROP
$X $T -A one-1-0-o -m mac ! --mac-source 02:00:0a:00:00:01 -j DROP
$X $T -A one-1-0-o -j RETURN
$X $T -A myfw -p udp --dport 53 -j ACCEPT
done
$X iptables -A one-1-0-i -p icmp --icmp-type 8 -j RETURN
$X ip6tables -A one-1-0-i -p ipv6-icmp --icmpv6-type 128 -j RETURN
# ipsets
$X ipset create one-1-0-ip-spoofing hash:ip family inet
$X ipset add one-1-0-ip-spoofing 10.0.0.1
$X ipset add one-1-0-ip-spoofing 10.0.0.7
$X ipset create one-1-0-0-net hash:net family inet
$X ipset add one-1-0-0-net 10.0.0.2/31
$X ipset add one-1-0-0-net 10.0.0.4/30
$X ipset create one-1-0-0-netport hash:net,port family inet
$X ipset add one-1-0-0-netport 10.0.0.0/24,tcp:80
$X ipset add one-1-0-0-netport 10.0.1.0/24,udp:53
$X ipset create one-1-0-ip6-spoofing hash:ip family inet6
$X ipset add one-1-0-ip6-spoofing 2001:db8::1
$X ipset add one-1-0-ip6-spoofing fe80::400:aff:fe00:1
$X ipset create hostset hash:ip
$X ipset add hostset 192.168.1.1
$X iptables -A one-1-0-i -m set --match-set one-1-0-0-net src -j RETURN
# ebtables
$X ebtables -N one-1-0-eb
$X ebtables -A FORWARD -o one-1-0 -j one-1-0-eb
$X ebtables -A one-1-0-eb -s ! 02:00:0a:00:00:00/ff:ff:ff:00:00:00 -j DROP
$X ebtables -N hostchain -P RETURN
$X ebtables -A FORWARD -i one-1-0 -s ! 02:00:0a:00:00:01 -j DROP
$X ebtables -A FORWARD -j hostchain
# tc
$X tc qdisc add dev one-1-0 root handle 1: htb default 1
$X tc class add dev one-1-0 parent 1: classid 1:1 htb rate 100kbps ceil 200kbps burst 50kb
$X tc qdisc add dev one-1-0 ingress
