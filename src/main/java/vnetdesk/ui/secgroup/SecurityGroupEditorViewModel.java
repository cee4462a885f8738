package vnetdesk.ui.secgroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Problems;
import vnetdesk.model.SecurityGroup;
import vnetdesk.service.Inventory;
import vnetdesk.service.SecurityGroupService.GroupDetails;
import vnetdesk.template.Template;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.TaskRunner;

/**
 * The security group form behind the General and Rules tabs, in create or
 * edit mode, on the shared {@link EditorSession}: what is its own is the name,
 * the description and the rule rows (each validated as it is edited with the
 * model's own parser; Save waits until every rule is valid).
 */
public final class SecurityGroupEditorViewModel extends EditorSession<GroupDetails> {

    private final Inventory inventory;
    private final Actor actor;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<RuleRow> rules =
            FXCollections.observableArrayList(r -> r.inputs().toArray(Observable[]::new));
    private final ReadOnlyStringWrapper rulesError = new ReadOnlyStringWrapper("");

    public SecurityGroupEditorViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        super("security group", runner, dialogs);
        this.inventory = inventory;
        this.actor = actor;
        watch("NAME", name);
        watch("DESCRIPTION", description);
        watch(rules);
        startCreate();
    }

    @Override
    protected GroupDetails read(int id) {
        return inventory.securityGroups().show(actor, ObjectRef.id(id));
    }

    @Override
    protected Identity identityOf(GroupDetails d) {
        return new Identity(d.summary().group().id(), d.summary().group().name());
    }

    @Override
    protected void fill(Optional<GroupDetails> stored) {
        Optional<SecurityGroup> g = stored.map(d -> d.summary().group());
        name.set(g.map(SecurityGroup::name).orElse(""));
        description.set(g.map(SecurityGroup::description).orElse(""));
        rules.setAll(g.map(x -> x.rules().stream().map(RuleRow::of).toList()).orElse(List.of()));
    }

    @Override
    protected Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(NAME, name.get());
        v.put("DESCRIPTION", description.get());
        v.put("RULES", rules.stream().map(RuleRow::attributes).toList());
        return v;
    }

    @Override
    protected Map<String, String> problems(Optional<GroupDetails> stored) {
        Problems problems = new Problems();
        problems.check(() -> NetworkAttributes.checkName("NAME", name.get()));
        problems.check(() -> NetworkAttributes.checkText("DESCRIPTION", description.get(), NetworkAttributes.MAX_TEXT_LENGTH));
        return problems.byField();
    }

    @Override
    protected Callable<Integer> saving(Optional<GroupDetails> stored) {
        Template template = GroupTemplate.of(name.get(), description.get(), rules);
        if (stored.isEmpty()) {
            return () -> inventory.securityGroups().create(actor, template);
        }
        int id = identityOf(stored.get()).id();
        return () -> {
            inventory.securityGroups().update(actor, ObjectRef.id(id), template, false);
            return id;
        };
    }

    @Override
    protected StringProperty nameField() {
        return name;
    }

    @Override
    protected boolean partsValid() {
        return rules.stream().allMatch(RuleRow::isValid);
    }

    @Override
    protected String partsProblem() {
        long invalid = rules.stream().filter(r -> !r.isValid()).count();
        return invalid == 0 ? "" : "fix the marked rule" + (invalid > 1 ? "s" : "") + " first (" + invalid + " invalid)";
    }

    /** A new, untouched form is not scolded: it only says what Save is waiting for. */
    @Override
    protected String incompleteHint() {
        return "give the new group a name";
    }

    @Override
    protected void afterChange() {
        List<String> ruleErrors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!rules.get(i).isValid()) {
                ruleErrors.add("Rule " + (i + 1) + ": " + rules.get(i).errorProperty().get());
            }
        }
        rulesError.set(String.join("\n", ruleErrors));
    }

    /** Adds an inbound TCP rule for every port and address, for the user to narrow down. */
    public RuleRow addRule() {
        RuleRow row = new RuleRow();
        rules.add(row);
        return row;
    }

    public void removeRule(RuleRow row) {
        rules.remove(row);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The rule rows; a change in any row's cells is reported as an update of the list. */
    public ObservableList<RuleRow> rules() {
        return rules;
    }

    /** One line per invalid rule ("Rule 2: RANGE: …"); empty when every rule is valid. */
    public ReadOnlyStringProperty rulesErrorProperty() {
        return rulesError.getReadOnlyProperty();
    }
}
