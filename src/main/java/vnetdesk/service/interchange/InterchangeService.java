package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import vnetdesk.model.Actor;
import vnetdesk.model.AddressRange;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.Lease;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.service.NetworkService;
import vnetdesk.service.Progress;
import vnetdesk.service.QueryService;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmImportResult;
import vnetdesk.service.vm.VmService;
import vnetdesk.store.AclRepository;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.template.ExportedVm;
import vnetdesk.template.ImportedNetwork;
import vnetdesk.template.OneVmXml;
import vnetdesk.template.OneXml;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.template.TemplateParser;
import vnetdesk.template.TemplateWriter;
import vnetdesk.template.VnetXmlNetwork;

/**
 * Export and import of networks and VMs: the JSON backup of the inventory
 * (restored with ids, owners and leases), OpenNebula template syntax (what
 * {@code vnet create} reads), {@code onevnet show -x} XML, and the
 * {@code onevm show -x} XML of VMs. Every import is one transaction: all
 * objects of a file are created, or none.
 */
public final class InterchangeService {

    private final Tx tx;
    private final NetworkRefs refs;
    private final Access access;
    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final UserRepository users;
    private final NetworkService networkService;
    private final QueryService queries;
    private final InterchangeRestore restore;
    private final InterchangeXmlImport xmlImport;
    private final InterchangeAccessRestore accessRestore;
    private final AclRepository acls;
    private final OwnedObjects securityGroups;
    private final VmService vms;
    private final ClusterRepository clusters;
    private final HostRepository hosts;
    private final VmRepository vmRows;
    private final InterchangeVmRestore vmRestore;
    private final VnetXmlFacts xmlFacts;
    private final InterchangeObjectImport objectImport;

    public InterchangeService(ServiceContext ctx, NetworkService networkService, QueryService queries,
                              VmService vms) {
        this.tx = ctx.tx();
        this.refs = ctx.refs();
        this.access = ctx.access();
        this.networks = ctx.networks();
        this.leases = ctx.leases();
        this.users = ctx.users();
        this.networkService = networkService;
        this.queries = queries;
        this.restore = new InterchangeRestore(ctx.networks(), ctx.leases(), ctx.cache());
        this.acls = ctx.acls();
        this.securityGroups = new OwnedObjects(ctx, ResourceType.SECGROUP, OwnedObjectRepository.securityGroups(),
                row -> List.of());
        this.accessRestore = new InterchangeAccessRestore(ctx.users(), acls, ctx.networks());
        this.xmlImport = new InterchangeXmlImport(ctx.networks(), ctx.leases(), ctx.users(), ctx.clusters(),
                ctx.cache(), networkService);
        this.vms = vms;
        this.clusters = ctx.clusters();
        this.hosts = ctx.hosts();
        this.vmRows = ctx.vms();
        this.vmRestore = new InterchangeVmRestore(ctx);
        this.xmlFacts = new VnetXmlFacts(ctx.networks(), ctx.leases(), ctx.users());
        this.objectImport = new InterchangeObjectImport(ctx);
    }

    /**
     * A JSON backup. Without refs: the whole inventory (administrators only), clusters, hosts and
     * VMs included. With refs:
     * those networks plus what a restore needs with them — the network a reservation was
     * taken from and every reservation of a named network (their leases refer to each other).
     */
    public String exportJson(Actor actor, List<ObjectRef> refs) {
        return exportJson(actor, refs, Progress.NONE);
    }

    /** As {@link #exportJson(Actor, List)}; {@code progress} hears each network written. */
    public String exportJson(Actor actor, List<ObjectRef> refs, Progress progress) {
        Objects.requireNonNull(refs, "refs");
        // a write transaction serialises with this process's writers, so the backup is one consistent state
        return tx.write((c, hooks) -> {
            List<VirtualNetwork> selected;
            if (refs.isEmpty()) {
                access.of(c, actor).requireAdmin("back up the whole inventory (name the networks to export"
                        + " instead)");
                selected = networks.list(c);
            } else {
                selected = withRelatives(c, refs);
                Access.Checker rights = access.of(c, actor);
                for (VirtualNetwork n : selected) {
                    rights.requireRight(n, Right.USE, "export");
                }
            }
            if (!refs.isEmpty()) {
                return JsonBackupWriter.write(c, leases, selected, List.of(), List.of(), progress);
            }
            List<JsonBackupWriter.Section> before = List.of(
                    out -> JsonBackupAccess.write(out, c, users, acls, OwnedObjectRepository.securityGroups(),
                            OwnedObjectRepository.networkTemplates()),
                    out -> JsonBackupVms.writeClustersAndHosts(out, c, clusters, hosts));
            List<JsonBackupWriter.Section> after = List.of(out -> JsonBackupVms.writeVms(out, c, vmRows));
            return JsonBackupWriter.write(c, leases, selected, before, after, progress);
        });
    }

    /**
     * {@code onevnet show -x} XML: a single {@code <VNET>} when the refs name one network that has
     * no parent or reservation, else a {@code <VNET_POOL>} ({@code onevnet list -x}). Without
     * refs: every network the actor may use. With refs: those networks plus the network a
     * reservation was taken from and every reservation of a named network, as {@link #exportJson},
     * so that the reservation leases survive an import. Every network needs the USE right.
     */
    public String exportXml(Actor actor, List<ObjectRef> refs) {
        return exportXml(actor, refs, Progress.NONE);
    }

    /** As {@link #exportXml(Actor, List)}; {@code progress} hears each network read, then the writing. */
    public String exportXml(Actor actor, List<ObjectRef> refs, Progress progress) {
        Objects.requireNonNull(refs, "refs");
        // one write transaction, as for the backup, so every network and lease is of one consistent state
        List<VnetXmlNetwork> selected = tx.write((c, hooks) -> {
            List<VirtualNetwork> chosen;
            Access.Checker rights = access.of(c, actor);
            if (refs.isEmpty()) {
                chosen = networks.list(c).stream().filter(n -> rights.may(n, Right.USE)).toList();
            } else {
                chosen = withRelatives(c, refs);
                for (VirtualNetwork n : chosen) {
                    rights.requireRight(n, Right.USE, "export");
                }
            }
            Map<Integer, String> userNames = users.userNames(c);
            Map<Integer, String> groupNames = users.groupNames(c);
            List<VnetXmlNetwork> out = new ArrayList<>();
            progress.phase("exporting networks");
            progress.step(0, chosen.size());
            for (VirtualNetwork n : chosen) {
                out.add(xmlFacts.of(c, new NetworkDetails(n, userNames.getOrDefault(n.ownership().uid(), "?"),
                        groupNames.getOrDefault(n.ownership().gid(), "?"), leases.usedPerAr(c, n.id()),
                        allLeases(c, n), Map.of())));
                progress.step(out.size(), chosen.size());
            }
            return out;
        });
        progress.phase("writing XML");
        if (!refs.isEmpty() && selected.size() == 1) {
            return xml(selected.get(0));
        }
        return pool(selected, false);
    }

    private List<Lease> allLeases(Connection c, VirtualNetwork n) throws SQLException {
        List<Lease> out = new ArrayList<>();
        for (LeaseRow row : leases.page(c, n.id(), 0, OptionalLong.empty(), Integer.MAX_VALUE)) {
            n.addressRange(row.arId()).ifPresent(ar -> out.add(
                    new Lease(n.id(), row.arId(), row.index(), ar.addressesAt(row.index()), row.owner())));
        }
        return out;
    }

    /** The named networks with their parents and reservations, by id. */
    private List<VirtualNetwork> withRelatives(Connection c, List<ObjectRef> named) throws SQLException {
        Map<Integer, VirtualNetwork> out = new TreeMap<>();
        for (ObjectRef ref : named) {
            VirtualNetwork n = refs.resolve(c, ref);
            VirtualNetwork root = n.parentNetworkId().isPresent()
                    ? networks.find(c, n.parentNetworkId().get()).orElse(n) : n;
            out.put(root.id(), root);
            for (VirtualNetwork child : networks.children(c, root.id())) {
                out.put(child.id(), child);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The network in OpenNebula template syntax, AR vectors included; {@code vnet create} reads it back. */
    public String exportTemplate(Actor actor, ObjectRef ref) {
        VirtualNetwork n = tx.read(c -> {
            VirtualNetwork found = refs.resolve(c, ref);
            access.of(c, actor).requireRight(found, Right.USE, "export");
            return found;
        });
        return TemplateWriter.write(toTemplate(n));
    }

    /** The template of a network: its attributes, its kept vectors, then one {@code AR} vector per address range. */
    static Template toTemplate(VirtualNetwork n) {
        List<TemplateAttribute> attributes = new ArrayList<>();
        NetworkAttributes.toAttributes(n).forEach((k, v) -> attributes.add(new TemplateAttribute.Single(k, v)));
        for (AttributeVector v : n.vectors()) {
            attributes.add(TemplateAttribute.Vector.of(v));
        }
        for (AddressRange ar : n.addressRanges()) {
            Map<String, String> a = new LinkedHashMap<>(ar.toAttributes());
            // a template creates a plain network; the reservation link is not something it can express
            a.remove("PARENT_NETWORK_AR_ID");
            List<TemplateAttribute.Single> entries = new ArrayList<>();
            a.forEach((k, v) -> entries.add(new TemplateAttribute.Single(k, v)));
            attributes.add(new TemplateAttribute.Vector("AR", entries));
        }
        return new Template(attributes);
    }

    /**
     * The network as {@code onevnet show -x} XML, with all its leases, its round-robin cursors and the
     * security-group state of its VMs (read just after the details, in a second transaction).
     */
    public String showXml(Actor actor, ObjectRef ref) {
        NetworkDetails details = queries.details(actor, ref, Integer.MAX_VALUE);
        return xml(tx.read(c -> xmlFacts.of(c, details)));
    }

    /** Every network the actor may use as {@code onevnet list -x} prints them: leases in ALLOCATED (vnet_pool.xsd). */
    public String listXml(Actor actor) {
        return pool(tx.read(c -> xmlFacts.listed(c, access.of(c, actor))), true);
    }

    /** A {@code VNET_POOL}: the list form, or the export form with leases. */
    private static String pool(List<VnetXmlNetwork> networks, boolean list) {
        try {
            return list ? OneXml.writeList(networks) : OneXml.writePool(networks);
        } catch (IllegalArgumentException e) {
            // names the network that cannot be written, which the writer's message does not
            networks.forEach(InterchangeService::xml);
            throw e;
        }
    }

    private static String xml(VnetXmlNetwork network) {
        try {
            return OneXml.write(network);
        } catch (IllegalArgumentException e) {
            throw new VnetException("network " + network.details().network().label() + " cannot be written as XML: "
                    + e.getMessage(), e);
        }
    }

    /**
     * VMs as XML ({@code vm show --xml}): one named VM as a {@code <VM>} ({@code onevm show -x}),
     * several as a {@code <VM_POOL>} of them ({@code onevm list -x}), in the order named. Each
     * VM needs the USE right.
     *
     * @throws IllegalArgumentException when no VM is named ({@link #exportVmPoolXml} lists them all)
     */
    public String exportVmXml(Actor actor, List<ObjectRef> refs) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("name at least one VM");
        }
        Map<Integer, String> userNames = tx.read(users::userNames);
        List<ExportedVm> named = new ArrayList<>();
        for (ObjectRef ref : refs) {
            named.add(exported(vms.show(actor, ref), userNames));
        }
        return named.size() == 1 ? vmXml(named.get(0)) : vmPoolXml(named);
    }

    /** Every VM the actor may use as a {@code <VM_POOL>} ({@code vm list --xml}, {@code onevm list -x}). */
    public String exportVmPoolXml(Actor actor) {
        Map<Integer, String> userNames = tx.read(users::userNames);
        return vmPoolXml(vms.list(actor).stream().map(d -> exported(d, userNames)).toList());
    }

    /**
     * Imports VMs from {@code onevm show -x} or {@code onevm list -x} XML ({@code vm import FILE}) with their
     * ids, NIC indexes and leases; all of them or none. See {@link VmService#importVms}.
     */
    public VmImportResult importVms(Actor actor, String content, String sourceName) {
        Objects.requireNonNull(sourceName, "sourceName");
        return vms.importVms(actor, OneVmXml.readAll(Objects.requireNonNull(content, "content"), sourceName),
                sourceName);
    }

    private static ExportedVm exported(VmDetails d, Map<Integer, String> userNames) {
        List<ExportedVm.ExportedNic> nics = d.nics().stream().map(n -> new ExportedVm.ExportedNic(n.nic(),
                n.network(), n.network().map(net -> userNames.getOrDefault(net.ownership().uid(),
                "#" + net.ownership().uid())).orElse(""), n.securityGroups(), n.qos())).toList();
        return new ExportedVm(d.vm(), d.ownerName(), d.groupName(), d.host(), nics);
    }

    private static String vmXml(ExportedVm vm) {
        try {
            return OneVmXml.write(vm);
        } catch (IllegalArgumentException e) {
            throw new VnetException("VM " + vm.vm().label() + " cannot be written as XML: " + e.getMessage(), e);
        }
    }

    private static String vmPoolXml(List<ExportedVm> vms) {
        try {
            return OneVmXml.writePool(vms);
        } catch (IllegalArgumentException e) {
            // names the VM that cannot be written, which the writer's message does not
            vms.forEach(InterchangeService::vmXml);
            throw e;
        }
    }

    /**
     * {@code import FILE}: as {@link #importFile(Actor, String, String, boolean, Progress)}, and also
     * security groups and network templates from {@code onesecgroup show|list -x} and
     * {@code onevntemplate show|list -x} XML ({@link InterchangeObjectImport}); says what was made per kind.
     */
    public ImportResult importDocument(Actor actor, String content, String sourceName, boolean asNew,
                                       Progress progress) {
        String text = Objects.requireNonNull(content, "content").startsWith("\uFEFF") ? content.substring(1) : content;
        if (firstSignificant(text) == '<') {
            Optional<ImportResult> objects = objectImport.importIfObjects(actor, text, sourceName, asNew, progress);
            if (objects.isPresent()) {
                return objects.get();
            }
        }
        return ImportResult.ofNetworks(importFile(actor, content, sourceName, asNew, progress));
    }

    /**
     * Imports a file, telling the format by its first character: {@code <} is XML
     * ({@code onevnet show -x} or a {@code VNET_POOL}), <code>{</code> a JSON backup,
     * anything else template syntax (as {@code vnet create}). Returns the ids of
     * the networks created.
     */
    public List<Integer> importFile(Actor actor, String content, String sourceName) {
        return importFile(actor, content, sourceName, Progress.NONE);
    }

    /**
     * As {@link #importFile(Actor, String, String)}; {@code progress} hears the reading, each
     * network and block of leases written, and the commit.
     */
    public List<Integer> importFile(Actor actor, String content, String sourceName, Progress progress) {
        return importFile(actor, content, sourceName, false, progress);
    }

    /**
     * As {@link #importFile(Actor, String, String, Progress)}. An administrator's XML networks keep
     * the file's ids and owners (see {@link InterchangeXmlImport}) unless {@code asNew}, which makes
     * them new networks of the actor, as copies; a user's are always such copies. A template file always
     * makes a new network; a JSON backup always restores ids, so {@code asNew} is refused for it.
     */
    public List<Integer> importFile(Actor actor, String content, String sourceName, boolean asNew,
                                    Progress progress) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sourceName, "sourceName");
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        char first = firstSignificant(text);
        progress.phase("reading " + sourceName);
        if (first == '<') {
            List<ImportedNetwork> parsed = OneXml.readAll(text, sourceName);
            return tx.write((c, hooks) -> {
                Access.Checker rights = access.of(c, actor);
                // a user's import makes copies: a kept id could re-take a deleted network's, whose leftover
                // security-group and ACL rules would then apply, and a conflict would name others' networks
                boolean copies = asNew || !rights.actor().isAdmin();
                List<Integer> ids = xmlImport.importNetworks(c, hooks, rights.actor(), parsed, sourceName, copies,
                        progress);
                for (int id : ids) {
                    VirtualNetwork n = networks.find(c, id).orElseThrow();
                    rights.requireCreate(ResourceType.NET, n.clusterIds());
                    if (!rights.actor().isAdmin()) {
                        // an administrator may bring networks whose groups are made later; a user uses what exists
                        securityGroups.requireUsable(c, rights, "SECURITY_GROUPS", n.securityGroups());
                    }
                }
                progress.phase("saving");
                return ids;
            });
        }
        if (first == '{') {
            if (asNew) {
                throw new ValidationException("--as-new", sourceName + ": --as-new: a JSON backup restores the"
                        + " inventory's ids and owners; import networks as copies from XML or template files");
            }
            // refused before the file is parsed, so a normal user learns nothing from it
            tx.read(c -> {
                access.of(c, actor).requireAdmin("restore a backup (it sets ids and owners; import the networks"
                        + " as XML or template files instead)");
                return null;
            });
            JsonBackupReader.Document backup = JsonBackupReader.read(text, sourceName);
            return tx.write((c, hooks) -> {
                if (backup.access().isPresent()) {
                    accessRestore.restore(c, backup.access().get(), sourceName);
                }
                List<Integer> ids = restore.restore(c, hooks, backup.networks(), progress);
                if (backup.vms().isPresent()) {
                    progress.phase("importing VMs");
                    vmRestore.restore(c, backup.vms().get(), sourceName);
                }
                progress.phase("saving");
                return ids;
            });
        }
        return List.of(networkService.create(actor, TemplateParser.parse(text, sourceName)));
    }

    private static char firstSignificant(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!Character.isWhitespace(ch)) {
                return ch;
            }
        }
        return ' ';
    }
}
