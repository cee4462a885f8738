package vnetdesk.host.actual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vnetdesk.model.SyntaxException;

class SysctlParserTest {

    @Test
    void readsEachKeyWithItsValue() {
        assertEquals(Map.of("net.bridge.bridge-nf-call-iptables", "1", "net.bridge.bridge-nf-call-ip6tables", "1"),
                SysctlParser.parse(Samples.read("sysctl.txt"), ActualStateReader.SYSCTL));
    }

    @Test
    void aKeyTheKernelLacksIsAbsentNotShifted() {
        assertEquals(Map.of("net.bridge.bridge-nf-call-ip6tables", "0"),
                SysctlParser.parse("net.bridge.bridge-nf-call-ip6tables = 0\n", ActualStateReader.SYSCTL));
    }

    @Test
    void aBareValueOrARepeatedKeyIsAnError() {
        SyntaxException bare = assertThrows(SyntaxException.class, () -> SysctlParser.parse("1\n1\n", "sysctl"));
        assertEquals("sysctl: line 1, column 1: not a 'key = value' line: \"1\"", bare.getMessage());
        assertThrows(SyntaxException.class, () -> SysctlParser.parse("a = 1\na = 1\n", "sysctl"));
        assertThrows(SyntaxException.class, () -> SysctlParser.parse(Samples.overlong(), "sysctl"));
    }
}
