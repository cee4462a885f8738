package vnetdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import vnetdesk.model.Ipv4;
import vnetdesk.service.Inventory;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;

/**
 * A throw-away H2 inventory in a temporary folder for the persisted benchmarks,
 * plus the network templates they create. Closing it deletes the folder.
 */
final class BenchInventory implements AutoCloseable {

    private final Path dir;
    private final Inventory inventory;
    private boolean inventoryClosed;

    private BenchInventory(Path dir, Inventory inventory) {
        this.dir = dir;
        this.inventory = inventory;
    }

    static BenchInventory fresh(String label) {
        try {
            Path dir = Files.createTempDirectory("vnetdesk-bench-" + label + "-");
            return new BenchInventory(dir, Inventory.openDirectory(dir.resolve("inventory")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Inventory inventory() {
        return inventory;
    }

    /** A network template with no address range. */
    static Template emptyNetwork(String name) {
        return TemplateParser.parse("NAME = " + name + "\nVN_MAD = fw\n", "benchmark");
    }

    /** A network template with one IP4 AR of {@code size} addresses from {@code firstIp}. */
    static Template ip4Network(String name, Ipv4 firstIp, long size) {
        return TemplateParser.parse("NAME = " + name + "\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = " + firstIp
                + ", SIZE = " + size + " ]\n", "benchmark");
    }

    /** A network template with one IP6_STATIC AR covering a whole /64 (no SIZE: 2^64 addresses). */
    static Template ip6Slash64Network(String name, String prefix) {
        return TemplateParser.parse("NAME = " + name + "\nVN_MAD = fw\nAR = [ TYPE = IP6_STATIC, IP6 = " + prefix
                + ", PREFIX_LENGTH = 64 ]\n", "benchmark");
    }

    /** Bytes of the inventory's files on disk. */
    long diskBytes() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the inventory (H2 compacts a grown file on the way out) and returns the bytes left on disk. */
    long closeInventoryAndMeasure() {
        inventory.close();
        inventoryClosed = true;
        return diskBytes();
    }

    @Override
    public void close() {
        if (!inventoryClosed) {
            inventory.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
