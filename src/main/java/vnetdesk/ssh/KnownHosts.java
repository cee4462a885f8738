package vnetdesk.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The host keys the console trusts: its own known_hosts file (read and
 * written, OpenSSH format, {@code [host]:port} for ports other than 22) and
 * the user's {@code ~/.ssh/known_hosts} (read only; hashed entries and
 * patterns honoured as MINA's {@link KnownHostEntry} matches them). Files are
 * read again for every check, so a key trusted or forgotten by the CLI is
 * seen by a running console.
 */
public final class KnownHosts {

    private static final System.Logger LOG = System.getLogger(KnownHosts.class.getName());

    /** What the stored entries say about a key a host offered. */
    public sealed interface Verdict {
        /** A stored entry holds exactly this key. */
        record Known(String storedAt) implements Verdict {
        }

        /** No entry names this host: ask the person (trust on first use). */
        record Unknown() implements Verdict {
        }

        /** Entries name this host, none with this key: refuse without asking. */
        record Changed(String storedFingerprint, String storedAt) implements Verdict {
        }

        /** The key is marked {@code @revoked}. */
        record Revoked(String storedAt) implements Verdict {
        }
    }

    private record Line(Path file, int number, KnownHostEntry entry) {
        String at() {
            return file + ":" + number;
        }
    }

    private final Path ours;
    private final Optional<Path> users;

    public KnownHosts(Path ours, Optional<Path> users) {
        this.ours = ours.toAbsolutePath();
        this.users = users.map(Path::toAbsolutePath);
    }

    /** The console's own file, where trusted keys are appended. */
    public Path file() {
        return ours;
    }

    public synchronized Verdict check(String host, int port, PublicKey offered) {
        List<Line> lines = new ArrayList<>(read(ours));
        users.ifPresent(f -> lines.addAll(read(f)));
        Optional<Line> other = Optional.empty();
        for (Line line : lines) {
            if (!line.entry().isHostMatch(host, port)) {
                continue;
            }
            Optional<PublicKey> stored = key(line);
            if (stored.isEmpty()) {
                continue;
            }
            boolean same = KeyUtils.compareKeys(stored.get(), offered);
            String marker = Optional.ofNullable(line.entry().getMarker()).orElse("");
            if (marker.equals("revoked") && same) {
                return new Verdict.Revoked(line.at());
            } else if (marker.isEmpty() && same) {
                return new Verdict.Known(line.at());
            } else if (marker.isEmpty() && other.isEmpty()) {
                other = Optional.of(line);
            }
        }
        return other.<Verdict>map(l -> new Verdict.Changed(Fingerprints.sha256(key(l).orElseThrow()), l.at()))
                .orElseGet(Verdict.Unknown::new);
    }

    /**
     * The key types (canonical: {@code ssh-rsa} for every RSA signature)
     * stored for {@code host:port}, so the handshake can ask for one of them
     * first, as OpenSSH does; a host then never shows a key of another type
     * that would look like a change.
     */
    public synchronized List<String> knownKeyTypes(String host, int port) {
        List<Line> lines = new ArrayList<>(read(ours));
        users.ifPresent(f -> lines.addAll(read(f)));
        return lines.stream()
                .filter(l -> l.entry().getMarker() == null && l.entry().isHostMatch(host, port))
                .map(l -> key(l)).flatMap(Optional::stream)
                .map(KeyUtils::getKeyType).distinct().toList();
    }

    /** Appends {@code key} for {@code host:port} to the console's file (created 0600 when missing). */
    public synchronized void trust(String host, int port, PublicKey key) {
        String line = SshTarget.knownHostsName(host, port) + " " + Fingerprints.openSshText(key) + "\n";
        try {
            createIfMissing();
            Files.writeString(ours, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("known hosts: cannot write " + ours + ": " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "trusted host key {0} of {1} in {2}", Fingerprints.sha256(key),
                SshTarget.knownHostsName(host, port), ours);
    }

    /**
     * Removes every entry of the console's file that names {@code host:port}
     * (the user's own file is never changed). Returns how many were removed.
     */
    public synchronized int forget(String host, int port) {
        if (!Files.exists(ours)) {
            return 0;
        }
        try {
            List<String> kept = new ArrayList<>();
            int removed = 0;
            for (String text : Files.readAllLines(ours, StandardCharsets.UTF_8)) {
                Optional<KnownHostEntry> entry = parse(text);
                if (entry.isPresent() && entry.get().isHostMatch(host, port)) {
                    removed++;
                } else {
                    kept.add(text);
                }
            }
            Path temp = Files.createTempFile(ours.getParent(), ".known_hosts", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, kept, StandardCharsets.UTF_8);
            Files.move(temp, ours, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(Level.INFO, "forgot {0} host key(s) of {1} in {2}", removed, SshTarget.knownHostsName(host, port),
                    ours);
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("known hosts: cannot rewrite " + ours + ": " + e.getMessage(), e);
        }
    }

    private void createIfMissing() throws IOException {
        if (!Files.exists(ours)) {
            Files.createDirectories(ours.getParent());
            Files.createFile(ours, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    private static List<Line> read(Path file) {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        try {
            List<String> texts = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < texts.size(); i++) {
                int number = i + 1;
                parse(texts.get(i)).ifPresent(e -> lines.add(new Line(file, number, e)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("known hosts: cannot read " + file + ": " + e.getMessage(), e);
        }
        return lines;
    }

    /** An entry of one line; blank lines, comments and lines MINA cannot read are skipped as OpenSSH skips them. */
    private static Optional<KnownHostEntry> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(KnownHostEntry.parseKnownHostEntry(trimmed));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "known hosts: skipping unreadable line \"{0}\": {1}", trimmed, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<PublicKey> key(Line line) {
        try {
            return Optional.ofNullable(line.entry().getKeyEntry())
                    .map(k -> resolve(k, line));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "known hosts: skipping key at {0}: {1}", line.at(), e.getMessage());
            return Optional.empty();
        }
    }

    private static PublicKey resolve(org.apache.sshd.common.config.keys.AuthorizedKeyEntry k, Line line) {
        try {
            return k.resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key at " + line.at(), e);
        }
    }
}
