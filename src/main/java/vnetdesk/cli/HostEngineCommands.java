package vnetdesk.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.VnetException;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.RemoteHosts;

/**
 * {@code host plan|apply|drift|sync}: the host engine over SSH for many
 * hosts at once. Every host's result is printed, also when another fails;
 * the exit code is 0 only when every host is fine (planned, applied, in
 * sync). Unknown host keys are refused here; {@code host trust} accepts them.
 */
final class HostEngineCommands {

    private HostEngineCommands() {
    }

    /** HOST… or --all. */
    static final class Targets {
        @Parameters(paramLabel = "HOST", arity = "0..*", description = "host ids or names")
        List<String> hosts = new ArrayList<>();

        @Option(names = "--all", description = "every host in the inventory")
        boolean all;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /**
         * The hosts named, each found before any is contacted, a host named
         * twice (by name and id) once; with {@code --all} every host.
         */
        List<ObjectRef> refs(CliContext ctx) {
            if (all != hosts.isEmpty()) {
                throw new ParameterException(spec.commandLine(), all ? "give HOST… or --all, not both"
                        : "give HOST… or --all");
            }
            Set<Integer> ids = new LinkedHashSet<>();
            if (all) {
                ctx.inventory().hosts().list(ctx.actor()).forEach(i -> ids.add(i.host().id()));
            } else {
                hosts.forEach(h -> ids.add(ctx.inventory().hosts().show(ctx.actor(), HostCommands.host(h)).host().id()));
            }
            return ids.stream().map(ObjectRef::id).toList();
        }
    }

    /** A command over many hosts: the context, the targets, and the CLI's refusal of unknown host keys. */
    abstract static class OnHosts implements Callable<Integer> {
        final CliContext ctx;
        final HostKeys.Refusing keys = new HostKeys.Refusing();

        @Mixin
        Targets targets;

        OnHosts(CliContext ctx) {
            this.ctx = ctx;
        }

        RemoteHosts remote() {
            return ctx.remoteHosts(keys);
        }

        HostPlanView view() {
            return new HostPlanView(ctx.out(), keys);
        }

        @Override
        public Integer call() {
            List<ObjectRef> refs = targets.refs(ctx);
            if (refs.isEmpty()) {
                ctx.out().println("no hosts in the inventory");
                return Cli.OK;
            }
            return run(refs);
        }

        abstract int run(List<ObjectRef> refs);

        /**
         * Asks before changing {@code hosts} (unless {@code yes}), applies,
         * prints each outcome as it finishes; OK when every one succeeded.
         */
        /** Reads and plans every host, a progress line telling how many are done. */
        List<PlanReport> planned(List<ObjectRef> refs) {
            try (ProgressLine line = ctx.progress()) {
                return remote().plan(ctx.actor(), refs, HostRunLine.planning(line, refs.size()));
            }
        }

        /** Reads and plans every host, printing each plan with {@code show}. */
        List<PlanReport> planShown(List<ObjectRef> refs, BiConsumer<HostPlanView, PlanReport> show) {
            List<PlanReport> plans = planned(refs);
            HostPlanView view = view();
            plans.forEach(p -> show.accept(view, p));
            return plans;
        }

        int applyConfirmed(List<ObjectRef> hosts, long changing, boolean yes) {
            if (changing > 0 && !HostKeys.confirm(ctx.terminal(),
                    "Apply to " + HostPlanView.count(changing, "host") + "? [y/N] ", yes)) {
                ctx.out().println("nothing applied");
                return Cli.FAILED;
            }
            HostPlanView view = view();
            List<ApplyResult> results;
            try (ProgressLine line = ctx.progress()) {
                results = remote().apply(ctx.actor(), hosts, HostRunLine.applying(line, hosts.size(), view::outcome));
            }
            return results.stream().allMatch(r -> r.outcome().result().success()) ? Cli.OK : Cli.FAILED;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "read each host and show what apply would change; changes nothing")
    static final class Plan extends OnHosts {
        @Option(names = "--json", description = "JSON output (steps with their commands and undo)")
        boolean json;

        @Option(names = "--commands", description = "also print the exact commands (a dry run)")
        boolean commands;

        Plan(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(List<ObjectRef> refs) {
            List<PlanReport> plans = planned(refs);
            if (json) {
                Printer.json(ctx.out(), HostPlanView.json(plans, keys));
            } else {
                HostPlanView view = view();
                plans.forEach(p -> view.plan(p, commands));
            }
            return plans.stream().anyMatch(p -> p.status() == PlanStatus.UNREACHABLE
                    || p.status() == PlanStatus.BLOCKED) ? Cli.FAILED : Cli.OK;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "show the plan, ask, and apply it to each host (atomically, rolled back on failure)")
    static final class Apply extends OnHosts {
        @Option(names = "--yes", description = "apply without asking")
        boolean yes;

        Apply(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(List<ObjectRef> refs) {
            List<PlanReport> plans = planShown(refs, (view, p) -> view.plan(p, false));
            long changing = plans.stream().filter(p -> p.status() == PlanStatus.CHANGES).count();
            return applyConfirmed(refs, changing, yes);
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = "show, per host, whether it differs from what the inventory implies, and how")
    static final class Drift extends OnHosts {
        Drift(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(List<ObjectRef> refs) {
            List<PlanReport> plans = planShown(refs, HostPlanView::drift);
            return plans.stream().allMatch(p -> p.status() == PlanStatus.IN_SYNC) ? Cli.OK : Cli.FAILED;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "apply to the hosts that drifted from what the inventory implies")
    static final class Sync extends OnHosts {
        @Option(names = "--yes", description = "apply without asking")
        boolean yes;

        Sync(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(List<ObjectRef> refs) {
            List<PlanReport> plans = planShown(refs, HostPlanView::drift);
            List<ObjectRef> drifted = plans.stream()
                    .filter(p -> p.status() == PlanStatus.CHANGES || p.status() == PlanStatus.BLOCKED)
                    .map(p -> ObjectRef.id(p.host().id())).toList();
            boolean allReached = plans.stream().noneMatch(p -> p.status() == PlanStatus.UNREACHABLE);
            if (drifted.isEmpty()) {
                return allReached ? Cli.OK : Cli.FAILED;
            }
            int applied = applyConfirmed(drifted, drifted.size(), yes);
            return allReached ? applied : Cli.FAILED;
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = "connect, show the host's key fingerprint and store it as trusted when you say so")
    static final class Trust extends HostCommands.OnHost {
        @Option(names = "--yes", description = "trust the offered key without asking")
        boolean yes;

        Trust(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            String name = ctx.inventory().hosts().show(ctx.actor(), hostRef()).host().name();
            HostKeys.Asking question = new HostKeys.Asking(name, yes, ctx.terminal(), ctx.out());
            try {
                ctx.remoteHosts(question).probe(ctx.actor(), hostRef());
            } catch (VnetException e) {
                if (question.offered().isPresent() && !question.trusted()) {
                    throw question.refusal();
                }
                if (question.trusted()) {
                    ctx.out().println("trusted: the key is stored in " + ctx.knownHostsFile());
                }
                throw e;
            }
            if (question.offered().isEmpty()) {
                ctx.out().println("host " + name + ": its key is already trusted; logged in");
            } else {
                ctx.out().println("trusted: the key is stored in " + ctx.knownHostsFile() + "; logged in");
            }
            return Cli.OK;
        }
    }

    @Command(name = "forget-key", mixinStandardHelpOptions = true,
            description = "remove the console's stored key of a host (its address and port), so the next"
                    + " connection asks again")
    static final class ForgetKey extends HostCommands.OnHost {
        ForgetKey(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            RemoteHosts.ForgottenKey f = ctx.remoteHosts(new HostKeys.Refusing()).forgetKey(ctx.actor(), hostRef());
            String which = " of host " + f.hostName() + " (" + f.knownHostsName() + ") in " + f.file();
            ctx.out().println(f.removed() == 0 ? "no key stored" + which + "; nothing to forget"
                    : "forgot " + HostPlanView.count(f.removed(), "key") + which);
            return Cli.OK;
        }
    }
}
