package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vnetdesk.ipam.ArTestSupport.create;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vnetdesk.model.AddressRange;
import vnetdesk.model.LeaseAddresses;

/**
 * Lease {@code i} of an AR built by {@link ArFactory}: every address kind of every
 * type, including the MAC low-32 wrap, the end of the IPv4 space, static IPv6 runs
 * to the end of the prefix and the carry across the 64-bit boundary. Each row also
 * checks that the AR finds the lease again by each of its addresses.
 */
class ArLeaseArithmeticTest {

    private static final BigInteger MAC_SPACE = BigInteger.ONE.shiftLeft(32);

    @ParameterizedTest(name = "[{index}] {0} @ {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // definition                                                       | index | IP | MAC | IP6_GLOBAL | IP6_ULA | IP6_LINK | IP6
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                                       | 0     | 10.0.0.1        | 02:00:0a:00:00:01 | - | - | - | -",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                                       | last  | 10.0.0.10       | 02:00:0a:00:00:0a | - | - | - | -",
            "TYPE=IP4 IP=192.168.1.250 SIZE=10                                  | 5     | 192.168.1.255   | 02:00:c0:a8:01:ff | - | - | - | -",
            "TYPE=IP4 IP=192.168.1.250 SIZE=10                                  | 6     | 192.168.2.0     | 02:00:c0:a8:02:00 | - | - | - | -",
            "TYPE=IP4 IP=192.168.1.250 SIZE=10                                  | last  | 192.168.2.3     | 02:00:c0:a8:02:03 | - | - | - | -",
            "TYPE=IP4 IP=10.0.0.254 SIZE=300                                    | last  | 10.0.2.41       | 02:00:0a:00:02:29 | - | - | - | -",
            "TYPE=IP4 IP=255.255.255.250 SIZE=6                                 | last  | 255.255.255.255 | 02:00:ff:ff:ff:ff | - | - | - | -",
            "TYPE=IP4 IP=0.0.0.0 SIZE=4294967296                                | 0     | 0.0.0.0         | 02:00:00:00:00:00 | - | - | - | -",
            "TYPE=IP4 IP=0.0.0.0 SIZE=4294967296                                | 2147483648 | 128.0.0.0  | 02:00:80:00:00:00 | - | - | - | -",
            "TYPE=IP4 IP=0.0.0.0 SIZE=4294967296                                | last  | 255.255.255.255 | 02:00:ff:ff:ff:ff | - | - | - | -",
            "TYPE=IP4 IP=10.0.0.1 SIZE=3 MAC=02:00:ff:ff:ff:fe                  | 1     | 10.0.0.2        | 02:00:ff:ff:ff:ff | - | - | - | -",
            "TYPE=IP4 IP=10.0.0.1 SIZE=3 MAC=02:00:ff:ff:ff:fe                  | last  | 10.0.0.3        | 02:00:00:00:00:00 | - | - | - | -",
            "TYPE=ip4 IP=172.16.0.1 SIZE=1 MAC=AA:BB:CC:DD:EE:F0                | last  | 172.16.0.1      | aa:bb:cc:dd:ee:f0 | - | - | - | -",
            "TYPE=IP4 IP=10.0.0.1 SIZE=2 MAC=0e:12:ff:ff:ff:ff                  | last  | 10.0.0.2        | 0e:12:00:00:00:00 | - | - | - | -",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10 GLOBAL_PREFIX=2001:db8:: IP6=2001:db8::1 PREFIX_LENGTH=64 | last | 10.0.0.10 | 02:00:0a:00:00:0a | - | - | - | -",
            "TYPE=ETHER SIZE=4 MAC=02:00:ff:ff:ff:fe                            | 0     | -               | 02:00:ff:ff:ff:fe | - | - | - | -",
            "TYPE=ETHER SIZE=4 MAC=02:00:ff:ff:ff:fe                            | 2     | -               | 02:00:00:00:00:00 | - | - | - | -",
            "TYPE=ETHER SIZE=4 MAC=02:00:ff:ff:ff:fe                            | last  | -               | 02:00:00:00:00:01 | - | - | - | -",
            "TYPE=ETHER SIZE=256 MAC=02:00:00:00:00:00                          | last  | -               | 02:00:00:00:00:ff | - | - | - | -",
            "TYPE=ETHER SIZE=10                                                 | 0     | -               | 02:00:12:34:56:78 | - | - | - | -",
            "TYPE=ETHER SIZE=10                                                 | last  | -               | 02:00:12:34:56:81 | - | - | - | -",
            "TYPE=ether SIZE=4294967296 MAC=02:00:00:00:00:05                   | last  | -               | 02:00:00:00:00:04 | - | - | - | -",
            "TYPE=ETHER SIZE=2 IP=10.0.0.1 IP6=2001:db8::1 GLOBAL_PREFIX=2001:db8:: MAC=02:00:00:00:00:01 | last | - | 02:00:00:00:00:02 | - | - | - | -",
            "TYPE=IP6 MAC=02:00:0a:00:00:01 SIZE=2 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00:: | 0    | - | 02:00:0a:00:00:01 | 2001:db8::aff:fe00:1 | fd00::aff:fe00:1 | fe80::aff:fe00:1 | -",
            "TYPE=IP6 MAC=02:00:0a:00:00:01 SIZE=2 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00:: | last | - | 02:00:0a:00:00:02 | 2001:db8::aff:fe00:2 | fd00::aff:fe00:2 | fe80::aff:fe00:2 | -",
            "TYPE=IP6 SIZE=3 MAC=02:00:00:00:00:ff                              | last  | -               | 02:00:00:00:01:01 | - | - | fe80::ff:fe00:101 | -",
            "TYPE=IP6 SIZE=1 MAC=02:00:0a:00:00:01 GLOBAL_PREFIX=2001:db8:1:2:3:4:5:6 | 0 | -         | 02:00:0a:00:00:01 | 2001:db8:1:2:0:aff:fe00:1 | - | fe80::aff:fe00:1 | -",
            "TYPE=IP6 SIZE=1 MAC=00:16:3e:12:34:56 GLOBAL_PREFIX=2001:db8::     | 0     | -               | 00:16:3e:12:34:56 | 2001:db8::216:3eff:fe12:3456 | - | fe80::216:3eff:fe12:3456 | -",
            "TYPE=IP6 SIZE=2 MAC=02:00:ff:ff:ff:ff ULA_PREFIX=fd12:3456:789a:1:: | last | -               | 02:00:00:00:00:00 | - | fd12:3456:789a:1:0:ff:fe00:0 | fe80::ff:fe00:0 | -",
            "TYPE=IP6 SIZE=1 GLOBAL_PREFIX=2001:db8::                           | 0     | -               | 02:00:12:34:56:78 | 2001:db8::12ff:fe34:5678 | - | fe80::12ff:fe34:5678 | -",
            "TYPE=Ip6 SIZE=5 IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 MAC=02:00:00:00:00:01 | last | - | 02:00:00:00:00:05 | - | - | fe80::ff:fe00:5 | -",
            "TYPE=IP6_STATIC IP6=2001:db8::10 PREFIX_LENGTH=64 SIZE=5           | 0     | -               | 02:00:12:34:56:78 | - | - | - | 2001:db8::10",
            "TYPE=IP6_STATIC IP6=2001:db8::10 PREFIX_LENGTH=64 SIZE=5           | last  | -               | 02:00:12:34:56:7c | - | - | - | 2001:db8::14",
            "TYPE=IP6_STATIC IP6=2001:db8:0:1:ffff:ffff:ffff:fffe PREFIX_LENGTH=64 SIZE=4 MAC=02:00:00:00:00:10 | 1 | - | 02:00:00:00:00:11 | - | - | - | 2001:db8:0:1:ffff:ffff:ffff:ffff",
            "TYPE=IP6_STATIC IP6=2001:db8:0:1:ffff:ffff:ffff:fffe PREFIX_LENGTH=64 SIZE=4 MAC=02:00:00:00:00:10 | 2 | - | 02:00:00:00:00:12 | - | - | - | 2001:db8:0:2::",
            "TYPE=IP6_STATIC IP6=2001:db8:0:1:ffff:ffff:ffff:fffe PREFIX_LENGTH=64 SIZE=4 MAC=02:00:00:00:00:10 | last | - | 02:00:00:00:00:13 | - | - | - | 2001:db8:0:2::1",
            "TYPE=IP6_STATIC IP6=2001:db8::10 PREFIX_LENGTH=64 MAC=02:00:00:00:00:01 | last | -          | 02:00:ff:ff:ff:f0 | - | - | - | 2001:db8::ffff:ffff:ffff:ffff",
            "TYPE=IP6_STATIC IP6=2001:db8::10 PREFIX_LENGTH=120                 | last  | -               | 02:00:12:34:57:67 | - | - | - | 2001:db8::ff",
            "TYPE=IP6_STATIC IP6=2001:db8:0:5::1 PREFIX_LENGTH=48               | last  | -               | 02:00:12:34:56:76 | - | - | - | 2001:db8:0:5:ffff:ffff:ffff:ffff",
            "TYPE=IP6_STATIC IP6=2001:db8::abcd PREFIX_LENGTH=128               | last  | -               | 02:00:12:34:56:78 | - | - | - | 2001:db8::abcd",
            "TYPE=IP6_STATIC IP6=2001:DB8:0:0:0:0:0:A PREFIX_LENGTH=64 SIZE=2   | last  | -               | 02:00:12:34:56:79 | - | - | - | 2001:db8::b",
            "TYPE=IP6_STATIC IP6=2001:db8:0:1:1:1:1:1 PREFIX_LENGTH=64 SIZE=2   | last  | -               | 02:00:12:34:56:79 | - | - | - | 2001:db8:0:1:1:1:1:2",
            "TYPE=IP6_STATIC IP6=:: PREFIX_LENGTH=64 SIZE=18446744073709551616  | last  | -               | 02:00:12:34:56:77 | - | - | - | ::ffff:ffff:ffff:ffff",
            "TYPE=IP6_STATIC IP6=ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe PREFIX_LENGTH=127 SIZE=2 | last | - | 02:00:12:34:56:79 | - | - | - | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=3 GLOBAL_PREFIX=2001:db8:: IP=10.0.0.1 MAC=02:00:00:00:00:01 | last | - | 02:00:00:00:00:03 | - | - | - | 2001:db8::3",
            "TYPE=IP4_6 IP=10.0.0.1 SIZE=10 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00:: | 0    | 10.0.0.1  | 02:00:0a:00:00:01 | 2001:db8::aff:fe00:1 | fd00::aff:fe00:1 | fe80::aff:fe00:1 | -",
            "TYPE=IP4_6 IP=10.0.0.1 SIZE=10 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00:: | last | 10.0.0.10 | 02:00:0a:00:00:0a | 2001:db8::aff:fe00:a | fd00::aff:fe00:a | fe80::aff:fe00:a | -",
            "TYPE=IP4_6 IP=192.168.1.250 SIZE=10                                | 5     | 192.168.1.255   | 02:00:c0:a8:01:ff | - | - | fe80::c0ff:fea8:1ff | -",
            "TYPE=IP4_6 IP=255.255.255.255 SIZE=1 GLOBAL_PREFIX=2001:db8::      | 0     | 255.255.255.255 | 02:00:ff:ff:ff:ff | 2001:db8::ffff:feff:ffff | - | fe80::ffff:feff:ffff | -",
            "TYPE=IP4_6 IP=10.0.0.1 SIZE=2 MAC=02:00:ff:ff:ff:ff ULA_PREFIX=fd00::1 | last | 10.0.0.2     | 02:00:00:00:00:00 | - | fd00::ff:fe00:0 | fe80::ff:fe00:0 | -",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4 | 0    | 10.0.0.1        | 02:00:0a:00:00:01 | - | - | - | 2001:db8::1",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4 | last | 10.0.0.4        | 02:00:0a:00:00:04 | - | - | - | 2001:db8::4",
            "TYPE=IP4_6_STATIC IP=255.255.255.0 IP6=2001:db8::1 PREFIX_LENGTH=64 | last  | 255.255.255.255 | 02:00:ff:ff:ff:ff | - | - | - | 2001:db8::100",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::f0 PREFIX_LENGTH=120   | last  | 10.0.0.16       | 02:00:0a:00:00:10 | - | - | - | 2001:db8::ff",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=::ffff:ffff:ffff:ffff PREFIX_LENGTH=64 SIZE=2 | last | 10.0.0.2 | 02:00:0a:00:00:02 | - | - | - | 0:0:0:1::",
            "TYPE=ip4_6_static IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=2 MAC=02:00:ff:ff:ff:ff | last | 10.0.0.2 | 02:00:00:00:00:00 | - | - | - | 2001:db8::2",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=2 GLOBAL_PREFIX=2001:db8:: | last | 10.0.0.2 | 02:00:0a:00:00:02 | - | - | - | 2001:db8::2",
    })
    void leaseAddressesOfEveryTypeFollowTheSpecArithmetic(String definition, String index, String ip, String mac,
                                                           String global, String ula, String link, String ip6) {
        AddressRange ar = create(definition);
        long i = index.equals("last") ? ar.lastIndex() : Long.parseUnsignedLong(index);
        LeaseAddresses a = ar.addressesAt(i);
        assertEquals(ip, a.ip().map(Object::toString).orElse(null), "IP");
        assertEquals(mac, a.mac().toString(), "MAC");
        assertEquals(global, a.ip6Global().map(Object::toString).orElse(null), "IP6_GLOBAL");
        assertEquals(ula, a.ip6Ula().map(Object::toString).orElse(null), "IP6_ULA");
        assertEquals(link, a.ip6Link().map(Object::toString).orElse(null), "IP6_LINK");
        assertEquals(ip6, a.ip6().map(Object::toString).orElse(null), "IP6");

        OptionalLong expected = OptionalLong.of(i);
        a.ip().ifPresent(x -> assertEquals(expected, ar.indexOf(x), "indexOf IP"));
        a.ip6().ifPresent(x -> assertEquals(expected, ar.indexOf(x), "indexOf IP6"));
        // MAC-derived addresses repeat every 2^32 leases; they identify a lease only below that size.
        if (ar.size().compareTo(MAC_SPACE) <= 0) {
            assertEquals(expected, ar.indexOf(a.mac()), "indexOf MAC");
            Stream.of(a.ip6Global(), a.ip6Ula(), a.ip6Link()).flatMap(Optional::stream)
                    .forEach(x -> assertEquals(expected, ar.indexOf(x), "indexOf " + x));
        }
    }
}
