package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.core.Access;
import vnetdesk.template.TemplateParser;

class NetworkServiceTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void setUp() {
        inv = open(dir);
    }

    @AfterEach
    void tearDown() {
        inv.close();
    }

    private VirtualNetwork show(String ref) {
        return inv.queries().details(ADMIN, network(ref), 0).network();
    }

    @Test
    void newNetworkGetsGeneratedBridgeDefaultGroupClusterAndPermissions() {
        int id = create(inv, "NAME = a\nVN_MAD = fw\n");
        VirtualNetwork n = show("a");
        assertEquals("onebr" + id, n.conf().bridge());
        assertEquals(List.of(0), n.securityGroups());
        assertEquals(List.of(0), n.clusterIds());
        assertEquals("640", n.ownership().permissions().octal());
        int vlan = create(inv, "NAME = b\nVN_MAD = 802.1Q\nPHYDEV = eth0\nVLAN_ID = 50\n");
        assertEquals("onebr.50", show(Integer.toString(vlan)).conf().bridge());
    }

    @Test
    void automaticVlanIdsStartAtTwoAndSkipUsedOnes() {
        create(inv, "NAME = a\nVN_MAD = 802.1Q\nPHYDEV = eth0\nVLAN_ID = 2\n");
        create(inv, "NAME = b\nVN_MAD = 802.1Q\nPHYDEV = eth0\nAUTOMATIC_VLAN_ID = YES\n");
        VirtualNetwork b = show("b");
        assertEquals(Optional.of(3), b.conf().vlanId());
        assertEquals("onebr" + b.id(), b.conf().bridge());
    }

    @Test
    void invalidTemplateStoresNothing() {
        assertThrows(ValidationException.class, () -> create(inv,
                "NAME = a\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\nAR = [ TYPE = IP4, IP = 10.0.0.300, SIZE = 1 ]\n"));
        assertEquals(0, networkCount(inv));
        assertEquals(0, create(inv, "NAME = a\nVN_MAD = fw\n"), "the failed create did not use up an id");
    }

    @Test
    void namesAreUniquePerOwner() {
        create(inv, "NAME = a\nVN_MAD = fw\n");
        ConflictException e = assertThrows(ConflictException.class, () -> create(inv, "NAME = a\nVN_MAD = bridge\n"));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void overlappingArsInOneNetworkAreRefused() {
        create(inv, "NAME = a\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        ValidationException e = assertThrows(ValidationException.class,
                () -> inv.networks().addAr(ADMIN, ObjectRef.name("a"), Map.of("TYPE", "IP4", "IP", "10.0.0.10", "SIZE",
                        "5")));
        assertTrue(e.getMessage().contains("overlaps AR 0"), e.getMessage());
        assertEquals(1, inv.networks().addAr(ADMIN, ObjectRef.name("a"), Map.of("TYPE", "IP4", "IP", "10.0.0.11",
                "SIZE", "5")));
    }

    @Test
    void arIdsAreNeverReused() {
        create(inv, "NAME = a\nVN_MAD = fw\nAR = [ TYPE = ETHER, SIZE = 2 ]\nAR = [ TYPE = ETHER, SIZE = 2 ]\n");
        inv.networks().removeAr(ADMIN, ObjectRef.name("a"), 1, false);
        assertEquals(2, inv.networks().addAr(ADMIN, ObjectRef.name("a"), Map.of("TYPE", "ETHER", "SIZE", "2")));
    }

    @Test
    void updateArGrowsAndShrinksButNeverBelowAUsedLease() {
        create(inv, "NAME = a\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        hold(inv, "a", "10.0.0.8");
        ValidationException e = assertThrows(ValidationException.class,
                () -> inv.networks().updateAr(ADMIN, ObjectRef.name("a"), Map.of("AR_ID", "0", "SIZE", "5")));
        assertTrue(e.getMessage().contains("used leases would fall outside the range: 10.0.0.8"), e.getMessage());
        assertEquals(10, show("a").addressRanges().get(0).lastIndex() + 1);
        inv.networks().updateAr(ADMIN, ObjectRef.name("a"), Map.of("AR_ID", "0", "SIZE", "8"));
        assertEquals(7, show("a").addressRanges().get(0).lastIndex());
        inv.networks().updateAr(ADMIN, ObjectRef.name("a"), Map.of("AR_ID", "0", "SIZE", "20", "GATEWAY",
                "10.0.0.254"));
        assertEquals("10.0.0.254", show("a").addressRanges().get(0).attributes().get("GATEWAY"));
        hold(inv, "a", "10.0.0.20");
        ValidationException type = assertThrows(ValidationException.class,
                () -> inv.networks().updateAr(ADMIN, ObjectRef.name("a"), Map.of("AR_ID", "0", "TYPE", "IP6")));
        assertEquals("TYPE", type.field().orElseThrow());
        assertThrows(NotFoundException.class, () -> inv.networks().updateAr(ADMIN, ObjectRef.name("a"), Map.of("AR_ID",
                "9", "SIZE", "1")));
    }

    @Test
    void removingAnArInUseNeedsForceAndListsWhatWasDropped() {
        create(inv, "NAME = a\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        hold(inv, "a", "10.0.0.2", "10.0.0.3");
        ConflictException e = assertThrows(ConflictException.class, () -> inv.networks().removeAr(ADMIN,
                ObjectRef.name("a"), 0, false));
        assertTrue(e.getMessage().contains("has 2 used leases; use --force"), e.getMessage());
        assertEquals(1, show("a").addressRanges().size());
        List<String> dropped = inv.networks().removeAr(ADMIN, ObjectRef.name("a"), 0, true);
        assertEquals(List.of("10.0.0.2 (HOLD)", "10.0.0.3 (HOLD)"), dropped);
        assertTrue(show("a").addressRanges().isEmpty());
        assertEquals(0, used(inv, "a"));
    }

    @Test
    void deleteIsRefusedWhileLeasesAreInUse() {
        create(inv, "NAME = a\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        hold(inv, "a", "10.0.0.2");
        ConflictException e = assertThrows(ConflictException.class, () -> inv.networks().delete(ADMIN,
                ObjectRef.name("a")));
        assertTrue(e.getMessage().contains("has leases in use"), e.getMessage());
        inv.leases().release(ADMIN, ObjectRef.name("a"), List.of("10.0.0.2"), Optional.empty());
        inv.networks().delete(ADMIN, ObjectRef.name("a"));
        assertEquals(0, networkCount(inv));
    }

    @Test
    void updateReplacesContextButKeepsPhysicalAttributesAndAppendMerges() {
        create(inv, "NAME = a\nVN_MAD = 802.1Q\nPHYDEV = eth0\nVLAN_ID = 7\nDNS = 1.1.1.1\nGATEWAY = 10.0.0.1\n");
        inv.networks().update(ADMIN, ObjectRef.name("a"), TemplateParser.parse("DNS = 9.9.9.9\nMTU = 9000\n", "u"),
                false);
        VirtualNetwork n = show("a");
        assertEquals("9.9.9.9", n.attributes().get("DNS"));
        assertFalse(n.attributes().containsKey("GATEWAY"), "replace drops context attributes not given");
        assertEquals(Optional.of(7), n.conf().vlanId());
        assertEquals(Optional.of(9000), n.conf().mtu());
        inv.networks().update(ADMIN, ObjectRef.name("a"), TemplateParser.parse("GATEWAY = 10.0.0.254\n", "u"), true);
        n = show("a");
        assertEquals("9.9.9.9", n.attributes().get("DNS"));
        assertEquals("10.0.0.254", n.attributes().get("GATEWAY"));
        ValidationException bad = assertThrows(ValidationException.class,
                () -> inv.networks().update(ADMIN, ObjectRef.name("a"), TemplateParser.parse("GATEWAY = 10.0.0.999\n",
                        "u"), true));
        assertEquals("GATEWAY", bad.field().orElseThrow());
        assertEquals("10.0.0.254", show("a").attributes().get("GATEWAY"));
    }

    @Test
    void lockRefusesChangesUntilUnlocked() {
        create(inv, "NAME = a\nVN_MAD = fw\n");
        inv.networks().lock(ADMIN, ObjectRef.name("a"), LockLevel.USE);
        ConflictException e = assertThrows(ConflictException.class,
                () -> inv.networks().update(ADMIN, ObjectRef.name("a"), TemplateParser.parse("DNS = 1.1.1.1\n", "u"),
                        true));
        assertTrue(e.getMessage().contains("is locked"), e.getMessage());
        assertThrows(ConflictException.class, () -> inv.networks().rename(ADMIN, ObjectRef.name("a"), "b"));
        inv.networks().unlock(ADMIN, ObjectRef.name("a"));
        inv.networks().rename(ADMIN, ObjectRef.name("a"), "b");
        assertEquals("b", show("b").name());
    }

    @Test
    void aNormalUserWithoutRightsIsRefusedNamingTheRight() {
        create(inv, "NAME = a\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        inv.users().createGroup(ADMIN, "others");
        inv.users().createUser(ADMIN, "alice", "others");
        inv.users().createUser(ADMIN, "bob", "users");
        Actor stranger = inv.actor("alice");
        Access.PermissionDeniedException e = assertThrows(Access.PermissionDeniedException.class,
                () -> inv.leases().hold(stranger, ObjectRef.name("a"), List.of("10.0.0.2"), Optional.empty()));
        assertTrue(e.getMessage().contains("needs USE rights"), e.getMessage());
        Actor groupMember = inv.actor("bob");
        assertThrows(Access.PermissionDeniedException.class,
                () -> inv.leases().hold(groupMember, ObjectRef.name("a"), List.of("10.0.0.2"), Optional.empty()));
        assertEquals(0, used(inv, "a"));
    }

    @Test
    void aStaticIpv6Slash64DoesNotBlockRandomMacsOrAnswerWhoisForEveryMac() {
        create(inv, "NAME = v6\nVN_MAD = bridge\nAR = [ TYPE = IP6_STATIC, IP6 = 2001:db8::, PREFIX_LENGTH = 64 ]\n");
        create(inv, "NAME = eth\nVN_MAD = bridge\nAR = [ TYPE = ETHER, SIZE = 10 ]\n");
        create(inv, "NAME = v4\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.9.0.1, SIZE = 4 ]\n");
        var matches = inv.queries().whois(ADMIN, "02:00:0a:09:00:02");
        assertEquals(List.of("v4"), matches.stream().map(m -> m.network().name()).toList());
        hold(inv, "v6", "2001:db8::5");
        String heldMac = show("v6").addressRanges().get(0).addressesAt(5).mac().toString();
        assertTrue(inv.queries().whois(ADMIN, heldMac).stream().anyMatch(m -> m.network().name().equals("v6")
                && m.leaseOwner().isPresent()), "a leased MAC of the /64 is still found");
    }

    @Test
    void whoisSeesRenamesAndNeverARolledBackNetwork() {
        create(inv, "NAME = x\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.1.0.1, SIZE = 4 ]\n");
        assertEquals("x", inv.queries().whois(ADMIN, "10.1.0.1").get(0).network().name());
        inv.networks().rename(ADMIN, ObjectRef.name("x"), "renamed");
        assertEquals("renamed", inv.queries().whois(ADMIN, "10.1.0.1").get(0).network().name());
        // a create that fails after building its network leaves nothing behind, in the database or in caches
        assertThrows(ValidationException.class, () -> create(inv,
                "NAME = ghost\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.2.0.1, SIZE = 4 ]\nAR = [ TYPE = IP4, IP = 10.2.0.2, SIZE = 1 ]\n"));
        assertTrue(inv.queries().whois(ADMIN, "10.2.0.1").isEmpty());
        create(inv, "NAME = later\nVN_MAD = fw\nAR = [ TYPE = ETHER, SIZE = 2 ]\n");
        assertTrue(inv.queries().whois(ADMIN, "10.2.0.1").isEmpty());
    }

    @Test
    void removingABigArInUseListsAThousandDroppedLeasesAndCountsTheRest() {
        create(inv, "NAME = big\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 5000 ]\n");
        hold(inv, "big", "10.0.0.1-10.0.11.100");
        assertEquals(2916, used(inv, "big"));
        List<String> dropped = inv.networks().removeAr(ADMIN, ObjectRef.name("big"), 0, true);
        assertEquals(NetworkService.DROPPED_LISTED + 1, dropped.size());
        assertEquals("10.0.0.1 (HOLD)", dropped.get(0));
        assertEquals("… and 1916 more", dropped.get(dropped.size() - 1));
    }

    @Test
    void twoTemplatesPastedIntoOneFileAreRefusedNotMerged() {
        ValidationException e = assertThrows(ValidationException.class, () -> create(inv,
                "NAME = a\nVN_MAD = bridge\nAR = [ TYPE = ETHER, SIZE = 2 ]\nNAME = b\nVN_MAD = fw\n"));
        assertEquals("NAME", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
        assertEquals(0, networkCount(inv));
    }
}
