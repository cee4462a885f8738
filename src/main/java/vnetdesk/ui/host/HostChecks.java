package vnetdesk.ui.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.model.Actor;
import vnetdesk.service.host.HostKeyRefusedException;
import vnetdesk.service.host.HostReports.ProbeReport;
import vnetdesk.service.host.RemoteHosts;
import vnetdesk.service.host.RemoteHosts.ForgottenKey;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/**
 * One login to one host from the console — the host form's Test connection
 * and the Hosts view's Probe — run on the task runner's pool, its end told
 * in words. A changed host key becomes the blocking warning with both
 * fingerprints, and its deliberate "forget the old key" is carried out in
 * the background, so both actions treat a host key alike. An unknown key and
 * a password are asked by {@link ConsoleHosts} itself while the login waits.
 */
final class HostChecks {

    /** How a check ended. */
    enum Result {
        /** Logged in and probed. */
        CONNECTED,
        /** Not connected: unreachable, login or trust refused, probe failed… */
        FAILED,
        /** The host offered a changed key; the user kept the trusted one. */
        KEY_KEPT,
        /** The host offered a changed key; the user had the old one forgotten, so the next login asks. */
        KEY_FORGOTTEN
    }

    /**
     * A check's end: the line to show, the drivers the host cannot run (with
     * why), more lines worth a look (the probe's features, missing tools and
     * notes), and for {@link Result#FAILED} what failed.
     */
    record Outcome(Result result, String text, List<String> unsupported, List<String> details,
                   Optional<Throwable> error) {
        Outcome {
            unsupported = List.copyOf(unsupported);
            details = List.copyOf(details);
        }

        static Outcome of(Result result, String text) {
            return new Outcome(result, text, List.of(), List.of(), Optional.empty());
        }

        static Outcome failed(String text, Throwable error) {
            return new Outcome(Result.FAILED, text, List.of(), List.of(), Optional.of(error));
        }

        /** The text and the drivers the host cannot run, in one line (a notice). */
        String line() {
            List<String> parts = new ArrayList<>(List.of(text));
            parts.addAll(unsupported);
            return String.join("; ", parts);
        }
    }

    /**
     * One check: what the status bar shows, the login used ({@code user}),
     * what the user clicks to try again ("Test connection", "Probe"), how to
     * connect and probe, and how to forget the host's stored key.
     */
    record Check(String title, String user, String again, Function<RemoteHosts, ProbeReport> connect,
                 Function<RemoteHosts, ForgottenKey> forget) {
    }

    private final ConsoleHosts hosts;
    private final TaskRunner runner;
    private final Actor actor;

    HostChecks(ConsoleHosts hosts, Actor actor, TaskRunner runner) {
        this.hosts = hosts;
        this.actor = actor;
        this.runner = runner;
    }

    /** The user the checks act as (the service's permission checks). */
    Actor actor() {
        return actor;
    }

    /**
     * Logs in and probes on the pool; {@code done} hears the end on the UI
     * thread. A cancel never interrupts it (an interrupt during the engine's
     * inventory read would close the database): the login it let finish is
     * told as it ended; only a check cancelled before it started is "cancelled".
     */
    void run(Check check, Consumer<Outcome> done) {
        runner.runOnHosts(check.title(), progress -> check.connect().apply(hosts.remote()),
                report -> done.accept(new Outcome(Result.CONNECTED, ProbeSummary.connected(check.user(), report),
                        ProbeSummary.unsupported(report), ProbeSummary.details(report), Optional.empty())),
                e -> failed(check, e, done),
                () -> done.accept(Outcome.of(Result.FAILED, check.again() + " was cancelled")));
    }

    private void failed(Check check, Throwable e, Consumer<Outcome> done) {
        if (!(e instanceof HostKeyRefusedException changed)) {
            done.accept(Outcome.failed(ErrorText.message(e), e));
            return;
        }
        String login = check.user() + "@" + (changed.address().indexOf(':') >= 0 ? "[" + changed.address() + "]"
                : changed.address()) + ":" + changed.port();
        if (!hosts.askForgetChangedKey(login, changed.storedFingerprint(), changed.offeredFingerprint(),
                changed.storedAt())) {
            done.accept(Outcome.of(Result.KEY_KEPT, "Connection refused: the host key of " + login
                    + " has changed. The trusted key (" + changed.storedFingerprint() + ") is kept."));
            return;
        }
        // no SSH here, only the inventory and the known_hosts file: the ordered lane
        runner.run("Forgetting the old host key of " + login, () -> check.forget().apply(hosts.remote()),
                forgotten -> done.accept(Outcome.of(Result.KEY_FORGOTTEN, forgottenText(check, login, changed,
                        forgotten))),
                f -> done.accept(Outcome.failed("The old key of " + login + " could not be forgotten: "
                        + ErrorText.message(f), f)));
    }

    private static String forgottenText(Check check, String login, HostKeyRefusedException changed,
                                        ForgottenKey forgotten) {
        if (forgotten.removed() == 0) {
            // the refused entry is in a file the console only reads (the user's own known_hosts)
            return "No key of " + login + " is stored in the console's " + forgotten.file()
                    + "; the old key comes from " + changed.storedAt() + ", which the console never changes."
                    + " Remove it there (ssh-keygen -R) once the new key is confirmed.";
        }
        return "The old key of " + login + " is forgotten (" + forgotten.removed()
                + (forgotten.removed() == 1 ? " entry" : " entries") + " removed from " + forgotten.file()
                + "). The next " + check.again() + " shows the new key's fingerprint and asks whether to trust it.";
    }
}
