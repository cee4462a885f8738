package vnetdesk.host.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import vnetdesk.host.Shell;
import vnetdesk.host.state.Device;

/**
 * The device part of a plan: bridges and 802.1Q/VXLAN devices the console
 * creates (marked with {@link Device#MARKER}), ports enslaved to their
 * bridge, MTUs, and devices that go. A device the console did not create is
 * never changed beyond enslaving it, and never removed; one that is in the
 * way (same name, other kind) blocks the plan.
 */
final class DevicePlanner {

    private DevicePlanner() {
    }

    /** Steps that create or fix devices and ports: they run before the firewall. */
    static List<Step> build(Map<String, Device> actual, Map<String, Device> desired, List<String> blockers,
                            List<String> notes) {
        List<Step> created = new ArrayList<>();
        List<Step> enslaved = new ArrayList<>();
        for (Device want : ordered(desired)) {
            Device have = actual.get(want.name());
            if (want instanceof Device.Other) {
                if (have == null) {
                    if (isTap(want.name())) {
                        notes.add("tap " + want.name() + " is not on the host yet: its firewall is loaded now and"
                                + " filters it from its first packet; the hypervisor attaches it");
                    } else {
                        blockers.add("device " + want.name() + " (PHYDEV) is not on the host");
                    }
                    continue;
                }
            } else if (have == null) {
                if (parentMissing(want, actual, blockers)) {
                    continue;
                }
                created.add(new Step(subject(want), "create " + describe(want), create(want),
                        List.of(Command.of("ip link del dev " + q(want.name()) + " 2>/dev/null || true")),
                        change(want, Change.Action.CREATE, describe(want))));
                have = want.withMaster(Optional.empty());
            } else if (!sameKind(have, want)) {
                if (!have.owned()) {
                    blockers.add(describe(have) + " is on the host but is not " + describe(want)
                            + "; it was not created by vnetdesk, so it is left alone");
                    continue;
                }
                created.add(new Step(subject(want), "replace " + describe(have) + " by " + describe(want),
                        join(List.of(Command.of("ip link del dev " + q(have.name()))), create(want)),
                        join(List.of(Command.of("ip link del dev " + q(want.name()) + " 2>/dev/null || true")),
                                create(have)),
                        change(want, Change.Action.REPLACE, describe(have) + " by " + describe(want))));
                have = want.withMaster(Optional.empty());
            } else if (want.mtu().isPresent() && !want.mtu().equals(have.mtu()) && !have.owned()) {
                // a host's own uplink bridge may carry the host's traffic too: its MTU is the admin's
                notes.add(describe(have) + " has MTU " + (have.mtu().isPresent() ? have.mtu().getAsInt() : "unknown")
                        + ", not the network's " + want.mtu().getAsInt() + "; it was not created by vnetdesk, so"
                        + " its MTU is left alone");
            } else if (want.mtu().isPresent() && !want.mtu().equals(have.mtu())) {
                String old = have.mtu().isPresent() ? Integer.toString(have.mtu().getAsInt()) : null;
                created.add(new Step(subject(want), "set MTU " + want.mtu().getAsInt(),
                        List.of(Command.of("ip link set dev " + q(want.name()) + " mtu " + want.mtu().getAsInt())),
                        old == null ? List.of() : List.of(Command.of("ip link set dev " + q(want.name()) + " mtu " + old)),
                        change(want, Change.Action.SET, "MTU of " + describe(want) + " to " + want.mtu().getAsInt())));
            }
            if (want.master().isPresent() && !want.master().equals(have.master())) {
                enslaved.add(new Step(subject(want), "attach to bridge " + want.master().get(),
                        List.of(Command.of("ip link set dev " + q(want.name()) + " master " + q(want.master().get()))),
                        List.of(Command.of("ip link set dev " + q(want.name()) + " "
                                + have.master().map(m -> "master " + q(m)).orElse("nomaster"))),
                        change(want, Change.Action.ATTACH, subject(want) + " to bridge " + want.master().get())));
            }
        }
        return join(created, enslaved);
    }

    /** Steps that remove owned devices no longer wanted: they run last, tagged devices before bridges. */
    static List<Step> remove(Map<String, Device> actual, Map<String, Device> desired, List<String> notes) {
        List<Device> gone = actual.values().stream().filter(d -> d.owned() && !desired.containsKey(d.name()))
                .sorted(Comparator.comparing((Device d) -> d instanceof Device.Bridge).thenComparing(Device::name))
                .toList();
        List<Step> steps = new ArrayList<>();
        for (Device d : gone) {
            List<String> stayingPorts = actual.values().stream()
                    .filter(p -> p.master().equals(Optional.of(d.name())))
                    .filter(p -> !(p.owned() && !desired.containsKey(p.name())))
                    .map(Device::name).toList();
            if (!stayingPorts.isEmpty()) {
                notes.add("bridge " + d.name() + " is kept: " + String.join(", ", stayingPorts)
                        + " still attached");
                continue;
            }
            List<Command> undo = new ArrayList<>(create(d.withMaster(Optional.empty())));
            d.master().ifPresent(m -> undo.add(Command.of("ip link set dev " + q(d.name()) + " master " + q(m))));
            steps.add(new Step(subject(d), "remove " + describe(d) + " (no NIC needs it any more)",
                    List.of(Command.of("ip link del dev " + q(d.name()))), undo,
                    change(d, Change.Action.REMOVE, describe(d))));
        }
        return steps;
    }

    private static List<Device> ordered(Map<String, Device> desired) {
        return desired.values().stream()
                .sorted(Comparator.comparingInt(DevicePlanner::rank).thenComparing(Device::name)).toList();
    }

    /** Bridges first (others enslave to them), then tagged devices, then taps and PHYDEVs. */
    private static int rank(Device d) {
        return d instanceof Device.Bridge ? 0 : d instanceof Device.Other ? 2 : 1;
    }

    private static boolean parentMissing(Device want, Map<String, Device> actual, List<String> blockers) {
        Optional<String> parent = want instanceof Device.Vlan v ? Optional.of(v.parent())
                : want instanceof Device.Vxlan x ? Optional.of(x.parent()) : Optional.empty();
        if (parent.isPresent() && !actual.containsKey(parent.get())) {
            blockers.add(describe(want) + " needs PHYDEV " + parent.get() + ", which is not on the host");
            return true;
        }
        return false;
    }

    /** The commands that make {@code d} (without its master), marked as the console's and up. */
    static List<Command> create(Device d) {
        String name = q(d.name());
        String mtu = d.mtu().isPresent() ? " mtu " + d.mtu().getAsInt() : "";
        String add;
        if (d instanceof Device.Bridge) {
            add = "ip link add name " + name + mtu + " type bridge";
        } else if (d instanceof Device.Vlan v) {
            add = "ip link add link " + q(v.parent()) + " name " + name + mtu + " type vlan id " + v.vlanId();
        } else if (d instanceof Device.Vxlan x) {
            add = "ip link add name " + name + mtu + " type vxlan id " + x.vni() + " group " + x.group() + " dev "
                    + q(x.parent()) + " dstport " + x.port() + " ttl " + x.ttl();
        } else {
            throw new IllegalArgumentException("the console does not create " + d.name());
        }
        return List.of(Command.of(add), Command.of("ip link set dev " + name + " alias " + Device.MARKER),
                Command.of("ip link set dev " + name + " up"));
    }

    private static boolean sameKind(Device have, Device want) {
        if (want instanceof Device.Bridge) {
            return have instanceof Device.Bridge;
        }
        if (want instanceof Device.Vlan v) {
            return have instanceof Device.Vlan h && h.vlanId() == v.vlanId() && h.parent().equals(v.parent());
        }
        if (want instanceof Device.Vxlan x) {
            return have instanceof Device.Vxlan h && h.vni() == x.vni() && h.group().equals(x.group())
                    && h.port() == x.port() && h.ttl() == x.ttl() && h.parent().equals(x.parent());
        }
        return true;
    }

    static String describe(Device d) {
        if (d instanceof Device.Bridge) {
            return "bridge " + d.name();
        }
        if (d instanceof Device.Vlan v) {
            return "802.1Q device " + v.name() + " (VLAN " + v.vlanId() + " on " + v.parent() + ")";
        }
        if (d instanceof Device.Vxlan x) {
            return "VXLAN device " + x.name() + " (VNI " + x.vni() + ", group " + x.group() + ", port " + x.port()
                    + ", ttl " + x.ttl() + " on " + x.parent() + ")";
        }
        return "device " + d.name();
    }

    private static List<Change> change(Device d, Change.Action action, String object) {
        return List.of(new Change(Change.Kind.DEVICE, d.name(), action, object));
    }

    private static String subject(Device d) {
        return (d instanceof Device.Bridge ? "bridge " : isTap(d.name()) ? "tap " : "device ") + d.name();
    }

    static boolean isTap(String name) {
        return name.matches("one-[0-9]+-[0-9]+");
    }

    private static String q(String value) {
        return Shell.quote("device", Objects.requireNonNull(value));
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
