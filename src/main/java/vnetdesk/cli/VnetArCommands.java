package vnetdesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vnetdesk.model.Numbers;
import vnetdesk.model.ValidationException;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;

/** {@code vnet addar|updatear|rmar}: the address ranges of a network. */
final class VnetArCommands {

    private VnetArCommands() {
    }

    /**
     * The AR attributes of a file: its one {@code AR = [ … ]} vector, or, when it
     * has none, its single attributes (the bare form {@code TYPE = IP4 …}).
     */
    static Map<String, String> arAttributes(Template t, String file) {
        List<TemplateAttribute.Vector> ars = t.vectors("AR");
        if (ars.size() > 1) {
            throw new ValidationException("AR", "AR: " + InputFiles.sourceName(file) + " holds " + ars.size()
                    + " address ranges; give one per command");
        }
        Map<String, String> a = new LinkedHashMap<>();
        if (ars.size() == 1) {
            ars.get(0).entries().forEach(e -> a.put(e.name(), e.value()));
        } else {
            t.singles().forEach(s -> a.put(s.name(), s.value()));
        }
        return a;
    }

    @Command(name = "addar", mixinStandardHelpOptions = true,
            description = "add an address range from FILE or from options; prints AR_ID: <id>")
    static final class AddAr extends NetworkCommand {
        @Spec
        CommandSpec spec;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
                description = "file with AR = [ ... ], - for standard input")
        String file;

        @Option(names = "--type", paramLabel = "T", description = "IP4, IP6, IP6_STATIC, IP4_6, IP4_6_STATIC or ETHER")
        String type;

        @Option(names = "--ip", paramLabel = "IP", description = "first IPv4 address")
        String ip;

        @Option(names = "--size", paramLabel = "N", description = "number of addresses")
        String size;

        @Option(names = "--mac", paramLabel = "M", description = "first MAC address (default: derived or random)")
        String mac;

        @Option(names = "--ip6", paramLabel = "A", description = "first IPv6 address (static types)")
        String ip6;

        @Option(names = "--prefix-length", paramLabel = "L", description = "IPv6 prefix length (static types)")
        String prefixLength;

        @Option(names = "--global-prefix", paramLabel = "P", description = "global /64 prefix (SLAAC types)")
        String globalPrefix;

        @Option(names = "--ula-prefix", paramLabel = "P", description = "unique local /64 prefix (SLAAC types)")
        String ulaPrefix;

        AddAr(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Map<String, String> options = fromOptions();
            if (file != null && !options.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give either FILE or the AR options, not both");
            }
            if (file == null && options.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give FILE or at least --type");
            }
            Map<String, String> attributes = file != null
                    ? arAttributes(VnetCommands.template(ctx, file), file) : options;
            int id = ctx.inventory().networks().addAr(ctx.actor(), network(), attributes);
            ctx.out().println("AR_ID: " + id);
            Views.warnOverlaps(ctx, network());
            return Cli.OK;
        }

        private Map<String, String> fromOptions() {
            Map<String, String> a = new LinkedHashMap<>();
            put(a, "TYPE", type);
            put(a, "IP", ip);
            put(a, "SIZE", size == null ? null : wholeNumber("--size", size));
            put(a, "MAC", mac);
            put(a, "IP6", ip6);
            put(a, "PREFIX_LENGTH", prefixLength == null ? null : wholeNumber("--prefix-length", prefixLength));
            put(a, "GLOBAL_PREFIX", globalPrefix);
            put(a, "ULA_PREFIX", ulaPrefix);
            return a;
        }

        private static void put(Map<String, String> a, String name, String value) {
            if (value != null) {
                a.put(name, value);
            }
        }
    }

    /** Checks the shape of a number option here so the error names the option; the range is the service's. */
    static String wholeNumber(String option, String text) {
        if (!text.trim().matches("[0-9]{1,40}")) {
            throw ValidationException.invalid(option, text, "expected a whole number");
        }
        return text.trim();
    }

    @Command(name = "updatear", mixinStandardHelpOptions = true,
            description = "update an address range; FILE holds AR = [ AR_ID = ..., SIZE = ..., ... ]")
    static final class UpdateAr extends NetworkCommand {

        @Parameters(index = "1", paramLabel = "FILE", description = "file with AR = [ AR_ID = ... ], - for standard input")
        String file;

        UpdateAr(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Map<String, String> attributes = arAttributes(VnetCommands.template(ctx, file), file);
            ctx.inventory().networks().updateAr(ctx.actor(), network(), attributes);
            Views.warnOverlaps(ctx, network());
            return Cli.OK;
        }
    }

    @Command(name = "rmar", mixinStandardHelpOptions = true,
            description = "remove an address range; refused while it has used leases unless --force")
    static final class RmAr extends NetworkCommand {

        @Parameters(index = "1", paramLabel = "AR_ID", description = "the address range id")
        String arId;

        @Option(names = "--force", description = "remove it even with used leases (they are dropped and listed)")
        boolean force;

        RmAr(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            int id = Numbers.parseInt("AR_ID", arId, 0, Integer.MAX_VALUE);
            List<String> dropped = ctx.inventory().networks().removeAr(ctx.actor(), network(), id, force);
            for (String lease : dropped) {
                ctx.out().println("dropped lease " + lease);
            }
            return Cli.OK;
        }
    }

    /** Parses an optional {@code --ar} value. */
    static Optional<Integer> arOption(String text) {
        return Optional.ofNullable(text).map(t -> Numbers.parseInt("--ar", t, 0, Integer.MAX_VALUE));
    }
}
