package vnetdesk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetdesk.model.AclRule;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;
import vnetdesk.template.OneAclXml;
import vnetdesk.template.OneGroupXml;
import vnetdesk.template.OneUserXml;

/** {@code user …}, {@code group …} and {@code acl …}: who may do what. */
final class AccessCommands {

    private AccessCommands() {
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "users",
            subcommands = {ListUsers.class, ShowUser.class, CreateUser.class, DeleteUser.class, Chgrp.class})
    static final class Users {
    }

    @Command(name = "group", mixinStandardHelpOptions = true, description = "user groups",
            subcommands = {ListGroups.class, ShowGroup.class, CreateGroup.class, DeleteGroup.class})
    static final class Groups {
    }

    @Command(name = "acl", mixinStandardHelpOptions = true, description = "ACL rules (OpenNebula syntax)",
            subcommands = {ListAcls.class, CreateAcl.class, DeleteAcl.class})
    static final class Acls {
    }

    private static final String LABEL = "%-20s: %s%n";

    /** A command with the context and a --json switch (each adds an --xml naming its own document). */
    abstract static class Listing implements Callable<Integer> {
        final CliContext ctx;

        @Spec
        CommandSpec spec;

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

        @Option(names = "--xml", description = "OpenNebula XML (oneuser list -x): a USER_POOL")
        boolean xml;

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml) {
                ctx.out().print(OneUserXml.writePool(ctx.inventory().users().userXmlEntries()));
                return Cli.OK;
            }
            List<UserInfo> users = ctx.inventory().users().users();
            if (json) {
                Printer.json(ctx.out(), users.stream().map(AccessCommands::json).toList());
                return Cli.OK;
            }
            Table t = new Table("ID", "NAME", "GROUP").alignRight(0);
            users.forEach(u -> t.row(u.id(), u.name(), u.gid() + ":" + u.groupName()));
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    static Map<String, Object> json(UserInfo u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("gid", u.gid());
        m.put("group", u.groupName());
        return m;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "show a user and its group")
    static final class ShowUser extends Listing {
        @Parameters(index = "0", paramLabel = "USER", description = "name or id")
        String user;

        ShowUser(CliContext ctx) {
            super(ctx);
        }

        @Option(names = "--xml", description = "OpenNebula XML (oneuser show -x): a USER")
        boolean xml;

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml) {
                ctx.out().print(OneUserXml.write(ctx.inventory().users().userXmlEntry(user)));
                return Cli.OK;
            }
            UserInfo u = ctx.inventory().users().user(user);
            if (json) {
                Printer.json(ctx.out(), json(u));
                return Cli.OK;
            }
            ctx.out().println("USER INFORMATION");
            ctx.out().printf(LABEL, "ID", u.id());
            ctx.out().printf(LABEL, "NAME", u.name());
            ctx.out().printf(LABEL, "GROUP", u.gid() + ":" + u.groupName());
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

        @Option(names = "--xml", description = "OpenNebula XML (onegroup list -x): a GROUP_POOL")
        boolean xml;

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml) {
                ctx.out().print(OneGroupXml.writePool(ctx.inventory().users().groupXmlEntries()));
                return Cli.OK;
            }
            List<GroupInfo> groups = ctx.inventory().users().groups();
            if (json) {
                Printer.json(ctx.out(), groups.stream().map(AccessCommands::json).toList());
                return Cli.OK;
            }
            Table t = new Table("ID", "NAME", "MEMBERS").alignRight(0);
            groups.forEach(g -> t.row(g.id(), g.name(), Views.join(g.members())));
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    static Map<String, Object> json(GroupInfo g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("name", g.name());
        m.put("members", g.members());
        return m;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "show a group and its members")
    static final class ShowGroup extends Listing {
        @Parameters(index = "0", paramLabel = "GROUP", description = "name or id")
        String group;

        ShowGroup(CliContext ctx) {
            super(ctx);
        }

        @Option(names = "--xml", description = "OpenNebula XML (onegroup show -x): a GROUP")
        boolean xml;

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml) {
                ctx.out().print(OneGroupXml.write(ctx.inventory().users().groupXmlEntry(group)));
                return Cli.OK;
            }
            GroupInfo g = ctx.inventory().users().group(group);
            if (json) {
                Printer.json(ctx.out(), json(g));
                return Cli.OK;
            }
            ctx.out().println("GROUP INFORMATION");
            ctx.out().printf(LABEL, "ID", g.id());
            ctx.out().printf(LABEL, "NAME", g.name());
            ctx.out().printf(LABEL, "MEMBERS", Views.join(g.members()));
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

        @Option(names = "--xml", description = "OpenNebula XML (oneacl list -x): an ACL_POOL")
        boolean xml;

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            List<AclRule> rules = ctx.inventory().users().acls();
            if (xml) {
                ctx.out().print(OneAclXml.writePool(rules));
                return Cli.OK;
            }
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
