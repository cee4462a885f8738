package vnetdesk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vnetdesk.model.LeaseOwner;
import vnetdesk.service.QueryService.WhoisMatch;

/** {@code whois ADDR}: which network and AR contain an address, and who holds it. */
@Command(name = "whois", mixinStandardHelpOptions = true,
        description = "who holds an IPv4, IPv6 or MAC address anywhere in the inventory")
final class WhoisCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "ADDR", description = "IPv4, IPv6 or MAC address")
    String address;

    @Option(names = "--json", description = "JSON output")
    boolean json;

    WhoisCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<WhoisMatch> matches = ctx.inventory().queries().whois(ctx.actor(), address);
        String shown = address.trim();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            matches.forEach(m -> list.add(matchJson(m)));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("address", shown);
            out.put("matches", list);
            Printer.json(ctx.out(), out);
            return Cli.OK;
        }
        if (matches.isEmpty()) {
            ctx.out().println(shown + ": not in any network");
        }
        for (WhoisMatch m : matches) {
            String where = "network " + m.network().label() + ", AR " + m.arId();
            ctx.out().println(shown + ": " + (m.leaseOwner().isPresent() ? state(m) + " in " + where
                    : "free (" + where + ")"));
        }
        return Cli.OK;
    }

    /** "held (HOLD)", "reserved by NET:7 (reservation x)" or "used by VM:3 NIC:0". */
    private static String state(WhoisMatch m) {
        LeaseOwner owner = m.leaseOwner().orElseThrow();
        if (owner instanceof LeaseOwner.Hold) {
            return "held (HOLD)";
        }
        String described = m.owner().orElse(owner.label());
        return (owner instanceof LeaseOwner.Reservation ? "reserved by " : "used by ") + described;
    }

    private static Map<String, Object> matchJson(WhoisMatch m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("network_id", m.network().id());
        j.put("network_name", m.network().name());
        j.put("ar_id", m.arId());
        j.put("index", Long.toUnsignedString(m.index()));
        j.put("state", m.leaseOwner().isPresent() ? "used" : "free");
        m.leaseOwner().ifPresent(o -> j.put("owner", o.label()));
        m.owner().ifPresent(o -> j.put("owner_description", o));
        j.putAll(Views.addressesJson(m.addresses(), ""));
        return j;
    }
}
