package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f1;
import static vnetdesk.bench.BenchStats.millis;
import static vnetdesk.bench.BenchStats.verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import vnetdesk.host.plan.Command;
import vnetdesk.host.plan.Plan;
import vnetdesk.lab.Exec;
import vnetdesk.lab.LabHost;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.ssh.ExecResult;
import vnetdesk.ssh.SshSession;

/**
 * Host-engine row "against one ssh per command" (issue 11): the changes of
 * one host's plan — the commands of its steps, read once from the engine's
 * plan of a host reset to the taps alone — sent five ways, each from the
 * same reset host and each checked afterwards by an empty plan: without
 * SSH in the host's namespace (the floor every way pays), our MINA session
 * (log in, root check, every command on its own channel), our whole engine
 * apply (which also probes, reads, plans and reads back),
 * OpenSSH's client once per command as OpenNebula's drivers do, and the
 * same loop over one multiplexed OpenSSH connection (ControlMaster), the
 * best a shell script gets. Restore commands get their input on stdin.
 */
final class SshPerCommandBenchmark {

    private static final double TARGET_FACTOR = 10;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final HostBenchLab lab;
    private final int rounds;
    private final LabHost host;
    private final ObjectRef ref;
    private final Path knownHosts;

    SshPerCommandBenchmark(HostBenchLab lab, int rounds) {
        this.lab = lab;
        this.rounds = rounds;
        this.host = lab.hosts().get(0);
        this.ref = lab.refs().get(0);
        this.knownHosts = lab.dir().resolve("openssh_known_hosts");
    }

    void run() {
        try {
            Files.writeString(knownHosts, host.knownHostsLine() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lab.reset(host);
        Plan plan = lab.plan(ref);
        List<Command> commands = HostCompileBenchmark.commands(plan);
        long withInput = commands.stream().filter(c -> c.stdin().isPresent()).count();
        System.out.println();
        System.out.println("the changes of " + ref + ": " + plan.steps().size() + " steps, " + commands.size()
                + " commands (" + withInput + " with input on stdin): "
                + commands.stream().map(c -> c.line().split(" ")[0]).collect(Collectors.joining(", ")));
        String[] modes = {"no SSH: each command run directly in the host's namespace (the floor)",
            "MINA: one session, one exec channel per command",
            "HostEngine.apply of the host (probe, read, plan, commands, read-back, outcome recorded)",
            "OpenSSH: one `ssh host 'command'` per command (new connection each)",
            "OpenSSH: the same loop over one multiplexed connection (ControlMaster, set up in the loop)"};
        double[][] ms = new double[modes.length][rounds];
        for (int r = -1; r < rounds; r++) {
            StringBuilder line = new StringBuilder(r < 0 ? "warm-up:" : "round " + (r + 1) + ":");
            for (int m = 0; m < modes.length; m++) {
                lab.reset(host);
                long start = System.nanoTime();
                switch (m) {
                    case 0 -> locally(commands);
                    case 1 -> overSession(commands);
                    case 2 -> lab.apply(List.of(ref), HostApplyOutcome.Result.APPLIED);
                    case 3 -> openSshLoop(commands, List.of());
                    default -> multiplexedLoop(commands, r);
                }
                double took = millis(System.nanoTime() - start);
                if (!lab.plan(ref).isEmpty()) {
                    throw new IllegalStateException(modes[m] + " left the host out of sync: "
                            + lab.plan(ref).readableLines());
                }
                if (r >= 0) {
                    ms[m][r] = took;
                }
                line.append(' ').append(f0(took)).append(" ms");
            }
            System.out.println(line + "; load " + BenchStats.loadAverage());
        }
        BenchStats.Summary ours = BenchStats.Summary.of(ms[1]);
        BenchStats.Summary perCommand = BenchStats.Summary.of(ms[3]);
        System.out.println();
        System.out.println("| way (" + commands.size() + " commands, one host) | runs | median ms | min | max"
                + " | ms per command (median) | OpenSSH per command ÷ this |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int m = 0; m < modes.length; m++) {
            BenchStats.Summary s = BenchStats.Summary.of(ms[m]);
            System.out.println("| " + modes[m] + " | " + s.count() + " | " + f0(s.median()) + " | " + f0(s.min())
                    + " | " + f0(s.max()) + " | " + f1(s.median() / commands.size()) + " | "
                    + f1(perCommand.median() / s.median()) + " × |");
        }
        System.out.println();
        System.out.println("target: ours ≥ 10 × faster than one ssh per command: MINA session "
                + f1(perCommand.median() / ours.median()) + " × → "
                + verdict(perCommand.median() >= TARGET_FACTOR * ours.median()) + "; whole engine apply "
                + f1(perCommand.median() / BenchStats.Summary.of(ms[2]).median()) + " ×; the commands alone, without"
                + " SSH, take " + f0(BenchStats.Summary.of(ms[0]).median()) + " ms");
    }

    /** The commands without any SSH: what every way pays at least. */
    private void locally(List<Command> commands) {
        for (Command c : commands) {
            int status = run(Exec.inNamespace(host.namespace(), List.of("/bin/sh", "-c", c.line())),
                    c.stdin().orElse(""), c.line());
            if (status != 0) {
                throw new IllegalStateException("`" + c.line() + "` exited with " + status);
            }
        }
    }

    private void overSession(List<Command> commands) {
        try (SshSession session = lab.session(host)) {
            for (Command c : commands) {
                ExecResult r = session.exec(c.line(), c.stdin().orElse("").getBytes(StandardCharsets.UTF_8),
                        COMMAND_TIMEOUT);
                if (!r.succeeded()) {
                    throw new IllegalStateException("`" + c.line() + "` exited with " + r.exitStatus() + ": "
                            + r.stderr().strip());
                }
            }
        }
    }

    private void multiplexedLoop(List<Command> commands, int round) {
        List<String> mux = List.of("-o", "ControlMaster=auto", "-o", "ControlPath=" + lab.dir().resolve("cm" + (round
                + 1)), "-o", "ControlPersist=60");
        try {
            openSshLoop(commands, mux);
        } finally {
            List<String> exit = new ArrayList<>(ssh(mux));
            exit.addAll(List.of("-O", "exit", host.user() + "@" + host.address()));
            run(exit, "", "ssh -O exit");
        }
    }

    private void openSshLoop(List<Command> commands, List<String> extra) {
        for (Command c : commands) {
            List<String> argv = new ArrayList<>(ssh(extra));
            argv.add(host.user() + "@" + host.address());
            argv.add(c.line());
            int status = run(argv, c.stdin().orElse(""), c.line());
            if (status != 0) {
                throw new IllegalStateException("`" + c.line() + "` exited with " + status);
            }
        }
    }

    /** OpenSSH's client with the lab key, the lab host's key pinned, no user config, no prompts. */
    private List<String> ssh(List<String> extra) {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/ssh", "-F", "/dev/null", "-i",
                host.privateKey().toString(), "-p", Integer.toString(host.port()), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts, "-o", "LogLevel=ERROR"));
        argv.addAll(extra);
        return argv;
    }

    /** Runs a local command, feeds it {@code stdin} and closes it, and returns its exit status. */
    private static int run(List<String> argv, String stdin, String what) {
        try {
            Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + what);
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }
}
