package vnetdesk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Host;
import vnetdesk.service.host.HostService.HostInfo;

/**
 * {@code host create|list|show|rename|address|delete}: hosts in the inventory
 * (reaching them over SSH comes with the host engine).
 */
final class HostCommands {

    private static final String LABEL = "%-20s: %s%n";

    private HostCommands() {
    }

    @Command(name = "host", mixinStandardHelpOptions = true, description = "hypervisor hosts",
            subcommands = {Create.class, ListHosts.class, Show.class, Rename.class, Address.class, Delete.class})
    static final class Group {
    }

    /** A host the user named by id or name. */
    static ObjectRef host(String text) {
        return ObjectRef.parse("HOST", text);
    }

    /** A command on one host: the context and the HOST argument. */
    abstract static class OnHost implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(index = "0", paramLabel = "HOST", description = "host id or name")
        String host;

        OnHost(CliContext ctx) {
            this.ctx = ctx;
        }

        ObjectRef hostRef() {
            return host(host);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "add a host to the inventory; prints ID: <id>")
    static final class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", description = "name of the new host")
        String name;

        @Option(names = "--cluster", paramLabel = "CLUSTER", description = "its cluster, id or name (default: 0)")
        String cluster;

        @Option(names = "--address", paramLabel = "ADDR", description = "host name or IP address to reach it at")
        String address;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Optional<ObjectRef> in = Optional.ofNullable(cluster).map(c -> ObjectRef.parse("--cluster", c));
            int id = ctx.inventory().hosts().create(ctx.actor(), name, in, Optional.ofNullable(address));
            ctx.out().println("ID: " + id);
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the hosts")
    static final class ListHosts implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        ListHosts(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<HostInfo> rows = ctx.inventory().hosts().list(ctx.actor());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                rows.forEach(info -> out.add(json(info)));
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "NAME", "CLUSTER", "ADDRESS", "VMS").alignRight(0, 4);
            for (HostInfo info : rows) {
                Host h = info.host();
                t.row(h.id(), h.name(), info.cluster().label(), address(h), info.vms().size());
            }
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    private static String address(Host h) {
        return h.address().isEmpty() ? Views.NONE : h.address();
    }

    static Map<String, Object> json(HostInfo info) {
        Host h = info.host();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("name", h.name());
        m.put("cluster_id", info.cluster().id());
        m.put("cluster", info.cluster().name());
        m.put("address", h.address());
        m.put("attributes", h.attributes());
        List<Map<String, Object>> vms = new ArrayList<>();
        info.vms().forEach((id, name) -> vms.add(ClusterCommands.ref(id, name)));
        m.put("vms", vms);
        return m;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "show a host: cluster, address, VMs")
    static final class Show extends OnHost {
        @Option(names = "--json", description = "JSON output")
        boolean json;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            HostInfo info = ctx.inventory().hosts().show(ctx.actor(), hostRef());
            if (json) {
                Printer.json(ctx.out(), json(info));
                return Cli.OK;
            }
            Host h = info.host();
            List<String> vms = new ArrayList<>();
            info.vms().forEach((id, name) -> vms.add(id + ":" + name));
            ctx.out().println("HOST INFORMATION");
            ctx.out().printf(LABEL, "ID", h.id());
            ctx.out().printf(LABEL, "NAME", h.name());
            ctx.out().printf(LABEL, "CLUSTER", info.cluster().label());
            ctx.out().printf(LABEL, "ADDRESS", address(h));
            ctx.out().printf(LABEL, "VMS", ClusterCommands.labels(vms));
            return Cli.OK;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "give a host a new name")
    static final class Rename extends OnHost {
        @Parameters(index = "1", paramLabel = "NAME", description = "the new name")
        String name;

        Rename(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().hosts().rename(ctx.actor(), hostRef(), name);
            return Cli.OK;
        }
    }

    @Command(name = "address", mixinStandardHelpOptions = true,
            description = "set the host name or IP address to reach the host at (\"\" clears it)")
    static final class Address extends OnHost {
        @Parameters(index = "1", paramLabel = "ADDR", description = "host name or IP address")
        String address;

        Address(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().hosts().setAddress(ctx.actor(), hostRef(), address);
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete a host no VM is placed on")
    static final class Delete extends OnHost {
        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().hosts().delete(ctx.actor(), hostRef());
            return Cli.OK;
        }
    }
}
