package vnetdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vnetdesk.model.ObjectRef;
import vnetdesk.service.QueryService.NetworkSummary;
import vnetdesk.service.interchange.ImportResult;

/** {@code import FILE} and {@code export}: OpenNebula XML (the default), template syntax and JSON backups. */
final class InterchangeCommands {

    private InterchangeCommands() {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"import networks from OpenNebula XML (onevnet show -x), template syntax or a JSON backup;"
                    + " prints ID: <id> per network.",
                    "Also security groups (onesecgroup show|list -x, secgroup list --xml; prints SECGROUP ID: <id>)"
                            + " and network templates (onevntemplate show|list -x, vntemplate list --xml; prints"
                            + " VNTEMPLATE ID: <id>); an object this inventory already holds unchanged (same id,"
                            + " name and content) is skipped with a line saying so."})
    static final class Import implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "FILE", description = "file to import, - for standard input")
        String file;

        @Option(names = "--as-new", description = "XML: make the networks (security groups, templates) new ones of"
                + " yours (new ids, you the owner), as copies; without it an administrator's import keeps the"
                + " file's ids and owners (a user's import always makes copies)")
        boolean asNew;

        Import(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String content = InputFiles.readImport(file, ctx.stdin());
            ImportResult result;
            try (ProgressLine progress = ctx.progress()) {
                result = ctx.inventory().interchange().importDocument(ctx.actor(), content,
                        InputFiles.sourceName(file), asNew, progress);
            }
            result.networks().forEach(id -> ctx.out().println("ID: " + id));
            result.securityGroups().forEach(id -> ctx.out().println("SECGROUP ID: " + id));
            result.networkTemplates().forEach(id -> ctx.out().println("VNTEMPLATE ID: " + id));
            result.notes().forEach(ctx.out()::println);
            return Cli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"export networks as OpenNebula XML (the default), a JSON backup or templates.",
                    "XML: onevnet show -x, one <VNET> for one network, else a <VNET_POOL>; without NET every"
                            + " network you can use; a named network brings its parent and reservations.",
                    "--json: the backup of the whole inventory without NET (oneadmin only), else of the named"
                            + " networks with their parents and reservations.",
                    "--template: template syntax, one per network (every network you can use without NET)."})
    static final class Export implements Callable<Integer> {
        private final CliContext ctx;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Format format;

        @Parameters(arity = "0..*", paramLabel = "NET", description = "network ids or names")
        List<String> networks = new ArrayList<>();

        /** One output format. */
        static final class Format {
            @Option(names = "--json", required = true, description = "JSON backup (import restores ids and owners)")
            boolean json;

            @Option(names = "--template", required = true, description = "OpenNebula template syntax, one per network")
            boolean template;
        }

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (format != null && format.template) {
                printTemplates();
                return Cli.OK;
            }
            String text;
            try (ProgressLine progress = ctx.progress()) {
                text = format == null ? ctx.inventory().interchange().exportXml(ctx.actor(), named(), progress)
                        : ctx.inventory().interchange().exportJson(ctx.actor(), named(), progress);
            }
            printText(text);
            return Cli.OK;
        }

        private List<ObjectRef> named() {
            return networks.stream().map(NetworkCommand::network).toList();
        }

        private void printTemplates() {
            List<ObjectRef> refs = named();
            if (refs.isEmpty()) {
                refs = ctx.inventory().queries().list(ctx.actor()).stream()
                        .map(NetworkSummary::network).map(n -> ObjectRef.id(n.id())).toList();
            }
            // every template is computed before anything is printed, so a bad NET leaves no partial output
            List<String> texts = new ArrayList<>();
            try (ProgressLine progress = ctx.progress()) {
                progress.phase("exporting networks");
                for (ObjectRef ref : refs) {
                    texts.add(ctx.inventory().interchange().exportTemplate(ctx.actor(), ref));
                    progress.step(texts.size(), refs.size());
                }
            }
            for (int i = 0; i < texts.size(); i++) {
                if (i > 0) {
                    ctx.out().println();
                }
                printText(texts.get(i));
            }
        }

        private void printText(String text) {
            ctx.out().print(text);
            if (!text.endsWith("\n")) {
                ctx.out().println();
            }
        }
    }
}
