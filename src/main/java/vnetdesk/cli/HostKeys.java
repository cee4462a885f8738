package vnetdesk.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Host;
import vnetdesk.service.host.RemoteHosts;
import vnetdesk.service.host.RemoteHosts.OfferedKey;

/**
 * The CLI's answers to questions about hosts. Only {@code host trust} asks
 * about an unknown host key (fingerprint printed, y/N on the terminal, or
 * {@code --yes}); every other command refuses an unknown key, and the
 * host's message then says to run {@code host trust}. Also the y/N
 * confirmation before changing hosts.
 */
final class HostKeys {

    private HostKeys() {
    }

    /** Refuses every unknown key and remembers which, so the host's error can name {@code host trust}. */
    static final class Refusing implements RemoteHosts.KeyQuestion {
        private final Set<String> refused = ConcurrentHashMap.newKeySet();

        @Override
        public boolean trust(OfferedKey key) {
            refused.add(key.address() + ":" + key.port());
            return false;
        }

        /** {@code message} about {@code host}, with the way out when its key was unknown. */
        String explain(Host host, String message) {
            if (refused.contains(host.address() + ":" + host.connection().port())) {
                return message + "; to check the key and trust it, run: vnetdesk host trust " + host.name();
            }
            return message;
        }
    }

    /** {@code host trust}: prints the offered key and asks, or trusts it with {@code --yes}. */
    static final class Asking implements RemoteHosts.KeyQuestion {
        private final String hostName;
        private final boolean yes;
        private final Terminal terminal;
        private final PrintStream out;
        private volatile Optional<OfferedKey> offered = Optional.empty();
        private volatile boolean trusted;

        Asking(String hostName, boolean yes, Terminal terminal, PrintStream out) {
            this.hostName = hostName;
            this.yes = yes;
            this.terminal = terminal;
            this.out = out;
        }

        @Override
        public boolean trust(OfferedKey key) {
            offered = Optional.of(key);
            out.println("host " + hostName + " (" + key.address() + ":" + key.port() + ") offers " + key.keyType()
                    + " key " + key.fingerprint());
            out.flush();
            trusted = yes || terminal.readLine("Trust it? [y/N] ").map(HostKeys::isYes).orElse(false);
            return trusted;
        }

        /** The key the host offered, when it was not known already. */
        Optional<OfferedKey> offered() {
            return offered;
        }

        boolean trusted() {
            return trusted;
        }

        /** Why the key was not trusted, as the command's error. */
        VnetException refusal() {
            if (!terminal.present()) {
                return new VnetException("host " + hostName + ": key not trusted: there is no terminal to ask on;"
                        + " compare the fingerprint with the host's own (ssh-keygen -lf on its host key) and run"
                        + " again with --yes");
            }
            return new VnetException("host " + hostName + ": key not trusted");
        }
    }

    /**
     * Asks {@code question} unless {@code yes}; without a terminal (and
     * without {@code --yes}) nothing can be asked, which is a refusal.
     */
    static boolean confirm(Terminal terminal, String question, boolean yes) {
        if (yes) {
            return true;
        }
        if (!terminal.present()) {
            throw new VnetException("nothing applied: \"" + question.strip()
                    + "\" needs an answer and there is no terminal; give --yes");
        }
        return terminal.readLine(question).map(HostKeys::isYes).orElse(false);
    }

    private static boolean isYes(String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
