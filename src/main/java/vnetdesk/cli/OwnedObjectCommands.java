package vnetdesk.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vnetdesk.model.Actor;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.service.Inventory;

/**
 * {@code clone}, {@code rename}, {@code chown}, {@code chmod}, {@code lock}
 * and {@code unlock}: the same commands for networks, network templates and
 * security groups, one class each, added to every group that has them.
 */
final class OwnedObjectCommands {

    private OwnedObjectCommands() {
    }

    /** The kinds of object these commands work on, and how each service does them. */
    enum Kind {
        NET("vnet", "NETWORK"), VNTEMPLATE("vntemplate", "VNTEMPLATE"), SECGROUP("secgroup", "SECGROUP");

        /** The command group of this kind. */
        final String group;
        /** The field a missing OBJECT is reported as. */
        final String field;

        Kind(String group, String field) {
            this.group = group;
            this.field = field;
        }

        int cloneAs(Inventory inv, Actor a, ObjectRef ref, String name) {
            return switch (this) {
                case NET -> inv.networks().clone(a, ref, name);
                case VNTEMPLATE -> inv.templates().clone(a, ref, name);
                case SECGROUP -> inv.securityGroups().clone(a, ref, name);
            };
        }

        void rename(Inventory inv, Actor a, ObjectRef ref, String name) {
            switch (this) {
                case NET -> inv.networks().rename(a, ref, name);
                case VNTEMPLATE -> inv.templates().rename(a, ref, name);
                case SECGROUP -> inv.securityGroups().rename(a, ref, name);
            }
        }

        void chown(Inventory inv, Actor a, ObjectRef ref, String user, Optional<String> group) {
            switch (this) {
                case NET -> inv.networks().chown(a, ref, Optional.of(user), group);
                case VNTEMPLATE -> inv.templates().chown(a, ref, Optional.of(user), group);
                case SECGROUP -> inv.securityGroups().chown(a, ref, Optional.of(user), group);
            }
        }

        void chmod(Inventory inv, Actor a, ObjectRef ref, Permissions p) {
            switch (this) {
                case NET -> inv.networks().chmod(a, ref, p);
                case VNTEMPLATE -> inv.templates().chmod(a, ref, p);
                case SECGROUP -> inv.securityGroups().chmod(a, ref, p);
            }
        }

        void lock(Inventory inv, Actor a, ObjectRef ref, Optional<LockLevel> level) {
            switch (this) {
                case NET -> level.ifPresentOrElse(l -> inv.networks().lock(a, ref, l), () -> inv.networks().unlock(a, ref));
                case VNTEMPLATE -> level.ifPresentOrElse(l -> inv.templates().lock(a, ref, l),
                        () -> inv.templates().unlock(a, ref));
                case SECGROUP -> throw new IllegalStateException("security groups are not locked");
            }
        }
    }

    /** Adds the commands to the groups of the three kinds (security groups have no lock). */
    static void addTo(CommandLine root, CliContext ctx) {
        for (Kind kind : Kind.values()) {
            CommandLine group = root.getSubcommands().get(kind.group);
            group.addSubcommand("clone", new Clone(ctx, kind));
            group.addSubcommand("rename", new Rename(ctx, kind));
            group.addSubcommand("chown", new Chown(ctx, kind));
            group.addSubcommand("chmod", new Chmod(ctx, kind));
            if (kind != Kind.SECGROUP) {
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

        /** The object OBJECT names. */
        ObjectRef object() {
            return ObjectRef.parse(kind.field, ref);
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
            ctx.out().println("ID: " + kind.cloneAs(ctx.inventory(), ctx.actor(), object(), name));
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
            kind.rename(ctx.inventory(), ctx.actor(), object(), name);
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
            kind.chown(ctx.inventory(), ctx.actor(), object(), user, Optional.ofNullable(group));
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
            kind.chmod(ctx.inventory(), ctx.actor(), object(), Permissions.parseOctal("OCTAL", octal));
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
            kind.lock(ctx.inventory(), ctx.actor(), object(), Optional.of(LockLevel.parse("--level", level)));
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
            kind.lock(ctx.inventory(), ctx.actor(), object(), Optional.empty());
            return Cli.OK;
        }
    }
}
