package vnetdesk.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: global options (inventory, user, progress) and the command groups. */
@Command(name = "vnetdesk", mixinStandardHelpOptions = true, version = "vnetdesk 0.1.0",
        description = "Virtual networks of a HyperCX / OpenNebula-style cloud. Without a command (no arguments, or only "
                + "--data, --db, --user): the console on that inventory.",
        subcommands = {VnetCommands.Group.class, VntemplateCommands.Group.class, SecgroupCommands.Group.class,
                ClusterCommands.Group.class, HostCommands.Group.class, VmCommands.Group.class,
                AccessCommands.Users.class, AccessCommands.Groups.class, AccessCommands.Acls.class,
                WhoisCommand.class, InterchangeCommands.Import.class, InterchangeCommands.Export.class})
final class RootCommand {

    private final CliContext ctx;

    RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--data", paramLabel = "DIR", description = "inventory folder (default: $VNETDESK_DATA, "
            + "else $XDG_DATA_HOME/vnetdesk, else ~/.local/share/vnetdesk)")
    void data(Path dir) {
        ctx.setDataDir(dir);
    }

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a shared inventory database instead of a folder "
            + "(default: $VNETDESK_DB)")
    void db(String url) {
        ctx.setDbUrl(url);
    }

    @Option(names = "--user", paramLabel = "NAME", description = "act as this user (default: $VNETDESK_USER, else oneadmin)")
    void user(String name) {
        ctx.setUserName(name);
    }

    @Option(names = "--progress", negatable = true, description = "a progress line on standard error for long work "
            + "(bulk hold/release, import, export, host runs); default: $VNETDESK_PROGRESS (1 or 0), else only when "
            + "standard error is a terminal and TERM is not dumb; standard output is the same either way")
    void progress(boolean on) {
        ctx.setProgress(on);
    }
}
