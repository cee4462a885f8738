package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.service.Progress;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.template.ImportedSecurityGroup;
import vnetdesk.template.OneSecurityGroupXml;
import vnetdesk.template.OneVnTemplateXml;
import vnetdesk.template.OneXmlDocuments;

/**
 * Imports security groups ({@code onesecgroup show|list -x}) and network templates
 * ({@code onevntemplate show|list -x}) in one transaction, by the rules of the network import:
 * for an administrator ids kept (a taken id is a conflict naming both objects; all checked before
 * anything is written, the id sequence moved past them) and owners kept ({@link InterchangeXmlOwners}),
 * permissions and lock kept; {@code asNew}, and any import by a user who is not an administrator,
 * gives new ids and the actor as owner. An object whose id, name and content (see {@link ImportedObject}) equal one of
 * the inventory's — a built-in such as security group 0 {@code default} — is already present:
 * skipped, with a note, in both modes (for a user, only one the user may use).
 */
final class InterchangeObjectImport {

    private final Tx tx;
    private final Access access;
    private final NetworkRepository ids;
    private final InterchangeXmlOwners owners;
    private final OwnedObjects groupObjects;
    private final OwnedObjects templateObjects;
    private final OwnedObjectRepository groups = OwnedObjectRepository.securityGroups();
    private final OwnedObjectRepository templates = OwnedObjectRepository.networkTemplates();

    InterchangeObjectImport(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.ids = ctx.networks();
        this.owners = new InterchangeXmlOwners(ctx.users(), ctx.networks());
        this.groupObjects = new OwnedObjects(ctx, ResourceType.SECGROUP, groups, row -> List.of());
        this.templateObjects = new OwnedObjects(ctx, ResourceType.VNTEMPLATE, templates, row -> List.of());
    }

    /**
     * Imports the document when its root is a security group or network template one
     * ({@code SECURITY_GROUP}, {@code SECURITY_GROUP_POOL}, {@code VNTEMPLATE}, {@code VNTEMPLATE_POOL});
     * empty, with nothing read or written, for any other root.
     */
    Optional<ImportResult> importIfObjects(Actor actor, String xml, String source, boolean asNew,
                                           Progress progress) {
        String root = OneXmlDocuments.rootElement(xml, source);
        if (root.equals("SECURITY_GROUP") || root.equals("SECURITY_GROUP_POOL")) {
            progress.phase("reading " + source);
            List<ImportedSecurityGroup> read = OneSecurityGroupXml.readAll(xml, source);
            List<String> notes = new ArrayList<>(ImportedObject.ignoredElements(read, source));
            List<ImportedObject> objects = ImportedObject.securityGroups(read, source);
            List<Integer> made = importAll(actor, objects, groups, groupObjects, "SECGROUP", asNew, notes, progress);
            return Optional.of(new ImportResult(List.of(), made, List.of(), notes));
        }
        if (root.equals("VNTEMPLATE") || root.equals("VNTEMPLATE_POOL")) {
            progress.phase("reading " + source);
            List<ImportedObject> objects = ImportedObject.networkTemplates(OneVnTemplateXml.readAll(xml, source),
                    source);
            List<String> notes = new ArrayList<>();
            List<Integer> made = importAll(actor, objects, templates, templateObjects, "VNTEMPLATE", asNew, notes,
                    progress);
            return Optional.of(new ImportResult(List.of(), List.of(), made, notes));
        }
        return Optional.empty();
    }

    private List<Integer> importAll(Actor actor, List<ImportedObject> objects, OwnedObjectRepository repo,
                                    OwnedObjects kind, String sequence, boolean asNew, List<String> notes,
                                    Progress progress) {
        ResourceType type = kind.type();
        return tx.write((c, hooks) -> {
            Access.Checker rights = access.of(c, actor);
            // as for networks: only an administrator keeps ids (a user's import makes copies)
            boolean copies = asNew || !rights.actor().isAdmin();
            List<ImportedObject> toMake = new ArrayList<>();
            Set<Integer> fileIds = new HashSet<>();
            for (ImportedObject o : objects) {
                if (o.id().isPresent() && !fileIds.add(o.id().get())) {
                    throw new ValidationException("ID", o.label() + ": ID: two " + type.plural() + " in the file have"
                            + " ID " + o.id().get());
                }
                Optional<Row> there = o.id().isPresent() ? repo.find(c, o.id().get()) : Optional.empty();
                // one the user may not use is not "present" for them: they get a copy and learn nothing of it
                if (there.isPresent() && o.samePresent(there.get())
                        && rights.may(kind.guarded(there.get()), Right.USE)) {
                    notes.add(o.presentNote(there.get()));
                    continue;
                }
                if (there.isPresent() && !copies) {
                    throw new ConflictException("ID", o.label() + ": ID " + o.id().get() + " is already " + type.noun()
                            + " " + there.get().id() + ":" + ValidationException.printable(there.get().name())
                            + " in this inventory (import --as-new gives the file's " + type.plural() + " new ids)");
                }
                if (o.id().isPresent() && !copies) {
                    ids.moveIdSequencePast(c, sequence, InterchangeXmlOwners.keepable(o.label(), "ID", o.id().get()));
                }
                toMake.add(o);
            }
            progress.phase("importing " + type.plural());
            List<Integer> made = new ArrayList<>();
            for (ImportedObject o : toMake) {
                made.add(insert(c, rights, o, repo, kind, sequence, copies));
                progress.step(made.size(), toMake.size());
            }
            progress.phase("saving");
            return made;
        });
    }

    private int insert(Connection c, Access.Checker rights, ImportedObject o, OwnedObjectRepository repo,
                       OwnedObjects kind, String sequence, boolean asNew) throws SQLException {
        Actor actor = rights.actor();
        rights.requireCreate(kind.type(), o.clusters());
        Actor owner = asNew || o.owner().isEmpty() ? actor
                : owners.owner(c, o.owner().get(), o.label());
        try {
            kind.checkNameFree(c, owner.uid(), o.name(), -1);
        } catch (ConflictException e) {
            throw new ConflictException("NAME", o.label() + ": " + e.getMessage());
        }
        int id = !asNew && o.id().isPresent() ? o.id().get() : ids.nextId(c, sequence);
        Permissions permissions = o.permissionsOctal().map(p -> Permissions.parseOctal("PERMISSIONS", p))
                .orElse(Permissions.DEFAULT);
        repo.insert(c, new Row(id, o.name(), new Ownership(owner.uid(), owner.gid(), permissions), o.lock(), 0,
                o.body()));
        return id;
    }
}
