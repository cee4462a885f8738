package vnetdesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vnetdesk.model.Numbers;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Qos;
import vnetdesk.model.ValidationException;
import vnetdesk.model.Words;
import vnetdesk.model.vm.GuestContext;
import vnetdesk.service.host.LiveChanges;
import vnetdesk.service.vm.NetworkChoice;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.service.vm.VmDetails.NicDetails;
import vnetdesk.service.vm.VmDetails;

/**
 * {@code vm nic-attach|nic-detach|nic-preview|context}: a VM's NICs, the
 * automatic network selection for a new one, and the guest context they give.
 */
final class VmNicCommands {

    private VmNicCommands() {
    }

    @Command(name = "nic-attach", mixinStandardHelpOptions = true,
            description = "attach a NIC on a network (the lease is taken with it) or by automatic network selection;"
                    + " prints NIC <index>: <address> on network <id>:<name>; when the VM runs on a host, the host"
                    + " is applied at once and an attach it cannot carry is taken back (exit 1)")
    static final class NicAttach extends VmCommands.OnVm {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--sg", paramLabel = "IDS", description = "the NIC's own security groups, e.g. 0,100 "
                + "(SECURITY_GROUPS; the network's apply too)")
        String groups;

        @Option(names = "--qos", paramLabel = "NAME=VALUE,…", description = "QoS instead of the network's, e.g. "
                + "INBOUND_AVG_BW=1000,OUTBOUND_AVG_BW=500 (kilobytes/s; peaks *_PEAK_BW, bursts *_PEAK_KB)")
        String qos;

        @Option(names = "--model", paramLabel = "MODEL", description = "device model (default virtio)")
        String model;

        @Option(names = "--no-apply", description = "record the NIC only; its host is applied later (offline)")
        boolean noApply;

        /** Where the NIC goes: a named network, or automatic selection. */
        static final class Target {
            @ArgGroup(exclusive = false, multiplicity = "1")
            OnNetwork network;

            @ArgGroup(exclusive = false, multiplicity = "1")
            Automatic automatic;
        }

        /**
         * A named network, optionally with the address or AR to take. --ip,
         * --ip6 and --mac exclude each other, checked by hand: picocli's
         * message for a nested exclusive group names whole groups, not options.
         */
        static final class OnNetwork {
            @Option(names = "--network", required = true, paramLabel = "NET", description = "network id or name")
            String net;

            @Option(names = "--ip", paramLabel = "IP", description = "this IPv4 address")
            String ip;

            @Option(names = "--ip6", paramLabel = "IP6", description = "this IPv6 address")
            String ip6;

            @Option(names = "--mac", paramLabel = "MAC", description = "this MAC address")
            String mac;

            @Option(names = "--ar", paramLabel = "N", description = "take the address from this address range (AR_ID)")
            String ar;
        }

        /** NETWORK_MODE = auto: the network is chosen on the VM's host (now, or when it is deployed). */
        static final class Automatic {
            @Option(names = "--auto", required = true, description = "choose the network automatically")
            boolean auto;

            @Option(names = "--requirements", paramLabel = "EXPR",
                    description = "SCHED_REQUIREMENTS, e.g. 'TRAFFIC_TYPE = \"public\" & VN_MAD = \"802.1Q\"'")
            String requirements;

            @Option(names = "--rank", paramLabel = "EXPR", description = "SCHED_RANK, e.g. FREE_LEASES")
            String rank;
        }

        NicAttach(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            NicRequest request = NicRequest.fromAttributes("NIC", nicAttributes());
            if (!noApply && runsOnAHost(ctx, vmRef())) {
                LiveChanges.NicChange change = ctx.remoteHosts(new HostKeys.Refusing())
                        .attachNic(ctx.actor(), vmRef(), request);
                if (change.rolledBack()) {
                    ctx.err().println("error: " + change.message());
                    return Cli.FAILED;
                }
                printNic(change.nicIndex());
                ctx.out().println(change.message());
                return Cli.OK;
            }
            printNic(ctx.inventory().vms().attachNic(ctx.actor(), vmRef(), request));
            return Cli.OK;
        }

        private void printNic(int index) {
            VmDetails vm = ctx.inventory().vms().show(ctx.actor(), vmRef());
            NicDetails nic = vm.nics().stream().filter(n -> n.nic().index() == index).findFirst().orElseThrow();
            ctx.out().println("NIC " + index + ": " + nic.network()
                    .map(n -> VmShow.address(nic.nic()) + " on network " + n.label())
                    .orElse("network chosen when the VM is deployed"));
        }

        /** The options as the attributes of a {@code NIC = [ … ]} vector, checked as a VM template's are. */
        private Map<String, String> nicAttributes() {
            Map<String, String> a = new LinkedHashMap<>();
            if (target.network != null) {
                OnNetwork on = target.network;
                if (Stream.of(on.ip, on.ip6, on.mac).filter(Objects::nonNull).count() > 1) {
                    throw new ParameterException(spec.commandLine(), "--ip, --ip6 and --mac cannot be used together");
                }
                a.put("NETWORK", on.net);
                putIfGiven(a, "IP", on.ip);
                putIfGiven(a, "IP6", on.ip6);
                putIfGiven(a, "MAC", on.mac);
                putIfGiven(a, "AR_ID", on.ar);
            } else {
                a.put("NETWORK_MODE", "auto");
                putIfGiven(a, "SCHED_REQUIREMENTS", target.automatic.requirements);
                putIfGiven(a, "SCHED_RANK", target.automatic.rank);
            }
            putIfGiven(a, "SECURITY_GROUPS", groups);
            if (qos != null) {
                a.putAll(qosAttributes(qos));
            }
            putIfGiven(a, "MODEL", model);
            return a;
        }

        private static void putIfGiven(Map<String, String> a, String name, String value) {
            if (value != null) {
                a.put(name, value);
            }
        }

        /** {@code NAME=VALUE,…} with QoS attribute names only (any case); the values are checked as a NIC's. */
        static Map<String, String> qosAttributes(String text) {
            Map<String, String> out = new LinkedHashMap<>();
            List<String> names = List.of(Qos.ATTRIBUTES);
            for (String part : text.split(",", -1)) {
                int eq = part.indexOf('=');
                String name = eq < 0 ? "" : part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
                if (!names.contains(name) || out.containsKey(name)) {
                    throw ValidationException.invalid("--qos", text, "expected NAME=VALUE pairs separated by commas,"
                            + " each NAME once, one of " + String.join(", ", names));
                }
                out.put(name, part.substring(eq + 1).trim());
            }
            return out;
        }
    }

    @Command(name = "nic-detach", mixinStandardHelpOptions = true,
            description = "detach a NIC; its lease is released and, when the VM runs on a host, the host is applied")
    static final class NicDetach extends VmCommands.OnVm {
        @Parameters(index = "1", paramLabel = "NIC", description = "the NIC's index (NIC_ID)")
        String nic;

        @Option(names = "--no-apply", description = "record the detach only; its host is applied later (offline)")
        boolean noApply;

        NicDetach(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            int index = Numbers.parseInt("NIC", nic, 0, Integer.MAX_VALUE);
            if (!noApply && runsOnAHost(ctx, vmRef())) {
                LiveChanges.NicChange change = ctx.remoteHosts(new HostKeys.Refusing())
                        .detachNic(ctx.actor(), vmRef(), index);
                boolean applied = change.host().map(h -> h.outcome().result().success()).orElse(true);
                (applied ? ctx.out() : ctx.err()).println(applied ? change.message() : "error: " + change.message());
                return applied ? Cli.OK : Cli.FAILED;
            }
            ctx.inventory().vms().detachNic(ctx.actor(), vmRef(), index);
            return Cli.OK;
        }
    }

    /** Whether the VM's domain runs on a host that has an address, so a NIC change is applied there at once. */
    static boolean runsOnAHost(CliContext ctx, ObjectRef vm) {
        VmDetails details = ctx.inventory().vms().show(ctx.actor(), vm);
        return details.vm().state().hasRunningDomain() && details.host().map(h -> !h.address().isBlank()).orElse(false);
    }

    @Command(name = "nic-preview", mixinStandardHelpOptions = true,
            description = "which network automatic selection would choose for a new NIC, and why every other network"
                    + " is rejected; changes nothing; exit 1 when no network qualifies")
    static final class NicPreview extends VmCommands.OnVm {
        @Option(names = "--host", paramLabel = "HOST", description = "choose for this host (needed while the VM is"
                + " not on one)")
        String host;

        @Option(names = "--requirements", paramLabel = "EXPR", description = "SCHED_REQUIREMENTS")
        String requirements = "";

        @Option(names = "--rank", paramLabel = "EXPR", description = "SCHED_RANK")
        String rank = "";

        @Option(names = "--json", description = "JSON output")
        boolean json;

        NicPreview(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Optional<ObjectRef> on = Optional.ofNullable(host).map(HostCommands::host);
            NetworkChoice choice = ctx.inventory().vms().previewNetwork(ctx.actor(), vmRef(), on, requirements, rank);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                choice.networkId().ifPresent(id -> m.put("network_id", id));
                choice.networkLabel().ifPresent(label -> m.put("network", label));
                m.put("reason", choice.reason());
                m.put("rejections", choice.rejections());
                Printer.json(ctx.out(), m);
            } else {
                if (choice.networkId().isPresent()) {
                    ctx.out().println(choice.reason());
                }
                choice.rejections().forEach(r -> ctx.out().println("rejected: " + r));
            }
            if (choice.networkId().isEmpty()) {
                // the rejections are on standard output already; the error line stays short
                ctx.err().println("error: " + (choice.rejections().isEmpty() ? choice.reason()
                        : "no network qualifies: " + Words.count(choice.rejections().size(), "network") + " rejected"));
                return Cli.FAILED;
            }
            return Cli.OK;
        }
    }

    @Command(name = "context", mixinStandardHelpOptions = true,
            description = "the VM's guest context as a context.sh (KEY=\"value\" lines: ETHi_*, GATEWAY_IFACE);"
                    + " warnings go to standard error")
    static final class Context extends VmCommands.OnVm {
        Context(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            GuestContext context = ctx.inventory().vms().context(ctx.actor(), vmRef());
            ctx.out().print(context.contextSh());
            context.warnings().forEach(w -> ctx.err().println("warning: " + Cli.oneLine(w)));
            return Cli.OK;
        }
    }
}
