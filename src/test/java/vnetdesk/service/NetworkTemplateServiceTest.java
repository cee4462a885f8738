package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;
import vnetdesk.template.TemplateWriter;

class NetworkTemplateServiceTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void openInventory() {
        inv = open(dir);
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private static Template t(String text) {
        return TemplateParser.parse(text, "test");
    }

    private VirtualNetwork network(int id) {
        return inv.queries().details(ADMIN, ObjectRef.id(id), 0).network();
    }

    @Test
    void aNewInventoryHasPrivateIpv4BridgedWithSecurityGroupsWithoutAddressRanges() {
        NetworkTemplate t = inv.templates().info(ADMIN, ObjectRef.name("Private IPv4"));
        assertEquals(Optional.of("fw"), t.body().single("VN_MAD"));
        assertEquals(Optional.of("0"), t.body().single("SECURITY_GROUPS"));
        assertEquals(0, t.addressRangeCount());
        assertEquals("644", t.ownership().permissions().octal(), "everyone may instantiate it");
    }

    @Test
    void instantiateMergesTheTemplateWithTheExtraAttributesAndAddressRanges() {
        int tpl = inv.templates().allocate(ADMIN, t("NAME = office\nVN_MAD = bridge\nDNS = 10.0.0.53\n"
                + "GATEWAY = 10.0.0.1\nCLUSTER_IDS = \"0\"\nAR = [ TYPE = ETHER, SIZE = 4 ]\n"));
        int id = inv.templates().instantiate(ADMIN, ObjectRef.id(tpl), "office-lan",
                t("GATEWAY = 192.168.7.1\nAR = [ TYPE = IP4, IP = 192.168.7.10, SIZE = 20 ]\n"));
        VirtualNetwork n = network(id);
        assertEquals("office-lan", n.name());
        assertEquals("10.0.0.53", n.attributes().get("DNS"));
        assertEquals("192.168.7.1", n.attributes().get("GATEWAY"), "the extra template overrides");
        assertEquals(List.of("ETHER", "IP4"), n.addressRanges().stream().map(a -> a.type().typeName()).toList());
        assertEquals(List.of(0), n.clusterIds());
        assertEquals(List.of(0), n.securityGroups());

        ValidationException named = assertThrows(ValidationException.class,
                () -> inv.templates().instantiate(ADMIN, ObjectRef.name("office"), "x", t("NAME = y\n")));
        assertEquals(Optional.of("NAME"), named.field());
        assertThrows(ConflictException.class,
                () -> inv.templates().instantiate(ADMIN, ObjectRef.name("office"), "office-lan", Template.empty()));
    }

    @Test
    void aTemplateIsCheckedLikeANetworkWhenItIsStored() {
        ValidationException ar = assertThrows(ValidationException.class, () -> inv.templates().allocate(ADMIN,
                t("NAME = x\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\n"
                        + "AR = [ TYPE = IP4, IP = 10.0.0.300, SIZE = 4 ]\n")));
        assertEquals(Optional.of("IP"), ar.field());
        assertTrue(ar.getMessage().startsWith("AR 2: IP: invalid value \"10.0.0.300\""), ar.getMessage());
        ValidationException vlan = assertThrows(ValidationException.class, () -> inv.templates().allocate(ADMIN,
                t("NAME = x\nVN_MAD = 802.1Q\nPHYDEV = eth0\nVLAN_ID = 5000\n")));
        assertEquals(Optional.of("VLAN_ID"), vlan.field());
        assertThrows(ValidationException.class, () -> inv.templates().allocate(ADMIN, t("VN_MAD = bridge\n")));
        assertEquals(1, inv.templates().list(ADMIN).size(), "nothing stored");
    }

    @Test
    void anArAttributeWhoseNameIsTooLongIsNamedWithItsAr() {
        ValidationException named = assertThrows(ValidationException.class, () -> inv.templates().allocate(ADMIN,
                t("NAME = x\nVN_MAD = bridge\nAR = [ TYPE = ETHER, SIZE = 1, " + "A".repeat(129) + " = v ]\n")));
        assertTrue(named.getMessage().startsWith("AR 1: attribute name: invalid value"), named.getMessage());
    }

    @Test
    void updateReplacesOrAppendsAndTheTextRoundTrips() {
        inv.templates().allocate(ADMIN, t("NAME = office\nVN_MAD = bridge\nDNS = 10.0.0.53\n"));
        inv.templates().update(ADMIN, ObjectRef.name("office"), t("MTU = 9000\nAR = [ TYPE = ETHER, SIZE = 2 ]\n"),
                true);
        NetworkTemplate t = inv.templates().info(ADMIN, ObjectRef.name("office"));
        assertEquals(Optional.of("10.0.0.53"), t.body().single("DNS"));
        assertEquals(Optional.of("9000"), t.body().single("MTU"));
        assertEquals(1, t.addressRangeCount());
        inv.templates().update(ADMIN, ObjectRef.name("office"), t("NAME = branch\nVN_MAD = fw\n"), false);
        NetworkTemplate replaced = inv.templates().info(ADMIN, ObjectRef.name("branch"));
        assertEquals(Optional.empty(), replaced.body().single("DNS"));
        assertEquals(t(TemplateWriter.write(replaced.withName())), replaced.withName());
    }

    @Test
    void lockLevelsRefuseWhatOpenNebulaRefuses() {
        inv.templates().allocate(ADMIN, t("NAME = office\nVN_MAD = bridge\n"));
        inv.templates().lock(ADMIN, ObjectRef.name("office"), LockLevel.MANAGE);
        assertThrows(ConflictException.class, () -> inv.templates().update(ADMIN, ObjectRef.name("office"),
                t("MTU = 1400\n"), true));
        assertThrows(ConflictException.class, () -> inv.templates().delete(ADMIN, ObjectRef.name("office")));
        assertThrows(ConflictException.class, () -> inv.templates().rename(ADMIN, ObjectRef.name("office"), "x"));
        inv.templates().instantiate(ADMIN, ObjectRef.name("office"), "a", Template.empty());
        inv.templates().lock(ADMIN, ObjectRef.name("office"), LockLevel.USE);
        ConflictException e = assertThrows(ConflictException.class,
                () -> inv.templates().instantiate(ADMIN, ObjectRef.name("office"), "b", Template.empty()));
        assertTrue(e.getMessage().contains("is locked (USE)"), e.getMessage());
        inv.templates().unlock(ADMIN, ObjectRef.name("office"));
        inv.templates().instantiate(ADMIN, ObjectRef.name("office"), "b", Template.empty());
        inv.templates().delete(ADMIN, ObjectRef.name("office"));
    }

    @Test
    void cloneCopiesTheBodyUnderANewNameWithoutTheLock() {
        inv.templates().allocate(ADMIN, t("NAME = office\nVN_MAD = bridge\nDNS = 10.0.0.53\n"));
        inv.templates().lock(ADMIN, ObjectRef.name("office"), LockLevel.USE);
        inv.templates().clone(ADMIN, ObjectRef.name("office"), "office-2");
        NetworkTemplate copy = inv.templates().info(ADMIN, ObjectRef.name("office-2"));
        assertEquals(inv.templates().info(ADMIN, ObjectRef.name("office")).body(), copy.body());
        assertEquals(Optional.empty(), copy.lock());
    }
}
