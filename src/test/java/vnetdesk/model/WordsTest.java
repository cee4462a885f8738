package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void aCountedNounAgreesWithItsNumber() {
        assertEquals("1 lease", Words.count(1, "lease"));
        assertEquals("0 leases", Words.count(0, "lease"));
        assertEquals("2 addresses", Words.count(2, "address"));
        assertEquals("1 address", Words.count(1, "address"));
        assertEquals("3 VMs", Words.count(3, "VM"));
        assertEquals("4194304 NICs", Words.count(4_194_304, "NIC"));
        assertEquals("boxes", Words.noun(5, "box"));
        assertEquals("cluster", Words.noun(1, "cluster"));
    }

    @Test
    void listsJoinWithTheConjunction() {
        assertEquals("a, b or c", Words.list(List.of("a", "b", "c"), "or"));
        assertEquals("a", Words.list(List.of("a"), "or"));
    }
}
