package vnetdesk.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The person at the keyboard, when there is one: questions and secrets are
 * read from the terminal, never from standard input (which may be a file
 * being imported). Without a terminal every read is empty, so a command
 * that must ask refuses instead of waiting. It also tells whether standard
 * error is a terminal, where a progress line may be drawn.
 */
interface Terminal {

    /** The answer to {@code prompt}; empty when there is no terminal or it was closed. */
    Optional<String> readLine(String prompt);

    /** A secret typed without echo; empty when there is no terminal or it was closed. */
    Optional<char[]> readPassword(String prompt);

    boolean present();

    /** Whether the process's standard error is a terminal (a progress line would be seen). */
    default boolean errorIsTerminal() {
        return false;
    }

    /** The JVM's console (none when input or output is not a terminal) and what standard error is. */
    static Terminal system() {
        Optional<Console> console = Optional.ofNullable(System.console());
        return new Jvm(console, errorIsTerminal(console.isPresent()));
    }

    /** The process's own terminal, through {@link System#console()}. */
    final class Jvm implements Terminal {
        private final Optional<Console> console;
        private final boolean errorIsTerminal;

        private Jvm(Optional<Console> console, boolean errorIsTerminal) {
            this.console = console;
            this.errorIsTerminal = errorIsTerminal;
        }

        @Override
        public Optional<String> readLine(String prompt) {
            return console.flatMap(c -> Optional.ofNullable(c.readLine("%s", prompt)));
        }

        @Override
        public Optional<char[]> readPassword(String prompt) {
            return console.flatMap(c -> Optional.ofNullable(c.readPassword("%s", prompt)));
        }

        @Override
        public boolean present() {
            return console.isPresent();
        }

        @Override
        public boolean errorIsTerminal() {
            return errorIsTerminal;
        }
    }

    /**
     * Java 17 cannot ask isatty(2). On Linux, /proc names what descriptor 2
     * is (a terminal is /dev/pts/N or /dev/ttyN), which also covers
     * {@code export > file} on a terminal; elsewhere the JVM's console (input
     * and output are terminals) is the best guess.
     */
    private static boolean errorIsTerminal(boolean consolePresent) {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (!Files.isSymbolicLink(fd2)) {
            return consolePresent;
        }
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | SecurityException e) {
            return consolePresent;
        }
    }

    /** No terminal: nothing can be asked. */
    Terminal NONE = new Terminal() {
        @Override
        public Optional<String> readLine(String prompt) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> readPassword(String prompt) {
            return Optional.empty();
        }

        @Override
        public boolean present() {
            return false;
        }
    };
}
