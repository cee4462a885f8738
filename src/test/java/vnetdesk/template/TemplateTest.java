package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vnetdesk.model.ValidationException;
import vnetdesk.template.TemplateAttribute.Single;
import vnetdesk.template.TemplateAttribute.Vector;

class TemplateTest {

    private final Template net = Template.of(
            new Single("NAME", "n"),
            Vector.of("AR", "TYPE", "IP4"),
            new Single("DNS", "a"),
            Vector.of("AR", "TYPE", "ETHER"),
            new Single("DNS", "b"));

    @Test
    void lookupsAreCaseInsensitiveAndKeepOrder() {
        assertEquals(Optional.of("a"), net.single("dns"));
        assertEquals(Optional.empty(), net.single("AR"));
        assertEquals(Optional.empty(), net.single("MISSING"));
        assertEquals(List.of("IP4", "ETHER"), net.vectors("ar").stream().map(v -> v.get("type").orElseThrow()).toList());
        assertEquals(Optional.of("IP4"), net.vector("Ar").flatMap(v -> v.get("TYPE")));
        assertEquals(3, net.singles().size());
        assertEquals(2, net.all("dns").size());
    }

    @Test
    void lookupIgnoresNonAsciiCaseFolding() {
        Template t = Template.of(new Single("KI", "1"));
        assertEquals(Optional.empty(), t.single("\u212AI")); // Kelvin sign is not 'K'
        assertEquals(Optional.of("1"), t.single("ki"));
    }

    @Test
    void withAppendsWithoutChangingTheOriginal() {
        Template more = net.with(new Single("mtu", "1500"));
        assertEquals(5, net.attributes().size());
        assertEquals(6, more.attributes().size());
        assertEquals(new Single("MTU", "1500"), more.attributes().get(5));
        assertEquals(Optional.of("9000"), more.with("MTU", "9000").all("MTU").get(1) instanceof Single s
                ? Optional.of(s.value()) : Optional.empty());
    }

    @Test
    void withOnlyReplacesTheFirstSingleAndDropsTheOthers() {
        Template t = net.withOnly("dns", "c");
        assertEquals(List.of(new Single("DNS", "c")), t.all("DNS"));
        assertEquals(new Single("DNS", "c"), t.attributes().get(2));
        assertEquals(Optional.of("1"), net.withOnly("NEW", "1").single("NEW"));
    }

    @Test
    void withoutRemovesEveryAttributeOfThatName() {
        assertEquals(List.of("NAME", "DNS", "DNS"),
                net.without("ar").attributes().stream().map(TemplateAttribute::name).toList());
        assertSame(net, net.without("MISSING"));
    }

    @Test
    void vectorWithReplacesOrAppendsAndWithoutRemoves() {
        Vector ar = Vector.of("AR", "TYPE", "IP4", "SIZE", "1");
        assertEquals(Vector.of("AR", "TYPE", "IP4", "SIZE", "2"), ar.with("size", "2"));
        assertEquals(Vector.of("AR", "TYPE", "IP4", "SIZE", "1", "IP", "10.0.0.1"), ar.with("ip", "10.0.0.1"));
        assertEquals(Vector.of("AR", "SIZE", "1"), ar.without("type"));
        assertEquals(List.of("TYPE", "SIZE"), ar.keys());
    }

    @Test
    void attributesAreImmutableCopies() {
        List<TemplateAttribute> source = new ArrayList<>(List.of(new Single("A", "1")));
        Template t = new Template(source);
        source.add(new Single("B", "2"));
        assertEquals(1, t.attributes().size());
        assertThrows(UnsupportedOperationException.class, () -> t.attributes().add(new Single("C", "3")));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> new Single(null, "v"));
        assertThrows(NullPointerException.class, () -> new Single("A", null));
        assertThrows(NullPointerException.class, () -> new Template(Collections.singletonList(null)));
        assertThrows(NullPointerException.class, () -> new Vector("V", Collections.singletonList(null)));
    }

    @Test
    void invalidNamesAreRejected() {
        for (String bad : new String[] {"", "1A", "-A", "A B", "A.B", "É", "A\"", "A=B"}) {
            assertThrows(ValidationException.class, () -> new Single(bad, "v"), bad);
        }
        assertThrows(ValidationException.class, () -> new Vector("A[", List.of()));
    }

    @Test
    void valuesWithForbiddenControlCharactersAreRejected() {
        ValidationException e = assertThrows(ValidationException.class, () -> new Single("A", "x\u0000"));
        assertTrue(e.getMessage().contains("U+0000"), e.getMessage());
        assertEquals(Optional.of("A"), e.field());
        assertEquals("\t\r\n", new Single("A", "\t\r\n").value());
    }

    @Test
    void repeatedKeyInAVectorIsRejected() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Vector.of("AR", "TYPE", "IP4", "type", "IP6"));
        assertEquals("attribute TYPE repeated inside vector AR", e.getMessage());
    }

    @Test
    void sizeLimitsAreEnforcedByTheModelToo() {
        List<Single> entries = new ArrayList<>();
        for (int i = 0; i <= Vector.MAX_ENTRIES; i++) {
            entries.add(new Single("K" + i, ""));
        }
        assertThrows(ValidationException.class, () -> new Vector("V", entries));
        List<TemplateAttribute> attributes = Collections.nCopies(Template.MAX_ATTRIBUTES + 1, new Single("A", ""));
        assertThrows(ValidationException.class, () -> new Template(attributes));
    }
}
