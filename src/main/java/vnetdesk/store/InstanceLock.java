package vnetdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One console per embedded inventory: an exclusive OS lock on
 * {@code vnetdesk.pid} in the inventory folder, which also records our pid so a
 * second console (another process, or a second open in this process) can say
 * who holds it.
 */
final class InstanceLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Folders this process holds. Checked before touching the lock file: opening
     * and closing another descriptor on it would release this process's lock.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    static InstanceLock acquire(Path dir, String location) {
        Path file = dir.resolve("vnetdesk.pid");
        if (!HELD_HERE.add(file)) {
            throw inUse(location, Optional.of(Long.toString(ProcessHandle.current().pid())));
        }
        try {
            return lock(file, location);
        } catch (RuntimeException e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    private static InventoryInUseException inUse(String location, Optional<String> pid) {
        return new InventoryInUseException("inventory " + location + " is open in another console"
                + pid.map(p -> " (pid " + p + ")").orElse("")
                + "; close it first or use --data to choose another inventory");
    }

    private static InstanceLock lock(Path file, String location) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(location, readPid(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return new InstanceLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InventoryInUseException("cannot lock inventory " + location + ": " + e.getMessage());
        }
    }

    private static Optional<String> readPid(Path pid) {
        try {
            String text = Files.readString(pid, StandardCharsets.US_ASCII).trim();
            return text.matches("[0-9]{1,10}") ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
            HELD_HERE.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with a clearer error
            }
        }
    }
}
