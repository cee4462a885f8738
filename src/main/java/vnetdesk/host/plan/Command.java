package vnetdesk.host.plan;

import java.util.Optional;

/**
 * One command line for a host's shell, with the text fed to its standard
 * input (the input of {@code iptables-restore}, {@code ipset restore} …).
 * Every value in {@code line} was quoted by {@link vnetdesk.host.Shell}.
 */
public record Command(String line, Optional<String> stdin) {

    public static Command of(String line) {
        return new Command(line, Optional.empty());
    }

    public static Command withInput(String line, String stdin) {
        return new Command(line, Optional.of(stdin));
    }

    /** The command as a person would type it: a here-document when it has input. */
    public String displayText() {
        return stdin.map(in -> line + " <<'EOF'\n" + in + (in.endsWith("\n") ? "" : "\n") + "EOF").orElse(line);
    }
}
