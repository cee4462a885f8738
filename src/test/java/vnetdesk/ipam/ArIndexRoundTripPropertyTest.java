package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vnetdesk.model.Address;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.Mac;

/**
 * Property: for random ARs of each type (built from random attributes by
 * {@link ArFactory}, fixed seed) and random indexes, every address lease
 * {@code i} hands out leads back to {@code i}, both as an object and as its
 * printed text parsed again; and the addresses just outside the range lead
 * nowhere.
 */
class ArIndexRoundTripPropertyTest {

    private static final long SEED = 0x5eed_2024L;
    private static final int RANGES_PER_TYPE = 300;
    private static final int INDEXES_PER_RANGE = 40;
    private static final BigInteger MAC_SPACE = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final Random random = new Random(SEED);

    private String randomIpv4(long roomAtLeast) {
        return Ipv4.ofUnsigned(Math.floorMod(random.nextLong(), Ipv4.SPACE - roomAtLeast + 1)).toString();
    }

    /** Random IPv6 text; a third of them sit just below a 64-bit boundary to exercise the carry. */
    private String randomIpv6() {
        long high = random.nextLong();
        long low = switch (random.nextInt(3)) {
            case 0 -> -1L - random.nextInt(1000);
            case 1 -> random.nextInt(1 << 20);
            default -> random.nextLong();
        };
        if (high == -1L) {
            high = 0;
        }
        return new Ipv6(high, low).toString();
    }

    /** A random unicast MAC: the multicast bit of the first byte cleared. */
    private String randomMac() {
        long v = random.nextLong() & 0xFEFF_FFFF_FFFFL;
        return new Mac(v).toString();
    }

    private String randomPrefix() {
        return new Ipv6(random.nextLong(), random.nextInt(3) == 0 ? random.nextLong() : 0).toString();
    }

    /** Sizes spread over the orders of magnitude up to {@code max}. */
    private BigInteger randomSize(BigInteger max) {
        int bits = 1 + random.nextInt(max.bitLength());
        BigInteger s = new BigInteger(bits, random).add(BigInteger.ONE);
        return s.min(max);
    }

    private Map<String, String> randomDefinition(String type) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("TYPE", random.nextBoolean() ? type : type.toLowerCase(Locale.ROOT));
        if (random.nextBoolean()) {
            a.put("MAC", randomMac());
        }
        switch (type) {
            case "IP4", "IP4_6" -> {
                BigInteger size = randomSize(MAC_SPACE);
                a.put("IP", randomIpv4(size.longValueExact()));
                a.put("SIZE", size.toString());
                if (type.equals("IP4_6")) {
                    optionalPrefixes(a);
                }
            }
            case "IP6", "ETHER" -> {
                a.put("SIZE", randomSize(MAC_SPACE).toString());
                if (type.equals("IP6")) {
                    optionalPrefixes(a);
                }
            }
            case "IP6_STATIC" -> {
                a.put("IP6", randomIpv6());
                a.put("PREFIX_LENGTH", Integer.toString(1 + random.nextInt(128)));
                if (random.nextBoolean()) {
                    a.put("SIZE", randomSize(TWO_64).toString());
                }
            }
            case "IP4_6_STATIC" -> {
                BigInteger size = randomSize(MAC_SPACE);
                a.put("IP", randomIpv4(size.longValueExact()));
                a.put("IP6", randomIpv6());
                a.put("PREFIX_LENGTH", Integer.toString(1 + random.nextInt(128)));
                if (random.nextBoolean()) {
                    a.put("SIZE", size.toString());
                }
            }
            default -> throw new IllegalArgumentException(type);
        }
        return a;
    }

    private void optionalPrefixes(Map<String, String> a) {
        if (random.nextBoolean()) {
            a.put("GLOBAL_PREFIX", randomPrefix());
        }
        if (random.nextBoolean()) {
            a.put("ULA_PREFIX", String.format("fd%02x:%x::%x", random.nextInt(256), random.nextInt(65536),
                    random.nextInt(65536)));
        }
    }

    private List<Long> randomIndexes(AddressRange ar) {
        List<Long> indexes = new ArrayList<>(List.of(0L, ar.lastIndex()));
        for (int n = 0; n < INDEXES_PER_RANGE; n++) {
            indexes.add(new BigInteger(66, random).mod(ar.size()).longValue());
        }
        return indexes;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"IP4", "IP6", "IP6_STATIC", "IP4_6", "IP4_6_STATIC", "ETHER"})
    void everyAddressOfLeaseILeadsBackToI(String type) {
        ArFactory factory = new ArFactory(0x0200, prefix -> Mac.of(prefix, random.nextInt()));
        int checked = 0;
        for (int r = 0; r < RANGES_PER_TYPE; r++) {
            Map<String, String> definition = randomDefinition(type);
            AddressRange ar = factory.create(r, definition, Optional.empty());
            assertEquals(type, ar.type().typeName());
            boolean macIdentifiesLease = ar.size().compareTo(MAC_SPACE) <= 0;
            for (long i : randomIndexes(ar)) {
                LeaseAddresses a = ar.addressesAt(i);
                OptionalLong expected = OptionalLong.of(i);
                String where = definition + " @ " + Long.toUnsignedString(i);
                if (a.ip().isPresent()) {
                    assertEquals(expected, ar.indexOf(a.ip().get()), where);
                    assertEquals(expected, ar.indexOf(Ipv4.parse("IP", a.ip().get().toString())), where);
                    assertEquals(expected, ar.indexOf(new Address.V4(a.ip().get())), where);
                    checked++;
                }
                if (a.ip6().isPresent()) {
                    assertEquals(expected, ar.indexOf(a.ip6().get()), where);
                    assertEquals(expected, ar.indexOf(Ipv6.parse("IP6", a.ip6().get().toString())), where);
                    assertEquals(expected, ar.indexOf(new Address.V6(a.ip6().get())), where);
                    checked++;
                }
                if (macIdentifiesLease) {
                    assertEquals(expected, ar.indexOf(a.mac()), where);
                    assertEquals(expected, ar.indexOf(Mac.parse("MAC", a.mac().toString())), where);
                    assertEquals(expected, ar.indexOf(new Address.Ether(a.mac())), where);
                    checked++;
                    for (Optional<Ipv6> slaac : List.of(a.ip6Global(), a.ip6Ula(), a.ip6Link())) {
                        if (slaac.isPresent()) {
                            assertEquals(expected, ar.indexOf(slaac.get()), where);
                            assertEquals(expected, ar.indexOf(Ipv6.parse("IP6", slaac.get().toString())), where);
                            checked++;
                        }
                    }
                }
            }
            assertNothingJustOutside(ar, definition.toString());
        }
        assertTrue(checked > RANGES_PER_TYPE * INDEXES_PER_RANGE, "too few addresses checked: " + checked);
    }

    /** The address before the first and after the last lease belong to no lease of this AR. */
    private static void assertNothingJustOutside(AddressRange ar, String where) {
        LeaseAddresses first = ar.firstAddresses();
        LeaseAddresses last = ar.lastAddresses();
        first.ip().filter(ip -> ip.unsigned() > 0)
                .ifPresent(ip -> assertEquals(OptionalLong.empty(), ar.indexOf(ip.plus(-1)), where));
        last.ip().filter(ip -> ip.unsigned() < Ipv4.SPACE - 1)
                .ifPresent(ip -> assertEquals(OptionalLong.empty(), ar.indexOf(ip.plus(1)), where));
        first.ip6().filter(ip -> ip.low() != 0 || ip.high() != 0)
                .ifPresent(ip -> assertEquals(OptionalLong.empty(), ar.indexOf(ip.low() == 0
                        ? new Ipv6(ip.high() - 1, -1L) : new Ipv6(ip.high(), ip.low() - 1)), where));
        last.ip6().filter(ip -> ip.low() != -1L || ip.high() != -1L)
                .ifPresent(ip -> assertEquals(OptionalLong.empty(), ar.indexOf(ip.plus(1)), where));
        if (ar.size().compareTo(MAC_SPACE) < 0) {
            assertEquals(OptionalLong.empty(), ar.indexOf(first.mac().plus(-1)), where);
            assertEquals(OptionalLong.empty(), ar.indexOf(last.mac().plus(1)), where);
        }
    }
}
