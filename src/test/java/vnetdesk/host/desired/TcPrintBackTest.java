package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.TapQos;
import vnetdesk.model.Qos;

/**
 * How tc prints back an htb class made from compiled QoS values, the form
 * the actual-state reader must turn back into the same bytes: iproute2 6.1
 * prints htb classes as text even with {@code -j}, rates in bits with SI
 * prefixes ({@code 1000kbps} → {@code 8Mbit}), bursts in 1024-byte
 * {@code Kb}. A whole-kilobyte burst comes back exactly; others may come
 * back a byte short ({@code 5000b} → {@code 4999b}) because the kernel keeps
 * the burst as time.
 */
class TcPrintBackTest {

    @Test
    void anHtbClassOfCompiledValuesPrintsRateInBitsAndBurstInKilobytes() throws Exception {
        TapQos.Shaping given = QosCompiler.compile("one-3-0", new Qos(OptionalLong.of(1000), OptionalLong.of(2000),
                OptionalLong.of(64), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()))
                .orElseThrow().inbound().orElseThrow();
        TapQos.Shaping defaulted = QosCompiler.compile("one-3-0", new Qos(OptionalLong.of(1234), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()))
                .orElseThrow().inbound().orElseThrow();
        try (LabNamespace ns = LabNamespace.create("tc")) {
            ns.run("", "ip", "link", "add", "one-3-0", "type", "veth", "peer", "name", "peer0");
            ns.run("", "tc", "qdisc", "add", "dev", "one-3-0", "root", "handle", "1:", "htb", "default", "1");
            assertTrue(shaped(ns, given).contains("rate 8Mbit ceil 16Mbit burst 64Kb "));
            assertTrue(shaped(ns, defaulted).contains("rate 9872Kbit ceil 9872Kbit burst 124Kb "));
        }
    }

    /** Applies the class as the engine's command line would ({@code kbps}, {@code kb}) and returns tc's line. */
    private static String shaped(LabNamespace ns, TapQos.Shaping s) throws Exception {
        ns.run("", "tc", "class", "replace", "dev", "one-3-0", "parent", "1:", "classid", "1:1", "htb",
                "rate", s.rate() / QosCompiler.KBPS + "kbps", "ceil", s.ceil() / QosCompiler.KBPS + "kbps",
                "burst", s.burst() / QosCompiler.KB + "kb");
        String line = ns.run("", "tc", "-j", "class", "show", "dev", "one-3-0");
        assertTrue(line.startsWith("class htb 1:1 "), line);
        return line;
    }
}
