package vnetdesk.host.actual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vnetdesk.host.state.TapQos;
import vnetdesk.model.SyntaxException;

class TcParserTest {

    private static final String CLASS = ActualStateReader.classCommand("one-1-0");
    private static final String FILTER = ActualStateReader.filterCommand("one-1-0");

    @Test
    void qdiscsNameOnlyTheConsolesTapsWithHtbRootOrIngress() {
        assertEquals(Map.of("one-1-0", EnumSet.of(TcParser.TapQdisc.HTB, TcParser.TapQdisc.INGRESS)),
                TcParser.qdiscs(Samples.read("tc-qdisc.json"), ActualStateReader.QDISC));
    }

    @Test
    void readsTheHtbClassInBytesWithTheBurstAskedFor() {
        // asked: rate 100kbps ceil 200kbps burst 50kb
        assertEquals(Optional.of(new TapQos.Shaping(100_000, 200_000, 50 * 1024)),
                TcParser.shaping(Samples.read("tc-class-one-1-0.txt"), CLASS));
    }

    @Test
    void readsThePoliceOfAFilterAndNothingFromAnEmptyIngress() {
        assertEquals(Optional.of(new TapQos.Policing(100_000, 50 * 1024)),
                TcParser.policing(Samples.read("tc-filter-police-handmade.txt"), FILTER));
        assertEquals(Optional.empty(), TcParser.policing(Samples.read("tc-filter-one-1-0.txt"), FILTER));
    }

    /** Pairs read back on this machine (iproute2 6.1, Linux 6.18) for {@code rate R kbps burst B kb}. */
    @ParameterizedTest
    @CsvSource({
        "1024, 1000, 1Kb", "1024, 7000, 1023b", "1024, 1234000, 1021b", "1024, 12500000, 1000b",
        "1024, 100000000, 900b", "3072, 100000000, 2900b", "78848, 12500000, 78825b", "78848, 100000000, 78700b",
        "78848, 125000000, 78625b", "51200, 125000000, 51000b", "51200, 1000000000, 50000b",
        "4194304, 1000000000, 4193000b", "3072, 1000000000, 2000b", "67108864, 333000, 64Mb"})
    void aBurstReadBackIsTheWholeKibAskedFor(long asked, long rate, String printed) {
        assertEquals(asked, TcUnits.burst(TcUnits.size(printed).orElseThrow(), rate));
    }

    @Test
    void aBurstTheKernelCouldNotHoldStaysAsRead() {
        // burst 500kb at 1kbps overflows the kernel's 32-bit tick count: it reads 237122b
        assertEquals(237_122, TcUnits.burst(237_122, 1000));
    }

    @Test
    void ratesAndSizesInEveryPrintedUnit() {
        assertEquals(Optional.of(100_000L), TcUnits.rate("800Kbit"));
        assertEquals(Optional.of(1_234_000L), TcUnits.rate("9872Kbit"));
        assertEquals(Optional.of(1_000_000_000L), TcUnits.rate("8Gbit"));
        assertEquals(Optional.of(7L), TcUnits.rate("56bit"));
        assertEquals(Optional.of(131_072L), TcUnits.rate("1Mibit"));
        assertEquals(Optional.of(4L * 1024 * 1024), TcUnits.size("4Mb"));
        assertEquals(Optional.of(1_500_000L), TcUnits.size("1.5e+06b"));
        assertEquals(Optional.empty(), TcUnits.rate("800Kbps"));
        assertEquals(Optional.empty(), TcUnits.size("-3b"));
        assertEquals(Optional.empty(), TcUnits.size("99999999999999999999999Mb"));
    }

    @Test
    void malformedClassOutputIsAnErrorNamingCommandLineAndText() {
        SyntaxException notClass = assertThrows(SyntaxException.class,
                () -> TcParser.shaping("Cannot find device \"one-1-0\"\n", CLASS));
        assertEquals(CLASS + ": line 1, column 1: not a class line: \"Cannot find device \\\"one-1-0\\\"\"",
                notClass.getMessage());
        SyntaxException badRate = assertThrows(SyntaxException.class,
                () -> TcParser.shaping("class htb 1:1 root prio 0 rate fast ceil 1Kbit burst 1Kb\n", CLASS));
        assertTrue(badRate.getMessage().contains("the rate \"fast\" is not a tc rate"), badRate.getMessage());
        String two = Samples.read("tc-class-one-1-0.txt") + "class htb 1:2 root prio 0 rate 8Kbit ceil 8Kbit burst 1Kb cburst 1Kb\n";
        SyntaxException second = assertThrows(SyntaxException.class, () -> TcParser.shaping(two, CLASS));
        assertTrue(second.getMessage().contains("line 2"), second.getMessage());
        assertThrows(SyntaxException.class, () -> TcParser.shaping(Samples.overlong(), CLASS));
    }

    @Test
    void malformedFilterOutputAndQdiscJsonAreErrors() {
        assertThrows(SyntaxException.class, () -> TcParser.policing("what\n", FILTER));
        assertThrows(SyntaxException.class,
                () -> TcParser.policing("filter parent ffff:\n police 0x1 rate 8Kbit\n", FILTER));
        String qdisc = Samples.read("tc-qdisc.json");
        assertThrows(SyntaxException.class,
                () -> TcParser.qdiscs(qdisc.substring(0, qdisc.length() - 3), ActualStateReader.QDISC));
        assertThrows(SyntaxException.class, () -> TcParser.qdiscs("[{\"kind\":\"htb\"}]", ActualStateReader.QDISC));
    }
}
