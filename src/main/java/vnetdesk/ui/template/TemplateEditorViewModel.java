package vnetdesk.ui.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.service.Inventory;
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.service.NetworkTemplateService.TemplateSummary;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.netform.ArForm;
import vnetdesk.ui.common.netform.NetworkForm;
import vnetdesk.ui.common.netform.NetworkFormChecks;
import vnetdesk.ui.common.netform.SecurityTabViewModel;

/**
 * The template detail form behind every tab, for a stored template or a new
 * one, on the shared {@link EditorSession}: what is its own is the network
 * fields ({@link NetworkForm}, checked with the network rules as the service
 * checks a template), the AR vectors, the typed attributes no field shows,
 * the Security tab's groups, and chmod.
 */
public final class TemplateEditorViewModel extends EditorSession<TemplateSummary> {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final NetworkForm form = new NetworkForm();
    private final SecurityTabViewModel securityGroups;
    private final ObservableList<TemplateAr> ars = FXCollections.observableArrayList();
    /** Typed attributes no field shows (ALLOCATION, BRIDGE_TYPE …, e.g. written with the CLI): Save keeps them. */
    private List<TemplateAttribute> kept = List.of();

    public TemplateEditorViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        super("network template", runner, dialogs);
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        form.fieldsByAttribute().forEach(this::watch);
        watch(form.custom());
        watch(ars);
        this.securityGroups = new SecurityTabViewModel(inventory, actor, runner, dialogs,
                form.text(NetworkForm.SECURITY_GROUPS));
        startCreate();
        // the list of groups is read again whenever another template (or a new one) is shown
        currentProperty().addListener((o, was, now) -> securityGroups.load(Optional.empty()));
    }

    /** The template as listed for the actor (with its owner's names); refused with the service's message. */
    @Override
    protected TemplateSummary read(int id) {
        inventory.templates().info(actor, ObjectRef.id(id));
        return inventory.templates().list(actor).stream().filter(s -> s.template().id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("network template " + id + " is no longer listed for you"));
    }

    @Override
    protected Identity identityOf(TemplateSummary s) {
        return new Identity(s.template().id(), s.template().name());
    }

    @Override
    protected void fill(Optional<TemplateSummary> stored) {
        if (stored.isEmpty()) {
            form.load(Map.of("VN_MAD", "bridge", "SECURITY_GROUPS", "0"));
            ars.clear();
            kept = List.of();
            return;
        }
        NetworkTemplate t = stored.get().template();
        Map<String, String> singles = new LinkedHashMap<>();
        singles.put("NAME", t.name());
        t.body().singles().forEach(a -> singles.put(a.name(), a.value()));
        form.load(singles);
        ars.setAll(t.body().vectors("AR").stream().map(TemplateAr::of).toList());
        // NetworkForm.load drops typed attributes it has no field for; they are kept aside instead
        kept = t.body().attributes().stream()
                .filter(a -> a instanceof TemplateAttribute.Single && NetworkAttributes.TYPED.contains(a.name())
                        && !form.fieldsByAttribute().containsKey(a.name()))
                .toList();
    }

    @Override
    protected Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>(attributes());
        v.put("AR", List.copyOf(ars));
        return v;
    }

    @Override
    protected Map<String, String> problems(Optional<TemplateSummary> stored) {
        Map<String, String> a = attributes();
        return NetworkFormChecks.problems(a, NetworkAttributes.problems(a));
    }

    /** Allocates or replaces the whole template. */
    @Override
    protected Callable<Integer> saving(Optional<TemplateSummary> stored) {
        Template template = template();
        if (stored.isEmpty()) {
            return () -> inventory.templates().allocate(actor, template);
        }
        int id = identityOf(stored.get()).id();
        return () -> {
            inventory.templates().update(actor, ObjectRef.id(id), template, false);
            return id;
        };
    }

    @Override
    protected StringProperty nameField() {
        return form.text("NAME");
    }

    /** Changes the permissions of the template shown (the General tab's Apply); {@code done} gets its id. */
    public void chmod(Permissions permissions, IntConsumer done) {
        currentProperty().get().ifPresent(s -> runner.run("Changing permissions of " + s.template().label(), () -> {
            inventory.templates().chmod(actor, ObjectRef.id(s.template().id()), permissions);
            return s.template().id();
        }, id -> {
            refreshIfShowing(id);
            done.accept(id);
        }, e -> dialogs.showError("Cannot change the permissions of " + s.template().name(), e)));
    }

    /**
     * Whether the permissions grid is offered: for a stored template. Whether the
     * user may chmod is the service's to say (bits, ACL rules, locks), and a
     * refusal names the missing right.
     */
    public boolean mayChmod() {
        return currentProperty().get().isPresent();
    }

    /** Adds the AR of {@code arForm} if it is valid (true); otherwise reveals its errors (false). */
    public boolean addAr(ArForm arForm) {
        if (!arForm.validBinding().get()) {
            arForm.revealErrors();
            return false;
        }
        ars.add(new TemplateAr(arForm.toAttributes()));
        return true;
    }

    public void removeAr(TemplateAr ar) {
        ars.remove(ar);
    }

    /** What Save sends: NAME, the non-default network attributes, the kept attributes, then the ARs. */
    Template template() {
        List<TemplateAttribute> all = new ArrayList<>();
        attributes().forEach((k, v) -> all.add(new TemplateAttribute.Single(k, v)));
        all.addAll(kept);
        ars.forEach(ar -> all.add(ar.toVector()));
        return new Template(all);
    }

    /**
     * The form's attributes without the empty fields and NO flags: a template
     * holds only what it sets (SECURITY_GROUPS stays, empty means "none").
     */
    private Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        form.toAttributes().forEach((k, v) -> {
            boolean unset = v.isEmpty() || (NetworkForm.FLAGS.contains(k) && v.equals("NO"));
            if (!unset || k.equals("NAME") || k.equals(NetworkForm.SECURITY_GROUPS)) {
                a.put(k, v);
            }
        });
        return a;
    }

    /** The Security tab's groups, kept in step with the form's SECURITY_GROUPS ids. */
    public SecurityTabViewModel securityGroups() {
        return securityGroups;
    }

    public NetworkForm form() {
        return form;
    }

    /** The template's AR vectors, in order. */
    public ObservableList<TemplateAr> ars() {
        return ars;
    }
}
