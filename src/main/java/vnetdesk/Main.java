package vnetdesk;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

import vnetdesk.cli.Cli;
import vnetdesk.model.VnetException;

/**
 * Entry point of the jar: no arguments opens the console, arguments run one
 * CLI command. Not a JavaFX Application, so the CLI starts without the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        int code = args.length == 0 ? launchConsole(args) : runCli(args);
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

    /**
     * Starts the console through reflection: the ui package may be absent from
     * a build, and then the CLI still works.
     */
    private static int launchConsole(String[] args) {
        Class<?> launcher;
        try {
            launcher = Class.forName("vnetdesk.ui.ConsoleLauncher");
        } catch (ClassNotFoundException e) {
            System.err.println("error: the console is not available in this build");
            return 1;
        }
        try {
            launcher.getMethod("launch", String[].class).invoke(null, (Object) args);
            return 0;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            System.err.println("error: the console is not available in this build");
            return 1;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println(cause instanceof VnetException ? "error: " + cause.getMessage()
                    : "error: cannot start the console: " + cause.getClass().getName() + ": " + cause.getMessage());
            if ("1".equals(System.getenv("VNETDESK_DEBUG"))) {
                cause.printStackTrace();
            }
            return 1;
        }
    }
}
