package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import vnetdesk.model.AddressRange;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.ArType;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.PropagationState;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;

/**
 * Conformance of the network documents with OpenNebula's schemas (issue 14): {@code vnet show --xml}
 * against vnet.xsd, the export pool against vnet_pool_extended.xsd and {@code vnet list --xml} against
 * vnet_pool.xsd — every AR type, with VM leases, holds, a reservation (parent and child), locks and
 * VMs in every security-group propagation state. The one tolerated departure is removed before
 * validating and asserted separately: PREFIX_LENGTH (no schema has it) and, in the list form, the
 * AR's IP6 (vnet_pool.xsd has no slot for it), where OpenNebula itself writes them.
 */
public class VnetXmlConformanceTest {

    static final int PARENT_ID = 5;
    static final int CHILD_ID = 12;

    static AddressRange ar(int id, ArType type, String mac, long lastIndex) {
        return new AddressRange(id, type, Mac.parse("MAC", mac), lastIndex, Map.of(), Optional.empty());
    }

    /** One AR of every type OpenNebula has. */
    static final List<AddressRange> EVERY_TYPE = List.of(
            ar(0, new ArType.Ip4(Ipv4.parse("IP", "10.0.0.1")), "02:00:0a:00:00:01", 9),
            ar(1, new ArType.Ip6(Optional.of(Ipv6.parse("P", "2001:db8::")), Optional.of(Ipv6.parse("P", "fd00::"))),
                    "02:00:00:00:01:00", 15),
            ar(2, new ArType.Ip6Static(Ipv6.parse("IP6", "2001:db8:1::10"), 64), "02:00:00:00:02:00", 15),
            ar(3, new ArType.Ip4And6(Ipv4.parse("IP", "10.0.1.1"), Optional.of(Ipv6.parse("P", "2001:db8::")),
                    Optional.empty()), "02:00:0a:00:01:01", 99),
            ar(4, new ArType.Ip4And6Static(Ipv4.parse("IP", "10.0.2.1"), Ipv6.parse("IP6", "2001:db8:2::1"), 48),
                    "02:00:0a:00:02:01", 9),
            ar(5, new ArType.Ether(), "02:00:00:00:05:00", 4));

    static VirtualNetwork parent(Optional<LockLevel> lock, AllocationPolicy policy) {
        NetworkConf conf = new NetworkConf(Driver.VLAN, "br50", false, Optional.of("eth1"), Optional.of(50), false,
                Optional.of(1500), false, true, policy);
        return new VirtualNetwork(PARENT_ID, "every-type", "all AR types", List.of(0, 100),
                new Ownership(2, 1, new Permissions(0640)), lock, conf, Qos.NONE, Map.of("DNS", "8.8.8.8"),
                List.of(0, 101), EVERY_TYPE, Optional.empty(), EVERY_TYPE.size(), 1);
    }

    /** The reservation taken from AR 0's index 5 (10.0.0.6). */
    static VirtualNetwork child() {
        AddressRange reserved = new AddressRange(0, new ArType.Ip4(Ipv4.parse("IP", "10.0.0.6")),
                Mac.parse("MAC", "02:00:0a:00:00:06"), 0, Map.of(), Optional.of(0));
        return parent(Optional.empty(), AllocationPolicy.LOWEST_FREE).toBuilder().id(CHILD_ID).name("my-res")
                .addressRanges(List.of(reserved)).securityGroups(List.of()).parentNetworkId(Optional.of(PARENT_ID))
                .nextArId(1).build();
    }

    /** In every AR: VM 7's NIC at index 0, a hold at 1; AR 0 also the reservation at 5. */
    static NetworkDetails parentDetails(VirtualNetwork n) {
        List<Lease> leases = new ArrayList<>();
        Map<Integer, Long> used = new LinkedHashMap<>();
        for (AddressRange ar : n.addressRanges()) {
            leases.add(new Lease(n.id(), ar.id(), 0, ar.addressesAt(0), new LeaseOwner.VmNic(7, ar.id())));
            leases.add(new Lease(n.id(), ar.id(), 1, ar.addressesAt(1), LeaseOwner.HOLD));
            if (ar.id() == 0) {
                leases.add(new Lease(n.id(), 0, 5, ar.addressesAt(5), new LeaseOwner.Reservation(CHILD_ID)));
            }
            used.put(ar.id(), ar.id() == 0 ? 3L : 2L);
        }
        return new NetworkDetails(n, "alice", "users", used, leases, Map.of());
    }

    static NetworkDetails childDetails() {
        VirtualNetwork c = child();
        AddressRange ar = c.addressRanges().get(0);
        return new NetworkDetails(c, "alice", "users", Map.of(0, 1L),
                List.of(new Lease(CHILD_ID, 0, 0, ar.addressesAt(0), new LeaseOwner.VmNic(9, 0))), Map.of());
    }

    /** VMs 7, 8, 9, 10 up to date, outdated, updating and in error; cursors at AR 0 index 4 and AR 5's last. */
    static VnetXmlNetwork full(Optional<LockLevel> lock) {
        Map<Integer, PropagationState> states = Map.of(7, PropagationState.UPDATED, 8, PropagationState.OUTDATED,
                9, PropagationState.UPDATING, 10, PropagationState.ERROR);
        return new VnetXmlNetwork(parentDetails(parent(lock, AllocationPolicy.ROUND_ROBIN)), Map.of(0, 4L, 5, 4L),
                states);
    }

    /** The document without the departures OpenNebula's own output has (see the class comment). */
    public static String tolerated(String xml, boolean listForm) {
        String out = xml.replaceAll("(?m)^ *<PREFIX_LENGTH>[^<]*</PREFIX_LENGTH>\n", "");
        return listForm ? out.replaceAll("(?m)^ *<IP6>[^<]*</IP6>\n", "") : out;
    }

    static void validShow(String xml) throws Exception {
        OpenNebulaSchemas.validate("vnet.xsd", tolerated(xml, false));
    }

    // ---- show: one VNET -----------------------------------------------------------------------

    @Test
    void everyArTypeWithVmLeasesHoldsAReservationAndEveryPropagationStateValidates() throws Exception {
        validShow(OneXml.write(full(Optional.empty())));
        validShow(OneXml.write(childDetails()));
    }

    @Test
    void everyLockLevelValidates() throws Exception {
        for (LockLevel level : LockLevel.values()) {
            String xml = OneXml.write(full(Optional.of(level)));
            validShow(xml);
            assertEquals(1, count(dom(xml), "/VNET/LOCK/LOCKED"), level.name());
        }
    }

    @Test
    void networkWithoutRangesLeasesOrStatesValidates() throws Exception {
        VirtualNetwork bare = parent(Optional.empty(), AllocationPolicy.LOWEST_FREE).toBuilder()
                .addressRanges(List.of()).securityGroups(List.of()).build();
        validShow(OneXml.write(new NetworkDetails(bare, "alice", "users", Map.of(), List.of(), Map.of())));
    }

    @Test
    void stateAndTheElementsVnetdeskHasNoUseForHaveOpenNebulasValues() throws Exception {
        Document d = dom(OneXml.write(full(Optional.empty())));
        assertEquals("1", x(d, "/VNET/STATE"), "READY");
        assertEquals("1", x(d, "/VNET/PREV_STATE"));
        assertEquals(1, count(d, "/VNET/TEMPLATE_ID"));
        assertEquals("", x(d, "/VNET/TEMPLATE_ID"), "not instantiated from a template: empty, as OpenNebula");
        assertEquals("linux", x(d, "/VNET/BRIDGE_TYPE"));
        assertEquals("", x(d, "/VNET/OUTER_VLAN_ID"));
        assertEquals("0", x(d, "/VNET/OUTER_VLAN_ID_AUTOMATIC"));
        assertEquals(0, count(d, "/VNET/VROUTERS/*"));
        assertEquals("5", x(dom(OneXml.write(childDetails())), "/VNET/PARENT_NETWORK_ID"));
    }

    @Test
    void vmsAreListedByPropagationState() throws Exception {
        Document d = dom(OneXml.write(full(Optional.empty())));
        assertEquals("7", x(d, "/VNET/UPDATED_VMS/ID"));
        assertEquals("8", x(d, "/VNET/OUTDATED_VMS/ID"));
        assertEquals("9", x(d, "/VNET/UPDATING_VMS/ID"));
        assertEquals("10", x(d, "/VNET/ERROR_VMS/ID"));
        assertEquals(4, count(d, "/VNET/*[contains(name(), '_VMS')]/ID"));
        Document none = dom(OneXml.write(childDetails()));
        assertEquals(4, count(none, "/VNET/*[contains(name(), '_VMS')]"));
        assertEquals(0, count(none, "/VNET/*[contains(name(), '_VMS')]/ID"));
    }

    @Test
    void nextIndexFollowsTheRoundRobinCursorAndIsZeroOtherwise() throws Exception {
        Document d = dom(OneXml.write(full(Optional.empty())));
        assertEquals("5", x(d, "/VNET/AR_POOL/AR[AR_ID='0']/NEXT_INDEX"), "after index 4");
        assertEquals("0", x(d, "/VNET/AR_POOL/AR[AR_ID='5']/NEXT_INDEX"), "after the last index: wraps");
        assertEquals("0", x(d, "/VNET/AR_POOL/AR[AR_ID='3']/NEXT_INDEX"), "no cursor yet");
        VnetXmlNetwork lowest = new VnetXmlNetwork(parentDetails(parent(Optional.empty(),
                AllocationPolicy.LOWEST_FREE)), Map.of(0, 4L), Map.of());
        assertEquals("0", x(dom(OneXml.write(lowest)), "/VNET/AR_POOL/AR[AR_ID='0']/NEXT_INDEX"),
                "lowest-free searches from the start");
        assertEquals(EVERY_TYPE.size(), count(d, "/VNET/AR_POOL/AR/NEXT_INDEX"));
    }

    @Test
    void leasesCarryOnlyWhatOpenNebulaWrites() throws Exception {
        Document d = dom(OneXml.write(full(Optional.empty())));
        assertEquals(0, count(d, "//LEASE/NIC_NAME"));
        assertEquals("7", x(d, "/VNET/AR_POOL/AR[AR_ID='0']/LEASES/LEASE[IP='10.0.0.1']/VM"));
        assertEquals("-1", x(d, "/VNET/AR_POOL/AR[AR_ID='0']/LEASES/LEASE[IP='10.0.0.2']/VM"));
        assertEquals("12", x(d, "/VNET/AR_POOL/AR[AR_ID='0']/LEASES/LEASE[IP='10.0.0.6']/VNET"));
        assertEquals(2, count(d, "/VNET/AR_POOL/AR[AR_ID='5']/LEASES/LEASE/MAC"));
    }

    @Test
    void prefixLengthIsTheOneDepartureAndStandsInAlphabeticalPlace() throws Exception {
        Document d = dom(OneXml.write(full(Optional.empty())));
        for (String ar : List.of("2", "4")) {
            String path = "/VNET/AR_POOL/AR[AR_ID='" + ar + "']";
            assertEquals("NEXT_INDEX", x(d, "name(" + path + "/PREFIX_LENGTH/preceding-sibling::*[1])"), ar);
            assertEquals("SIZE", x(d, "name(" + path + "/PREFIX_LENGTH/following-sibling::*[1])"), ar);
            // IP6 has its slot in vnet.xsd, before IP6_END
            assertEquals("IP6_END", x(d, "name(" + path + "/IP6/following-sibling::*[1])"), ar);
        }
        OpenNebulaSchemas.require("vnet.xsd"); // skipped (not failed) without the schemas
        SAXException e = assertThrows(SAXException.class, () -> OpenNebulaSchemas.validate("vnet.xsd",
                OneXml.write(full(Optional.empty()))));
        assertTrue(e.getMessage().contains("PREFIX_LENGTH"), e.getMessage());
    }

    @Test
    void aReorderedElementIsRefusedByTheSchema() {
        String xml = OneXml.write(full(Optional.empty()));
        // STATE moved from after BRIDGE_TYPE to before VN_MAD
        String moved = xml.replace("\n  <STATE>1</STATE>", "").replace("\n  <VN_MAD>", "\n  <STATE>1</STATE>\n  <VN_MAD>");
        assertTrue(moved.indexOf("<STATE>") > moved.indexOf("<TEMPLATE_ID>"), moved);
        OpenNebulaSchemas.require("vnet.xsd"); // skipped (not failed) without the schemas
        SAXException e = assertThrows(SAXException.class, () -> validShow(moved));
        assertTrue(e.getMessage().contains("STATE"), e.getMessage());
    }

    // ---- pools -------------------------------------------------------------------------------

    @Test
    void exportPoolOfParentAndReservationValidatesAgainstTheExtendedPoolSchema() throws Exception {
        String pool = OneXml.writePool(List.of(full(Optional.of(LockLevel.USE)), VnetXmlNetwork.of(childDetails())));
        OpenNebulaSchemas.validate("vnet_pool_extended.xsd", tolerated(pool, false));
        OpenNebulaSchemas.validate("vnet_pool_extended.xsd", OneXml.writePool(List.of()));
        assertEquals(2, count(dom(pool), "/VNET_POOL/VNET"));
    }

    @Test
    void listPoolValidatesAgainstThePoolSchemaWithoutLeasesOrComputedAddresses() throws Exception {
        String list = OneXml.writeList(List.of(full(Optional.of(LockLevel.ADMIN)), VnetXmlNetwork.of(childDetails())));
        OpenNebulaSchemas.validate("vnet_pool.xsd", tolerated(list, true));
        OpenNebulaSchemas.validate("vnet_pool.xsd", OneXml.writeList(List.of()));
        Document d = dom(list);
        for (String computed : List.of("LEASES", "USED_LEASES", "MAC_END", "IP_END", "IP6_END", "IP6_GLOBAL",
                "IP6_ULA")) {
            assertEquals(0, count(d, "//AR/" + computed), computed);
        }
        assertEquals("13", x(d, "/VNET_POOL/VNET[1]/USED_LEASES"), "the network's used count stays");
        assertEquals("2001:db8:1::10", x(d, "/VNET_POOL/VNET[1]/AR_POOL/AR[AR_ID='2']/IP6"), "start address kept");
        String dual = "/VNET_POOL/VNET[1]/AR_POOL/AR[AR_ID='4']/IP6";
        assertEquals("IP", x(d, "name(" + dual + "/preceding-sibling::*[1])"), "alphabetical, as OpenNebula");
        assertEquals("MAC", x(d, "name(" + dual + "/following-sibling::*[1])"));
        assertEquals("5", x(d, "/VNET_POOL/VNET[1]/AR_POOL/AR[AR_ID='0']/NEXT_INDEX"));
        assertEquals("9", x(d, "/VNET_POOL/VNET[1]/UPDATING_VMS/ID"));
        // the leases as OpenNebula stores them: index, then the VM (1<<36 | id), hold (VM | 0xFFFFFFFF)
        // or network (1<<38 | id) owner
        assertEquals(" 0 68719476743 1 73014444031 5 274877906956",
                x(d, "/VNET_POOL/VNET[1]/AR_POOL/AR[AR_ID='0']/ALLOCATED"));
        assertEquals("AR_ID", x(d, "name(/VNET_POOL/VNET[1]/AR_POOL/AR[1]/ALLOCATED/following-sibling::*[1])"));
        assertEquals(" 0 68719476745", x(d, "/VNET_POOL/VNET[2]/AR_POOL/AR/ALLOCATED"));
    }

    @Test
    void listPoolReadsBackWithTheRangesAndTheLeasesOfAllocated() {
        List<ImportedNetwork> read = OneXml.readAll(OneXml.writeList(List.of(full(Optional.empty()))), "l.xml");
        assertEquals(1, read.size());
        assertEquals(EVERY_TYPE.size(), read.get(0).addressRanges().size());
        ImportedAr first = read.get(0).addressRanges().get(0);
        assertEquals(List.of(new ImportedLease(Optional.empty(), Optional.empty(), Optional.of("02:00:0a:00:00:01"),
                        new ImportedOwner.Vm(7, 0)),
                new ImportedLease(Optional.empty(), Optional.empty(), Optional.of("02:00:0a:00:00:02"),
                        new ImportedOwner.Hold()),
                new ImportedLease(Optional.empty(), Optional.empty(), Optional.of("02:00:0a:00:00:06"),
                        new ImportedOwner.Vnet(CHILD_ID))), first.leases());
        assertTrue(read.get(0).addressRanges().stream().allMatch(ar -> ar.leases().size() == (ar == first ? 3 : 2)));
        assertEquals("2001:db8:1::10", read.get(0).addressRanges().get(2).attributes().get("IP6"));
        assertTrue(read.get(0).addressRanges().stream().noneMatch(ar -> ar.attributes().containsKey("NEXT_INDEX")));
    }
}
