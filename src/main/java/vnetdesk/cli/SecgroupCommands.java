package vnetdesk.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.PropagationState;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.service.SecurityGroupService.CommitReport;
import vnetdesk.service.SecurityGroupService.EffectiveRule;
import vnetdesk.service.SecurityGroupService.EffectiveRules;
import vnetdesk.service.SecurityGroupService.GroupDetails;
import vnetdesk.service.SecurityGroupService.GroupSummary;
import vnetdesk.service.SecurityGroupService.VmStatus;
import vnetdesk.service.host.HostEngine;
import vnetdesk.service.host.LiveChanges;
import vnetdesk.template.OneSecurityGroupXml;
import vnetdesk.template.Template;

/**
 * {@code secgroup create|list|show|update|delete|commit|effective} (clone,
 * rename, chown, chmod in {@link OwnedObjectCommands}).
 */
final class SecgroupCommands {

    private SecgroupCommands() {
    }

    @Command(name = "secgroup", mixinStandardHelpOptions = true, description = "security groups",
            subcommands = {Create.class, ListGroups.class, Show.class, Update.class, Delete.class, Commit.class,
                    Effective.class})
    static final class Group {
    }

    /** A command on one group. */
    abstract static class OnGroup implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(index = "0", paramLabel = "SG", description = "security group id or name")
        String group;

        OnGroup(CliContext ctx) {
            this.ctx = ctx;
        }

        /** The group SG names. */
        ObjectRef groupRef() {
            return ObjectRef.parse("SECGROUP", group);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "create a group from a template file (NAME, DESCRIPTION, RULE = [ … ]); prints ID: <id>")
    static final class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "FILE", description = "template file, - for standard input")
        String file;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            int id = ctx.inventory().securityGroups().create(ctx.actor(), VnetCommands.template(ctx, file));
            ctx.out().println("ID: " + id);
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the groups you may use")
    static final class ListGroups implements Callable<Integer> {
        private final CliContext ctx;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onesecgroup list -x): a SECURITY_GROUP_POOL")
        boolean xml;

        ListGroups(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            refuseJsonWithXml(spec, json, xml);
            if (xml) {
                List<OneSecurityGroupXml.Entry> entries = ctx.inventory().securityGroups().listDetails(ctx.actor())
                        .stream().map(SecgroupCommands::xmlEntry).toList();
                ctx.out().print(OneSecurityGroupXml.writePool(entries));
                return Cli.OK;
            }
            List<GroupSummary> rows = ctx.inventory().securityGroups().list(ctx.actor());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                rows.forEach(s -> out.add(summaryJson(s)));
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "USER", "GROUP", "NAME", "RULES", "NETWORKS").alignRight(0, 4);
            for (GroupSummary s : rows) {
                SecurityGroup g = s.group();
                t.row(g.id(), s.ownerName(), s.groupName(), g.name(), g.rules().size(), Views.join(s.networks()));
            }
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    /** {@code --json} and {@code --xml} choose two different outputs: both at once is a usage error. */
    static void refuseJsonWithXml(CommandSpec spec, boolean json, boolean xml) {
        if (json && xml) {
            throw new ParameterException(spec.commandLine(), "--json and --xml cannot be used together");
        }
    }

    /** The group as {@code onesecgroup show -x} writes it: its VMs' ids by propagation state. */
    static OneSecurityGroupXml.Entry xmlEntry(GroupDetails d) {
        Map<PropagationState, List<Integer>> ids = new EnumMap<>(PropagationState.class);
        for (PropagationState state : PropagationState.values()) {
            ids.put(state, d.vmsIn(state).stream().map(VmStatus::vmId).toList());
        }
        GroupSummary s = d.summary();
        return new OneSecurityGroupXml.Entry(s.group(), s.ownerName(), s.groupName(), ids);
    }

    static Map<String, Object> summaryJson(GroupSummary s) {
        SecurityGroup g = s.group();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("name", g.name());
        m.put("user", s.ownerName());
        m.put("group", s.groupName());
        m.put("permissions", g.ownership().permissions().octal());
        m.put("description", g.description());
        m.put("rules", g.rules().stream().map(SecgroupCommands::ruleJson).toList());
        m.put("networks", s.networks());
        return m;
    }

    private static Map<String, Object> ruleJson(SecurityRule r) {
        Map<String, Object> m = new LinkedHashMap<>(r.toAttributes());
        m.put("summary", r.summary());
        return m;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "show a group: rules, networks, and the state of its VMs")
    static final class Show extends OnGroup {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onesecgroup show -x): a SECURITY_GROUP")
        boolean xml;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            refuseJsonWithXml(spec, json, xml);
            GroupDetails d = ctx.inventory().securityGroups().show(ctx.actor(), groupRef());
            if (xml) {
                ctx.out().print(OneSecurityGroupXml.write(xmlEntry(d)));
                return Cli.OK;
            }
            SecurityGroup g = d.summary().group();
            if (json) {
                Map<String, Object> m = summaryJson(d.summary());
                List<Map<String, Object>> vms = new ArrayList<>();
                for (VmStatus v : d.vms()) {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("vm", v.vmId());
                    vm.put("state", v.state().label());
                    v.error().ifPresent(e -> vm.put("error", e));
                    vms.add(vm);
                }
                m.put("vms", vms);
                Printer.json(ctx.out(), m);
                return Cli.OK;
            }
            var out = ctx.out();
            out.println("SECURITY GROUP " + g.label());
            out.println("USER         : " + d.summary().ownerName());
            out.println("GROUP        : " + d.summary().groupName());
            out.println("PERMISSIONS  : " + g.ownership().permissions().letters() + " ("
                    + g.ownership().permissions().octal() + ")");
            out.println("DESCRIPTION  : " + g.description());
            out.println("NETWORKS     : " + Views.join(d.summary().networks()));
            out.println();
            out.println("RULES (allow only; their order does not matter)");
            Table t = new Table("#", "PROTOCOL", "TYPE", "TARGET", "PORTS/ICMP", "SUMMARY").alignRight(0);
            int i = 1;
            for (SecurityRule r : g.rules()) {
                Map<String, String> a = r.toAttributes();
                String target = a.containsKey("NETWORK_ID") ? "network " + a.get("NETWORK_ID")
                        : a.containsKey("IP") ? a.get("IP") + " +" + a.get("SIZE") : "any";
                String ports = a.getOrDefault("RANGE", a.getOrDefault("ICMP_TYPE", a.getOrDefault("ICMPV6_TYPE", Views.NONE)));
                t.row(i++, a.get("PROTOCOL"), a.get("RULE_TYPE"), target, ports, r.summary());
            }
            t.print(out);
            out.println();
            out.println("VMS");
            for (PropagationState s : PropagationState.values()) {
                List<String> ids = d.vmsIn(s).stream()
                        .map(v -> v.vmId() + v.error().map(e -> " (" + e + ")").orElse("")).toList();
                out.printf("%-12s : %s%n", s.label().toUpperCase(java.util.Locale.ROOT), Views.join(ids));
            }
            return Cli.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "replace the rules and description (or with --append add rules); its VMs become outdated")
    static final class Update extends OnGroup {
        @Parameters(index = "1", paramLabel = "FILE", description = "template file, - for standard input")
        String file;

        @Option(names = "--append", description = "add the file's rules to the current ones")
        boolean append;

        Update(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Template t = VnetCommands.template(ctx, file);
            ctx.inventory().securityGroups().update(ctx.actor(), groupRef(), t, append);
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete a group no network uses")
    static final class Delete extends OnGroup {
        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().securityGroups().delete(ctx.actor(), groupRef());
            return Cli.OK;
        }
    }

    @Command(name = "commit", mixinStandardHelpOptions = true,
            description = "apply the group's rules to the hosts of its VMs over SSH; each VM becomes up to date or"
                    + " error with its host's message; exit 1 when a VM is in error or stays outdated")
    static final class Commit extends OnGroup {
        @Option(names = "--recovery", description = "only the VMs that are outdated or failed")
        boolean recovery;

        @Option(names = "--no-apply", description = "connect to no host: only mark the VMs outdated (offline)")
        boolean noApply;

        Commit(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            if (!noApply) {
                LiveChanges.CommitResult r;
                try (ProgressLine line = ctx.progress()) {
                    // the hosts are those of the group's VMs, known only inside the commit
                    r = ctx.remoteHosts(new HostKeys.Refusing()).commitSecurityGroup(ctx.actor(), groupRef(),
                            recovery, HostRunLine.applying(line, 0, h -> { }));
                }
                for (HostEngine.HostApply h : r.hosts()) {
                    ctx.out().println("host " + h.host().label() + ": " + h.outcome().summary()
                            + (h.outcome().result().success() ? "" : ": " + h.outcome().message()));
                }
                if (r.failed() > 0) {
                    ctx.err().println("error: " + r.message());
                    return Cli.FAILED;
                }
                ctx.out().println(r.message());
                return Cli.OK;
            }
            CommitReport r = ctx.inventory().securityGroups().commit(ctx.actor(), groupRef(), recovery);
            if (r.applied() < r.selected().size()) {
                ctx.err().println("error: " + r.message());
                return Cli.FAILED;
            }
            ctx.out().println(r.message());
            return Cli.OK;
        }
    }

    @Command(name = "effective", mixinStandardHelpOptions = true,
            description = "the rules a NIC of a network gets: its groups' rules, NETWORK_ID expanded per address range")
    static final class Effective implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NET", description = "network id or name")
        String net;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        Effective(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            EffectiveRules e = ctx.inventory().securityGroups().effectiveRules(ctx.actor(),
                    NetworkCommand.network(net));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("network", e.network());
                m.put("groups", e.groups());
                List<Map<String, Object>> rules = new ArrayList<>();
                for (EffectiveRule r : e.rules()) {
                    Map<String, Object> rule = ruleJson(r.rule());
                    rule.put("groups", r.groups());
                    rules.add(rule);
                }
                m.put("rules", rules);
                e.warning().ifPresent(w -> m.put("warning", w));
                m.put("notes", e.notes());
                Printer.json(ctx.out(), m);
                return Cli.OK;
            }
            ctx.out().println("NETWORK " + e.network() + " — groups " + Views.join(e.groups()));
            e.warning().ifPresent(w -> ctx.out().println("WARNING: " + w));
            e.notes().forEach(n -> ctx.out().println("note: " + n));
            Table t = new Table("RULE", "FROM GROUPS");
            e.rules().forEach(r -> t.row(r.rule().summary(), Views.join(r.groups())));
            t.print(ctx.out());
            return Cli.OK;
        }
    }
}
