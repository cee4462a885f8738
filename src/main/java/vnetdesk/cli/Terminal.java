package vnetdesk.cli;

import java.io.Console;
import java.util.Optional;

/**
 * The person at the keyboard, when there is one: questions and secrets are
 * read from the terminal, never from standard input (which may be a file
 * being imported). Without a terminal every read is empty, so a command
 * that must ask refuses instead of waiting.
 */
interface Terminal {

    /** The answer to {@code prompt}; empty when there is no terminal or it was closed. */
    Optional<String> readLine(String prompt);

    /** A secret typed without echo; empty when there is no terminal or it was closed. */
    Optional<char[]> readPassword(String prompt);

    boolean present();

    /** The JVM's console, or none when input or output is not a terminal. */
    static Terminal system() {
        Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return new Terminal() {
            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.ofNullable(console.readLine("%s", prompt));
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.ofNullable(console.readPassword("%s", prompt));
            }

            @Override
            public boolean present() {
                return true;
            }
        };
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
