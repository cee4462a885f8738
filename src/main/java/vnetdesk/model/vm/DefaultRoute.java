package vnetdesk.model.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vnetdesk.model.ValidationException;

/**
 * The {@code GATEWAY_IFACE} rule: which one NIC of a VM owns the default
 * route (and so is the only NIC whose context has gateways), and the warning
 * shown when a change of NICs moves that route.
 */
final class DefaultRoute {

    /** The VM attribute naming the NIC, as OpenNebula's context packages read it. */
    static final String GATEWAY_IFACE = "GATEWAY_IFACE";

    /** A NIC index, bare or in OpenNebula's form: {@code 2}, {@code ETH2}, {@code eth2}. */
    private static final Pattern NIC_INDEX = Pattern.compile("(?i)(?:ETH)?([0-9]{1,9})");

    private DefaultRoute() {
    }

    /**
     * The NIC named by the VM's {@code GATEWAY_IFACE} when it has a gateway,
     * else the lowest-index NIC that has one. A {@code GATEWAY_IFACE} that
     * cannot be followed gives {@code warn} a sentence saying why and where
     * the route goes instead.
     *
     * @param contexts the leased NICs' contexts by index, in index order
     */
    static Optional<Integer> owner(Vm vm, Map<Integer, NicContext> contexts, Consumer<String> warn) {
        Optional<Integer> firstWithGateway = contexts.values().stream()
                .filter(NicContext::hasGateway).map(NicContext::index).findFirst();
        String named = vm.attributes().get(GATEWAY_IFACE);
        if (named == null || named.isBlank()) {
            return firstWithGateway;
        }
        Matcher m = NIC_INDEX.matcher(named.trim());
        String problem;
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            NicContext candidate = contexts.get(index);
            if (candidate != null && candidate.hasGateway()) {
                return Optional.of(index);
            }
            if (vm.nic(index).isEmpty()) {
                problem = "names no NIC of this VM";
            } else if (candidate == null) {
                problem = "names NIC " + index + ", which waits for automatic network selection";
            } else {
                problem = "names NIC " + index + ", which has no gateway";
            }
        } else {
            problem = "is not a NIC index (0, 1, … or ETH0, ETH1, …)";
        }
        warn.accept(GATEWAY_IFACE + " \"" + ValidationException.printable(named) + "\" " + problem + "; "
                + firstWithGateway.map(i -> describe(i, contexts.get(i).gateway(), contexts.get(i).ip6Gateway())
                        + " gets the default route instead")
                .orElse("the VM gets no default route: none of its NICs has a gateway"));
        return firstWithGateway;
    }

    /** The warning when the default route of {@code before} is not where {@code after} puts it. */
    static Optional<String> changeWarning(GuestContext before, GuestContext after) {
        Optional<Integer> from = before.defaultRouteNic();
        Optional<Integer> to = after.defaultRouteNic();
        if (from.equals(to)) {
            return Optional.empty();
        }
        String what;
        if (from.isPresent() && to.isPresent()) {
            what = "The default route moves from " + describe(before, from.get()) + " to "
                    + describe(after, to.get()) + ": only NIC " + to.get() + " will have a gateway in the context.";
        } else if (to.isPresent()) {
            what = describe(after, to.get()) + " becomes the VM's default route; it had none.";
        } else {
            what = "The VM loses its default route through " + describe(before, from.get()) + ".";
        }
        // the advice only makes sense while that NIC is still there (not after detaching it)
        String keep = from.filter(i -> !after.nic(i).isEmpty())
                .map(i -> " To keep the route on NIC " + i + ", set " + GATEWAY_IFACE + "=" + i + " on the VM.")
                .orElse("");
        return Optional.of(what + " Guests pick this up when their context is applied again; vnetdesk passes a"
                + " gateway to one NIC only because a guest given several picks one itself (CentOS takes the last"
                + " interface's). Windows guests keep their old default route until it is changed by hand (route"
                + " delete 0.0.0.0, then route add 0.0.0.0 mask 0.0.0.0 through the new gateway)." + keep);
    }

    /** {@code NIC 2 (192.168.1.1)}, with the gateways NIC {@code nic} has in {@code context}. */
    private static String describe(GuestContext context, int nic) {
        Map<String, String> a = context.attributes();
        return describe(nic, Optional.ofNullable(a.get(GuestContext.key(nic, NicContext.GATEWAY))),
                Optional.ofNullable(a.get(GuestContext.key(nic, NicContext.IP6_GATEWAY))));
    }

    private static String describe(int nic, Optional<String> gateway, Optional<String> ip6Gateway) {
        List<String> gateways = new ArrayList<>(2);
        gateway.ifPresent(gateways::add);
        ip6Gateway.ifPresent(gateways::add);
        return "NIC " + nic + " (" + String.join(", ", gateways) + ")";
    }
}
