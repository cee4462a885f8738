package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;

/**
 * The inventory file stays small while a session commits one lease at a time
 * (store.StoreMaintenance reuses and compacts the dead space as it goes), is
 * small after close, and keeps every lease.
 */
class InventoryFileTest extends ServiceTestSupport {

    @TempDir
    Path dir;

    @Test
    void manySmallCommitsKeepTheFileSmallWhileOpenAndEveryLeaseAfterClose() throws Exception {
        Path file = dir.resolve("inventory").resolve("inventory.mv.db");
        try (Inventory inv = open(dir)) {
            create(inv, "NAME = n\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 65534 ]\n");
            for (int i = 0; i < 4000; i++) {
                inv.leases().allocate(ADMIN, ObjectRef.name("n"), new LeaseOwner.VmNic(i, 0), Optional.empty(),
                        Optional.empty());
            }
            // without the maintenance each commit appended about 16 KiB: 4,000 of them made over 60 MiB
            assertTrue(Files.size(file) < 24L << 20, "the file stays bounded while open: " + Files.size(file));
        }
        long compacted = Files.size(file);
        assertTrue(compacted < 8L << 20, "small after close: " + compacted);
        try (Inventory inv = open(dir)) {
            assertEquals(4000, used(inv, "n"));
            assertEquals(List.of("HOLD"), List.of(inv.leases().hold(ADMIN, ObjectRef.name("n"), List.of("10.0.15.161"),
                    Optional.empty()).get(0).owner().label()));
        }
    }
}
