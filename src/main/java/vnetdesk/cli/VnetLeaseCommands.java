package vnetdesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vnetdesk.model.Lease;
import vnetdesk.model.Numbers;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.QueryService.FreeRange;
import vnetdesk.service.ReservationService;

/** {@code vnet hold|release|reserve|leases|free}: the addresses of a network. */
final class VnetLeaseCommands {

    /** Leases fetched per query by {@code vnet leases}; output is written page by page. */
    static final int LEASE_PAGE = 10_000;

    /** Most free ranges {@code vnet free} lists; a fragmented /8 could otherwise fill the memory. */
    static final int FREE_LIMIT = 100_000;

    private VnetLeaseCommands() {
    }

    /** NET, ADDR… and --ar, shared by hold and release (picocli reads inherited fields). */
    abstract static class AddressListCommand extends NetworkCommand {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ADDR",
                description = "IPv4, IPv6 or MAC address, or FIRST-LAST range")
        List<String> addresses;

        @Option(names = "--ar", paramLabel = "AR_ID", description = "only look in this address range")
        String ar;

        AddressListCommand(CliContext ctx) {
            super(ctx);
        }
    }

    @Command(name = "hold", mixinStandardHelpOptions = true,
            description = "hold addresses (never assigned automatically); all or nothing")
    static final class Hold extends AddressListCommand {
        Hold(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            try (ProgressLine progress = ctx.progress()) {
                ctx.inventory().leases().hold(ctx.actor(), network(), addresses, VnetArCommands.arOption(ar), progress);
            }
            return Cli.OK;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "release held addresses; all or nothing")
    static final class Release extends AddressListCommand {
        Release(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            try (ProgressLine progress = ctx.progress()) {
                ctx.inventory().leases().release(ctx.actor(), network(), addresses, VnetArCommands.arOption(ar),
                        progress);
            }
            return Cli.OK;
        }
    }

    @Command(name = "reserve", mixinStandardHelpOptions = true,
            description = "reserve a block of addresses into a new or existing reservation; prints ID: <id>")
    static final class Reserve extends NetworkCommand {

        @Option(names = "--size", required = true, paramLabel = "N", description = "number of addresses")
        String size;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--ar", paramLabel = "AR_ID", description = "reserve from this address range")
        String ar;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Start start;

        /** Where the addresses go. */
        static final class Target {
            @Option(names = "--name", required = true, paramLabel = "NEW", description = "name of a new reservation")
            String name;

            @Option(names = "--into", required = true, paramLabel = "NET2", description = "an existing reservation")
            String into;
        }

        /** Where the block starts. */
        static final class Start {
            @Option(names = "--ip", required = true, paramLabel = "IP", description = "first IPv4/IPv6 address")
            String ip;

            @Option(names = "--mac", required = true, paramLabel = "MAC", description = "first MAC address")
            String mac;
        }

        Reserve(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            long n = Numbers.parseLong("--size", size, 1, Long.MAX_VALUE);
            Optional<String> first = start == null ? Optional.empty()
                    : Optional.ofNullable(start.ip).or(() -> Optional.ofNullable(start.mac));
            Optional<ObjectRef> into = Optional.ofNullable(target.into).map(NetworkCommand::network);
            ReservationService.Request r = new ReservationService.Request(n, Optional.ofNullable(target.name), into,
                    VnetArCommands.arOption(ar), first);
            int id = ctx.inventory().reservations().reserve(ctx.actor(), network(), r);
            ctx.out().println("ID: " + id);
            return Cli.OK;
        }
    }

    @Command(name = "leases", mixinStandardHelpOptions = true, description = "list every used lease of a network")
    static final class Leases extends NetworkCommand {

        @Option(names = "--json", description = "JSON output")
        boolean json;

        Leases(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Table table = Views.leaseTable();
            Printer.JsonArray array = null;
            int afterAr = 0;
            OptionalLong afterIndex = OptionalLong.empty();
            List<Lease> page;
            do {
                page = ctx.inventory().queries().leasePage(ctx.actor(), network(), afterAr, afterIndex, LEASE_PAGE);
                if (json && array == null) {
                    // opened after the first page so an unknown network prints no stray "["
                    array = new Printer.JsonArray(ctx.out());
                }
                Map<String, String> described = ctx.inventory().queries().ownerDescriptions(page);
                for (Lease l : page) {
                    String owner = described.getOrDefault(l.owner().label(), l.owner().label());
                    if (json) {
                        array.add(Views.leaseJson(l, owner));
                    } else {
                        Views.addLeaseRow(table, l, owner);
                    }
                }
                if (!json) {
                    table.printPage(ctx.out());
                }
                if (!page.isEmpty()) {
                    Lease last = page.get(page.size() - 1);
                    afterAr = last.arId();
                    afterIndex = OptionalLong.of(last.index());
                }
            } while (page.size() == LEASE_PAGE);
            if (array != null) {
                array.close();
            }
            return Cli.OK;
        }
    }

    @Command(name = "free", mixinStandardHelpOptions = true, description = "list the free addresses as ranges")
    static final class Free extends NetworkCommand {

        @Option(names = "--json", description = "JSON output")
        boolean json;

        Free(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            List<FreeRange> ranges = ctx.inventory().queries().freeRanges(ctx.actor(), network(), FREE_LIMIT);
            if (json) {
                Printer.json(ctx.out(), ranges.stream().map(Free::rangeJson).toList());
            } else {
                Table t = new Table("AR", "FIRST", "LAST", "COUNT").alignRight(0, 3);
                ranges.forEach(r -> t.row(r.arId(), r.first().primary(), r.last().primary(), r.count()));
                t.print(ctx.out());
            }
            if (ranges.size() >= FREE_LIMIT) {
                ctx.err().println("note: only the first " + FREE_LIMIT + " free ranges are listed");
            }
            return Cli.OK;
        }

        private static Map<String, Object> rangeJson(FreeRange r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ar_id", r.arId());
            m.put("first", r.first().primary());
            m.put("last", r.last().primary());
            m.put("count", r.count());
            m.put("first_mac", r.first().mac().toString());
            m.put("last_mac", r.last().mac().toString());
            return m;
        }
    }
}
