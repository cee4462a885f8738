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

import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Cluster;
import vnetdesk.model.vm.Host;
import vnetdesk.service.host.ClusterService.ClusterInfo;
import vnetdesk.template.OneClusterXml;

/**
 * {@code cluster create|list|show|rename|delete|addhost|delhost|addvnet|delvnet}:
 * clusters and which hosts and networks are in them, named as OpenNebula's
 * {@code onecluster}.
 */
final class ClusterCommands {

    private static final String LABEL = "%-20s: %s%n";

    private ClusterCommands() {
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true, description = "clusters of hosts and networks",
            subcommands = {Create.class, ListClusters.class, Show.class, Rename.class, Delete.class,
                    AddHost.class, DelHost.class, AddVnet.class, DelVnet.class})
    static final class Group {
    }

    /** A command on one cluster: the context and the CLUSTER argument. */
    abstract static class OnCluster implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(index = "0", paramLabel = "CLUSTER", description = "cluster id or name")
        String cluster;

        OnCluster(CliContext ctx) {
            this.ctx = ctx;
        }

        /** The cluster CLUSTER names. */
        ObjectRef clusterRef() {
            return ObjectRef.parse("CLUSTER", cluster);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "create a cluster; prints ID: <id>")
    static final class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", description = "name of the new cluster")
        String name;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.out().println("ID: " + ctx.inventory().clusters().create(ctx.actor(), name));
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the clusters")
    static final class ListClusters implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onecluster list -x): a CLUSTER_POOL")
        boolean xml;

        @Spec
        CommandSpec spec;

        ListClusters(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml) {
                ctx.out().print(OneClusterXml.writePool(ctx.inventory().clusters().xmlEntries(ctx.actor())));
                return Cli.OK;
            }
            List<ClusterInfo> rows = ctx.inventory().clusters().list(ctx.actor());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                rows.forEach(info -> out.add(json(info)));
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "NAME", "HOSTS", "NETWORKS").alignRight(0, 2, 3);
            for (ClusterInfo info : rows) {
                t.row(info.cluster().id(), info.cluster().name(), info.hosts().size(), info.networks().size());
            }
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "show a cluster: its hosts and networks")
    static final class Show extends OnCluster {
        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onecluster show -x): a CLUSTER")
        boolean xml;

        @Spec
        CommandSpec spec;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml) {
                ctx.out().print(OneClusterXml.write(ctx.inventory().clusters().xmlEntry(ctx.actor(), clusterRef())));
                return Cli.OK;
            }
            ClusterInfo info = ctx.inventory().clusters().show(ctx.actor(), clusterRef());
            if (json) {
                Printer.json(ctx.out(), json(info));
                return Cli.OK;
            }
            Cluster c = info.cluster();
            ctx.out().println("CLUSTER INFORMATION");
            ctx.out().printf(LABEL, "ID", c.id());
            ctx.out().printf(LABEL, "NAME", c.name());
            ctx.out().printf(LABEL, "HOSTS", labels(info.hosts().stream().map(Host::label).toList()));
            ctx.out().printf(LABEL, "NETWORKS", labels(info.networks().stream().map(VirtualNetwork::label).toList()));
            return Cli.OK;
        }
    }

    /** {@code id:name, id:name}, or {@link Views#NONE}. */
    static String labels(List<String> labels) {
        return labels.isEmpty() ? Views.NONE : String.join(", ", labels);
    }

    static Map<String, Object> json(ClusterInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", info.cluster().id());
        m.put("name", info.cluster().name());
        m.put("hosts", info.hosts().stream().map(h -> ref(h.id(), h.name())).toList());
        m.put("networks", info.networks().stream().map(n -> ref(n.id(), n.name())).toList());
        return m;
    }

    /** An object another one names, as JSON: {@code {"id": …, "name": …}}. */
    static Map<String, Object> ref(int id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "give a cluster a new name")
    static final class Rename extends OnCluster {
        @Parameters(index = "1", paramLabel = "NAME", description = "the new name")
        String name;

        Rename(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().clusters().rename(ctx.actor(), clusterRef(), name);
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "delete a cluster without hosts and networks (never cluster 0, default)")
    static final class Delete extends OnCluster {
        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().clusters().delete(ctx.actor(), clusterRef());
            return Cli.OK;
        }
    }

    /** A command on a cluster and one host. */
    abstract static class OnClusterHost extends OnCluster {
        @Parameters(index = "1", paramLabel = "HOST", description = "host id or name")
        String host;

        OnClusterHost(CliContext ctx) {
            super(ctx);
        }

        ObjectRef hostRef() {
            return HostCommands.host(host);
        }
    }

    @Command(name = "addhost", mixinStandardHelpOptions = true,
            description = "move a host into the cluster (a host is in one cluster)")
    static final class AddHost extends OnClusterHost {
        AddHost(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().clusters().addHost(ctx.actor(), clusterRef(), hostRef());
            return Cli.OK;
        }
    }

    @Command(name = "delhost", mixinStandardHelpOptions = true,
            description = "take a host out of the cluster (it goes back to cluster 0, default)")
    static final class DelHost extends OnClusterHost {
        DelHost(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().clusters().removeHost(ctx.actor(), clusterRef(), hostRef());
            return Cli.OK;
        }
    }

    /** A command on a cluster and one network. */
    abstract static class OnClusterNetwork extends OnCluster {
        @Parameters(index = "1", paramLabel = "NET", description = "network id or name")
        String net;

        OnClusterNetwork(CliContext ctx) {
            super(ctx);
        }
    }

    @Command(name = "addvnet", mixinStandardHelpOptions = true,
            description = "add the cluster to a network's clusters (CLUSTER_IDS)")
    static final class AddVnet extends OnClusterNetwork {
        AddVnet(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().clusters().addNetwork(ctx.actor(), clusterRef(), NetworkCommand.network(net));
            return Cli.OK;
        }
    }

    @Command(name = "delvnet", mixinStandardHelpOptions = true,
            description = "remove the cluster from a network's clusters (CLUSTER_IDS)")
    static final class DelVnet extends OnClusterNetwork {
        DelVnet(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().clusters().removeNetwork(ctx.actor(), clusterRef(), NetworkCommand.network(net));
            return Cli.OK;
        }
    }
}
