package vnetdesk.ssh;

/**
 * Asks whether to trust a host key seen for the first time (trust on first
 * use). The console shows a dialog, the CLI's {@code host trust} prints the
 * fingerprint and asks; an answer of {@code false} refuses the connection.
 * Called on a transport thread and may block until the person answers.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    /** The key a host offered that no known_hosts file knows. */
    record UnknownHostKey(String host, int port, String keyType, String fingerprint) {
    }

    boolean trust(UnknownHostKey key);

    /** Refuses every unknown key: for unattended work where nobody can answer. */
    HostKeyPrompt REFUSE = key -> false;
}
