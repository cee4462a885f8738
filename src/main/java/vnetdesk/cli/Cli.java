package vnetdesk.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import vnetdesk.model.VnetException;

/**
 * Runs one CLI command line and turns every outcome into an exit code: 0 done,
 * 1 refused or failed (one line {@code error: …} on stderr), 2 usage error
 * (short usage on stderr). Never prints a stack trace unless VNETDESK_DEBUG=1.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** Runs {@code args} in-process; the inventory is opened only if the command needs it, and always closed. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, InputStream stdin) {
        return run(args, out, err, env, stdin, Terminal.system());
    }

    /** As above with the terminal questions are asked on (tests give a scripted one). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, InputStream stdin,
                   Terminal terminal) {
        CliContext ctx = new CliContext(out, err, env, stdin, terminal);
        try (ctx) {
            CommandLine cmd = new CommandLine(new RootCommand(ctx), new ContextFactory(ctx));
            OwnedObjectCommands.addTo(cmd, ctx);
            cmd.setOut(writer(out));
            cmd.setErr(writer(err));
            cmd.setParameterExceptionHandler(usageHandler(err));
            cmd.setExecutionExceptionHandler(failureHandler(ctx));
            return cmd.execute(args);
        } catch (VnetException e) {
            // closing the inventory can fail too; it is reported like any refusal
            return report(ctx, e);
        } catch (OutOfMemoryError e) {
            ctx.err().println("error: out of memory: the operation needs a larger Java heap"
                    + " (for example JAVA_TOOL_OPTIONS=-Xmx4g)");
            traceIfDebugging(ctx, e);
            return FAILED;
        } catch (RuntimeException | Error e) {
            // a broken installation or a bug: still one line, never a trace (unless debugging)
            return internalError(ctx, e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    private static IParameterExceptionHandler usageHandler(PrintStream err) {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            // some picocli messages (argument groups) carry their own "Error: " prefix
            err.println("error: " + oneLine(e.getMessage()).replaceFirst("^Error: ", ""));
            if (e instanceof UnmatchedArgumentException u) {
                PrintWriter suggestions = writer(err);
                UnmatchedArgumentException.printSuggestions(u, suggestions);
                suggestions.flush();
            }
            CommandLine.Help help = cmd.getHelp();
            err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return USAGE;
        };
    }

    private static IExecutionExceptionHandler failureHandler(CliContext ctx) {
        return (Exception e, CommandLine cmd, CommandLine.ParseResult parsed) -> {
            if (e instanceof VnetException v) {
                return report(ctx, v);
            }
            return internalError(ctx, e);
        };
    }

    private static int report(CliContext ctx, VnetException e) {
        ctx.err().println("error: " + oneLine(e.getMessage()));
        traceIfDebugging(ctx, e);
        return FAILED;
    }

    private static int internalError(CliContext ctx, Throwable e) {
        ctx.err().println("error: internal error: " + e.getClass().getName() + ": " + oneLine(e.getMessage()));
        traceIfDebugging(ctx, e);
        return FAILED;
    }

    private static void traceIfDebugging(CliContext ctx, Throwable e) {
        if (ctx.debug()) {
            e.printStackTrace(ctx.err());
        }
        ctx.err().flush();
    }

    /** Error output is one line per error, whatever the message holds. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** Creates command objects, handing the context to those that take it. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext ctx;

        ContextFactory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> withContext;
            try {
                withContext = type.getDeclaredConstructor(CliContext.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            return withContext.newInstance(ctx);
        }
    }
}
