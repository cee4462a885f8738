package vnetdesk.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import vnetdesk.model.Actor;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnerNames;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.service.host.ClusterService;
import vnetdesk.service.host.HostEngine;
import vnetdesk.service.host.HostService;
import vnetdesk.service.host.HostStatuses;
import vnetdesk.service.host.LiveChanges;
import vnetdesk.service.host.OfflinePlans;
import vnetdesk.service.host.RemoteHosts;
import vnetdesk.service.interchange.InterchangeService;
import vnetdesk.service.vm.VmService;
import vnetdesk.ssh.SecretPrompt;
import vnetdesk.ssh.SshTransport;
import vnetdesk.store.AclRepository;
import vnetdesk.store.ChangeStampRepository;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.Database;
import vnetdesk.store.HostRepository;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;

/**
 * The opened inventory and its services: the one object the console and the
 * CLI create (plain constructor wiring, no global state).
 */
public final class Inventory implements AutoCloseable {

    private final Database db;
    private final NetworkService networks;
    private final LeaseService leases;
    private final ReservationService reservations;
    private final QueryService queries;
    private final InterchangeService interchange;
    private final UserRepository userRepository;
    private final SecurityGroupService securityGroups;
    private final NetworkTemplateService templates;
    private final UserService userService;
    private final ClusterService clusters;
    private final HostService hosts;
    private final ServiceContext ctx;
    private final OfflinePlans offlinePlans;
    private final HostStatuses hostStatuses;
    private final VmService vms;
    private final Map<ResourceType, OwnedObjectService> owned;
    private final ChangeStampRepository changeStamps = new ChangeStampRepository();

    private Inventory(Database db) {
        this.db = db;
        NetworkRepository networkRepository = new NetworkRepository();
        LeaseRepository leaseRepository = new LeaseRepository();
        userRepository = new UserRepository();
        Tx tx = new Tx(db);
        AclRepository acls = new AclRepository();
        NetworkRefs refs = new NetworkRefs(networkRepository);
        AllocatorCache cache = new AllocatorCache(leaseRepository);
        tx.afterEveryRollback(refs::clear);
        tx.afterEveryRollback(cache::clear);
        VmRepository vmRepository = new VmRepository();
        ctx = new ServiceContext(tx, networkRepository, leaseRepository, userRepository, cache,
                new ArCatalog(networkRepository), new OwnerNames(networkRepository, vmRepository), refs,
                new Access(acls, userRepository), acls, new ClusterRepository(), new HostRepository(), vmRepository);
        networks = new NetworkService(ctx);
        leases = new LeaseService(ctx);
        reservations = new ReservationService(ctx, networks, leases);
        queries = new QueryService(ctx);
        vms = new VmService(ctx, leases);
        interchange = new InterchangeService(ctx, networks, queries, vms);
        securityGroups = new SecurityGroupService(ctx);
        templates = new NetworkTemplateService(ctx, networks);
        userService = new UserService(ctx);
        clusters = new ClusterService(ctx);
        hosts = new HostService(ctx);
        offlinePlans = new OfflinePlans(ctx, hosts, vms);
        hostStatuses = new HostStatuses(ctx);
        owned = List.of(networks, templates, securityGroups, vms).stream()
                .collect(Collectors.toUnmodifiableMap(OwnedObjectService::type, Function.identity()));
    }

    /**
     * Opens the embedded inventory in a folder (created if missing) for a CLI
     * command or another program: it attaches beside a console and beside
     * other commands on the same folder.
     */
    public static Inventory openDirectory(Path dataDir) {
        return new Inventory(Database.openDirectory(dataDir, Database.Opener.COMMAND));
    }

    /**
     * Opens the embedded inventory in a folder for a console: as
     * {@link #openDirectory}, and only one console per inventory.
     *
     * @throws vnetdesk.store.InventoryInUseException naming the pid of the console that has it open
     */
    public static Inventory openConsole(Path dataDir) {
        return new Inventory(Database.openDirectory(dataDir, Database.Opener.CONSOLE));
    }

    /** Opens a shared inventory by JDBC URL. */
    public static Inventory openUrl(String jdbcUrl) {
        return new Inventory(Database.openUrl(jdbcUrl));
    }

    /** The user with this name, as the actor of service calls. */
    public Actor actor(String userName) {
        return db.read(c -> userRepository.findUser(c, userName)
                .map(u -> new Actor(u.id(), u.name(), u.gid()))
                .orElseThrow(() -> new NotFoundException("user \"" + ValidationException.printable(userName)
                        + "\" does not exist")));
    }

    /**
     * How many writes this process has committed to the inventory so far (no
     * database access): a view that depends on everything, like the hosts'
     * pending changes, reads again when it moved.
     */
    public long committedWrites() {
        return ctx.tx().committedWrites();
    }

    /**
     * A fingerprint of the whole inventory as committed by any process (one
     * small query): the console compares it with the last one it saw and reads
     * its lists again when it moved, so changes made by the CLI or another
     * program show up.
     */
    public long changeStamp() {
        return db.read(changeStamps::read);
    }

    public String location() {
        return db.location();
    }

    public NetworkService networks() {
        return networks;
    }

    public LeaseService leases() {
        return leases;
    }

    public ReservationService reservations() {
        return reservations;
    }

    public QueryService queries() {
        return queries;
    }

    public InterchangeService interchange() {
        return interchange;
    }

    public SecurityGroupService securityGroups() {
        return securityGroups;
    }

    public NetworkTemplateService templates() {
        return templates;
    }

    public UserService users() {
        return userService;
    }

    public ClusterService clusters() {
        return clusters;
    }

    public HostService hosts() {
        return hosts;
    }

    /**
     * The engine that probes, plans and applies hosts over {@code transport}
     * (which holds the host-key trust and its prompt); {@code secrets} asks
     * for passphrases and passwords when a login needs one.
     */
    public HostEngine hostEngine(SshTransport transport, SecretPrompt secrets, HostEngine.Settings settings) {
        return new HostEngine(ctx, hosts, vms, transport, secrets, settings);
    }

    /** What the console last learnt about each host: contact, probe, drift, devices. */
    public HostStatuses hostStatuses() {
        return hostStatuses;
    }

    /** Host plans that need no connection: desired states, pending changes, an attach's host changes. */
    public OfflinePlans hostPlans() {
        return offlinePlans;
    }

    /**
     * The engine with its own SSH client, for a front end that may not use
     * SSH types itself (the CLI); close it when done.
     */
    public RemoteHosts remoteHosts(RemoteHosts.Settings settings) {
        return new RemoteHosts(hosts, settings,
                (transport, secrets) -> hostEngine(transport, secrets, settings.engine()),
                engine -> new LiveChanges(engine, vms, hosts, securityGroups));
    }

    public VmService vms() {
        return vms;
    }

    /**
     * The service of one kind of owned object, for code that handles every kind
     * alike (the CLI's rename, lock …, the console's whole-object actions).
     *
     * @throws IllegalArgumentException for hosts, clusters, users and groups, which have no owner
     */
    public OwnedObjectService owned(ResourceType type) {
        OwnedObjectService service = owned.get(type);
        if (service == null) {
            // hosts, clusters, users and groups have no owner and permission bits: they are not owned objects
            throw new IllegalArgumentException(type.plural() + " are not owned objects");
        }
        return service;
    }

    /** For integrity checks and tests: direct access to the database. */
    public Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
