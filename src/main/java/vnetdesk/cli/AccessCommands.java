package vnetdesk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vnetdesk.model.AclRule;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;

/** {@code user …}, {@code group …} and {@code acl …}: who may do what. */
final class AccessCommands {

    private AccessCommands() {
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "users",
            subcommands = {ListUsers.class, CreateUser.class, DeleteUser.class, Chgrp.class})
    static final class Users {
    }

    @Command(name = "group", mixinStandardHelpOptions = true, description = "user groups",
            subcommands = {ListGroups.class, CreateGroup.class, DeleteGroup.class})
    static final class Groups {
    }

    @Command(name = "acl", mixinStandardHelpOptions = true, description = "ACL rules (OpenNebula syntax)",
            subcommands = {ListAcls.class, CreateAcl.class, DeleteAcl.class})
    static final class Acls {
    }

    /** A command with the context and a --json switch. */
    abstract static class Listing implements Callable<Integer> {
        final CliContext ctx;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        Listing(CliContext ctx) {
            this.ctx = ctx;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the users")
    static final class ListUsers extends Listing {
        ListUsers(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            List<UserInfo> users = ctx.inventory().users().users();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (UserInfo u : users) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", u.id());
                    m.put("name", u.name());
                    m.put("gid", u.gid());
                    m.put("group", u.groupName());
                    out.add(m);
                }
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "NAME", "GROUP").alignRight(0);
            users.forEach(u -> t.row(u.id(), u.name(), u.gid() + ":" + u.groupName()));
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "create a user; prints ID: <id>")
    static final class CreateUser implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--group", paramLabel = "GROUP", defaultValue = "users",
                description = "primary group, name or id (default: users)")
        String group;

        CreateUser(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.out().println("ID: " + ctx.inventory().users().createUser(ctx.actor(), name, group));
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete a user who owns nothing")
    static final class DeleteUser implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "USER", description = "name or id")
        String user;

        DeleteUser(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.inventory().users().deleteUser(ctx.actor(), user);
            return Cli.OK;
        }
    }

    @Command(name = "chgrp", mixinStandardHelpOptions = true, description = "move a user to another group")
    static final class Chgrp implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "USER", description = "name or id")
        String user;

        @Parameters(index = "1", paramLabel = "GROUP", description = "name or id")
        String group;

        Chgrp(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.inventory().users().chgrp(ctx.actor(), user, group);
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the groups and their members")
    static final class ListGroups extends Listing {
        ListGroups(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            List<GroupInfo> groups = ctx.inventory().users().groups();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (GroupInfo g : groups) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", g.id());
                    m.put("name", g.name());
                    m.put("members", g.members());
                    out.add(m);
                }
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "NAME", "MEMBERS").alignRight(0);
            groups.forEach(g -> t.row(g.id(), g.name(), Views.join(g.members())));
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "create a group; prints ID: <id>")
    static final class CreateGroup implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        CreateGroup(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.out().println("ID: " + ctx.inventory().users().createGroup(ctx.actor(), name));
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete an empty group that owns nothing")
    static final class DeleteGroup implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "GROUP", description = "name or id")
        String group;

        DeleteGroup(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.inventory().users().deleteGroup(ctx.actor(), group);
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the ACL rules")
    static final class ListAcls extends Listing {
        ListAcls(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            List<AclRule> rules = ctx.inventory().users().acls();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (AclRule r : rules) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("rule", r.text());
                    m.put("explained", r.explain());
                    out.add(m);
                }
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "RULE", "MEANING").alignRight(0);
            rules.forEach(r -> t.row(r.id(), r.text(), r.explain()));
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "add a rule, e.g. acl create '@1 VNTEMPLATE/* CREATE'; prints ID: <id>")
    static final class CreateAcl implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..4", paramLabel = "RULE", description = "USER RESOURCE RIGHTS, as one or several arguments")
        List<String> parts;

        CreateAcl(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.out().println("ID: " + ctx.inventory().users().addAcl(ctx.actor(), String.join(" ", parts)));
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete an ACL rule")
    static final class DeleteAcl implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "ID")
        int id;

        DeleteAcl(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.inventory().users().deleteAcl(ctx.actor(), id);
            return Cli.OK;
        }
    }
}
