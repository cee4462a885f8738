package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** References typed by the user: digits are ids, anything else a name, blank is missing. */
class ObjectRefTest {

    @ParameterizedTest(name = "\"{0}\" -> id {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "0|0",
            "42|42",
            "' 7 '|7",
            "'\t12\n'|12",
            "007|7",
            "999999999|999999999",
    })
    void oneToNineDigitsAreAnId(String text, int id) {
        assertEquals(ObjectRef.id(id), ObjectRef.parse("NETWORK", text));
    }

    @ParameterizedTest(name = "\"{0}\" -> name \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "private|private",
            "' web '|web",
            "no such|no such",
            "'1 2'|1 2",
            "-1|-1",
            "+5|+5",
            "1e3|1e3",
            "0x10|0x10",
            "1234567890|1234567890",
            "99999999999999999999|99999999999999999999",
            "٣|٣",
    })
    void everythingElseIsANameWithoutTheSurroundingBlanks(String text, String name) {
        assertEquals(ObjectRef.name(name), ObjectRef.parse("NETWORK", text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void blankTextIsAMissingField(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> ObjectRef.parse("SECGROUP", text));
        assertEquals("SECGROUP: required attribute is missing", e.getMessage());
        assertEquals(Optional.of("SECGROUP"), e.field());
    }

    @Test
    void noTextIsAMissingFieldToo() {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> ObjectRef.parse("VNTEMPLATE", null));
        assertEquals("VNTEMPLATE: required attribute is missing", e.getMessage());
    }

    @Test
    void toStringIsTheReferenceAsMessagesPrintIt() {
        assertEquals("12", ObjectRef.id(12).toString());
        assertEquals("office lan", ObjectRef.name("office lan").toString());
        assertEquals("12", ValidationException.printable(ObjectRef.id(12)));
    }

    @Test
    void codeCannotBuildAReferenceNoUserCouldType() {
        assertThrows(IllegalArgumentException.class, () -> ObjectRef.id(-1));
        assertThrows(IllegalArgumentException.class, () -> ObjectRef.name(" "));
        assertThrows(NullPointerException.class, () -> ObjectRef.name(null));
    }

    @Test
    void referencesAreValues() {
        assertEquals(ObjectRef.id(3), ObjectRef.parse("NETWORK", "3"));
        assertEquals(ObjectRef.id(3).hashCode(), ObjectRef.parse("NETWORK", "03").hashCode());
        assertEquals(ObjectRef.name("a"), new ObjectRef.ByName("a"));
    }
}
