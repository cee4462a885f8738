package vnetdesk.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;

import vnetdesk.service.host.RemoteHosts;

/**
 * Asks for a key passphrase or a login password on the terminal, one host at
 * a time (hosts are reached in parallel). Without a terminal nothing is
 * asked: the host's login fails with "no password given", and one line here
 * says why. The command's progress line is erased while a question or
 * that line is on the terminal.
 */
final class HostSecrets implements RemoteHosts.SecretQuestion {

    private final Terminal terminal;
    private final PrintStream err;
    private final Supplier<ProgressLine> progress;

    HostSecrets(Terminal terminal, PrintStream err, Supplier<ProgressLine> progress) {
        this.terminal = terminal;
        this.err = err;
        this.progress = progress;
    }

    @Override
    public synchronized Optional<char[]> ask(String login, String what) {
        ProgressLine line = progress.get();
        line.pause();
        try {
            if (!terminal.present()) {
                err.println("vnetdesk: cannot ask for the " + what + " of " + login
                        + ": no terminal (run vnetdesk in a terminal, or log in with ssh-agent)");
                return Optional.empty();
            }
            return terminal.readPassword(what + " of " + login + ": ");
        } finally {
            line.resume();
        }
    }
}
