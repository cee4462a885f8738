package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Mac;
import vnetdesk.model.Problem;
import vnetdesk.model.ValidationException;

/** Address-range validation that returns every problem with its field, and the first when it throws. */
class ArProblemsTest {

    private final ArFactory factory = new ArFactory(0x0200, prefix -> Mac.of(prefix, 0));

    private static Map<String, String> ar(String... keysAndValues) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            a.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return a;
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void everyBadFieldOfANewRangeIsReturnedInOneCall() {
        assertEquals(List.of("IP", "SIZE", "GATEWAY", "MAC"), fields(factory.createProblems(
                ar("TYPE", "IP4", "IP", "10.0.0.300", "MAC", "zz", "GATEWAY", "x"))));
        assertEquals(List.of("IP6", "PREFIX_LENGTH"), fields(factory.createProblems(
                ar("TYPE", "IP6_STATIC", "IP6", "fd00::1::2", "PREFIX_LENGTH", "129"))));
        assertEquals(List.of("SIZE", "TYPE", "MAC"), fields(factory.createProblems(
                ar("TYPE", "IP5", "SIZE", "-1", "MAC", "zz"))));
    }

    @Test
    void aSizeIsCheckedAgainstItsTypeOnlyWhenBothAreValid() {
        assertEquals(List.of("SIZE"), fields(factory.createProblems(ar("TYPE", "IP4", "IP", "255.255.255.250",
                "SIZE", "10"))));
        assertEquals(List.of("IP"), fields(factory.createProblems(ar("TYPE", "IP4", "IP", "x", "SIZE", "10"))));
        assertEquals(List.of(), factory.createProblems(ar("TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "10")));
    }

    @Test
    void everyBadFieldOfAnUpdateIsReturnedInOneCall() {
        AddressRange current = factory.create(0, ar("TYPE", "IP4_6", "IP", "10.0.0.1", "SIZE", "10",
                "GLOBAL_PREFIX", "2001:db8::"), Optional.empty());
        assertEquals(List.of("TYPE", "IP", "GLOBAL_PREFIX", "SIZE", "GATEWAY"), fields(factory.updateProblems(current,
                ar("TYPE", "IP4", "IP", "10.0.0.2", "GLOBAL_PREFIX", "nope", "SIZE", "0", "GATEWAY", "x"))));
        assertEquals(List.of(), factory.updateProblems(current, ar("SIZE", "20", "GATEWAY", "10.0.0.254")));
    }

    static List<Map<String, String>> badRanges() {
        return List.of(
                ar("IP", "10.0.0.1", "SIZE", "x"),
                ar("TYPE", "IP4", "SIZE", "x"),
                ar("TYPE", "IP4", "IP", "10.0.0.300"),
                ar("TYPE", "IP6", "ULA_PREFIX", "x", "SIZE", "99999999999"),
                ar("TYPE", "IP4_6_STATIC", "IP", "10.0.0.1", "IP6", "fd00::1", "PREFIX_LENGTH", "0"),
                ar("TYPE", "ETHER", "SIZE", "5000000000"),
                ar("TYPE", "ETHER", "SIZE", "5", "MAC", "zz", "DNS", "x"));
    }

    @ParameterizedTest
    @MethodSource("badRanges")
    void theThrowingFactoryReportsTheFirstProblem(Map<String, String> a) {
        List<Problem> problems = factory.createProblems(a);
        ValidationException thrown = assertThrows(ValidationException.class,
                () -> factory.create(0, a, Optional.empty()));
        assertEquals(problems.get(0), Problem.of(thrown));
    }

    @Test
    void anOverrideWhoseNameCannotBeAnAttributeIsAProblemNotAnEscape() {
        String name = "A".repeat(129);
        List<Problem> problems = factory.createProblems(ar("TYPE", "ETHER", "SIZE", "1", name, "x"));
        assertEquals(List.of("attribute name"), fields(problems));
        AddressRange current = factory.create(0, ar("TYPE", "ETHER", "SIZE", "1"), Optional.empty());
        assertEquals(List.of("attribute name"), fields(factory.updateProblems(current, ar(name, "x"))));
    }
}
