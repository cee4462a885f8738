package vnetdesk.service.vm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import vnetdesk.model.Address;
import vnetdesk.model.AddressRange;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.Mac;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.Qos;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.LeaseService;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.OwnerNames;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.template.ImportedNic;

/**
 * The NICs of an imported VM, inside the import's transaction. Each keeps its
 * {@code NIC_ID} (a NIC without one gets the lowest number the VM does not
 * use). A NIC on a network finds it by {@code NETWORK_ID} when that network
 * has the {@code NETWORK} name given, else by name; its address must be one of
 * that network's, and every address given must be the lease's at that place.
 * The lease is then adopted when it is already this NIC's or this VM's (the
 * network was imported with its leases; its XML names the VM only, so the NIC
 * number given here replaces the one the network import guessed), taken when
 * free, and refused when someone else holds it. A NIC without an address gets the next free one, as an attach.
 * {@code TARGET}, the tap, must be {@code one-<vm>-<nic>}: vnetdesk derives it.
 */
final class VmImportNics {

    private final NetworkRepository networks;
    private final LeaseRepository leaseRows;
    private final LeaseService leases;
    private final NetworkRefs refs;
    private final UserRepository users;
    private final OwnerNames ownerNames;
    private final VmRepository vms;
    private final OwnedObjects securityGroups;
    private final AutomaticNetworks automatic;

    VmImportNics(ServiceContext ctx, LeaseService leases) {
        this.networks = ctx.networks();
        this.leaseRows = ctx.leases();
        this.leases = leases;
        this.refs = ctx.refs();
        this.users = ctx.users();
        this.ownerNames = ctx.ownerNames();
        this.vms = ctx.vms();
        this.securityGroups = new OwnedObjects(ctx, ResourceType.SECGROUP, OwnedObjectRepository.securityGroups(),
                row -> List.of());
        this.automatic = new AutomaticNetworks(ctx);
    }

    /**
     * Stores the NICs the file gives {@code vm}, which is stored already (without NICs).
     *
     * @param source the file name, for messages
     */
    void importNics(Connection c, Tx.Hooks hooks, Access.Checker rights, Vm vm, List<ImportedNic> in,
                         String source) throws SQLException {
        Map<ImportedNic, Integer> indexes = indexes(vm, in, source);
        for (ImportedNic x : in) {
            String context = source + ": " + x.at().text() + ": VM " + vm.label();
            int index = indexes.get(x);
            Nic nic = ErrorContext.inStore(context, () -> nic(c, hooks, rights, vm, index, x));
            vms.insertNic(c, NicAttributes.row(vm.id(), nic));
        }
    }

    /** The NIC_IDs as given; the NICs without one get the lowest numbers left, in document order. */
    private static Map<ImportedNic, Integer> indexes(Vm vm, List<ImportedNic> in, String source) {
        Map<ImportedNic, Integer> out = new IdentityHashMap<>();
        Map<Integer, ImportedNic> taken = new HashMap<>();
        for (ImportedNic x : in) {
            if (x.nicId().isPresent()) {
                ImportedNic twin = taken.putIfAbsent(x.nicId().getAsInt(), x);
                if (twin != null) {
                    throw new ValidationException("NIC_ID", source + ": " + x.at().text() + ": VM " + vm.label()
                            + ": NIC_ID: two NICs have NIC_ID " + x.nicId().getAsInt() + " (the other at "
                            + twin.at().text() + ")");
                }
                out.put(x, x.nicId().getAsInt());
            }
        }
        int next = 0;
        for (ImportedNic x : in) {
            if (x.nicId().isEmpty()) {
                while (taken.containsKey(next)) {
                    next++;
                }
                taken.put(next, x);
                out.put(x, next);
            }
        }
        return out;
    }

    private Nic nic(Connection c, Tx.Hooks hooks, Access.Checker rights, Vm vm, int index, ImportedNic x)
            throws SQLException {
        String field = "NIC " + index;
        String tap = "one-" + vm.id() + "-" + index;
        if (x.target().isPresent() && !x.target().get().equals(tap)) {
            throw ValidationException.invalid(field + " TARGET", x.target().get(), "vnetdesk names the tap of NIC "
                    + index + " of VM " + vm.id() + " " + tap + " itself; leave TARGET out or give " + tap);
        }
        boolean named = x.networkId().isPresent() || x.network().isPresent();
        if (!named) {
            if (x.hasAddress()) {
                throw new ValidationException("NETWORK", field + ": names an address but no network; give"
                        + " NETWORK_ID or NETWORK");
            }
            NicRequest request = NicAttributes.request(field, raw(x, Optional.empty()));
            if (vm.hostId().isPresent()) {
                throw new ConflictException("NETWORK_MODE", field + ": waits for automatic network selection, but"
                        + " the VM is " + vm.state() + " on a host, where every NIC has its network; give the"
                        + " network it has (NETWORK_ID or NETWORK) and its address");
            }
            requireGroups(c, rights, request.securityGroups());
            NicRequest.Automatic auto = request.automatic().orElseThrow();
            return new Nic(index, new NicNetwork.Automatic(auto.requirements(), auto.rank()),
                    request.securityGroups(), request.qos(), request.model(), request.attributes());
        }
        VirtualNetwork n = network(c, x, field);
        NicRequest request = NicAttributes.request(field, raw(x, Optional.of(n)));
        rights.require(n, Right.USE, "attach a NIC to");
        if (vm.hostId().isPresent()) {
            automatic.requireInHostCluster(c, vm.hostId().get(), n, index);
        }
        LeaseOwner.VmNic owner = new LeaseOwner.VmNic(vm.id(), index);
        NetworkRefs.Resolved r = refs.resolveWithState(c, ObjectRef.id(n.id()));
        Lease lease;
        if (x.hasAddress()) {
            lease = adoptOrTake(c, hooks, r, owner, x, field);
        } else {
            lease = leases.allocateIn(c, hooks, r, owner, Optional.empty(), toOptional(x.arId()));
        }
        List<Integer> inherited = VmRows.inheritedGroups(n, lease.arId());
        List<Integer> own = request.securityGroups().stream().filter(g -> !inherited.contains(g)).toList();
        requireGroups(c, rights, own);
        // the file gives the QoS in force; only what differs from the network's is the NIC's own
        Optional<Qos> qos = request.qos().filter(q -> !q.equals(n.qos()));
        return new Nic(index, new NicNetwork.Leased(n.id(), lease.arId(), lease.index(), lease.addresses()), own, qos,
                request.model(), request.attributes());
    }

    /**
     * The NIC's vector as a VM template would give it, for {@link NicAttributes#request}: its other
     * attributes with MODEL and SECURITY_GROUPS, and the network found (OpenNebula keeps
     * {@code NETWORK_MODE = auto} on a NIC whose network was chosen; the choice is what counts).
     */
    private static Map<String, String> raw(ImportedNic x, Optional<VirtualNetwork> network) {
        Map<String, String> raw = new LinkedHashMap<>(x.attributes());
        x.model().ifPresent(m -> raw.put("MODEL", m));
        x.securityGroups().ifPresent(g -> raw.put("SECURITY_GROUPS", g));
        network.ifPresent(n -> {
            raw.remove("NETWORK_MODE");
            raw.put("NETWORK_ID", Integer.toString(n.id()));
        });
        return raw;
    }

    private void requireGroups(Connection c, Access.Checker rights, List<Integer> groups) throws SQLException {
        if (!rights.actor().isAdmin()) {
            // an administrator may bring NICs whose groups are made later, as with networks
            securityGroups.requireUsable(c, rights, "SECURITY_GROUPS", groups);
        }
    }

    /**
     * The network by {@code NETWORK_ID} when it exists and has the {@code NETWORK} name given (ids
     * of another cloud name other networks here), else by {@code NETWORK} name, the one of user
     * {@code NETWORK_UNAME} when several users have a network of that name.
     */
    private VirtualNetwork network(Connection c, ImportedNic x, String field) throws SQLException {
        Optional<VirtualNetwork> byId = x.networkId().isPresent() ? networks.find(c, x.networkId().getAsInt())
                : Optional.empty();
        if (byId.isPresent() && (x.network().isEmpty() || byId.get().name().equals(x.network().get()))) {
            return byId.get();
        }
        if (x.network().isEmpty()) {
            throw new NotFoundException(field + " NETWORK_ID: network " + x.networkId().getAsInt()
                    + " does not exist; give its NETWORK name, or import the network first");
        }
        String name = x.network().get();
        List<VirtualNetwork> named = new ArrayList<>();
        for (int id : networks.idsByName(c, name)) {
            networks.find(c, id).ifPresent(named::add);
        }
        if (named.size() > 1 && x.networkOwnerName().isPresent()) {
            Optional<Integer> uid = users.findUser(c, x.networkOwnerName().get()).map(UserRepository.UserRow::id);
            named.removeIf(n -> uid.isEmpty() || n.ownership().uid() != uid.get());
        }
        String byIdNote = byId.map(n -> " (NETWORK_ID " + n.id() + " is network " + n.label() + ")").orElse("");
        if (named.isEmpty()) {
            throw new NotFoundException(field + " NETWORK: no network is named \""
                    + ValidationException.printable(name) + "\"" + byIdNote + "; import or create it first");
        }
        if (named.size() > 1) {
            throw new ValidationException("NETWORK", field + " NETWORK: several networks are named \""
                    + ValidationException.printable(name) + "\" (" + String.join(", ", named.stream()
                    .map(VirtualNetwork::label).toList()) + ")" + byIdNote + "; give NETWORK_ID");
        }
        return named.get(0);
    }

    /** The lease of the NIC's address: adopted when it is already this NIC's, taken when free. */
    private Lease adoptOrTake(Connection c, Tx.Hooks hooks, NetworkRefs.Resolved r, LeaseOwner.VmNic owner,
                              ImportedNic x, String field) throws SQLException {
        VirtualNetwork n = r.network();
        Located at = locate(n, x, field);
        LeaseAddresses addresses = at.ar().addressesAt(at.index());
        Optional<LeaseRow> held = leaseRows.find(c, n.id(), at.ar().id(), at.index());
        if (held.isEmpty()) {
            return leases.allocateIn(c, hooks, r, owner, Optional.of(addresses.primary()), Optional.of(at.ar().id()));
        }
        LeaseOwner holder = held.get().owner();
        if (holder instanceof LeaseOwner.VmNic nic && nic.vmId() == owner.vmId() && nic.nicIndex() != owner.nicIndex()) {
            // a network document names the VM only (as OpenNebula's LEASE), so the network import numbered the
            // VM's NICs in document order; the VM's own document knows the number
            leaseRows.deleteRunOwnedBy(c, n.id(), at.ar().id(), at.index(), 1, holder);
            leaseRows.insert(c, List.of(new LeaseRow(n.id(), at.ar().id(), at.index(), owner)));
            return new Lease(n.id(), at.ar().id(), at.index(), addresses, owner);
        }
        if (!holder.equals(owner)) {
            throw new ConflictException("ADDRESS", field + " " + at.field() + ": " + at.text() + " is already used by "
                    + ownerNames.describe(c, held.get().owner()) + " in network " + n.label());
        }
        return new Lease(n.id(), at.ar().id(), at.index(), addresses, owner);
    }

    /** Where the NIC's address is: the AR, the index, and the element that placed it. */
    private record Located(AddressRange ar, long index, String field, String text) {
    }

    /**
     * The AR and index of the first address given (IP, else IP6, IP6_GLOBAL, IP6_ULA, else MAC),
     * in the NIC's AR_ID or else in the AR that holds it; every other address given must be the
     * lease's at that index.
     */
    private static Located locate(VirtualNetwork n, ImportedNic x, String field) {
        Optional<Ipv4> ip = x.ip().map(v -> Ipv4.parse(field + " IP", v));
        Optional<Ipv6> ip6 = x.ip6().map(v -> Ipv6.parse(field + " IP6", v));
        Optional<Ipv6> global = x.ip6Global().map(v -> Ipv6.parse(field + " IP6_GLOBAL", v));
        Optional<Ipv6> ula = x.ip6Ula().map(v -> Ipv6.parse(field + " IP6_ULA", v));
        Optional<Mac> mac = x.mac().map(v -> Mac.parse(field + " MAC", v));
        Address key;
        String keyField;
        if (ip.isPresent()) {
            key = new Address.V4(ip.get());
            keyField = "IP";
        } else if (ip6.or(() -> global).or(() -> ula).isPresent()) {
            key = new Address.V6(ip6.or(() -> global).or(() -> ula).get());
            keyField = ip6.isPresent() ? "IP6" : global.isPresent() ? "IP6_GLOBAL" : "IP6_ULA";
        } else {
            key = new Address.Ether(mac.orElseThrow());
            keyField = "MAC";
        }
        String text = key.toString();
        List<AddressRange> candidates = x.arId().isPresent()
                ? List.of(n.addressRange(x.arId().getAsInt()).orElseThrow(() -> ValidationException.invalid(
                field + " AR_ID", x.arId().getAsInt(), "network " + n.label() + " has no such address range")))
                : n.addressRanges();
        for (AddressRange ar : candidates) {
            OptionalLong index = ar.indexOf(key);
            if (index.isPresent()) {
                LeaseAddresses at = ar.addressesAt(index.getAsLong());
                same(field + " IP", ip, at.ip(), text, ar);
                same(field + " IP6", ip6, at.ip6(), text, ar);
                same(field + " IP6_GLOBAL", global, at.ip6Global(), text, ar);
                same(field + " IP6_ULA", ula, at.ip6Ula(), text, ar);
                same(field + " MAC", mac, Optional.of(at.mac()), text, ar);
                return new Located(ar, index.getAsLong(), keyField, text);
            }
        }
        throw ValidationException.invalid(field + " " + keyField, text, "not inside "
                + (x.arId().isPresent() ? "address range " + x.arId().getAsInt() + " of network " + n.label()
                : "any address range of network " + n.label()));
    }

    /** Refuses a given address that is not the lease's (absent there, or another one). */
    private static <T> void same(String field, Optional<T> given, Optional<T> lease, String placedBy, AddressRange ar) {
        if (given.isPresent() && !given.equals(lease)) {
            throw ValidationException.invalid(field, given.get(), "the lease of " + placedBy + " in address range "
                    + ar.id() + " has " + lease.map(String::valueOf).orElse("none"));
        }
    }

    private static Optional<Integer> toOptional(OptionalInt v) {
        return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
    }
}
