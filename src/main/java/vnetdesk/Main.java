package vnetdesk;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.logging.LogManager;

import vnetdesk.cli.Cli;
import vnetdesk.cli.ConsoleArguments;
import vnetdesk.ui.ConsoleLauncher;

/**
 * Entry point of the jar: no arguments, or only the inventory and user
 * options, open the console; a command runs in the CLI. Not a JavaFX
 * Application, so the CLI starts without the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        Optional<ConsoleArguments.Console> console = ConsoleArguments.console(args);
        int code = console.isPresent() ? launchConsole(console.get()) : runCli(args);
        System.exit(code);
    }

    /**
     * Standard output is buffered (a lease listing can run to millions of
     * lines) and, like standard error, UTF-8 so text and JSON agree; Cli.run
     * flushes both before it returns.
     */
    private static int runCli(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return Cli.run(args, out, err, System.getenv(), System.in);
    }

    /** Library INFO logging (Flyway, SSHD) would mix with command output; keep warnings only. */
    private static void configureLogging() {
        try (InputStream in = Main.class.getResourceAsStream("/vnetdesk-logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("warning: cannot read the logging configuration: " + e.getMessage());
        }
    }

    /** Opens the console; JavaFX classes are loaded only here, never for a CLI command. */
    private static int launchConsole(ConsoleArguments.Console console) {
        Map<String, String> env = Map.copyOf(System.getenv());
        try {
            ConsoleLauncher.launch(new ConsoleLauncher.Start(console.location(env), console.userName(env)));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("error: " + ConsoleLauncher.whyNotStarted(e));
            if ("1".equals(System.getenv("VNETDESK_DEBUG"))) {
                e.printStackTrace();
            }
            return 1;
        }
    }
}
