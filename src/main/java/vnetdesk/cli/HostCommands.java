package vnetdesk.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.Words;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection.Identity;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostService.ConnectionChange;
import vnetdesk.service.host.HostService.HostInfo;
import vnetdesk.service.host.RemoteHosts;
import vnetdesk.template.OneHostXml;

/**
 * {@code host create|list|show|rename|address|set|delete}: hosts in the
 * inventory, how the console logs in to them, what the last apply did and
 * whether changes are pending (probing, planning and applying are in
 * {@link HostEngineCommands} and {@link HostProbeCommand}). Connection values
 * are checked here under their option names, so an error names
 * {@code --port} rather than the service's field.
 */
final class HostCommands {

    private static final String LABEL = "%-20s: %s%n";

    private HostCommands() {
    }

    @Command(name = "host", mixinStandardHelpOptions = true, description = "hypervisor hosts",
            subcommands = {Create.class, ListHosts.class, Show.class, Rename.class, Address.class,
                    SetConnection.class, Delete.class, HostProbeCommand.class, HostEngineCommands.Plan.class,
                    HostEngineCommands.Apply.class, HostEngineCommands.Drift.class, HostEngineCommands.Sync.class,
                    HostEngineCommands.Trust.class, HostEngineCommands.ForgetKey.class})
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

    /** The options that say how to reach a host; each one left out keeps its value (or the default). */
    static final class ConnectionOptions {
        @Option(names = "--address", paramLabel = "ADDR", description = "host name or IP address to reach it at")
        String address;

        @Option(names = "--port", paramLabel = "PORT", description = "SSH port (default 22)")
        String port;

        @Option(names = "--user", paramLabel = "USER", description = "user to log in as (default root)")
        String user;

        @Option(names = "--identity", paramLabel = "FILE|agent|password",
                description = "private key file (absolute path), agent (ssh-agent, the default) or password"
                        + " (asked when connecting, never stored)")
        String identity;

        /** The options given, each checked under its option name. */
        ConnectionChange change() {
            return new ConnectionChange(
                    Optional.ofNullable(address).map(a -> HostConnection.checkAddress("--address", a)),
                    Optional.ofNullable(port).map(p -> HostConnection.parsePort("--port", p)),
                    Optional.ofNullable(user).map(u -> HostConnection.checkUser("--user", u)),
                    Optional.ofNullable(identity).map(i -> Identity.parse("--identity", i)));
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

        @Mixin
        ConnectionOptions connection;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Optional<ObjectRef> in = Optional.ofNullable(cluster).map(c -> ObjectRef.parse("--cluster", c));
            ConnectionChange given = connection.change();
            int id = ctx.inventory().hosts().create(ctx.actor(), name, in, given.address(),
                    given.applyTo(HostConnection.DEFAULT));
            ctx.out().println("ID: " + id);
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "list the hosts with their last apply and whether changes are pending")
    static final class ListHosts implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--drift", description = "also connect to every host and show whether it drifted"
                + " from what the inventory implies")
        boolean drift;

        @Option(names = "--xml", description = "OpenNebula XML (onehost list -x): a HOST_POOL")
        boolean xml;

        @Spec
        CommandSpec spec;

        ListHosts(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml && drift) {
                throw new ParameterException(spec.commandLine(), "--drift and --xml cannot be used together");
            }
            if (xml) {
                ctx.out().print(OneHostXml.writePool(ctx.inventory().hosts().xmlEntries(ctx.actor())));
                return Cli.OK;
            }
            List<HostInfo> rows = ctx.inventory().hosts().list(ctx.actor());
            RemoteHosts remote = ctx.remoteHosts(new HostKeys.Refusing());
            Map<Integer, Optional<Boolean>> pending = new LinkedHashMap<>();
            rows.forEach(i -> pending.put(i.host().id(), remote.pending(ctx.actor(), ObjectRef.id(i.host().id()))));
            Map<Integer, PlanStatus> drifts = new HashMap<>();
            if (drift) {
                // only hosts the user may manage are read; the others show no drift
                List<ObjectRef> readable = pending.entrySet().stream().filter(e -> e.getValue().isPresent())
                        .map(e -> ObjectRef.id(e.getKey())).toList();
                remote.plan(ctx.actor(), readable).forEach(p -> drifts.put(p.host().id(), p.status()));
            }
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (HostInfo info : rows) {
                    Map<String, Object> m = json(info, pending.get(info.host().id()));
                    if (drift) {
                        m.put("drift", Optional.ofNullable(drifts.get(info.host().id())).map(HostPlanView::status)
                                .orElse(null));
                    }
                    out.add(m);
                }
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            List<String> headers = new ArrayList<>(List.of("ID", "NAME", "CLUSTER", "ADDRESS", "VMS", "PENDING",
                    "LAST APPLY"));
            if (drift) {
                headers.add(5, "DRIFT");
            }
            Table t = new Table(headers.toArray(String[]::new)).alignRight(0, 4);
            for (HostInfo info : rows) {
                Host h = info.host();
                List<Object> cells = new ArrayList<>(List.of(h.id(), h.name(), info.cluster().label(), address(h),
                        info.vms().size(), yesNo(pending.get(h.id())),
                        info.lastApply().map(o -> o.summary() + " " + time(o.finished())).orElse(Views.NONE)));
                if (drift) {
                    cells.add(5, Optional.ofNullable(drifts.get(h.id())).map(HostCommands::driftCell)
                            .orElse(Views.NONE));
                }
                t.row(cells.toArray());
            }
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    private static String yesNo(Optional<Boolean> value) {
        return value.map(v -> v ? "yes" : "no").orElse(Views.NONE);
    }

    private static String driftCell(PlanStatus s) {
        return switch (s) {
            case IN_SYNC -> "no";
            case CHANGES -> "yes";
            case BLOCKED -> "blocked";
            case UNREACHABLE -> "unreachable";
        };
    }

    private static String address(Host h) {
        return h.address().isEmpty() ? Views.NONE : h.address();
    }

    /** An instant to the second, in UTC: {@code 2025-03-01T10:15:30Z}. */
    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A host's message on one line, control characters (a terminal escape from a remote stderr) made visible. */
    static String printableLine(String message) {
        StringBuilder b = new StringBuilder();
        Cli.oneLine(message).codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    private static String lastApply(Optional<HostApplyOutcome> last) {
        if (last.isEmpty()) {
            return Views.NONE;
        }
        HostApplyOutcome o = last.get();
        return o.summary() + ", finished " + time(o.finished()) + ", " + Words.count(o.commandsRun(), "command")
                + (o.message().isEmpty() ? "" : ": " + printableLine(o.message()));
    }

    static Map<String, Object> json(HostApplyOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", o.result().name());
        m.put("started", o.started().toString());
        m.put("finished", o.finished().toString());
        m.put("failed_step", o.failedStep().orElse(null));
        m.put("message", o.message());
        m.put("commands_run", o.commandsRun());
        return m;
    }

    static Map<String, Object> json(HostInfo info, Optional<Boolean> pending) {
        Host h = info.host();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("name", h.name());
        m.put("cluster_id", info.cluster().id());
        m.put("cluster", info.cluster().name());
        m.put("address", h.address());
        m.put("port", h.connection().port());
        m.put("user", h.connection().user());
        m.put("identity", h.connection().identity().text());
        m.put("attributes", h.attributes());
        List<Map<String, Object>> vms = new ArrayList<>();
        info.vms().forEach((id, name) -> vms.add(ClusterCommands.ref(id, name)));
        m.put("vms", vms);
        m.put("last_apply", info.lastApply().map(HostCommands::json).orElse(null));
        m.put("applied_digest", info.appliedDigest().orElse(null));
        m.put("pending", pending.orElse(null));
        return m;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "show a host: cluster, how to reach it, VMs, last apply")
    static final class Show extends OnHost {
        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onehost show -x): a HOST")
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
                ctx.out().print(OneHostXml.write(ctx.inventory().hosts().xmlEntry(ctx.actor(), hostRef())));
                return Cli.OK;
            }
            HostInfo info = ctx.inventory().hosts().show(ctx.actor(), hostRef());
            Optional<Boolean> pending = ctx.remoteHosts(new HostKeys.Refusing()).pending(ctx.actor(),
                    ObjectRef.id(info.host().id()));
            if (json) {
                Printer.json(ctx.out(), json(info, pending));
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
            ctx.out().printf(LABEL, "PORT", h.connection().port());
            ctx.out().printf(LABEL, "USER", h.connection().user());
            ctx.out().printf(LABEL, "IDENTITY", h.connection().identity().text());
            ctx.out().printf(LABEL, "VMS", ClusterCommands.labels(vms));
            ctx.out().printf(LABEL, "LAST APPLY", lastApply(info.lastApply()));
            ctx.out().printf(LABEL, "PENDING", yesNo(pending));
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

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "change how the console reaches a host: address, port, user, identity")
    static final class SetConnection extends OnHost {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        SetConnection(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ConnectionChange change = connection.change();
            if (change.equals(ConnectionChange.NONE)) {
                throw new ParameterException(spec.commandLine(),
                        "give at least one of --address, --port, --user, --identity");
            }
            ctx.inventory().hosts().setConnection(ctx.actor(), hostRef(), change);
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
