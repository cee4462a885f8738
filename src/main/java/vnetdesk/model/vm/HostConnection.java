package vnetdesk.model.vm;

import java.util.regex.Pattern;

import vnetdesk.model.Ipv6;
import vnetdesk.model.ValidationException;

/**
 * How the console logs in to a host over SSH, beside the host's address: the
 * port, the remote user and which identity proves it. The checks here are the
 * one place these values are judged, so the service, the CLI (naming its
 * options) and a backup restore refuse the same things. None of these values
 * is ever pasted into a remote shell, but the user and the address reach an
 * SSH library and log lines, so anything outside plain words is refused.
 */
public record HostConnection(int port, String user, Identity identity) {

    public static final int DEFAULT_PORT = 22;
    public static final String DEFAULT_USER = "root";
    /** DNS limits a whole name to 253 characters, each label to 63. */
    public static final int MAX_ADDRESS_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** POSIX portable user names (no leading hyphen), at most 32 characters as shadow-utils allows. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}");
    /** PATH_MAX on Linux. */
    public static final int MAX_KEY_PATH_LENGTH = 4096;
    /**
     * Port 22 as root through the ssh-agent: what a fresh KVM node set up by
     * OpenNebula's packages accepts. Declared after the patterns its
     * construction checks against.
     */
    public static final HostConnection DEFAULT = new HostConnection(DEFAULT_PORT, DEFAULT_USER, Identity.AGENT);

    public HostConnection {
        checkPort("PORT", port);
        user = checkUser("USER", user);
        if (identity == null) {
            throw ValidationException.missing("IDENTITY");
        }
    }

    public HostConnection withPort(int newPort) {
        return new HostConnection(newPort, user, identity);
    }

    public HostConnection withUser(String newUser) {
        return new HostConnection(port, newUser, identity);
    }

    public HostConnection withIdentity(Identity newIdentity) {
        return new HostConnection(port, user, newIdentity);
    }

    /**
     * Which credential the console offers. A password is only ever asked
     * when connecting: the inventory records that one is needed, never the
     * password itself.
     */
    public sealed interface Identity {

        Agent AGENT = new Agent();
        Password PASSWORD = new Password();

        /** The keys of the ssh-agent at {@code SSH_AUTH_SOCK}. */
        record Agent() implements Identity {
            @Override
            public String text() {
                return "agent";
            }
        }

        /** A password typed when the console connects; not stored. */
        record Password() implements Identity {
            @Override
            public String text() {
                return "password";
            }
        }

        /** A private key file on the console's machine (absolute path; a passphrase is asked when needed). */
        record KeyFile(String path) implements Identity {
            public KeyFile {
                path = checkKeyPath("IDENTITY", path);
            }

            @Override
            public String text() {
                return path;
            }
        }

        /** The form {@link #parse} reads: {@code agent}, {@code password} or the key file's absolute path. */
        String text();

        /** {@code agent}, {@code password} or an absolute path of a private key file. */
        static Identity parse(String field, String text) {
            if (text == null || text.isEmpty()) {
                throw ValidationException.missing(field);
            }
            return switch (text) {
                case "agent" -> AGENT;
                case "password" -> PASSWORD;
                default -> new KeyFile(checkKeyPath(field, text));
            };
        }
    }

    /** A port number SSH can listen on: 1 to 65535. */
    public static int checkPort(String field, int port) {
        if (port < 1 || port > 65535) {
            throw ValidationException.invalid(field, port, "expected a port number from 1 to 65535");
        }
        return port;
    }

    /** A port as typed. */
    public static int parsePort(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw ValidationException.missing(field);
        }
        if (!text.matches("[0-9]{1,5}")) {
            throw ValidationException.invalid(field, text, "expected a port number from 1 to 65535");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw ValidationException.invalid(field, text, "expected a port number from 1 to 65535");
        }
        return port;
    }

    /** A POSIX user name: letters, digits, '_', '.', '-', not starting with '-', at most 32 characters. */
    public static String checkUser(String field, String user) {
        if (user == null || user.isEmpty()) {
            throw ValidationException.missing(field);
        }
        if (!USER.matcher(user).matches()) {
            throw ValidationException.invalid(field, user, "expected a user name of letters, digits, '_', '.'"
                    + " and '-' (not first), at most 32 characters");
        }
        return user;
    }

    /**
     * The absolute path of a private key file; a path may hold any character
     * Linux allows except that a NUL or a line break (or another control
     * character) in it can only be a mistake or an attack on a log line.
     */
    static String checkKeyPath(String field, String path) {
        if (path == null || path.isEmpty()) {
            throw ValidationException.missing(field);
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.invalid(field, path, "a key file path may not contain a NUL, a line break"
                    + " or another control character");
        }
        if (!path.startsWith("/")) {
            throw ValidationException.invalid(field, path, "expected agent, password or the absolute path of a"
                    + " private key file (starting with /)");
        }
        if (path.length() > MAX_KEY_PATH_LENGTH) {
            throw ValidationException.invalid(field, path, "longer than " + MAX_KEY_PATH_LENGTH + " characters");
        }
        return path;
    }

    /**
     * A host name or an IPv4/IPv6 literal as SSH will take it; empty means
     * "not set yet". Spaces around it are dropped (a pasted value); any
     * other blank, a shell character or a leading '-' (which ssh would
     * read as an option) is refused.
     */
    public static String checkAddress(String field, String address) {
        String a = stripSpaces(address);
        if (a.isEmpty()) {
            return a;
        }
        String reason = "expected a host name or an IP address (letters, digits, '.', '-', ':')";
        if (a.length() > MAX_ADDRESS_LENGTH) {
            throw ValidationException.invalid(field, address, "longer than " + MAX_ADDRESS_LENGTH + " characters");
        }
        if (a.indexOf(':') >= 0) {
            if (!a.matches("[0-9A-Fa-f:.]+")) {
                throw ValidationException.invalid(field, address, reason);
            }
            Ipv6.parse(field, a);
            return a;
        }
        String name = a.endsWith(".") ? a.substring(0, a.length() - 1) : a;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw ValidationException.invalid(field, address, reason
                        + "; each dot-separated part 1 to 63 characters, not starting or ending with '-'");
            }
        }
        return a;
    }

    private static String stripSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }
}
