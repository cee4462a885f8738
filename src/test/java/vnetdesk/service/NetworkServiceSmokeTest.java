package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Lease;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

class NetworkServiceSmokeTest {

    @TempDir
    Path dir;

    @Test
    void createHoldReserveAndShowThroughH2() {
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inv"))) {
            Actor a = Actor.ONEADMIN;
            int id = inv.networks().create(a, TemplateParser.parse(
                    "NAME = net1\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
            List<Lease> held = inv.leases().hold(a, ObjectRef.name("net1"), List.of("10.0.0.3", "10.0.0.5-10.0.0.6"),
                    Optional.empty());
            assertEquals(3, held.size());
            ConflictException e = assertThrows(ConflictException.class,
                    () -> inv.leases().hold(a, ObjectRef.name("net1"), List.of("10.0.0.4-10.0.0.5"), Optional.empty()));
            assertTrue(e.getMessage().contains("10.0.0.5 is already used by"), e.getMessage());
            int child = inv.reservations().reserve(a, ObjectRef.name("net1"),
                    new ReservationService.Request(2, Optional.of("res"), Optional.empty(), Optional.empty(), Optional.empty()));
            NetworkDetails d = inv.queries().details(a, ObjectRef.id(id), 100);
            assertEquals(5, d.usedLeases());
            assertEquals("10.0.0.1", d.leases().get(0).addresses().ip().orElseThrow().toString());
            NetworkDetails cd = inv.queries().details(a, ObjectRef.id(child), 100);
            assertEquals("10.0.0.1", cd.network().addressRanges().get(0).type().firstIp().orElseThrow().toString());
            assertEquals(Map.of(0, 3L + 2L), d.usedPerAr());
        }
    }
}
