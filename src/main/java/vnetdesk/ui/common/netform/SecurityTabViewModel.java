package vnetdesk.ui.common.netform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.SecurityRule;
import vnetdesk.service.Inventory;
import vnetdesk.service.SecurityGroupService.EffectiveRule;
import vnetdesk.service.SecurityGroupService.EffectiveRules;
import vnetdesk.service.SecurityGroupService.GroupSummary;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The network's Security tab: the groups the user may use as a checkable
 * list kept in step with the form's SECURITY_GROUPS ids, and the effective
 * rules a NIC of the saved network gets.
 */
public final class SecurityTabViewModel {

    /** A group that can be checked; {@code rules} is one summary per line. */
    public static final class GroupChoice {
        private final int id;
        private final String label;
        private final String rules;
        private final BooleanProperty checked = new SimpleBooleanProperty();

        GroupChoice(int id, String label, String rules) {
            this.id = id;
            this.label = label;
            this.rules = rules;
        }

        public int id() {
            return id;
        }

        public String label() {
            return label;
        }

        public String rules() {
            return rules;
        }

        public BooleanProperty checkedProperty() {
            return checked;
        }
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final StringProperty ids;
    private final ObservableList<GroupChoice> groups = FXCollections.observableArrayList();
    private final ObservableList<EffectiveRule> effective = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper effectiveNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper effectiveWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper defaultGroupWarning = new ReadOnlyStringWrapper("");
    private boolean syncing;
    /** Bumped by every load, so a late result for the network shown before is dropped. */
    private int generation;

    /** {@code ids} is the form's SECURITY_GROUPS text, the one source of truth the check boxes follow. */
    public SecurityTabViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, StringProperty ids) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.ids = ids;
        ids.addListener((o, was, now) -> {
            syncChecks();
            defaultGroupWarning.set(defaultGroupWarning(now == null ? "" : now));
        });
        defaultGroupWarning.set(defaultGroupWarning(ids.get() == null ? "" : ids.get()));
    }

    /** Reads the groups the user may use, and the effective rules of the saved network (if any). */
    public void load(Optional<Integer> networkId) {
        int gen = ++generation;
        runner.run("Loading security groups", () -> inventory.securityGroups().list(actor), list -> {
            if (gen == generation) {
                showGroups(list);
            }
        }, e -> dialogs.showError("Cannot load the security groups", e));
        effective.clear();
        effectiveWarning.set("");
        if (networkId.isEmpty()) {
            effectiveNote.set("Save the network to see the rules its NICs get.");
            return;
        }
        effectiveNote.set("Loading…");
        runner.run("Reading effective rules",
                () -> inventory.securityGroups().effectiveRules(actor, ObjectRef.id(networkId.get())),
                rules -> {
                    if (gen == generation) {
                        showEffective(rules);
                    }
                }, e -> {
                    if (gen == generation) {
                        effectiveNote.set("Cannot read the effective rules: " + e.getMessage());
                    }
                });
    }

    private void showGroups(List<GroupSummary> list) {
        List<GroupChoice> choices = new ArrayList<>();
        for (GroupSummary s : list) {
            GroupChoice c = new GroupChoice(s.group().id(), s.group().label(), s.group().rules().stream()
                    .map(SecurityRule::summary).collect(Collectors.joining("\n")));
            c.checkedProperty().addListener((o, was, now) -> checked(c.id(), now));
            choices.add(c);
        }
        groups.setAll(choices);
        syncChecks();
    }

    private void showEffective(EffectiveRules rules) {
        effective.setAll(rules.rules());
        effectiveWarning.set(rules.warning().orElse(""));
        List<String> notes = new ArrayList<>(rules.notes());
        notes.add(0, "Rules of the saved network (groups " + String.join(", ", rules.groups())
                + "); allow-only, their order does not matter.");
        effectiveNote.set(String.join("\n", notes));
    }

    /** The ids in the form's text, in order; entries that are not ids are left to the form's validation. */
    private List<Integer> currentIds() {
        Set<Integer> out = new LinkedHashSet<>();
        for (String part : ids.get() == null ? new String[0] : ids.get().split(",")) {
            String p = part.trim();
            if (p.matches("[0-9]{1,9}")) {
                out.add(Integer.parseInt(p));
            }
        }
        return new ArrayList<>(out);
    }

    private void syncChecks() {
        syncing = true;
        try {
            List<Integer> current = currentIds();
            groups.forEach(g -> g.checkedProperty().set(current.contains(g.id())));
        } finally {
            syncing = false;
        }
    }

    private void checked(int id, boolean on) {
        if (syncing) {
            return;
        }
        List<Integer> current = currentIds();
        if (on && !current.contains(id)) {
            current.add(id);
        } else if (!on) {
            current.remove(Integer.valueOf(id));
        }
        ids.set(current.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** The default-group warning for the ids as they stand (for forms that have no editor of their own for it). */
    public ReadOnlyStringProperty defaultGroupWarningProperty() {
        return defaultGroupWarning.getReadOnlyProperty();
    }

    /** Takes group 0 out of the ids (the warning's one-click fix). */
    public void removeDefaultGroup() {
        ids.set(withoutDefaultGroup(ids.get() == null ? "" : ids.get()));
    }

    /** The portal's warning: group 0 "default" opens everything, so combined with others it defeats them. */
    public static String defaultGroupWarning(String ids) {
        List<String> list = List.of(ids.trim().split("\\s*,\\s*"));
        if (list.contains("0") && list.stream().anyMatch(s -> !s.isEmpty() && !s.equals("0"))) {
            return "Security group 0 (default) allows all traffic; combined with other groups it makes their"
                    + " rules pointless. Remove it unless that is intended.";
        }
        return "";
    }

    /** SECURITY_GROUPS ids without group 0. */
    public static String withoutDefaultGroup(String ids) {
        return String.join(",", List.of(ids.trim().split("\\s*,\\s*")).stream()
                .filter(s -> !s.isEmpty() && !s.equals("0")).toList());
    }

    public ObservableList<GroupChoice> groups() {
        return groups;
    }

    public ObservableList<EffectiveRule> effective() {
        return effective;
    }

    public ReadOnlyStringProperty effectiveNoteProperty() {
        return effectiveNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty effectiveWarningProperty() {
        return effectiveWarning.getReadOnlyProperty();
    }
}
