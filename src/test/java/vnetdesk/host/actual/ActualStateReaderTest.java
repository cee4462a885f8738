package vnetdesk.host.actual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.HostState;
import vnetdesk.host.state.TapQos;
import vnetdesk.model.VnetException;

class ActualStateReaderTest {

    static Map<String, String> sampleOutputs() {
        Map<String, String> outputs = new HashMap<>();
        outputs.put(ActualStateReader.LINK, Samples.read("ip-link.json"));
        outputs.put(ActualStateReader.IPTABLES, Samples.read("iptables-save.txt"));
        outputs.put(ActualStateReader.IP6TABLES, Samples.read("ip6tables-save.txt"));
        outputs.put(ActualStateReader.EBTABLES, Samples.read("ebtables-save.txt"));
        outputs.put(ActualStateReader.IPSET, Samples.read("ipset-save.txt"));
        outputs.put(ActualStateReader.QDISC, Samples.read("tc-qdisc.json"));
        outputs.put(ActualStateReader.SYSCTL, Samples.read("sysctl.txt"));
        outputs.put("tc class show dev one-1-0", Samples.read("tc-class-one-1-0.txt"));
        outputs.put("tc filter show dev one-1-0 ingress", Samples.read("tc-filter-police-handmade.txt"));
        return outputs;
    }

    @Test
    void theSecondRoundAsksForTheClassAndFilterOfEachTapWithQdiscs() {
        assertEquals(List.of("tc class show dev one-1-0", "tc filter show dev one-1-0 ingress"),
                ActualStateReader.tapCommands(Samples.read("tc-qdisc.json")));
    }

    @Test
    void assemblesTheWholeHostState() {
        HostState state = ActualStateReader.parse(sampleOutputs());
        assertEquals(8, state.devices().size());
        assertEquals("1", state.sysctls().get("net.bridge.bridge-nf-call-iptables"));
        assertEquals(3, state.iptables().chains().size());
        assertEquals(3, state.ip6tables().chains().size());
        assertEquals(1, state.ebtables().chains().size());
        assertEquals(4, state.ipsets().size());
        assertEquals(Map.of("one-1-0", new TapQos("one-1-0", Optional.of(new TapQos.Shaping(100_000, 200_000, 51_200)),
                Optional.of(new TapQos.Policing(100_000, 51_200)))), state.qos());
    }

    @Test
    void theSameOutputsReadTwiceAreEqualStates() {
        assertEquals(ActualStateReader.parse(sampleOutputs()), ActualStateReader.parse(sampleOutputs()));
    }

    @Test
    void aForeignChainSetOrBridgeIsNotKeptOrNotOwned() {
        HostState state = ActualStateReader.parse(sampleOutputs());
        assertFalse(state.iptables().chains().containsKey("myfw"));
        assertFalse(state.iptables().hooks().contains("-A FORWARD -j myfw"));
        assertFalse(state.ebtables().chains().containsKey("hostchain"));
        assertFalse(state.ipsets().containsKey("hostset"));
        assertFalse(state.devices().get("br0").owned());
        assertTrue(state.devices().get("onebr.300").owned());
    }

    @Test
    void aMissingOutputIsAnErrorNamingItsCommand() {
        Map<String, String> outputs = sampleOutputs();
        outputs.remove("tc class show dev one-1-0");
        VnetException e = assertThrows(VnetException.class, () -> ActualStateReader.parse(outputs));
        assertTrue(e.getMessage().contains("'tc class show dev one-1-0'"), e.getMessage());
    }
}
