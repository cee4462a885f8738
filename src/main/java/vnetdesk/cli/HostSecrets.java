package vnetdesk.cli;

import java.io.PrintStream;
import java.util.Optional;

import vnetdesk.service.host.RemoteHosts;

/**
 * Asks for a key passphrase or a login password on the terminal, one host at
 * a time (hosts are reached in parallel). Without a terminal nothing is
 * asked: the host's login fails with "no password given", and one line here
 * says why.
 */
final class HostSecrets implements RemoteHosts.SecretQuestion {

    private final Terminal terminal;
    private final PrintStream err;

    HostSecrets(Terminal terminal, PrintStream err) {
        this.terminal = terminal;
        this.err = err;
    }

    @Override
    public synchronized Optional<char[]> ask(String login, String what) {
        if (!terminal.present()) {
            err.println("vnetdesk: cannot ask for the " + what + " of " + login
                    + ": no terminal (run vnetdesk in a terminal, or log in with ssh-agent)");
            return Optional.empty();
        }
        return terminal.readPassword(what + " of " + login + ": ");
    }
}
