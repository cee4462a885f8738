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
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.service.NetworkTemplateService.TemplateSummary;
import vnetdesk.template.OneVnTemplateXml;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateWriter;

/**
 * {@code vntemplate create|list|show|update|delete|instantiate} (clone,
 * rename, lock, unlock, chown, chmod in {@link OwnedObjectCommands}).
 */
final class VntemplateCommands {

    private VntemplateCommands() {
    }

    @Command(name = "vntemplate", mixinStandardHelpOptions = true, description = "network templates",
            subcommands = {Create.class, ListTemplates.class, Show.class, Update.class, Delete.class,
                    Instantiate.class})
    static final class Group {
    }

    /** A command on one template. */
    abstract static class OnTemplate implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(index = "0", paramLabel = "TPL", description = "network template id or name")
        String template;

        OnTemplate(CliContext ctx) {
            this.ctx = ctx;
        }

        /** The template TPL names. */
        ObjectRef templateRef() {
            return ObjectRef.parse("VNTEMPLATE", template);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "create a template from a file (NAME, network attributes, optional AR = [ … ]); prints ID: <id>")
    static final class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "FILE", description = "template file, - for standard input")
        String file;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.out().println("ID: " + ctx.inventory().templates().allocate(ctx.actor(), VnetCommands.template(ctx, file)));
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "list the templates you may use")
    static final class ListTemplates implements Callable<Integer> {
        private final CliContext ctx;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onevntemplate list -x): a VNTEMPLATE_POOL")
        boolean xml;

        ListTemplates(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            List<TemplateSummary> rows = ctx.inventory().templates().list(ctx.actor());
            if (xml) {
                ctx.out().print(OneVnTemplateXml.writePool(rows.stream().map(VntemplateCommands::xmlEntry).toList()));
                return Cli.OK;
            }
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                rows.forEach(s -> out.add(json(s)));
                Printer.json(ctx.out(), out);
                return Cli.OK;
            }
            Table t = new Table("ID", "USER", "GROUP", "NAME", "DRIVER", "ARS", "LOCK").alignRight(0, 5);
            for (TemplateSummary s : rows) {
                NetworkTemplate tpl = s.template();
                t.row(tpl.id(), s.ownerName(), s.groupName(), tpl.name(),
                        tpl.body().single("VN_MAD").orElse(Views.NONE), tpl.addressRangeCount(),
                        tpl.lock().map(Enum::name).orElse(Views.NONE));
            }
            t.print(ctx.out());
            return Cli.OK;
        }
    }

    /**
     * The template as {@code onevntemplate show -x} writes it. REGTIME is 0: the inventory does
     * not record when a template was made.
     */
    static OneVnTemplateXml.Entry xmlEntry(TemplateSummary s) {
        NetworkTemplate t = s.template();
        return new OneVnTemplateXml.Entry(t.id(), t.name(), t.ownership(), t.lock(), 0, s.ownerName(),
                s.groupName(), t.body());
    }

    static Map<String, Object> json(TemplateSummary s) {
        NetworkTemplate t = s.template();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("user", s.ownerName());
        m.put("group", s.groupName());
        m.put("permissions", t.ownership().permissions().octal());
        t.lock().ifPresent(l -> m.put("lock", l.name()));
        m.put("template", TemplateWriter.write(t.withName()));
        return m;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "show a template in template syntax")
    static final class Show extends OnTemplate {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Option(names = "--xml", description = "OpenNebula XML (onevntemplate show -x): a VNTEMPLATE")
        boolean xml;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            SecgroupCommands.refuseJsonWithXml(spec, json, xml);
            if (xml) {
                TemplateSummary s = ctx.inventory().templates().show(ctx.actor(), templateRef());
                ctx.out().print(OneVnTemplateXml.write(xmlEntry(s)));
                return Cli.OK;
            }
            NetworkTemplate t = ctx.inventory().templates().info(ctx.actor(), templateRef());
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("name", t.name());
                m.put("uid", t.ownership().uid());
                m.put("gid", t.ownership().gid());
                m.put("permissions", t.ownership().permissions().octal());
                t.lock().ifPresent(l -> m.put("lock", l.name()));
                m.put("template", TemplateWriter.write(t.withName()));
                Printer.json(ctx.out(), m);
                return Cli.OK;
            }
            ctx.out().println("# network template " + t.label() + ", permissions "
                    + t.ownership().permissions().letters() + t.lock().map(l -> ", locked (" + l + ")").orElse(""));
            ctx.out().print(TemplateWriter.write(t.withName()));
            return Cli.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "replace the template's attributes (or with --append set some and add ARs)")
    static final class Update extends OnTemplate {
        @Parameters(index = "1", paramLabel = "FILE", description = "template file, - for standard input")
        String file;

        @Option(names = "--append", description = "merge into the current attributes instead of replacing them")
        boolean append;

        Update(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Template t = VnetCommands.template(ctx, file);
            ctx.inventory().templates().update(ctx.actor(), templateRef(), t, append);
            return Cli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "delete a template")
    static final class Delete extends OnTemplate {
        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ctx.inventory().templates().delete(ctx.actor(), templateRef());
            return Cli.OK;
        }
    }

    @Command(name = "instantiate", mixinStandardHelpOptions = true,
            description = "create a network from the template; FILE adds attributes and ARs; prints ID: <id>")
    static final class Instantiate extends OnTemplate {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "name of the new network")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
                description = "extra attributes and AR = [ … ] vectors, - for standard input")
        String file;

        Instantiate(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Template extra = file == null ? Template.empty() : VnetCommands.template(ctx, file);
            int id = ctx.inventory().templates().instantiate(ctx.actor(), templateRef(), name, extra);
            ctx.out().println("ID: " + id);
            if (ctx.inventory().queries().details(ctx.actor(), ObjectRef.id(id), 0).network()
                    .addressRanges().isEmpty()) {
                ctx.err().println("note: network " + id + ":" + name + " has no address range; add one with "
                        + "'vnet addar' before it can hand out addresses");
            }
            return Cli.OK;
        }
    }
}
