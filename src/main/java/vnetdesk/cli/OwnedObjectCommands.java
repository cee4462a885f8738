package vnetdesk.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.ResourceType;
import vnetdesk.service.OwnedObjectService;

/**
 * {@code clone}, {@code rename}, {@code chown}, {@code chmod}, {@code lock}
 * and {@code unlock}: the same commands for networks, network templates,
 * security groups and VMs, one class each, added to every group that has
 * them and run through the kind's {@link OwnedObjectService}. ({@code delete}
 * stays with each group: its help names the kind's own refusals.)
 */
final class OwnedObjectCommands {

    private OwnedObjectCommands() {
    }

    /**
     * A kind these commands work on: its command group, the field a missing
     * OBJECT is reported as, and whether it has lock and unlock (as its
     * service's {@link OwnedObjectService#lockable}; the commands are added
     * before the inventory is opened, so {@code --help} needs none).
     */
    record Kind(ResourceType type, String group, String field, boolean lockable) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind(ResourceType.NET, "vnet", "NETWORK", true),
            new Kind(ResourceType.VNTEMPLATE, "vntemplate", "VNTEMPLATE", true),
            new Kind(ResourceType.SECGROUP, "secgroup", "SECGROUP", false),
            new Kind(ResourceType.VM, "vm", "VM", true));

    /** Adds the commands to the group of each kind. */
    static void addTo(CommandLine root, CliContext ctx) {
        for (Kind kind : KINDS) {
            CommandLine group = root.getSubcommands().get(kind.group());
            group.addSubcommand("clone", new Clone(ctx, kind));
            group.addSubcommand("rename", new Rename(ctx, kind));
            group.addSubcommand("chown", new Chown(ctx, kind));
            group.addSubcommand("chmod", new Chmod(ctx, kind));
            if (kind.lockable()) {
                group.addSubcommand("lock", new Lock(ctx, kind));
                group.addSubcommand("unlock", new Unlock(ctx, kind));
            }
        }
    }

    /** A command on one object: the context, the kind, and the object argument. */
    abstract static class OnObject implements Callable<Integer> {
        final CliContext ctx;
        final Kind kind;

        @Parameters(index = "0", paramLabel = "OBJECT", description = "id or name")
        String ref;

        OnObject(CliContext ctx, Kind kind) {
            this.ctx = ctx;
            this.kind = kind;
        }

        /** The service of this kind (opens the inventory). */
        OwnedObjectService service() {
            return ctx.inventory().owned(kind.type());
        }

        /** The object OBJECT names. */
        ObjectRef object() {
            return ObjectRef.parse(kind.field(), ref);
        }
    }

    @Command(name = "clone", mixinStandardHelpOptions = true,
            description = "copy it under a new name, owned by you; prints ID: <id>")
    static final class Clone extends OnObject {
        @Parameters(index = "1", paramLabel = "NAME", description = "name of the copy")
        String name;

        Clone(CliContext ctx, Kind kind) {
            super(ctx, kind);
        }

        @Override
        public Integer call() {
            ctx.out().println("ID: " + service().clone(ctx.actor(), object(), name));
            return Cli.OK;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "give it a new name")
    static final class Rename extends OnObject {
        @Parameters(index = "1", paramLabel = "NAME", description = "the new name")
        String name;

        Rename(CliContext ctx, Kind kind) {
            super(ctx, kind);
        }

        @Override
        public Integer call() {
            service().rename(ctx.actor(), object(), name);
            return Cli.OK;
        }
    }

    @Command(name = "chown", mixinStandardHelpOptions = true,
            description = "change the owner user (and group); needs ADMIN rights on it")
    static final class Chown extends OnObject {
        @Parameters(index = "1", paramLabel = "USER", description = "new owner, name or id")
        String user;

        @Parameters(index = "2", arity = "0..1", paramLabel = "GROUP", description = "new group, name or id")
        String group;

        Chown(CliContext ctx, Kind kind) {
            super(ctx, kind);
        }

        @Override
        public Integer call() {
            service().chown(ctx.actor(), object(), Optional.of(user), Optional.ofNullable(group));
            return Cli.OK;
        }
    }

    @Command(name = "chmod", mixinStandardHelpOptions = true,
            description = "set the permissions, OpenNebula's octal form (640 = owner um-, group u--, other ---)")
    static final class Chmod extends OnObject {
        @Parameters(index = "1", paramLabel = "OCTAL", description = "three digits: USE=4 + MANAGE=2 + ADMIN=1")
        String octal;

        Chmod(CliContext ctx, Kind kind) {
            super(ctx, kind);
        }

        @Override
        public Integer call() {
            Permissions permissions = Permissions.parseOctal("OCTAL", octal);
            service().chmod(ctx.actor(), object(), permissions);
            return Cli.OK;
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "lock it against changes")
    static final class Lock extends OnObject {
        @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "use",
                description = "use (everything, the default), manage, admin or all")
        String level;

        Lock(CliContext ctx, Kind kind) {
            super(ctx, kind);
        }

        @Override
        public Integer call() {
            LockLevel parsed = LockLevel.parse("--level", level);
            service().lock(ctx.actor(), object(), parsed);
            return Cli.OK;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "remove its lock")
    static final class Unlock extends OnObject {
        Unlock(CliContext ctx, Kind kind) {
            super(ctx, kind);
        }

        @Override
        public Integer call() {
            service().unlock(ctx.actor(), object());
            return Cli.OK;
        }
    }
}
