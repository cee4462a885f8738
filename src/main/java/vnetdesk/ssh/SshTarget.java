package vnetdesk.ssh;

import vnetdesk.model.ValidationException;

/**
 * Where one SSH session goes: address, port and login user. Its text form
 * {@code user@host:port} starts every message about that host, so an error
 * in a many-host apply always says which host it is about.
 */
public record SshTarget(String host, int port, String user) {

    public SshTarget {
        if (host == null || host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '[' || c == ']' || c == ',')) {
            throw ValidationException.invalid("ADDRESS", host, "a host name or IP address without spaces, brackets or commas");
        }
        if (port < 1 || port > 65535) {
            throw ValidationException.invalid("PORT", port, "a TCP port from 1 to 65535");
        }
        if (user == null || user.isEmpty() || user.chars().anyMatch(c -> c <= ' ' || c == '@' || c == ':')) {
            throw ValidationException.invalid("USER", user, "a login name without spaces, '@' or ':'");
        }
    }

    /** The name OpenSSH writes in known_hosts: the bare host on port 22, {@code [host]:port} otherwise. */
    public String knownHostsName() {
        return knownHostsName(host, port);
    }

    static String knownHostsName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
