package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.ipam.ArTestSupport.attrs;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ValidationException;

/** Two ARs of one network must not share an IPv4, static IPv6 or MAC address. */
class ArOverlapTest {

    private static AddressRange ar(int id, String definition) {
        return ArTestSupport.factory().create(id, attrs(definition), Optional.empty());
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                     | TYPE=IP4 IP=10.0.0.11 SIZE=10",
            "TYPE=IP4 IP=10.0.0.11 SIZE=10                    | TYPE=IP4 IP=10.0.0.1 SIZE=10",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                     | TYPE=IP4 IP=10.0.1.1 SIZE=10",
            "TYPE=IP4 IP=255.255.255.0 SIZE=256               | TYPE=IP4 IP=0.0.0.0 SIZE=256",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10 MAC=02:00:00:00:00:00 | TYPE=ETHER SIZE=10 MAC=02:00:00:00:00:0a",
            "TYPE=ETHER SIZE=4 MAC=02:00:ff:ff:ff:fe          | TYPE=ETHER SIZE=1 MAC=02:00:00:00:00:02",
            "TYPE=ETHER SIZE=4 MAC=02:00:ff:ff:ff:fe          | TYPE=ETHER SIZE=4 MAC=02:01:ff:ff:ff:fe",
            "TYPE=ETHER SIZE=4294967296 MAC=02:00:00:00:00:00 | TYPE=ETHER SIZE=10 MAC=0a:00:00:00:00:00",
            "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=16 MAC=02:00:00:00:00:00 | TYPE=IP6_STATIC IP6=2001:db8::11 PREFIX_LENGTH=64 SIZE=16 MAC=02:00:00:01:00:00",
            "TYPE=IP6_STATIC IP6=2001:db8:0:1:ffff:ffff:ffff:fffe PREFIX_LENGTH=64 SIZE=4 MAC=02:00:00:00:00:00 | TYPE=IP6_STATIC IP6=2001:db8:0:2::2 PREFIX_LENGTH=64 SIZE=4 MAC=02:00:00:01:00:00",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                     | TYPE=IP6_STATIC IP6=::a00:1 PREFIX_LENGTH=64 SIZE=10",
            "TYPE=IP6 SIZE=10 MAC=02:00:00:00:00:00 GLOBAL_PREFIX=2001:db8:: | TYPE=IP6 SIZE=10 MAC=02:00:00:00:00:10 GLOBAL_PREFIX=2001:db8::",
    })
    void disjointRangesAreAccepted(String existing, String candidate) {
        assertDoesNotThrow(() -> ArOverlap.check(List.of(ar(0, existing)), ar(1, candidate)));
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                     | TYPE=IP4 IP=10.0.0.10 SIZE=10                      | IP  | 10.0.0.10",
            "TYPE=IP4 IP=10.0.0.10 SIZE=10                    | TYPE=IP4 IP=10.0.0.1 SIZE=10                       | IP  | 10.0.0.1",
            "TYPE=IP4 IP=10.0.0.1 SIZE=100                    | TYPE=IP4 IP=10.0.0.50 SIZE=1                       | IP  | 10.0.0.50",
            "TYPE=IP4 IP=10.0.0.50 SIZE=1                     | TYPE=IP4 IP=10.0.0.1 SIZE=100                      | IP  | 10.0.0.1",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                     | TYPE=IP4_6 IP=10.0.0.5 SIZE=2                      | IP  | 10.0.0.5",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=10 | TYPE=IP4 IP=10.0.0.10 SIZE=1 | IP  | 10.0.0.10",
            "TYPE=IP4 IP=255.255.255.250 SIZE=6               | TYPE=IP4 IP=255.255.255.255 SIZE=1                 | IP  | 255.255.255.255",
            "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=16 MAC=02:00:00:00:00:00 | TYPE=IP6_STATIC IP6=2001:db8::10 PREFIX_LENGTH=64 SIZE=16 MAC=02:00:00:01:00:00 | IP6 | 2001:db8::10",
            "TYPE=IP6_STATIC IP6=2001:db8:0:1:ffff:ffff:ffff:fffe PREFIX_LENGTH=64 SIZE=4 MAC=02:00:00:00:00:00 | TYPE=IP6_STATIC IP6=2001:db8:0:2::1 PREFIX_LENGTH=64 SIZE=4 MAC=02:00:00:01:00:00 | IP6 | 2001:db8:0:2::1",
            "TYPE=IP6_STATIC IP6=2001:db8::5 PREFIX_LENGTH=64 SIZE=1 MAC=02:00:00:00:00:00 | TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=8 | IP6 | 2001:db8::1",
            "TYPE=ETHER SIZE=4 MAC=02:00:ff:ff:ff:fe          | TYPE=ETHER SIZE=1 MAC=02:00:00:00:00:01           | MAC | 02:00:00:00:00:01",
            "TYPE=ETHER SIZE=1 MAC=02:00:00:00:00:01          | TYPE=ETHER SIZE=4 MAC=02:00:ff:ff:ff:fe           | MAC | 02:00:ff:ff:ff:fe",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                     | TYPE=ETHER SIZE=1 MAC=02:00:0a:00:00:0a           | MAC | 02:00:0a:00:00:0a",
            "TYPE=IP4 IP=10.0.0.1 SIZE=10                     | TYPE=IP4 IP=192.168.0.1 SIZE=10 MAC=02:00:0a:00:00:05 | MAC | 02:00:0a:00:00:05",
            "TYPE=ETHER SIZE=4294967296 MAC=02:00:00:00:00:00 | TYPE=ETHER SIZE=1 MAC=02:00:12:34:56:78           | MAC | 02:00:12:34:56:78",
            "TYPE=IP6 SIZE=10 MAC=02:00:00:00:00:00           | TYPE=IP6 SIZE=10 MAC=02:00:00:00:00:09            | MAC | 02:00:00:00:00:09",
    })
    void overlappingRangesAreRefusedNamingTheAttributeTheValueAndTheOtherAr(String existing, String candidate,
                                                                           String field, String value) {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> ArOverlap.check(List.of(ar(0, "TYPE=ETHER SIZE=1 MAC=0e:00:00:00:00:00"), ar(4, existing)),
                        ar(5, candidate)));
        assertEquals(Optional.of(field), e.field());
        assertTrue(e.getMessage().startsWith(field + ": invalid value \"" + value + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("AR 4"), e.getMessage());
    }

    @Test
    void anArDoesNotOverlapItselfWhenItIsUpdated() {
        AddressRange current = ar(3, "TYPE=IP4 IP=10.0.0.1 SIZE=10");
        AddressRange grown = current.withLastIndex(19);
        assertDoesNotThrow(() -> ArOverlap.check(List.of(current), grown));
    }

    @Test
    void aNetworkWithoutRangesAcceptsAnyRange() {
        assertDoesNotThrow(() -> ArOverlap.check(List.of(), ar(0, "TYPE=IP4 IP=0.0.0.0 SIZE=4294967296")));
    }

    @Test
    void aStaticIpv6RangeInsideASlaacPrefixIsRefusedBothWays() {
        AddressRange slaac = ar(0, "TYPE=IP6 SIZE=4 MAC=02:00:0a:00:00:01 GLOBAL_PREFIX=2001:db8::");
        AddressRange fixed = ar(1, "TYPE=IP6_STATIC IP6=2001:db8::aff:fe00:0 PREFIX_LENGTH=64 SIZE=8 MAC=02:00:0b:00:00:01");
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> ArOverlap.check(List.of(slaac), fixed));
        assertEquals(Optional.of("IP6"), e.field());
        assertTrue(e.getMessage().contains("2001:db8::/64, the SLAAC prefix of AR 0"), e.getMessage());
        ValidationException r = assertThrowsExactly(ValidationException.class, () -> ArOverlap.check(List.of(fixed), slaac));
        assertEquals(Optional.of("GLOBAL_PREFIX"), r.field());
        AddressRange elsewhere = ar(2, "TYPE=IP6_STATIC IP6=2001:db8:0:1:: PREFIX_LENGTH=64 SIZE=8 MAC=02:00:0c:00:00:01");
        assertDoesNotThrow(() -> ArOverlap.check(List.of(slaac), elsewhere));
    }
}
