package vnetdesk.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vnetdesk.model.ValidationException;
import vnetdesk.sched.Selection.Check;
import vnetdesk.sched.Selection.Chosen;
import vnetdesk.sched.Selection.NoneQualifies;
import vnetdesk.sched.Selection.Rejection;

class NetworkSelectionTest {

    private static final int HOST_CLUSTER = 100;
    private static final Requirements ANY = Requirements.parse("SCHED_REQUIREMENTS", "");
    private static final Rank FREE_LEASES = Rank.parse("SCHED_RANK", "FREE_LEASES");
    private static final Rank UNRANKED = Rank.parse("SCHED_RANK", "");

    /** A network in the host's cluster that the owner may use and that has free addresses. */
    private static Candidate network(int id, String name, int freeLeases) {
        return new Candidate(id, id + ":" + name,
                Map.of("NAME", name, "VN_MAD", "802.1Q", "FREE_LEASES", String.valueOf(freeLeases)),
                List.of(0, HOST_CLUSTER), true, true);
    }

    private static Candidate withAttributes(Candidate c, Map<String, String> attributes) {
        return new Candidate(c.id(), c.label(), attributes, c.clusterIds(), c.mayUse(), c.hasFreeLease());
    }

    private static Selection choose(Requirements requirements, Rank rank, Candidate... candidates) {
        return NetworkSelection.choose(List.of(candidates), HOST_CLUSTER, requirements, rank);
    }

    private static Chosen chosen(Selection selection) {
        return assertInstanceOf(Chosen.class, selection, selection::reason);
    }

    @Test
    void theHighestRankWins() {
        Chosen c = chosen(choose(ANY, FREE_LEASES, network(1, "small", 10), network(3, "public", 250),
                network(2, "mid", 100)));
        assertEquals(3, c.network().id());
        assertEquals(250.0, c.rank());
        assertEquals("network 3:public chosen: rank 250 (FREE_LEASES), the highest of 3 qualifying", c.reason());
        assertEquals(List.of(), c.rejections());
    }

    @Test
    void aNegativeRankPrefersTheLeastUsed() {
        Rank leastUsed = Rank.parse("SCHED_RANK", "-USED_LEASES");
        Candidate busy = withAttributes(network(1, "busy", 5), Map.of("USED_LEASES", "40"));
        Candidate quiet = withAttributes(network(2, "quiet", 5), Map.of("USED_LEASES", "3"));
        Chosen c = chosen(choose(ANY, leastUsed, busy, quiet));
        assertEquals("network 2:quiet chosen: rank -3 (-USED_LEASES), the highest of 2 qualifying", c.reason());
    }

    @Test
    void aTieGoesToTheLowestId() {
        Chosen c = chosen(choose(ANY, FREE_LEASES, network(7, "c", 50), network(4, "b", 50), network(9, "a", 50),
                network(1, "low", 10)));
        assertEquals(4, c.network().id());
        assertEquals("network 4:b chosen: rank 50 (FREE_LEASES), the highest of 4 qualifying, tied with 7:c, 9:a;"
                + " the lowest id wins", c.reason());
    }

    @Test
    void withoutRankTheLowestIdWins() {
        Chosen c = chosen(choose(ANY, UNRANKED, network(5, "e", 999), network(2, "b", 1)));
        assertEquals(2, c.network().id());
        assertEquals("network 2:b chosen: no rank given, the lowest id of 2 qualifying", c.reason());
    }

    @Test
    void aNetworkInAnotherClusterIsSkippedWithTheClusters() {
        Candidate elsewhere = new Candidate(3, "3:far", Map.of("FREE_LEASES", "900"), List.of(0, 101), true, true);
        Candidate nowhere = new Candidate(4, "4:none", Map.of(), List.of(), true, true);
        Chosen c = chosen(choose(ANY, FREE_LEASES, elsewhere, network(5, "near", 1), nowhere));
        assertEquals(5, c.network().id());
        assertEquals("network 5:near chosen: rank 1 (FREE_LEASES), the only one of 3 candidates that qualifies",
                c.reason());
        assertEquals(List.of(
                new Rejection(elsewhere, Check.CLUSTER, "not in the host's cluster (host cluster 100,"
                        + " network clusters 0, 101)"),
                new Rejection(nowhere, Check.CLUSTER, "not in the host's cluster (host cluster 100,"
                        + " network in no cluster)")), c.rejections());
    }

    @Test
    void aNetworkWithoutTheUseRightIsSkipped() {
        Candidate forbidden = new Candidate(1, "1:admin", Map.of("FREE_LEASES", "900"), List.of(HOST_CLUSTER),
                false, true);
        Chosen c = chosen(choose(ANY, FREE_LEASES, forbidden, network(2, "users", 3)));
        assertEquals(2, c.network().id());
        assertEquals(List.of(new Rejection(forbidden, Check.USE, "no USE right")), c.rejections());
        assertEquals("network 1:admin: no USE right", c.rejections().get(0).describe());
    }

    @Test
    void aFullNetworkIsSkipped() {
        Candidate full = new Candidate(1, "1:full", Map.of("FREE_LEASES", "0"), List.of(HOST_CLUSTER), true, false);
        Chosen c = chosen(choose(ANY, UNRANKED, full, network(2, "roomy", 3)));
        assertEquals(2, c.network().id());
        assertEquals(List.of(new Rejection(full, Check.FREE_LEASE, "no free address")), c.rejections());
    }

    @Test
    void aNetworkFailingTheRequirementsIsSkippedWithTheComparisonThatFailed() {
        Requirements vlan = Requirements.parse("SCHED_REQUIREMENTS", "VN_MAD = \"802.1Q\"");
        Candidate firewall = withAttributes(network(1, "fw", 900), Map.of("VN_MAD", "fw", "FREE_LEASES", "900"));
        Chosen c = chosen(choose(vlan, FREE_LEASES, firewall, network(2, "vlan", 3)));
        assertEquals(2, c.network().id());
        assertEquals(List.of(new Rejection(firewall, Check.REQUIREMENTS,
                "requirements false: VN_MAD = \"802.1Q\" is false (VN_MAD is \"fw\")")), c.rejections());
    }

    @Test
    void theFirstFailedCheckIsTheReasonInTheOrderClusterUseFreeLeaseRequirements() {
        Requirements impossible = Requirements.parse("SCHED_REQUIREMENTS", "NAME = nothing");
        Candidate all = new Candidate(1, "1:a", Map.of(), List.of(7), false, false);
        Candidate useOn = new Candidate(2, "2:b", Map.of(), List.of(HOST_CLUSTER), false, false);
        Candidate leaseOn = new Candidate(3, "3:c", Map.of(), List.of(HOST_CLUSTER), true, false);
        Candidate requirementsOnly = new Candidate(4, "4:d", Map.of("NAME", "d"), List.of(HOST_CLUSTER), true, true);
        NoneQualifies none = assertInstanceOf(NoneQualifies.class,
                choose(impossible, UNRANKED, all, useOn, leaseOn, requirementsOnly));
        assertEquals(List.of(Check.CLUSTER, Check.USE, Check.FREE_LEASE, Check.REQUIREMENTS),
                none.rejections().stream().map(Rejection::check).toList());
    }

    @Test
    void whenNothingQualifiesEveryCandidateIsListedWithItsReason() {
        Requirements publicOnly = Requirements.parse("SCHED_REQUIREMENTS", "TRAFFIC_TYPE = \"public\"");
        Selection s = choose(publicOnly, FREE_LEASES,
                new Candidate(1, "1:far", Map.of(), List.of(5), true, true),
                new Candidate(2, "2:admin", Map.of(), List.of(HOST_CLUSTER), false, true),
                new Candidate(3, "3:full", Map.of(), List.of(HOST_CLUSTER), true, false),
                new Candidate(4, "4:private", Map.of("TRAFFIC_TYPE", "private"), List.of(HOST_CLUSTER), true, true));
        NoneQualifies none = assertInstanceOf(NoneQualifies.class, s);
        assertEquals(4, none.rejections().size());
        assertEquals("no network qualifies: "
                + "network 1:far: not in the host's cluster (host cluster 100, network clusters 5); "
                + "network 2:admin: no USE right; "
                + "network 3:full: no free address; "
                + "network 4:private: requirements false: TRAFFIC_TYPE = \"public\" is false"
                + " (TRAFFIC_TYPE is \"private\")", none.reason());
    }

    @Test
    void withNoCandidatesNothingQualifiesAndTheReasonSaysSo() {
        NoneQualifies none = assertInstanceOf(NoneQualifies.class, choose(ANY, FREE_LEASES));
        assertEquals("no network qualifies: there is no network to choose from", none.reason());
        assertEquals(List.of(), none.rejections());
    }

    @Test
    void aSingleCandidateIsTheOnlyOne() {
        assertEquals("network 8:only chosen: the only candidate",
                chosen(choose(ANY, UNRANKED, network(8, "only", 1))).reason());
    }

    @Test
    void candidateAttributeNamesAreUpperCasedSoExpressionsFindThem() {
        Candidate c = new Candidate(1, "1:a", Map.of("traffic_type", "public"), List.of(HOST_CLUSTER), true, true);
        assertEquals(Map.of("TRAFFIC_TYPE", "public"), c.attributes());
        assertThrows(ValidationException.class,
                () -> new Candidate(1, "1:a", Map.of("not a name", "x"), List.of(HOST_CLUSTER), true, true));
    }
}
