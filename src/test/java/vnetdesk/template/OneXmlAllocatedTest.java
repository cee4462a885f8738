package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vnetdesk.model.SyntaxException;

/**
 * The list form's leases: an AR without LEASES is read from its ALLOCATED text, OpenNebula's
 * {@code " index owner …"} encoding (AddressRange::allocated_to_attr), with the owner's object type
 * in the high bits; a malformed text names the AR and the token; LEASES, when present, wins.
 */
class OneXmlAllocatedTest {

    private static final long VM = 0x10_0000_0000L;
    private static final long NET = 0x40_0000_0000L;
    private static final long VROUTER = 0x4_0000_0000_0000L;
    private static final long HOLD = VM | 0xFFFF_FFFFL;

    private static String pool(String arChildren) {
        return "<VNET_POOL><VNET><ID>3</ID><NAME>n</NAME><TEMPLATE><VN_MAD>bridge</VN_MAD></TEMPLATE><AR_POOL><AR>"
                + arChildren + "<AR_ID>4</AR_ID><IP>10.0.0.1</IP><MAC>02:00:0a:00:00:01</MAC><NEXT_INDEX>0</NEXT_INDEX>"
                + "<SIZE>10</SIZE><TYPE>IP4</TYPE></AR></AR_POOL></VNET></VNET_POOL>";
    }

    private static List<ImportedLease> leases(String arChildren) {
        return OneXml.readAll(pool(arChildren), "l.xml").get(0).addressRanges().get(0).leases();
    }

    private static ImportedLease at(String mac, ImportedOwner owner) {
        return new ImportedLease(Optional.empty(), Optional.empty(), Optional.of(mac), owner);
    }

    @Test
    void vmLeasesHoldsReservationsAndVirtualRoutersArriveInIndexOrder() {
        String allocated = " 0 " + (VM | 5) + " 1 " + (VM | 5) + " 2 " + HOLD + " 3 " + (VROUTER | 2) + " 9 " + (NET | 7);
        assertEquals(List.of(at("02:00:0a:00:00:01", new ImportedOwner.Vm(5, 0)),
                        at("02:00:0a:00:00:02", new ImportedOwner.Vm(5, 1)),
                        at("02:00:0a:00:00:03", new ImportedOwner.Hold()),
                        at("02:00:0a:00:00:04", new ImportedOwner.Hold()),
                        at("02:00:0a:00:00:0a", new ImportedOwner.Vnet(7))),
                leases("<ALLOCATED>" + allocated + "</ALLOCATED>"));
    }

    @Test
    void anEmptyOrMissingAllocatedHasNoLeases() {
        assertEquals(List.of(), leases("<ALLOCATED></ALLOCATED>"));
        assertEquals(List.of(), leases("<ALLOCATED>  </ALLOCATED>"));
        assertEquals(List.of(), leases(""));
    }

    @Test
    void leasesWinOverAllocated() {
        List<ImportedLease> read = leases("<ALLOCATED> 0 " + (VM | 5) + "</ALLOCATED><LEASES><LEASE><IP>10.0.0.3</IP>"
                + "<MAC>02:00:0a:00:00:03</MAC><VM>8</VM></LEASE></LEASES>");
        assertEquals(List.of(new ImportedLease(Optional.of("10.0.0.3"), Optional.empty(),
                Optional.of("02:00:0a:00:00:03"), new ImportedOwner.Vm(8, 0))), read);
        assertEquals(List.of(), leases("<ALLOCATED> 0 " + (VM | 5) + "</ALLOCATED><LEASES/>"),
                "an empty LEASES says there are none");
    }

    @Test
    void aMalformedAllocatedNamesTheRangeAndTheToken() {
        assertError(" 0 " + (VM | 5) + " 1", "token 3 \"1\" has no owner");
        assertError(" x " + (VM | 5), "token 1 \"x\" is not an address index");
        assertError(" 0 vm5", "token 2 \"vm5\" is not an owner number");
        assertError(" 10 " + (VM | 5), "token 1 \"10\" is outside the address range (SIZE 10)");
        assertError(" 0 5", "token 2 \"5\" is not a VM, network or virtual router owner");
        assertError(" 0 " + (NET | 0xFFFF_FFFFL), "token 2 \"" + (NET | 0xFFFF_FFFFL) + "\" is not a VM");
        assertError(" -1 " + HOLD, "token 1 \"-1\" is not an address index");
    }

    private static void assertError(String allocated, String expected) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> leases("<ALLOCATED>" + allocated + "</ALLOCATED>"));
        assertTrue(e.getMessage().contains("address range 4: ALLOCATED: " + expected), e.getMessage());
    }
}
