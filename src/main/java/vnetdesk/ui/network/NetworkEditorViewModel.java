package vnetdesk.ui.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.netform.ArForm;
import vnetdesk.ui.common.netform.FormValidation;
import vnetdesk.ui.common.netform.NetworkForm;
import vnetdesk.ui.common.netform.SecurityTabViewModel;
import vnetdesk.ui.common.netform.ShownErrors;

/**
 * The network detail form behind the General, Conf, QoS, Context and Security
 * tabs, in create mode (with the first address range) or edit mode: live
 * validation with the model's rules, dirty tracking against what was loaded,
 * Save / Revert, the unsaved-changes question, and the derived hints (the
 * bridge name that will be generated, the default-group warning).
 */
public final class NetworkEditorViewModel {

    /** Create a new network, or edit a stored one. */
    public enum Mode { CREATE, EDIT }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final NetworkForm form = new NetworkForm();
    private final ArForm firstAr = new ArForm();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CREATE);
    private final ReadOnlyObjectWrapper<Optional<NetworkDetails>> current = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ShownErrors errors = new ShownErrors();
    /** One read-only view, kept: a listener on a short-lived unmodifiable wrapper would be collected with it. */
    private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(errors.shown());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper bridgeHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper defaultGroupWarning = new ReadOnlyStringWrapper("");
    private final BooleanProperty withFirstAr = new SimpleBooleanProperty(true);
    private Map<String, String> loaded = Map.of();
    /** Bumped by every load, create, revert and save, so late results of an earlier one are dropped. */
    private int generation;
    private IntConsumer savedWhileLeaving = id -> { };
    private boolean loading;

    public NetworkEditorViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        form.fieldsByAttribute().forEach((attribute, o) -> o.addListener(x -> {
            if (!loading) {
                errors.touch(attribute);
            }
        }));
        form.observables().forEach(o -> o.addListener(x -> changed()));
        // firstAr validates in its own listeners, registered first (in its constructor), so its validity
        // is current when changed() reads it
        firstAr.observables().forEach(o -> o.addListener(x -> changed()));
        withFirstAr.addListener(x -> changed());
        startCreate();
    }

    /** An empty form for a new network (bridged, cluster 0, security group 0, an IP4 AR). */
    public void startCreate() {
        generation++;
        loading = true;
        firstAr.reset();
        withFirstAr.set(true);
        mode.set(Mode.CREATE);
        current.set(Optional.empty());
        form.load(Map.of("VN_MAD", "bridge", "CLUSTER_IDS", "0", "SECURITY_GROUPS", "0"));
        loading = false;
        loaded = form.toAttributes();
        errors.loaded(check(loaded));
        changed();
    }

    /** Loads network {@code id} in the background; {@code whenLoaded} runs after the form shows it. */
    public void edit(int id, Runnable whenLoaded) {
        int gen = ++generation;
        busy.set(true);
        runner.run("Loading network " + id, () -> inventory.queries().details(actor, ObjectRef.id(id), 0), d -> {
                    if (gen != generation) {
                        return; // the user moved on (New, another network) while it loaded
                    }
                    busy.set(false);
                    show(d);
                    whenLoaded.run();
                },
                e -> {
                    if (gen == generation) {
                        busy.set(false);
                        dialogs.showError("Cannot load network " + id, e);
                    }
                });
    }

    private void show(NetworkDetails d) {
        loading = true;
        mode.set(Mode.EDIT);
        current.set(Optional.of(d));
        Map<String, String> a = new LinkedHashMap<>(NetworkAttributes.toAttributes(d.network()));
        form.load(a);
        loading = false;
        loaded = form.toAttributes();
        errors.loaded(check(loaded));
        changed();
    }

    /**
     * Reads the shown network again after a change made elsewhere (rename,
     * lock, chown, chmod): the form too when it has no edits; else the edits
     * stay, and a new name reaches the name field unless the user edited it
     * (Save would otherwise rename the network back).
     */
    void reloadKeepingEdits() {
        current.get().ifPresent(shown -> {
            int gen = generation;
            int id = shown.network().id();
            runner.run("Loading network " + id, () -> inventory.queries().details(actor, ObjectRef.id(id), 0), d -> {
                        if (gen != generation) {
                            return;
                        }
                        if (!dirty.get()) {
                            show(d);
                            return;
                        }
                        boolean nameUnedited = form.text("NAME").get().equals(loaded.get("NAME"));
                        Map<String, String> renamed = new LinkedHashMap<>(loaded);
                        renamed.put("NAME", d.network().name());
                        loaded = renamed;
                        current.set(Optional.of(d));
                        if (nameUnedited) {
                            form.text("NAME").set(d.network().name());
                        }
                        changed();
                    }, e -> dialogs.showError("Cannot load network " + id, e));
        });
    }

    /** Puts the form back to what was loaded. */
    public void revert() {
        current.get().ifPresentOrElse(d -> {
            generation++;
            show(d);
        }, this::startCreate);
    }

    /**
     * Saves (create or update) in the background. A validation error from the
     * service lands on its field; anything else is shown as an error dialog.
     * {@code onSaved} receives the network id.
     */
    public void save(IntConsumer onSaved) {
        changed();
        if (!valid.get()) {
            errors.revealAll();
            firstAr.revealErrors();
            return;
        }
        Template template = template();
        generation++;
        busy.set(true);
        if (mode.get() == Mode.CREATE) {
            runner.run("Creating network", () -> inventory.networks().create(actor, template),
                    id -> afterSave(id, onSaved), this::saveFailed);
        } else {
            int id = current.get().orElseThrow().network().id();
            runner.run("Saving network " + id, () -> {
                inventory.networks().update(actor, ObjectRef.id(id), template, false);
                return id;
            }, saved -> afterSave(saved, onSaved), this::saveFailed);
        }
    }

    private void afterSave(int id, IntConsumer onSaved) {
        // read back what the service stored (generated bridge, automatic VLAN id)
        int gen = generation;
        runner.run("Loading network " + id, () -> inventory.queries().details(actor, ObjectRef.id(id), 0), d -> {
            busy.set(false);
            if (gen == generation) {
                show(d);
            }
            onSaved.accept(id);
        }, e -> {
            busy.set(false);
            dialogs.showError("Network " + id + " was saved but cannot be read back", e);
        });
    }

    private void saveFailed(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException v && v.field().isPresent()) {
            errors.refused(v.field().get(), v.getMessage());
        } else if (ErrorText.isUserError(e)) {
            errors.refused(FormValidation.GENERAL, ErrorText.message(e));
        } else {
            dialogs.showError("Cannot save the network", e);
        }
    }

    /**
     * Runs {@code proceed} once the form may show something else: at once when
     * nothing is unsaved; otherwise after asking — Save runs it when the save
     * has succeeded (a refused save keeps the form and does not run it),
     * Discard reverts and runs it, Cancel does nothing.
     */
    public void leave(Runnable proceed) {
        if (!dirty.get()) {
            proceed.run();
            return;
        }
        String what = mode.get() == Mode.CREATE ? "the new network"
                : "network " + current.get().map(d -> d.network().label()).orElse("");
        switch (dialogs.askUnsaved(what)) {
            case SAVE -> {
                if (!valid.get()) {
                    // the form may not be on screen (quit, switch user): say why nothing moves on
                    dialogs.notify("Not saved: " + what + " has errors; fix them, or choose Discard");
                }
                save(id -> {
                    savedWhileLeaving.accept(id);
                    proceed.run();
                });
            }
            case DISCARD -> {
                revert();
                proceed.run();
            }
            default -> {
            }
        }
    }

    /** Told the id of a network saved through the unsaved-changes question (the list reloads). */
    public void setOnSavedWhileLeaving(IntConsumer c) {
        savedWhileLeaving = c;
    }

    Template template() {
        List<TemplateAttribute> attributes = new ArrayList<>();
        form.toAttributes().forEach((k, v) -> attributes.add(new TemplateAttribute.Single(k, v)));
        if (mode.get() == Mode.CREATE && withFirstAr.get()) {
            List<TemplateAttribute.Single> ar = new ArrayList<>();
            firstAr.toAttributes().forEach((k, v) -> ar.add(new TemplateAttribute.Single(k, v)));
            attributes.add(new TemplateAttribute.Vector("AR", ar));
        }
        return new Template(attributes);
    }

    private void changed() {
        if (loading) {
            return;
        }
        Map<String, String> attributes = form.toAttributes();
        errors.update(check(attributes));
        valid.set(errors.all().isEmpty()
                && (mode.get() == Mode.EDIT || !withFirstAr.get() || firstAr.validBinding().get()));
        dirty.set(!attributes.equals(loaded) || (mode.get() == Mode.CREATE && withFirstAr.get() && firstArTouched()));
        bridgeHint.set(bridgeHint(attributes));
        defaultGroupWarning.set(SecurityTabViewModel.defaultGroupWarning(attributes.getOrDefault(NetworkForm.SECURITY_GROUPS, "")));
    }

    private Map<String, String> check(Map<String, String> attributes) {
        return FormValidation.errors(attributes, a -> {
            a.forEach(TemplateAttribute.Single::new);
            if (mode.get() == Mode.CREATE) {
                NetworkAttributes.parse(a);
            } else {
                VirtualNetwork n = current.get().orElseThrow().network();
                NetworkAttributes.parseUpdate(a, n.name(), n.conf().driver());
            }
        });
    }

    private boolean firstArTouched() {
        return firstAr.toAttributes().size() > 1;
    }

    /** Mirrors the service: a generated name is kept on update; a new one is onebr.VLAN or onebrID. */
    private String bridgeHint(Map<String, String> a) {
        if (!a.getOrDefault("BRIDGE", "").isEmpty()) {
            return "";
        }
        Optional<VirtualNetwork> n = current.get().map(NetworkDetails::network);
        if (n.isPresent() && n.get().conf().bridgeGenerated()) {
            return "empty: keeps the generated name " + n.get().conf().bridge();
        }
        boolean automatic = "YES".equals(a.get("AUTOMATIC_VLAN_ID"));
        Optional<Integer> vlan = automatic ? Optional.empty() : parseInt(a.getOrDefault("VLAN_ID", ""));
        if (n.isPresent()) {
            return "empty: the bridge will be named " + NetworkConf.generatedBridge(n.get().id(), vlan);
        }
        return "empty: the bridge will be named " + vlan.map(v -> "onebr." + v).orElse("onebr<id> (id given on save)");
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

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The stored network being edited (empty in create mode). */
    public ReadOnlyObjectProperty<Optional<NetworkDetails>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The errors to show: attribute name (or "" for the form as a whole) to message; see {@link ShownErrors}. */
    public ObservableMap<String, String> errors() {
        return errorsView;
    }

    /** True when the form (and the first AR of a new network) would be accepted, shown errors or not. */
    public ReadOnlyBooleanProperty validBinding() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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
