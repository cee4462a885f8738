package vnetdesk.ui.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

import vnetdesk.model.Actor;
import vnetdesk.model.BridgeNaming;
import vnetdesk.model.Driver;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.Inventory;
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
 * The network form behind the General, Conf, QoS, Context and Security tabs,
 * in create mode (with the first address range) or edit mode, on the shared
 * {@link EditorSession}: what is its own is the network's fields and their
 * model checks, the first AR of a new network, and the derived hints (the
 * bridge name that will be generated, the default-group warning).
 */
public final class NetworkEditorViewModel extends EditorSession<NetworkDetails> {

    private final Inventory inventory;
    private final Actor actor;
    private final NetworkForm form = new NetworkForm();
    private final ArForm firstAr = new ArForm();
    private final ReadOnlyStringWrapper bridgeHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper defaultGroupWarning = new ReadOnlyStringWrapper("");
    private final BooleanProperty withFirstAr = new SimpleBooleanProperty(true);

    public NetworkEditorViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        super("network", runner, dialogs);
        this.inventory = inventory;
        this.actor = actor;
        form.fieldsByAttribute().forEach(this::watch);
        watch(form.custom());
        // firstAr validates in its own listeners, registered first (in its constructor), so its validity
        // is current when the session reads it
        firstAr.observables().forEach(this::watch);
        watch(withFirstAr);
        startCreate();
    }

    @Override
    protected NetworkDetails read(int id) {
        return inventory.queries().details(actor, ObjectRef.id(id), 0);
    }

    @Override
    protected Identity identityOf(NetworkDetails d) {
        return new Identity(d.network().id(), d.network().name());
    }

    @Override
    protected void fill(Optional<NetworkDetails> stored) {
        // the first AR's form starts empty and unscolded whatever was shown before
        firstAr.reset();
        if (stored.isPresent()) {
            form.load(new LinkedHashMap<>(NetworkAttributes.toAttributes(stored.get().network())));
        } else {
            withFirstAr.set(true);
            form.load(Map.of("VN_MAD", "bridge", "CLUSTER_IDS", "0", "SECURITY_GROUPS", "0"));
        }
    }

    /** The form's attributes, and the first AR of a new network once the user typed in it. */
    @Override
    protected Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>(form.toAttributes());
        if (isNew() && withFirstAr.get() && firstAr.toAttributes().size() > 1) {
            v.put("AR", firstAr.toAttributes());
        }
        return v;
    }

    @Override
    protected Map<String, String> problems(Optional<NetworkDetails> stored) {
        Map<String, String> a = form.toAttributes();
        return NetworkFormChecks.problems(a, stored.map(d -> NetworkAttributes.updateProblems(a, d.network().name(),
                d.network().conf().driver())).orElseGet(() -> NetworkAttributes.problems(a)));
    }

    @Override
    protected Callable<Integer> saving(Optional<NetworkDetails> stored) {
        Template template = template();
        if (stored.isEmpty()) {
            return () -> inventory.networks().create(actor, template);
        }
        int id = stored.get().network().id();
        return () -> {
            inventory.networks().update(actor, ObjectRef.id(id), template, false);
            return id;
        };
    }

    @Override
    protected StringProperty nameField() {
        return form.text("NAME");
    }

    @Override
    protected boolean partsValid() {
        return !firstArUsed() || firstAr.validBinding().get();
    }

    /** The first AR's first error on show (its form is part of a new network only). */
    @Override
    protected String partsProblem() {
        return firstArUsed() ? firstAr.errors().values().stream().sorted().findFirst().orElse("") : "";
    }

    /** A stored network's save never reveals the first AR: its form is not shown, and not sent. */
    @Override
    protected void revealParts() {
        if (firstArUsed()) {
            firstAr.revealErrors();
        }
    }

    private boolean firstArUsed() {
        return isNew() && withFirstAr.get();
    }

    @Override
    protected void afterChange() {
        Map<String, String> attributes = form.toAttributes();
        bridgeHint.set(bridgeHint(attributes));
        defaultGroupWarning.set(SecurityTabViewModel.defaultGroupWarning(
                attributes.getOrDefault(NetworkForm.SECURITY_GROUPS, "")));
    }

    private boolean isNew() {
        return currentProperty().get().isEmpty();
    }

    Template template() {
        List<TemplateAttribute> attributes = new ArrayList<>();
        form.toAttributes().forEach((k, v) -> attributes.add(new TemplateAttribute.Single(k, v)));
        if (isNew() && withFirstAr.get()) {
            List<TemplateAttribute.Single> ar = new ArrayList<>();
            firstAr.toAttributes().forEach((k, v) -> ar.add(new TemplateAttribute.Single(k, v)));
            attributes.add(new TemplateAttribute.Vector("AR", ar));
        }
        return new Template(attributes);
    }

    /** What the Conf tab says of an empty bridge field, by the service's own naming rule. */
    private String bridgeHint(Map<String, String> a) {
        String given = a.getOrDefault("BRIDGE", "");
        if (given.isEmpty() && Driver.DUMMY.mad().equalsIgnoreCase(a.getOrDefault("VN_MAD", "").strip())) {
            return "required for the dummy driver: OpenNebula generates no bridge name for it";
        }
        BridgeNaming naming = new BridgeNaming(given.isEmpty() ? Optional.empty() : Optional.of(given),
                parseInt(a.getOrDefault("VLAN_ID", "")), "YES".equals(a.get("AUTOMATIC_VLAN_ID")));
        Optional<VirtualNetwork> n = currentProperty().get().map(NetworkDetails::network);
        if (n.isEmpty()) {
            return naming.given().isPresent() ? "" : "empty: the bridge will be named "
                    + naming.generatedNameBeforeId().orElse("onebr<id> (id given on save)");
        }
        BridgeNaming.Choice bridge = naming.onUpdate(n.get().id(), n.get().conf());
        return switch (bridge.origin()) {
            case GIVEN -> "";
            case KEPT -> "empty: keeps the generated name " + bridge.name();
            case GENERATED -> "empty: the bridge will be named " + bridge.name();
        };
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return s.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Removes group 0 from the security groups (the warning's one-click fix). */
    public void removeDefaultGroup() {
        form.text(NetworkForm.SECURITY_GROUPS).set(SecurityTabViewModel.withoutDefaultGroup(form.text(NetworkForm.SECURITY_GROUPS).get()));
    }

    public NetworkForm form() {
        return form;
    }

    /** The first AR of a new network (create mode only). */
    public ArForm firstAr() {
        return firstAr;
    }

    /** What the Conf tab says under an empty bridge field; empty when a bridge is given. */
    public ReadOnlyStringProperty bridgeHintProperty() {
        return bridgeHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty defaultGroupWarningProperty() {
        return defaultGroupWarning.getReadOnlyProperty();
    }

    /** Whether a new network gets its first address range from the form (on by default). */
    public BooleanProperty withFirstArProperty() {
        return withFirstAr;
    }
}
