package vnetdesk.model.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import vnetdesk.model.AddressRange;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.VirtualNetwork;

/**
 * The network part of a VM's guest context, as OpenNebula's contextualization
 * packages read it: for every NIC connected to a network the {@code ETHi_*}
 * attributes (i = the NIC's index) — {@code MAC, IP, MASK, NETWORK, GATEWAY,
 * DNS, MTU, SEARCH_DOMAIN, IP6, IP6_ULA, IP6_GATEWAY, IP6_PREFIX_LENGTH}, then
 * the network's custom attributes — and {@code GATEWAY_IFACE=ETHi} naming the
 * one NIC that owns the default route. Only that NIC keeps its gateways (the
 * rule is in {@link DefaultRoute}; the sources of each value in
 * {@link NicContext}). A NIC waiting for automatic network selection has no
 * context yet.
 *
 * @param attributes      every attribute in the order {@code context.sh} lists them: NIC by NIC, then
 *                        {@code GATEWAY_IFACE}
 * @param defaultRouteNic the index of the NIC that owns the default route; empty when no NIC has a gateway
 * @param warnings        sentences for the administrator: a {@code GATEWAY_IFACE} that could not be
 *                        followed, an attribute that cannot be passed
 */
public record GuestContext(Map<String, String> attributes, Optional<Integer> defaultRouteNic,
                           List<String> warnings) {

    public GuestContext {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        warnings = List.copyOf(warnings);
    }

    /**
     * The context of {@code vm}; {@code networks} gives the network of an id.
     *
     * @throws NotFoundException when a NIC is leased from a network or AR that does not exist
     */
    public static GuestContext of(Vm vm, IntFunction<Optional<VirtualNetwork>> networks) {
        List<String> warnings = new ArrayList<>();
        Map<Integer, NicContext> contexts = new LinkedHashMap<>();
        for (Nic nic : vm.nics()) {
            nic.lease().ifPresent(lease -> contexts.put(nic.index(), resolve(vm, nic, lease, networks, warnings::add)));
        }
        Optional<Integer> owner = DefaultRoute.owner(vm, contexts, warnings::add);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (NicContext nic : contexts.values()) {
            boolean routes = owner.isPresent() && owner.get() == nic.index();
            nic.attributes().forEach((name, value) -> {
                if (routes || !NicContext.isGateway(name)) {
                    attributes.put(key(nic.index(), name), value);
                }
            });
        }
        owner.ifPresent(i -> attributes.put(DefaultRoute.GATEWAY_IFACE, "ETH" + i));
        return new GuestContext(attributes, owner, warnings);
    }

    /**
     * The warning to show before {@code before} becomes {@code after} (a NIC
     * attached or detached) when that moves the default route to another NIC,
     * gives the VM one, or takes it away; empty when the route stays.
     */
    public static Optional<String> routeChangeWarning(Vm before, Vm after,
                                                      IntFunction<Optional<VirtualNetwork>> networks) {
        return DefaultRoute.changeWarning(of(before, networks), of(after, networks));
    }

    /** The {@code ETHi_*} attributes of NIC {@code index}, full names, in order; empty for a NIC without context. */
    public Map<String, String> nic(int index) {
        String prefix = key(index, "");
        Map<String, String> nic = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                nic.put(name, value);
            }
        });
        return Collections.unmodifiableMap(nic);
    }

    /** The attributes as a {@code context.sh} ({@code KEY="value"} lines, see {@link ContextScript}). */
    public String contextSh() {
        return ContextScript.render(attributes);
    }

    /** {@code ETH<nic>_<name>}. */
    static String key(int nic, String name) {
        return "ETH" + nic + "_" + name;
    }

    private static NicContext resolve(Vm vm, Nic nic, NicNetwork.Leased lease,
                                      IntFunction<Optional<VirtualNetwork>> networks, Consumer<String> warn) {
        String where = "NIC " + nic.index() + " of VM " + vm.label();
        VirtualNetwork network = networks.apply(lease.networkId()).orElseThrow(() -> new NotFoundException(
                where + " is leased from network " + lease.networkId() + ", which does not exist"));
        AddressRange ar = network.addressRange(lease.arId()).orElseThrow(() -> new NotFoundException(
                where + " is leased from AR " + lease.arId() + " of network " + network.label()
                        + ", which has no such AR"));
        return NicContext.resolve(nic.index(), lease.addresses(), ar, network, warn);
    }
}
