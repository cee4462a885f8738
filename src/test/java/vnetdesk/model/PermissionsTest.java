package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenNebula permissions in octal-like and letter form. */
class PermissionsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "640, um-u-----",
            "777, umaumauma",
            "000, ---------",
            "421, u---m---a",
            "744, umau--u--",
            "007, ------uma",
            "600, um-------",
            "164, --aum-u--",
    })
    void octalAndLetterFormsDescribeTheSameBits(String octal, String letters) {
        Permissions p = Permissions.parseOctal("PERMISSIONS", octal);
        assertEquals(Integer.parseInt(octal, 8), p.bits());
        assertEquals(letters, p.letters());
        assertEquals(octal, p.octal());
        assertEquals(octal, p.toString());
    }

    @Test
    void withSetsAndClearsOneBitOnly() {
        Permissions p = Permissions.parseOctal("PERMISSIONS", "640");
        assertEquals("644", p.with(Permissions.Who.OTHER, Permissions.Right.USE, true).octal());
        assertEquals("440", p.with(Permissions.Who.OWNER, Permissions.Right.MANAGE, false).octal());
        assertEquals("650", p.with(Permissions.Who.GROUP, Permissions.Right.USE, true)
                .with(Permissions.Who.GROUP, Permissions.Right.ADMIN, true).octal());
        assertEquals(p, p.with(Permissions.Who.OTHER, Permissions.Right.ADMIN, false));
    }

    @Test
    void hasReadsEachClassAndRight() {
        Permissions p = Permissions.parseOctal("PERMISSIONS", "641");
        assertTrue(p.has(Permissions.Who.OWNER, Permissions.Right.USE));
        assertTrue(p.has(Permissions.Who.OWNER, Permissions.Right.MANAGE));
        assertFalse(p.has(Permissions.Who.OWNER, Permissions.Right.ADMIN));
        assertTrue(p.has(Permissions.Who.GROUP, Permissions.Right.USE));
        assertFalse(p.has(Permissions.Who.GROUP, Permissions.Right.MANAGE));
        assertFalse(p.has(Permissions.Who.GROUP, Permissions.Right.ADMIN));
        assertFalse(p.has(Permissions.Who.OTHER, Permissions.Right.USE));
        assertFalse(p.has(Permissions.Who.OTHER, Permissions.Right.MANAGE));
        assertTrue(p.has(Permissions.Who.OTHER, Permissions.Right.ADMIN));
    }

    @Test
    void networkDefaultIsOwnerUseManageGroupUse() {
        assertEquals("640", Permissions.DEFAULT.octal());
        assertEquals("um-u-----", Permissions.DEFAULT.letters());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "64", "6400", "800", "648", "-64", " 640", "640 ", "um-u-----", "0x1a", "6 4"})
    void parseOctalRefusesAnythingButThreeOctalDigits(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> Permissions.parseOctal("PERMISSIONS", text));
        assertEquals(Optional.of("PERMISSIONS"), e.field());
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @Test
    void constructorRefusesBitsOutsideNineBits() {
        assertThrows(IllegalArgumentException.class, () -> new Permissions(01000));
        assertThrows(IllegalArgumentException.class, () -> new Permissions(-1));
    }
}
