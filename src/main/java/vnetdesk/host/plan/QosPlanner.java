package vnetdesk.host.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.host.Shell;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.TapQos;

/**
 * The traffic-control part of a plan, per tap that is on the host: inbound
 * shaping by an htb class on the tap's root, outbound policing by a u32
 * police filter on its ingress qdisc. Values are written in bytes
 * ({@code bps}, {@code b}) so they read back as they were asked for. Only
 * taps named like a NIC's are ever touched.
 */
final class QosPlanner {

    private QosPlanner() {
    }

    static List<Step> plan(Map<String, TapQos> actual, Map<String, TapQos> desired, Map<String, Device> devices,
                           List<String> notes) {
        List<Step> steps = new ArrayList<>();
        java.util.TreeSet<String> taps = new java.util.TreeSet<>(actual.keySet());
        taps.addAll(desired.keySet());
        for (String tap : taps) {
            TapQos want = desired.getOrDefault(tap, new TapQos(tap, Optional.empty(), Optional.empty()));
            TapQos have = actual.getOrDefault(tap, new TapQos(tap, Optional.empty(), Optional.empty()));
            if (!devices.containsKey(tap)) {
                if (!want.isEmpty()) {
                    notes.add("tap " + tap + " is not on the host yet: its QoS is set when a plan runs after it"
                            + " appears");
                }
                continue;
            }
            List<Command> commands = new ArrayList<>();
            List<Command> undo = new ArrayList<>();
            List<String> what = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            if (!want.inbound().equals(have.inbound())) {
                commands.addAll(inbound(tap, want.inbound()));
                undo.addAll(inbound(tap, have.inbound()));
                what.add(want.inbound().map(s -> "shape inbound to " + s.rate() + " B/s (peak " + s.ceil()
                        + " B/s, burst " + s.burst() + " B)").orElse("remove inbound shaping"));
                changes.add(new Change(Change.Kind.TAP_QOS, tap,
                        want.inbound().isPresent() ? Change.Action.SET : Change.Action.REMOVE,
                        "inbound shaping of tap " + tap + want.inbound().map(s -> " to " + s.rate() + " B/s (peak "
                                + s.ceil() + " B/s, burst " + s.burst() + " B)").orElse("")));
            }
            if (!want.outbound().equals(have.outbound())) {
                commands.addAll(outbound(tap, want.outbound()));
                undo.addAll(outbound(tap, have.outbound()));
                what.add(want.outbound().map(p -> "police outbound at " + p.rate() + " B/s (burst " + p.burst()
                        + " B)").orElse("remove outbound policing"));
                changes.add(new Change(Change.Kind.TAP_QOS, tap,
                        want.outbound().isPresent() ? Change.Action.SET : Change.Action.REMOVE,
                        "outbound policing of tap " + tap + want.outbound().map(p -> " at " + p.rate()
                                + " B/s (burst " + p.burst() + " B)").orElse("")));
            }
            if (!commands.isEmpty()) {
                steps.add(new Step("tap " + tap, String.join("; ", what), commands, undo, changes));
            }
        }
        return steps;
    }

    private static List<Command> inbound(String tap, Optional<TapQos.Shaping> shaping) {
        String dev = Shell.quote("tap", tap);
        List<Command> c = new ArrayList<>();
        c.add(Command.of("tc qdisc del dev " + dev + " root 2>/dev/null || true"));
        shaping.ifPresent(s -> {
            c.add(Command.of("tc qdisc add dev " + dev + " root handle 1: htb default 1"));
            c.add(Command.of("tc class add dev " + dev + " parent 1: classid 1:1 htb rate " + s.rate() + "bps ceil "
                    + s.ceil() + "bps burst " + s.burst() + "b"));
        });
        return c;
    }

    private static List<Command> outbound(String tap, Optional<TapQos.Policing> policing) {
        String dev = Shell.quote("tap", tap);
        List<Command> c = new ArrayList<>();
        c.add(Command.of("tc qdisc del dev " + dev + " ingress 2>/dev/null || true"));
        policing.ifPresent(p -> {
            c.add(Command.of("tc qdisc add dev " + dev + " handle ffff: ingress"));
            c.add(Command.of("tc filter add dev " + dev + " parent ffff: protocol all prio 1 u32 match u32 0 0"
                    + " police rate " + p.rate() + "bps burst " + p.burst() + "b drop flowid :1"));
        });
        return c;
    }
}
