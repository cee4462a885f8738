package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vnetdesk.ipam.ArTestSupport.attrs;
import static vnetdesk.ipam.ArTestSupport.create;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ArType;
import vnetdesk.model.Mac;
import vnetdesk.model.ValidationException;

/** Creating and updating ARs from attributes: types, defaults, dropped attributes, size rules. */
class ArFactoryTest {

    private static final ArFactory NO_RANDOM_MAC = new ArFactory(0x0200, prefix -> fail("no random MAC expected"));

    private static ValidationException refused(String definition) {
        return assertThrowsExactly(ValidationException.class, () -> create(definition));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ip4          | IP=10.0.0.1 SIZE=1                             | IP4",
            "Ip4_6        | IP=10.0.0.1 SIZE=1                             | IP4_6",
            "ip6          | SIZE=1                                         | IP6",
            "Ip6_Static   | IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=1        | IP6_STATIC",
            "ip4_6_static | IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64   | IP4_6_STATIC",
            "ether        | SIZE=1                                         | ETHER",
            "' ETHER '    | SIZE=1                                         | ETHER",
    })
    void typeIsCaseInsensitive(String type, String rest, String expected) {
        var a = attrs(rest);
        a.put("type", type);
        assertEquals(expected, ArTestSupport.factory().create(0, a, Optional.empty()).type().typeName());
    }

    @Test
    void attributeNamesAreCaseInsensitive() {
        AddressRange ar = create("type=IP4 ip=10.0.0.1 size=4 mac=02:00:00:00:00:09");
        assertEquals("10.0.0.1", ar.type().firstIp().orElseThrow().toString());
        assertEquals("02:00:00:00:00:09", ar.firstMac().toString());
        assertEquals(3, ar.lastIndex());
    }

    @Test
    void idAndParentArAreKept() {
        AddressRange ar = ArTestSupport.factory().create(7, attrs("TYPE=ETHER SIZE=2"), Optional.of(3));
        assertEquals(7, ar.id());
        assertEquals(Optional.of(3), ar.parentArId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "TYPE=ETHER SIZE=2 IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00:: | TYPE MAC SIZE",
            "TYPE=IP4 IP=10.0.0.1 SIZE=2 IP6=2001:db8::1 PREFIX_LENGTH=64 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00:: | TYPE IP MAC SIZE",
            "TYPE=IP6 SIZE=2 IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 GLOBAL_PREFIX=2001:db8::                   | TYPE GLOBAL_PREFIX MAC SIZE",
            "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=2 IP=10.0.0.1 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00:: | TYPE IP6 PREFIX_LENGTH MAC SIZE",
            "TYPE=IP4_6 IP=10.0.0.1 SIZE=2 IP6=2001:db8::1 PREFIX_LENGTH=64 ULA_PREFIX=fd00::                        | TYPE IP ULA_PREFIX MAC SIZE",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=2 GLOBAL_PREFIX=2001:db8::          | TYPE IP IP6 PREFIX_LENGTH MAC SIZE",
    })
    void attributesThatDoNotBelongToTheTypeAreDropped(String definition, String kept) {
        AddressRange ar = create(definition);
        assertEquals(List.of(kept.split(" ")), new ArrayList<>(ar.toAttributes().keySet()));
        assertEquals(Map.of(), ar.attributes());
    }

    @Test
    void invalidValuesOfDroppedAttributesDoNotMatter() {
        AddressRange ar = create("TYPE=ETHER SIZE=2 IP=not-an-ip GLOBAL_PREFIX=nonsense PREFIX_LENGTH=999");
        assertEquals("ETHER", ar.type().typeName());
    }

    @Test
    void computedAttributesAreDroppedAndOverridesKeptUpperCased() {
        var a = attrs("TYPE=IP4 IP=10.0.0.1 SIZE=2 AR_ID=9 MAC_END=02:00:00:00:00:09 IP_END=10.0.0.9 "
                + "IP6_GLOBAL=2001:db8::1 IP6_END=2001:db8::9 USED_LEASES=5 PARENT_NETWORK_AR_ID=4 ALLOCATED=x "
                + "gateway=10.0.0.254 DNS=1.1.1.1 SECURITY_GROUPS=0,100 CUSTOM_TAG=blue");
        AddressRange ar = ArTestSupport.factory().create(0, a, Optional.empty());
        assertEquals(Map.of("GATEWAY", "10.0.0.254", "DNS", "1.1.1.1", "SECURITY_GROUPS", "0,100", "CUSTOM_TAG", "blue"),
                ar.attributes());
        assertEquals(Optional.empty(), ar.parentArId());
        assertEquals(1, ar.lastIndex());
    }

    @Test
    void createRefusesAMalformedContextOverride() {
        ValidationException e = refused("TYPE=IP4 IP=10.0.0.1 SIZE=2 GATEWAY=999.1.1.1");
        assertEquals(Optional.of("GATEWAY"), e.field());
        assertTrue(e.getMessage().contains("999.1.1.1"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "TYPE=IP4 IP=10.0.0.1 SIZE=1                                    | 02:00:0a:00:00:01",
            "TYPE=IP4 IP=192.168.1.250 SIZE=1                               | 02:00:c0:a8:01:fa",
            "TYPE=IP4_6 IP=172.16.5.4 SIZE=1                                | 02:00:ac:10:05:04",
            "TYPE=IP4_6_STATIC IP=255.255.255.255 IP6=2001:db8::1 PREFIX_LENGTH=64 | 02:00:ff:ff:ff:ff",
            "TYPE=IP4 IP=0.0.0.0 SIZE=1                                     | 02:00:00:00:00:00",
    })
    void typesWithIpv4DefaultTheirFirstMacToThePrefixAndTheFourOctets(String definition, String mac) {
        assertEquals(mac, NO_RANDOM_MAC.create(0, attrs(definition), Optional.empty()).firstMac().toString());
    }

    @Test
    void theDefaultMacUsesTheConfiguredPrefix() {
        ArFactory other = new ArFactory(0x0a0b, prefix -> fail("no random MAC expected"));
        assertEquals("0a:0b:0a:00:00:01",
                other.create(0, attrs("TYPE=IP4 IP=10.0.0.1 SIZE=1"), Optional.empty()).firstMac().toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TYPE=IP6 SIZE=4", "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4",
            "TYPE=ETHER SIZE=4"})
    void typesWithoutIpv4AskTheMacSourceForARandomMacWithThePrefix(String definition) {
        List<Integer> asked = new ArrayList<>();
        ArFactory f = new ArFactory(0x0a0b, prefix -> {
            asked.add(prefix);
            return Mac.of(prefix, 0xcafe0000);
        });
        AddressRange ar = f.create(0, attrs(definition), Optional.empty());
        assertEquals(List.of(0x0a0b), asked);
        assertEquals("0a:0b:ca:fe:00:00", ar.firstMac().toString());
        assertEquals("0a:0b:ca:fe:00:03", ar.lastAddresses().mac().toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TYPE=IP4 IP=10.0.0.1 SIZE=4", "TYPE=IP6 SIZE=4",
            "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4", "TYPE=ETHER SIZE=4"})
    void aGivenMacWinsOverEveryDefault(String definition) {
        AddressRange ar = NO_RANDOM_MAC.create(0, attrs(definition + " MAC=0e:00:00:00:00:01"), Optional.empty());
        assertEquals("0e:00:00:00:00:01", ar.firstMac().toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TYPE=IP4 IP=255.255.255.250", "TYPE=IP4_6 IP=255.255.255.250",
            "TYPE=IP4_6_STATIC IP=255.255.255.250 IP6=2001:db8::1 PREFIX_LENGTH=64"})
    void aSizeReachingExactly255_255_255_255IsAcceptedAndOneMoreIsRefused(String definition) {
        AddressRange ar = create(definition + " SIZE=6");
        assertEquals("255.255.255.255", ar.lastAddresses().ip().orElseThrow().toString());
        ValidationException e = refused(definition + " SIZE=7");
        assertEquals(Optional.of("SIZE"), e.field());
        assertTrue(e.getMessage().contains("\"7\""), e.getMessage());
        assertTrue(e.getMessage().contains("255.255.255.255"), e.getMessage());
    }

    @Test
    void theWholeIpv4SpaceFitsInOneAr() {
        AddressRange ar = create("TYPE=IP4 IP=0.0.0.0 SIZE=4294967296");
        assertEquals(BigInteger.ONE.shiftLeft(32), ar.size());
        assertEquals(Optional.of("SIZE"), refused("TYPE=IP4 IP=0.0.0.0 SIZE=4294967297").field());
    }

    @Test
    void aStaticIpv6RangeMayRunToTheEndOfTheIpv6SpaceButNotPastIt() {
        AddressRange ar = create("TYPE=IP6_STATIC IP6=ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0 PREFIX_LENGTH=64 SIZE=16");
        assertEquals("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ar.lastAddresses().ip6().orElseThrow().toString());
        ValidationException e = refused("TYPE=IP6_STATIC IP6=ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0 "
                + "PREFIX_LENGTH=64 SIZE=17");
        assertEquals(Optional.of("SIZE"), e.field());
        assertTrue(e.getMessage().contains("\"17\""), e.getMessage());
    }

    @Test
    void aSizeOf2To64IsTheLargestAndIsStoredAsLastIndexMinusOne() {
        AddressRange ar = create("TYPE=IP6_STATIC IP6=2001:db8:: PREFIX_LENGTH=64 SIZE=18446744073709551616");
        assertEquals(-1L, ar.lastIndex());
        assertEquals(BigInteger.ONE.shiftLeft(64), ar.size());
        assertEquals(Optional.of("SIZE"),
                refused("TYPE=IP6_STATIC IP6=2001:db8:: PREFIX_LENGTH=64 SIZE=18446744073709551617").field());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TYPE=ETHER SIZE=4294967297", "TYPE=IP6 SIZE=4294967297 GLOBAL_PREFIX=2001:db8::",
            "TYPE=ETHER SIZE=18446744073709551616"})
    void macOnlyRangesCannotBeLargerThanTheMacSpace(String definition) {
        assertEquals(Optional.of("SIZE"), refused(definition).field());
    }

    @Test
    void macOnlyRangesMayCoverTheWholeLow32BitSpace() {
        AddressRange ar = create("TYPE=ETHER SIZE=4294967296 MAC=02:00:00:00:00:00");
        assertEquals("02:00:ff:ff:ff:ff", ar.lastAddresses().mac().toString());
    }

    @ParameterizedTest(name = "{0}/{1} -> SIZE {2}")
    @CsvSource({
            "2001:db8::10, 64, 18446744073709551600",
            "2001:db8::, 64, 18446744073709551616",
            "2001:db8::10, 48, 18446744073709551600",
            "2001:db8::10, 1, 18446744073709551600",
            "2001:db8::10, 120, 240",
            "2001:db8::ff, 120, 1",
            "2001:db8::1:0, 112, 65536",
            "2001:db8::abcd, 128, 1",
            "2001:db8::8000:0:0:0, 65, 9223372036854775808",
            "2001:db8:0:0:ffff:ffff:ffff:fffe, 64, 2",
    })
    void aStaticIpv6RangeWithoutSizeRunsToTheEndOfItsPrefixAndAtMostTheSlash64(String ip6, int length, String size) {
        AddressRange ar = create("TYPE=IP6_STATIC IP6=" + ip6 + " PREFIX_LENGTH=" + length);
        assertEquals(new BigInteger(size), ar.size());
        assertEquals(Optional.of(length), ar.type().prefixLength());
    }

    @Test
    void aDualStackStaticRangeWithoutSizeStopsAtTheEndOfTheIpv4SpaceToo() {
        assertEquals(BigInteger.valueOf(256),
                create("TYPE=IP4_6_STATIC IP=255.255.255.0 IP6=2001:db8::1 PREFIX_LENGTH=64").size());
        assertEquals(BigInteger.valueOf(16),
                create("TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::f0 PREFIX_LENGTH=120").size());
    }

    @Test
    void prefixesWithLowBitsSetAreReducedToTheirUpper64Bits() {
        AddressRange ar = create("TYPE=IP4_6 IP=10.0.0.1 SIZE=1 GLOBAL_PREFIX=2001:db8:1:2:3:4:5:6 ULA_PREFIX=fd00::1");
        assertEquals("2001:db8:1:2::", ar.type().globalPrefix().orElseThrow().toString());
        assertEquals("fd00::", ar.type().ulaPrefix().orElseThrow().toString());
    }

    @ParameterizedTest(name = "PREFIX_LENGTH={0}")
    @ValueSource(ints = {1, 48, 64, 65, 127, 128})
    void prefixLengthRunsFrom1To128(int length) {
        AddressRange ar = create("TYPE=IP6_STATIC IP6=2001:db8::1 SIZE=1 PREFIX_LENGTH=" + length);
        assertEquals(Optional.of(length), ar.type().prefixLength());
    }

    private static AddressRange existing(String definition) {
        return ArTestSupport.factory().create(2, attrs(definition + " GATEWAY=10.0.0.254 DNS=1.1.1.1"), Optional.of(1));
    }

    private static AddressRange update(AddressRange current, String changes) {
        return ArTestSupport.factory().update(current, attrs(changes));
    }

    @Test
    void updateChangesSizeAndMergesOverridesKeepingIdentityAndStart() {
        AddressRange current = existing("TYPE=IP4 IP=10.0.0.1 SIZE=10");
        AddressRange updated = update(current, "SIZE=20 DNS=8.8.8.8 search_domain=lab TYPE=ip4 IP=10.0.0.1 "
                + "MAC=02:00:0A:00:00:01");
        assertEquals(19, updated.lastIndex());
        assertEquals(Map.of("GATEWAY", "10.0.0.254", "DNS", "8.8.8.8", "SEARCH_DOMAIN", "lab"), updated.attributes());
        assertEquals(2, updated.id());
        assertEquals(Optional.of(1), updated.parentArId());
        assertEquals(current.type(), updated.type());
        assertEquals(current.firstMac(), updated.firstMac());
        assertEquals(4, update(current, "SIZE=5").lastIndex());
    }

    @Test
    void updateWithoutSizeKeepsTheSize() {
        AddressRange current = existing("TYPE=ETHER SIZE=10");
        assertEquals(9, update(current, "DNS=9.9.9.9").lastIndex());
    }

    @Test
    void updateChangesSlaacPrefixesAndReducesThemTo64Bits() {
        AddressRange ip6 = existing("TYPE=IP6 SIZE=4 GLOBAL_PREFIX=2001:db8::");
        ArType t = update(ip6, "GLOBAL_PREFIX=2001:db8:5::7 ULA_PREFIX=fd00::").type();
        assertEquals("2001:db8:5::", t.globalPrefix().orElseThrow().toString());
        assertEquals("fd00::", t.ulaPrefix().orElseThrow().toString());
        AddressRange dual = existing("TYPE=IP4_6 IP=10.0.0.1 SIZE=4 ULA_PREFIX=fd00::");
        ArType d = update(dual, "GLOBAL_PREFIX=2001:db8::").type();
        assertEquals("2001:db8::", d.globalPrefix().orElseThrow().toString());
        assertEquals("fd00::", d.ulaPrefix().orElseThrow().toString());
        assertEquals("10.0.0.1", d.firstIp().orElseThrow().toString());
    }

    @Test
    void updateChangesThePrefixLengthOfStaticRanges() {
        AddressRange s = existing("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4");
        assertEquals(Optional.of(96), update(s, "PREFIX_LENGTH=96").type().prefixLength());
        AddressRange d = existing("TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4");
        ArType t = update(d, "PREFIX_LENGTH=120").type();
        assertEquals(Optional.of(120), t.prefixLength());
        assertEquals("2001:db8::1", t.firstIp6().orElseThrow().toString());
    }

    @Test
    void updateAcceptsTheSameStartAddressesSpelledDifferently() {
        AddressRange s = existing("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4");
        assertEquals(3, update(s, "IP6=2001:0DB8:0:0:0:0:0:0001 TYPE=IP6_static").lastIndex());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "TYPE=IP4 IP=10.0.0.1 SIZE=4                                 | TYPE=ETHER         | TYPE",
            "TYPE=IP4 IP=10.0.0.1 SIZE=4                                 | TYPE=IP4_6         | TYPE",
            "TYPE=IP4 IP=10.0.0.1 SIZE=4                                 | IP=10.0.0.2        | IP",
            "TYPE=IP4 IP=10.0.0.1 SIZE=4                                 | MAC=02:00:0a:00:00:02 | MAC",
            "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4     | IP6=2001:db8::2    | IP6",
            "TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4 | IP=10.0.0.5 | IP",
            "TYPE=IP4 IP=255.255.255.250 SIZE=4                          | SIZE=7             | SIZE",
            "TYPE=IP4 IP=10.0.0.1 SIZE=4                                 | SIZE=0             | SIZE",
            "TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4     | PREFIX_LENGTH=129  | PREFIX_LENGTH",
            "TYPE=IP6 SIZE=4                                             | GLOBAL_PREFIX=2001:db8::/48 | GLOBAL_PREFIX",
    })
    void updateRefusesChangesOfTypeAndStartAndInvalidValues(String definition, String change, String field) {
        AddressRange current = existing(definition);
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> update(current, change));
        assertEquals(Optional.of(field), e.field());
        String value = change.substring(change.indexOf('=') + 1);
        assertTrue(e.getMessage().contains("\"" + value + "\""), e.getMessage());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', value = {
            "TYPE=ETHER SIZE=4                           | IP=10.0.0.1",
            "TYPE=IP4 IP=10.0.0.1 SIZE=4                 | IP6=2001:db8::1",
            "TYPE=IP6 SIZE=4 GLOBAL_PREFIX=2001:db8::    | IP=10.0.0.1",
    })
    void updateDropsStartAddressesTheTypeDoesNotHave(String definition, String change) {
        AddressRange current = existing(definition);
        AddressRange updated = update(current, change + " SIZE=5");
        assertEquals(4, updated.lastIndex());
        assertEquals(current.type(), updated.type());
        assertFalse(updated.attributes().containsKey(change.substring(0, change.indexOf('='))));
    }
}
