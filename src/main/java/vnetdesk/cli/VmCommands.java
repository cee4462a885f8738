package vnetdesk.cli;

import java.util.ArrayList;
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
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmImportResult;
import vnetdesk.service.vm.VmService.Action;

/**
 * {@code vm create|list|show|update|delete|deploy} and the state changes
 * ({@code poweroff}, {@code resume} …), as OpenNebula's {@code onevm}; NICs
 * and the guest context in {@link VmNicCommands}, clone, rename, chown,
 * chmod, lock and unlock in {@link OwnedObjectCommands}.
 */
final class VmCommands {

    private VmCommands() {
    }

    /**
     * The {@code vm} group; its methods are the state changes, one command
     * each, that differ only in the {@link Action} they ask for.
     */
    @Command(name = "vm", mixinStandardHelpOptions = true, description = "virtual machines and their NICs",
            subcommands = {Create.class, ListVms.class, Show.class, Update.class, Delete.class, Deploy.class, Import.class,
                    VmNicCommands.NicAttach.class, VmNicCommands.NicDetach.class, VmNicCommands.NicPreview.class,
                    VmNicCommands.Context.class})
    static final class Group {
        private final CliContext ctx;

        Group(CliContext ctx) {
            this.ctx = ctx;
        }

        @Command(name = "poweroff", mixinStandardHelpOptions = true,
                description = "RUNNING → POWEROFF (it stays on its host)")
        int poweroff(@Parameters(paramLabel = "VM", description = "VM id or name") String vm) {
            return act(vm, Action.POWEROFF);
        }

        @Command(name = "resume", mixinStandardHelpOptions = true,
                description = "POWEROFF or SUSPENDED → RUNNING; STOPPED or UNDEPLOYED → PENDING")
        int resume(@Parameters(paramLabel = "VM", description = "VM id or name") String vm) {
            return act(vm, Action.RESUME);
        }

        @Command(name = "suspend", mixinStandardHelpOptions = true,
                description = "RUNNING → SUSPENDED (it stays on its host)")
        int suspend(@Parameters(paramLabel = "VM", description = "VM id or name") String vm) {
            return act(vm, Action.SUSPEND);
        }

        @Command(name = "stop", mixinStandardHelpOptions = true,
                description = "RUNNING → STOPPED (it leaves its host)")
        int stop(@Parameters(paramLabel = "VM", description = "VM id or name") String vm) {
            return act(vm, Action.STOP);
        }

        @Command(name = "undeploy", mixinStandardHelpOptions = true,
                description = "RUNNING or POWEROFF → UNDEPLOYED (it leaves its host, keeps its leases)")
        int undeploy(@Parameters(paramLabel = "VM", description = "VM id or name") String vm) {
            return act(vm, Action.UNDEPLOY);
        }

        @Command(name = "hold", mixinStandardHelpOptions = true, description = "PENDING → HOLD")
        int hold(@Parameters(paramLabel = "VM", description = "VM id or name") String vm) {
            return act(vm, Action.HOLD);
        }

        @Command(name = "release", mixinStandardHelpOptions = true, description = "HOLD → PENDING")
        int release(@Parameters(paramLabel = "VM", description = "VM id or name") String vm) {
            return act(vm, Action.RELEASE);
        }

        private int act(String vm, Action action) {
            ctx.inventory().vms().act(ctx.actor(), VmCommands.vm(vm), action);
            return Cli.OK;
        }
    }

    /** A VM the user named by id or name. */
    static ObjectRef vm(String text) {
        return ObjectRef.parse("VM", text);
    }

    /** A command on one VM: the context and the VM argument. */
    abstract static class OnVm implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(index = "0", paramLabel = "VM", description = "VM id or name")
        String vm;

        OnVm(CliContext ctx) {
            this.ctx = ctx;
        }

        ObjectRef vmRef() {
            return vm(vm);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "create a PENDING VM from an OpenNebula VM template (NAME, NIC = [ … ], other attributes);"
                    + " prints ID: <id>")
    static final class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "FILE", description = "VM template file, - for standard input")
        String file;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            int id = ctx.inventory().vms().create(ctx.actor(), VnetCommands.template(ctx, file));
            ctx.out().println("ID: " + id);
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "list the VMs you may see, each NIC as INDEX:ADDRESS")
    static final class ListVms implements Callable<Integer> {
        private final CliContext ctx;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onevm list -x)")
        boolean xml;

        ListVms(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (json && xml) {
                throw new ParameterException(spec.commandLine(), "--json and --xml cannot be used together");
            }
            if (xml) {
                ctx.out().print(ctx.inventory().interchange().exportVmPoolXml(ctx.actor()));
                return Cli.OK;
            }
            List<VmDetails> rows = ctx.inventory().vms().list(ctx.actor());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                rows.forEach(d -> out.add(VmShow.json(d)));
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = VmShow.listTable();
            rows.forEach(d -> VmShow.addListRow(t, d));
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "show a VM: state, host, user template and its NICs")
    static final class Show extends OnVm {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onevm show -x)")
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
                ctx.out().print(ctx.inventory().interchange().exportVmXml(ctx.actor(), List.of(vmRef())));
                return Cli.OK;
            }
            VmDetails d = ctx.inventory().vms().show(ctx.actor(), vmRef());
            if (json) {
                Printer.json(ctx.out(), VmShow.json(d));
            } else {
                VmShow.print(ctx.out(), d);
            }
            return Cli.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "import VMs from OpenNebula XML (onevm show -x, or a VM_POOL of onevm list -x), keeping"
                    + " their ids, NIC indexes and leases; all or nothing; prints ID: <id> per VM")
    static final class Import implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "FILE", description = "XML file, - for standard input")
        String file;

        Import(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String content = InputFiles.readImport(file, ctx.stdin());
            VmImportResult result = ctx.inventory().interchange().importVms(ctx.actor(), content,
                    InputFiles.sourceName(file));
            result.ids().forEach(id -> ctx.out().println("ID: " + id));
            result.notes().forEach(note -> ctx.err().println("note: " + note));
            return Cli.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "replace (or with --append merge) the VM's user template; NICs change with nic-attach and"
                    + " nic-detach")
    static final class Update extends OnVm {
        @Parameters(index = "1", paramLabel = "FILE", description = "template file, - for standard input")
        String file;

        @Option(names = "--append", description = "merge into the current attributes instead of replacing them")
        boolean append;

        Update(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().vms().update(ctx.actor(), vmRef(), VnetCommands.template(ctx, file), append);
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "delete a VM; every NIC's lease is released (OpenNebula's terminate)")
    static final class Delete extends OnVm {
        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().vms().delete(ctx.actor(), vmRef());
            return Cli.OK;
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "place a VM that is not on a host on HOST, RUNNING; automatic NICs get their network now")
    static final class Deploy extends OnVm {
        @Parameters(index = "1", paramLabel = "HOST", description = "host id or name")
        String host;

        Deploy(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().vms().deploy(ctx.actor(), vmRef(), HostCommands.host(host));
            return Cli.OK;
        }
    }
}
