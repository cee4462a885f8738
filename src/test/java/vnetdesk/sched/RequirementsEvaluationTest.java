package vnetdesk.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequirementsEvaluationTest {

    private static final Map<String, String> NETWORK = Map.of(
            "NAME", "private-lab",
            "VN_MAD", "802.1Q",
            "TRAFFIC_TYPE", "public",
            "VLAN_ID", "010",
            "MTU", "1500.0",
            "USED_LEASES", "-3",
            "LABEL", "a*b?[c]",
            "EMPTY", "",
            "BRIDGE", "br0");

    private static boolean test(String expression) {
        return Requirements.parse("SCHED_REQUIREMENTS", expression).test(NETWORK);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // strings: whole value, case-sensitive
                Arguments.of("VN_MAD = \"802.1Q\"", true),
                Arguments.of("VN_MAD = \"802.1q\"", false),
                Arguments.of("VN_MAD = \"802\"", false),
                Arguments.of("VN_MAD != \"fw\"", true),
                Arguments.of("VN_MAD != \"802.1Q\"", false),
                Arguments.of("TRAFFIC_TYPE = public", true),
                Arguments.of("TRAFFIC_TYPE = Public", false),
                Arguments.of("BRIDGE = br0", true),
                Arguments.of("EMPTY = \"\"", true),
                Arguments.of("EMPTY != \"\"", false),
                Arguments.of("EMPTY = \"*\"", true),
                // wildcards at the start, in the middle, at the end
                Arguments.of("NAME = \"private*\"", true),
                Arguments.of("NAME = \"*lab\"", true),
                Arguments.of("NAME = \"pri*lab\"", true),
                Arguments.of("NAME = \"*\"", true),
                Arguments.of("NAME = \"**lab**\"", true),
                Arguments.of("NAME = \"*-*\"", true),
                Arguments.of("NAME = \"public*\"", false),
                Arguments.of("NAME = \"*net\"", false),
                Arguments.of("NAME = \"p*x*b\"", false),
                Arguments.of("NAME = \"private\"", false),
                Arguments.of("NAME != \"private*\"", false),
                Arguments.of("NAME != \"public*\"", true),
                // only '*' is special: '?' and '[' match themselves
                Arguments.of("LABEL = \"a*b?[c]\"", true),
                Arguments.of("LABEL = \"a?b*\"", false),
                Arguments.of("LABEL = \"a\\*b*\"", false),
                // numbers: by value when the attribute is a number
                Arguments.of("VLAN_ID = 10", true),
                Arguments.of("VLAN_ID = 10.000", true),
                Arguments.of("VLAN_ID = +10", true),
                Arguments.of("VLAN_ID != 10", false),
                Arguments.of("VLAN_ID != 11", true),
                Arguments.of("VLAN_ID > 9", true),
                Arguments.of("VLAN_ID > 10", false),
                Arguments.of("VLAN_ID < 10.5", true),
                Arguments.of("VLAN_ID < 9.99", false),
                Arguments.of("MTU = 1500", true),
                Arguments.of("MTU > 1499.99", true),
                Arguments.of("USED_LEASES < 0", true),
                Arguments.of("USED_LEASES > -3.5", true),
                Arguments.of("USED_LEASES = -3", true),
                Arguments.of("USED_LEASES < -3", false),
                // numbers vs strings: a quoted number is a string
                Arguments.of("VLAN_ID = \"010\"", true),
                Arguments.of("VLAN_ID = \"10\"", false),
                Arguments.of("MTU = \"1500\"", false),
                // a number against a value that is not one: false, '!=' included
                Arguments.of("VN_MAD = 802", false),
                Arguments.of("VN_MAD != 802", false),
                Arguments.of("VN_MAD > 1", false),
                Arguments.of("VN_MAD < 1", false),
                Arguments.of("EMPTY = 0", false),
                // an attribute that is not set: every comparison false, '!=' included
                Arguments.of("CLUSTER = \"x\"", false),
                Arguments.of("CLUSTER != \"x\"", false),
                Arguments.of("CLUSTER > 0", false),
                Arguments.of("CLUSTER < 0", false),
                Arguments.of("!(CLUSTER = \"x\")", true),
                // lower-case names read the upper-case attribute
                Arguments.of("vn_mad = \"802.1Q\"", true),
                // operators and precedence
                Arguments.of("TRAFFIC_TYPE = \"public\" & VN_MAD = \"802.1Q\"", true),
                Arguments.of("TRAFFIC_TYPE = \"public\" & VN_MAD = \"fw\"", false),
                Arguments.of("VN_MAD = \"fw\" | TRAFFIC_TYPE = \"public\"", true),
                Arguments.of("VN_MAD = \"fw\" | TRAFFIC_TYPE = \"private\"", false),
                Arguments.of("!VN_MAD = \"fw\"", true),
                Arguments.of("!!VN_MAD = \"fw\"", false),
                Arguments.of("BRIDGE = br0 | VN_MAD = \"fw\" & VLAN_ID = 99", true),
                Arguments.of("(BRIDGE = br0 | VN_MAD = \"fw\") & VLAN_ID = 99", false),
                Arguments.of("!BRIDGE = br0 | VLAN_ID = 10", true),
                Arguments.of("!(BRIDGE = br0 | VLAN_ID = 10)", false),
                Arguments.of("", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void comparesStringsWithWildcardsNumbersByValueAndCombinesThem(String expression, boolean expected) {
        assertEquals(expected, test(expression));
        Requirements r = Requirements.parse("SCHED_REQUIREMENTS", expression);
        assertEquals(expected, r.whyFalse(NETWORK).isEmpty(), "an explanation exactly when false");
    }

    private static List<String> whyFalse(String expression, Map<String, String> attributes) {
        return Requirements.parse("SCHED_REQUIREMENTS", expression).whyFalse(attributes);
    }

    @Test
    void aFalseComparisonSaysWhatTheAttributeIs() {
        assertEquals(List.of("VN_MAD = \"802.1Q\" is false (VN_MAD is \"fw\")"),
                whyFalse("VN_MAD = \"802.1Q\"", Map.of("VN_MAD", "fw")));
        assertEquals(List.of("VLAN_ID > 100 is false (VLAN_ID is not set)"),
                whyFalse("vlan_id > 100", Map.of()));
        assertEquals(List.of("VLAN_ID != 5 is false (VLAN_ID is \"none\", not a number)"),
                whyFalse("VLAN_ID != 5", Map.of("VLAN_ID", "none")));
        assertEquals(List.of("NAME = \"a\" is false (NAME is \"two\\nlines\")"),
                whyFalse("NAME = a", Map.of("NAME", "two\nlines")));
    }

    @Test
    void aFalseAndNamesEveryFalseTermAndATrueOneNot() {
        assertEquals(List.of("TRAFFIC_TYPE = \"public\" is false (TRAFFIC_TYPE is not set)",
                        "VN_MAD = \"802.1Q\" is false (VN_MAD is \"fw\")"),
                whyFalse("TRAFFIC_TYPE = \"public\" & BRIDGE = br0 & VN_MAD = \"802.1Q\"",
                        Map.of("VN_MAD", "fw", "BRIDGE", "br0")));
    }

    @Test
    void aFalseOrNamesEveryTerm() {
        assertEquals(List.of("VN_MAD = \"fw\" is false (VN_MAD is \"ovswitch\")",
                        "VLAN_ID > 5 is false (VLAN_ID is \"2\")"),
                whyFalse("VN_MAD = fw | VLAN_ID > 5", Map.of("VN_MAD", "ovswitch", "VLAN_ID", "2")));
    }

    @Test
    void aFalseNegationShowsWhatItsTermRead() {
        assertEquals(List.of("!(VN_MAD = \"fw\" & VLAN_ID = 5) is false (VN_MAD is \"fw\", VLAN_ID is \"5\")"),
                whyFalse("!(VN_MAD = fw & VLAN_ID = 5)", Map.of("VN_MAD", "fw", "VLAN_ID", "5")));
        assertEquals(List.of("!(A = \"x\" | B = \"y\") is false (A is \"x\", B is not set)"),
                whyFalse("!(A = x | B = y)", Map.of("A", "x")));
    }

    @Test
    void whatIsTrueHasNoExplanation() {
        assertTrue(whyFalse("A = x | B = y", Map.of("B", "y")).isEmpty());
        assertTrue(whyFalse("", Map.of()).isEmpty());
    }

    @Test
    void aWildcardMatchOfAVeryLongValueStaysFast() {
        String value = "a".repeat(200_000);
        Requirements r = Requirements.parse("SCHED_REQUIREMENTS", "NAME = \"*a*a*a*b\"");
        assertEquals(false, r.test(Map.of("NAME", value)));
        assertEquals(true, Requirements.parse("SCHED_REQUIREMENTS", "NAME = \"*a*a*a*\"").test(Map.of("NAME", value)));
    }
}
