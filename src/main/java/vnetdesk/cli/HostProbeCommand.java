package vnetdesk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vnetdesk.model.Driver;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Host;
import vnetdesk.service.host.HostReports.ProbeReport;

/**
 * {@code host probe HOST}: logs in and reports what the host offers —
 * kernel features, tools, how commands get root — and which drivers it can
 * run, with the reasons for those it cannot.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "log in and show the host's kernel features, tools, privilege and the drivers it can run")
final class HostProbeCommand extends HostCommands.OnHost {

    private static final String LABEL = "%-20s: %s%n";

    @Option(names = "--json", description = "JSON output")
    boolean json;

    HostProbeCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Host host = ctx.inventory().hosts().show(ctx.actor(), hostRef()).host();
        HostKeys.Refusing keys = new HostKeys.Refusing();
        ProbeReport r;
        try {
            r = ctx.remoteHosts(keys).probe(ctx.actor(), hostRef());
        } catch (VnetException e) {
            throw new VnetException(keys.explain(host, e.getMessage()), e);
        }
        if (json) {
            Printer.json(ctx.out(), json(host, r));
            return Cli.OK;
        }
        ctx.out().println("HOST " + host.name() + " (" + host.connection().user() + "@" + host.address() + ":"
                + host.connection().port() + ")");
        ctx.out().printf(LABEL, "KERNEL", r.kernelRelease());
        ctx.out().printf(LABEL, "PRIVILEGE", r.privilege());
        List<String> features = new ArrayList<>();
        r.features().forEach((f, a) -> features.add(f + " " + a));
        ctx.out().printf(LABEL, "FEATURES", String.join(", ", features));
        ctx.out().printf(LABEL, "TOOLS", list(r.tools()));
        ctx.out().printf(LABEL, "MISSING TOOLS", list(r.missingTools()));
        ctx.out().println("DRIVERS");
        r.drivers().forEach((d, why) -> ctx.out().printf("  " + LABEL, d.mad(),
                why.isEmpty() ? "can run" : "cannot run: " + String.join("; ", why)));
        if (!r.messages().isEmpty()) {
            ctx.out().println("NOTES");
            r.messages().forEach(m -> ctx.out().println("  " + HostCommands.printableLine(m)));
        }
        return Cli.OK;
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? Views.NONE : String.join(", ", values);
    }

    private static Map<String, Object> json(Host host, ProbeReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", host.id());
        m.put("name", host.name());
        m.put("kernel", r.kernelRelease());
        m.put("privilege", r.privilege());
        m.put("features", r.features());
        m.put("tools", r.tools());
        m.put("missing_tools", r.missingTools());
        Map<String, Object> drivers = new LinkedHashMap<>();
        for (Map.Entry<Driver, List<String>> e : r.drivers().entrySet()) {
            drivers.put(e.getKey().mad(), Map.of("can_run", e.getValue().isEmpty(), "reasons", e.getValue()));
        }
        m.put("drivers", drivers);
        m.put("notes", r.messages());
        return m;
    }
}
