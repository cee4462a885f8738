package vnetdesk.cli;

import java.util.ArrayList;
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

import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.QueryService.NetworkSummary;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;

/** {@code vnet create|list|show|update|delete}: the network itself (rename, lock … in {@link OwnedObjectCommands}). */
final class VnetCommands {

    private VnetCommands() {
    }

    /** The {@code vnet} group; a subcommand is required. */
    @Command(name = "vnet", mixinStandardHelpOptions = true, description = "virtual networks",
            subcommands = {Create.class, ListNetworks.class, Show.class, Update.class, Delete.class,
                    VnetArCommands.AddAr.class, VnetArCommands.UpdateAr.class, VnetArCommands.RmAr.class,
                    VnetLeaseCommands.Hold.class, VnetLeaseCommands.Release.class, VnetLeaseCommands.Reserve.class,
                    VnetLeaseCommands.Leases.class, VnetLeaseCommands.Free.class})
    static final class Group {
    }

    /** Reads and parses a template FILE ({@code -} = stdin). */
    static Template template(CliContext ctx, String file) {
        return TemplateParser.parse(InputFiles.read(file, ctx.stdin()), InputFiles.sourceName(file));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "create a network from a template file (ARs included); prints ID: <id>")
    static final class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "FILE", description = "template file, - for standard input")
        String file;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Template t = template(ctx, file);
            int id = ctx.inventory().networks().create(ctx.actor(), t);
            ctx.out().println("ID: " + id);
            Views.warnOverlaps(ctx, vnetdesk.model.ObjectRef.id(id));
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the networks you may see")
    static final class ListNetworks implements Callable<Integer> {
        private final CliContext ctx;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onevnet list -x)")
        boolean xml;

        ListNetworks(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (json && xml) {
                throw new ParameterException(spec.commandLine(), "--json and --xml cannot be used together");
            }
            if (xml) {
                ctx.out().print(ctx.inventory().interchange().listXml(ctx.actor()));
                return Cli.OK;
            }
            List<NetworkSummary> rows = ctx.inventory().queries().list(ctx.actor());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                rows.forEach(s -> out.add(summaryJson(s)));
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "USER", "GROUP", "NAME", "DRIVER", "BRIDGE", "VLAN", "CLUSTERS", "LEASES")
                    .alignRight(0, 6, 8);
            for (NetworkSummary s : rows) {
                VirtualNetwork n = s.network();
                t.row(n.id(), s.ownerName(), s.groupName(), n.name(), Views.listedDriver(n), n.conf().bridge(),
                        Views.vlan(n), Views.clusters(n), s.used() + "/" + n.totalSize());
            }
            t.print(ctx.out());
            if (rows.stream().anyMatch(s -> !s.network().conf().driver().managedOnHosts())) {
                ctx.out().println(Views.NOT_MANAGED_MARK + " not managed on hosts: vnetdesk does not configure"
                        + " this driver on hosts");
            }
            return Cli.OK;
        }

        private static Map<String, Object> summaryJson(NetworkSummary s) {
            VirtualNetwork n = s.network();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("name", n.name());
            m.put("user", s.ownerName());
            m.put("group", s.groupName());
            m.put("driver", n.conf().driver().mad());
            m.put("managed_on_hosts", n.conf().driver().managedOnHosts());
            m.put("bridge", n.conf().bridge());
            n.conf().vlanId().ifPresent(v -> m.put("vlan_id", v));
            m.put("clusters", n.clusterIds());
            n.parentNetworkId().ifPresent(p -> m.put("parent_network_id", p));
            m.put("used_leases", s.used());
            m.put("size", n.totalSize().toString());
            return m;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "show a network: attributes, address ranges and leases")
    static final class Show extends NetworkCommand {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onevnet show -x)")
        boolean xml;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            if (json && xml) {
                throw new ParameterException(spec.commandLine(), "--json and --xml cannot be used together");
            }
            if (xml) {
                ctx.out().print(ctx.inventory().interchange().showXml(ctx.actor(), network()));
                return Cli.OK;
            }
            NetworkShow show = new NetworkShow(ctx.inventory().queries().details(ctx.actor(), network(),
                    NetworkShow.LEASE_LIMIT), ctx.inventory().queries().overlaps(ctx.actor(), network()));
            if (json) {
                Printer.json(ctx.out(), show.json());
            } else {
                show.print(ctx.out());
            }
            return Cli.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "replace (or with --append merge) the updatable attributes of a network")
    static final class Update extends NetworkCommand {

        @Parameters(index = "1", paramLabel = "FILE", description = "template file, - for standard input")
        String file;

        @Option(names = "--append", description = "merge into the current attributes instead of replacing them")
        boolean append;

        Update(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Template t = template(ctx, file);
            ctx.inventory().networks().update(ctx.actor(), network(), t, append);
            Views.warnOverlaps(ctx, network());
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete a network without used leases")
    static final class Delete extends NetworkCommand {

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().networks().delete(ctx.actor(), network());
            return Cli.OK;
        }
    }
}
