package vnetdesk.host.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import vnetdesk.host.plan.Command;
import vnetdesk.host.plan.SavedTables;
import vnetdesk.host.state.Chain;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.RuleTable;

/** The apply protocol against a scripted host: reads answer from a queue, chosen commands fail. */
class ApplierTest {

    static final HostState BEFORE = new HostState(Map.of("eth0", new Device.Other("eth0", Optional.empty(),
            OptionalInt.empty())), Map.of(), RuleTable.EMPTY, RuleTable.EMPTY, RuleTable.EMPTY, Map.of(), Map.of());
    static final HostState DESIRED = new HostState(Map.of("onebr0", new Device.Bridge("onebr0", Optional.empty(), true,
            OptionalInt.empty())), Map.of(), new RuleTable(List.of("-A FORWARD -m physdev --physdev-is-bridged -j opennebula"),
            Map.of("opennebula", new Chain("-", List.of("-j ACCEPT")))), RuleTable.EMPTY, RuleTable.EMPTY, Map.of(),
            Map.of());
    static final HostState AFTER = new HostState(Map.of("eth0", new Device.Other("eth0", Optional.empty(),
            OptionalInt.empty()), "onebr0", new Device.Bridge("onebr0", Optional.empty(), true, OptionalInt.empty())),
            Map.of(), DESIRED.iptables(), RuleTable.EMPTY, RuleTable.EMPTY, Map.of(), Map.of());
    static final SavedTables SAVED = new SavedTables("*filter\nCOMMIT\n", "*filter\nCOMMIT\n", "");

    /** Answers reads from a queue of states and runs every command, failing those {@code fails} picks. */
    static final class ScriptedHost implements HostShell, StateReader {
        final Deque<HostState> reads = new ArrayDeque<>();
        final List<String> ran = new ArrayList<>();
        Predicate<Command> fails = c -> false;
        Predicate<Command> drops = c -> false;

        ScriptedHost(HostState... states) {
            reads.addAll(List.of(states));
        }

        @Override
        public CommandOutput run(Command command) {
            if (drops.test(command)) {
                throw new HostUnreachableException("root@10.0.0.1:22: connection lost while running " + command.line());
            }
            ran.add(command.line());
            return fails.test(command) ? new CommandOutput(2, "", "RTNETLINK answers: Operation not permitted\nmore")
                    : new CommandOutput(0, "", "");
        }

        @Override
        public Reading read(HostShell shell) {
            shell.run(Command.of("ip -j -d link show"));
            return new Reading(reads.size() > 1 ? reads.poll() : reads.peek(), SAVED);
        }
    }

    @Test
    void aHostAlreadyInTheDesiredStateRunsOnlyTheReads() {
        ScriptedHost host = new ScriptedHost(DESIRED);
        ApplyReport r = new Applier(host).apply(host, DESIRED, () -> false);
        assertEquals(ApplyReport.Outcome.NOTHING_TO_DO, r.outcome());
        assertEquals(0, r.changingCommands());
        assertEquals(List.of("ip -j -d link show"), host.ran);
    }

    @Test
    void allStepsRunThenTheHostIsReadBackAndVerified() {
        ScriptedHost host = new ScriptedHost(BEFORE, AFTER);
        ApplyReport r = new Applier(host).apply(host, DESIRED, () -> false);
        assertEquals(ApplyReport.Outcome.APPLIED, r.outcome(), r.message().orElse(""));
        assertEquals("ip -j -d link show", host.ran.get(0));
        assertEquals("ip -j -d link show", host.ran.get(host.ran.size() - 1));
        assertEquals(r.plan().steps().size(), r.changingCommands(), "each step's commands in one line: " + r.log());
        assertTrue(host.ran.contains("{ ip link add name onebr0 type bridge; } && { ip link set dev onebr0 alias"
                + " vnetdesk; } && { ip link set dev onebr0 up; }"), host.ran.toString());
    }

    @Test
    void aFailedStepRunsTheUndoOfEveryStepBegunLastFirstAndChecksTheHostIsAsBefore() {
        ScriptedHost host = new ScriptedHost(BEFORE, BEFORE);
        host.fails = c -> c.line().startsWith("iptables-restore -w --noflush");
        ApplyReport r = new Applier(host).apply(host, DESIRED, () -> false);
        assertEquals(ApplyReport.Outcome.FAILED_ROLLED_BACK, r.outcome());
        assertEquals(OptionalInt.of(2), r.failedStep());
        assertTrue(r.message().orElseThrow().contains("step 2 (iptables: create chain opennebula"), r.message().get());
        assertTrue(r.message().get().contains("RTNETLINK answers: Operation not permitted"), r.message().get());
        List<String> undo = r.log().stream().filter(c -> c.purpose() == ApplyReport.Purpose.UNDO)
                .map(ApplyReport.LoggedCommand::line).toList();
        assertEquals(List.of("iptables-restore -w", "ip link del dev onebr0 2>/dev/null || true"), undo);
        assertEquals("ip -j -d link show", host.ran.get(host.ran.size() - 1), "read after the rollback");
    }

    @Test
    void aRollbackThatDoesNotBringTheHostBackSaysSoAndWhatDiffers() {
        ScriptedHost host = new ScriptedHost(BEFORE, AFTER);
        host.fails = c -> c.line().startsWith("iptables-restore");
        ApplyReport r = new Applier(host).apply(host, DESIRED, () -> false);
        assertEquals(ApplyReport.Outcome.FAILED_NOT_ROLLED_BACK, r.outcome());
        assertTrue(r.message().orElseThrow().contains("left the host different from before"), r.message().get());
        assertTrue(r.message().get().contains("undo errors: iptables-restore -w"), r.message().get());
    }

    @Test
    void aHostThatReadsBackDifferentAfterTheLastStepIsRolledBack() {
        ScriptedHost host = new ScriptedHost(BEFORE, BEFORE, BEFORE);
        ApplyReport r = new Applier(host).apply(host, DESIRED, () -> false);
        assertEquals(ApplyReport.Outcome.FAILED_ROLLED_BACK, r.outcome());
        assertTrue(r.message().orElseThrow().contains("still differs"), r.message().get());
        assertTrue(r.log().stream().anyMatch(c -> c.purpose() == ApplyReport.Purpose.UNDO));
    }

    @Test
    void aConnectionLostMidApplyIsAFailureWhoseRollbackCannotReachTheHost() {
        ScriptedHost host = new ScriptedHost(BEFORE);
        host.drops = c -> c.line().startsWith("iptables-restore") || c.line().startsWith("ip link del");
        ApplyReport r = new Applier(host).apply(host, DESIRED, () -> false);
        assertEquals(ApplyReport.Outcome.FAILED_NOT_ROLLED_BACK, r.outcome());
        assertTrue(r.message().orElseThrow().contains("connection lost"), r.message().get());
        assertTrue(r.message().get().contains("rollback could not reach the host"), r.message().get());
    }

    @Test
    void aBlockedOrCancelledPlanRunsNothing() {
        HostState wrongKind = new HostState(Map.of("onebr0", new Device.Other("onebr0", Optional.empty(),
                OptionalInt.empty())), Map.of(), RuleTable.EMPTY, RuleTable.EMPTY, RuleTable.EMPTY, Map.of(), Map.of());
        ScriptedHost blocked = new ScriptedHost(wrongKind);
        ApplyReport r = new Applier(blocked).apply(blocked, DESIRED, () -> false);
        assertEquals(ApplyReport.Outcome.BLOCKED, r.outcome());
        assertEquals(0, r.changingCommands());
        ScriptedHost cancelled = new ScriptedHost(BEFORE);
        ApplyReport c = new Applier(cancelled).apply(cancelled, DESIRED, () -> true);
        assertEquals(ApplyReport.Outcome.CANCELLED, c.outcome());
        assertEquals(0, c.changingCommands());
    }
}
