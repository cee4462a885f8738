package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation that returns every problem with its field in one call, and its
 * throwing form that reports exactly the first of them (what the CLI prints).
 */
class FieldProblemsTest {

    private static Map<String, String> attributes(String... keysAndValues) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            a.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return a;
    }

    @Test
    void severalBadFieldsOfANetworkAreAllReturnedInOneCall() {
        List<Problem> problems = NetworkAttributes.problems(attributes("NAME", "", "VN_MAD", "vxlan",
                "MTU", "12", "GATEWAY", "10.0.0.300", "INBOUND_AVG_BW", "x", "FILTER_IP_SPOOFING", "maybe",
                "DNS", "1.2.3.4, nope"));
        assertEquals(List.of("NAME", "PHYDEV", "MTU", "FILTER_IP_SPOOFING", "INBOUND_AVG_BW", "GATEWAY", "DNS"),
                problems.stream().map(Problem::field).toList(), problems.toString());
        assertTrue(problems.get(2).message().startsWith("MTU: invalid value \"12\""), problems.get(2).message());
    }

    @Test
    void aRuleThatNeedsARefusedValueIsNotCheckedSoNoProblemFollowsFromAnother() {
        List<Problem> problems = NetworkAttributes.problems(attributes("NAME", "n", "VN_MAD", "nonsense",
                "VLAN_ID", "12"));
        assertEquals(List.of("VN_MAD"), problems.stream().map(Problem::field).toList(), problems.toString());
    }

    @Test
    void aValidNetworkHasNoProblems() {
        assertEquals(List.of(), NetworkAttributes.problems(attributes("NAME", "lan", "VN_MAD", "802.1Q",
                "PHYDEV", "eth0", "VLAN_ID", "12", "MTU", "9000")));
        assertEquals(List.of(), NetworkAttributes.updateProblems(attributes("MTU", "1500"), "lan", Driver.BRIDGE));
    }

    /** Inputs with one or more problems; the throwing parser must stop at the first one listed. */
    static List<Map<String, String>> badNetworks() {
        return List.of(
                attributes("NAME", "", "VN_MAD", "bridge", "MTU", "1"),
                attributes("NAME", "x", "VN_MAD", "802.1Q"),
                attributes("NAME", "x", "VN_MAD", "bridge", "VLAN_ID", "7", "MTU", "0"),
                attributes("NAME", "x", "VN_MAD", "bridge", "AUTOMATIC_VLAN_ID", "perhaps", "MTU", "0"),
                attributes("NAME", "x", "VN_MAD", "bridge", "INBOUND_AVG_BW", "10", "INBOUND_PEAK_BW", "5"),
                attributes("NAME", "x", "BAD KEY", "v", "VN_MAD", "bridge"),
                attributes("NAME", "x\u0007", "VN_MAD", "bridge", "CLUSTER_IDS", "0,,1"),
                attributes("VN_MAD", "bridge", "SECURITY_GROUPS", "a", "NETWORK_MASK", "255.0.255.0"));
    }

    @ParameterizedTest
    @MethodSource("badNetworks")
    void theThrowingParserReportsTheFirstProblem(Map<String, String> a) {
        List<Problem> problems = NetworkAttributes.problems(a);
        ValidationException thrown = assertThrows(ValidationException.class, () -> NetworkAttributes.parse(a));
        assertEquals(problems.get(0), Problem.of(thrown));
    }

    @Test
    void qosProblemsNameEachField() {
        Problems p = new Problems();
        Qos.fromAttributes(attributes("INBOUND_AVG_BW", "0", "OUTBOUND_PEAK_KB", "x"), p);
        assertEquals(List.of("INBOUND_AVG_BW", "OUTBOUND_PEAK_KB"), p.list().stream().map(Problem::field).toList());
    }

    @Test
    void aConflictCarriesItsFieldAndAPlainErrorNone() {
        assertEquals(new Problem("NAME", "NAME: taken"), Problem.of(new ConflictException("NAME", "NAME: taken")));
        assertEquals(new Problem(Problem.WHOLE, "locked"), Problem.of(new ConflictException("locked")));
    }
}
