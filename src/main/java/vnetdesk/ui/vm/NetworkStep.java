package vnetdesk.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Host;
import vnetdesk.service.Inventory;
import vnetdesk.service.vm.NetworkChoice;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskHandle;
import vnetdesk.ui.common.TaskRunner;

/**
 * Page 1 of the Attach NIC wizard: a network the user may use, or automatic
 * selection. For automatic selection the requirements and rank are checked
 * as they are typed (a malformed one marked at its position), and the
 * service's preview lists the network it would choose and every candidate
 * turned down with its reason — on the VM's host, or, for a VM not on a
 * host, on the host the user picks for the preview (the NIC itself waits
 * for its network until the VM is deployed).
 */
public final class NetworkStep {

    /** A named network, or automatic selection. */
    public enum Mode { NETWORK, AUTOMATIC }

    /** A network as the page lists it; {@code problem} says why the attach would be refused, if it would. */
    public record NetworkOption(VirtualNetwork network, Optional<String> problem) {

        @Override
        public String toString() {
            return network.label() + problem.map(p -> "  — " + p).orElse("");
        }
    }

    /** One network automatic selection looked at: chosen (with why), or turned down (with why). */
    public record Candidate(String text, boolean chosen) {
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final int vmId;
    private final Optional<Host> placed;
    private final Map<String, Integer> hostIds = new LinkedHashMap<>();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NETWORK);
    private final ObservableList<NetworkOption> networks = FXCollections.observableArrayList();
    private final ObjectProperty<NetworkOption> network = new SimpleObjectProperty<>();
    private final StringProperty requirements = new SimpleStringProperty("");
    private final StringProperty rank = new SimpleStringProperty("");
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<String> previewHost = new SimpleObjectProperty<>();
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<NetworkChoice>> choice = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<ExpressionMark>> requirementsMark =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<ExpressionMark>> rankMark = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper checkError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding valid;
    private Optional<TaskHandle> lastCheck = Optional.empty();
    private long generation;

    /**
     * {@code usable}: the networks the user may use; {@code placed}: the VM's host;
     * {@code allHosts}: the hosts a VM not on a host may be previewed on.
     */
    NetworkStep(Inventory inventory, Actor actor, TaskRunner runner, int vmId, Optional<Host> placed,
                List<VirtualNetwork> usable, List<Host> allHosts) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.vmId = vmId;
        this.placed = placed;
        usable.forEach(n -> networks.add(new NetworkOption(n, placed.filter(h -> !n.clusterIds()
                .contains(h.clusterId())).map(h -> "not in the cluster of host " + h.label()
                + ": the attach would be refused"))));
        allHosts.forEach(h -> hostIds.put(h.label(), h.id()));
        hosts.setAll(hostIds.keySet());
        previewHost.set(hosts.isEmpty() ? null : hosts.get(0));
        valid = Bindings.createBooleanBinding(this::isValid, mode, network, checking, requirementsMark, rankMark,
                checkError, choice);
        requirements.addListener((o, was, now) -> check());
        rank.addListener((o, was, now) -> check());
        previewHost.addListener((o, was, now) -> check());
        mode.addListener((o, was, now) -> check());
    }

    private boolean isValid() {
        if (mode.get() == Mode.NETWORK) {
            return network.get() != null && network.get().problem().isEmpty();
        }
        // on a host the attach chooses now and is refused when nothing qualifies; off a host the NIC waits
        return !checking.get() && requirementsMark.get().isEmpty() && rankMark.get().isEmpty()
                && checkError.get().isEmpty() && (placed.isEmpty() || choice.get().flatMap(NetworkChoice::networkId)
                .isPresent());
    }

    /** Checks the expressions and previews the choice; a check of text changed since is cancelled. */
    private void check() {
        lastCheck.ifPresent(TaskHandle::cancel);
        long mine = ++generation;
        requirementsMark.set(Optional.empty());
        rankMark.set(Optional.empty());
        checkError.set("");
        if (mode.get() != Mode.AUTOMATIC) {
            checking.set(false);
            return;
        }
        String req = requirements.get().trim();
        String by = rank.get().trim();
        Optional<ObjectRef> host = placed.isPresent() ? Optional.empty()
                : Optional.ofNullable(previewHost.get()).map(hostIds::get).map(ObjectRef::id);
        boolean canPreview = placed.isPresent() || host.isPresent();
        checking.set(true);
        lastCheck = Optional.of(runner.run("Checking the requirements", () -> {
            inventory.vms().checkAutomatic(req, by);
            return canPreview ? Optional.of(inventory.vms().previewNetwork(actor, ObjectRef.id(vmId), host, req, by))
                    : Optional.<NetworkChoice>empty();
        }, result -> {
            if (mine == generation) {
                checking.set(false);
                showChoice(result);
            }
        }, e -> {
            if (mine == generation) {
                checking.set(false);
                showChoice(Optional.empty());
                refused(e);
            }
        }));
    }

    private void showChoice(Optional<NetworkChoice> result) {
        choice.set(result);
        candidates.setAll(result.map(NetworkStep::candidatesOf).orElse(List.of()));
    }

    private static List<Candidate> candidatesOf(NetworkChoice c) {
        List<Candidate> out = new ArrayList<>();
        c.networkLabel().ifPresent(label -> out.add(new Candidate(c.reason(), true)));
        c.rejections().forEach(r -> out.add(new Candidate(r, false)));
        return out;
    }

    /** A refusal naming an expression marks it; any other is the page's message. */
    private void refused(Throwable e) {
        String message = ErrorText.message(e);
        String field = e instanceof VnetException v ? v.field().orElse("") : "";
        Optional<ExpressionMark> mark = ExpressionMark.of(message);
        if (field.endsWith("SCHED_REQUIREMENTS") && mark.isPresent()) {
            requirementsMark.set(mark);
        } else if (field.endsWith("SCHED_RANK") && mark.isPresent()) {
            rankMark.set(mark);
        } else {
            checkError.set(message);
        }
    }

    /** What the page says about where the NIC's network must be. */
    public String placement() {
        return placed.map(h -> "The VM is on host " + h.label() + ": its new NIC must use a network of that host's"
                + " cluster.").orElse("The VM is not on a host yet: a NIC on a named network takes its lease now;"
                + " an automatic NIC waits for its network until the VM is deployed.");
    }

    /** Whether the VM is on no host (automatic selection is then previewed on a host the user picks). */
    public boolean needsPreviewHost() {
        return placed.isEmpty();
    }

    /** The network automatic selection would choose now, if it chooses one. */
    Optional<Integer> chosenNetwork() {
        return choice.get().flatMap(NetworkChoice::networkId);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<NetworkOption> networks() {
        return networks;
    }

    /** The network picked in the list (NETWORK mode). */
    public ObjectProperty<NetworkOption> networkProperty() {
        return network;
    }

    public StringProperty requirementsProperty() {
        return requirements;
    }

    public StringProperty rankProperty() {
        return rank;
    }

    /** Hosts to preview automatic selection on (a VM not on a host). */
    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObjectProperty<String> previewHostProperty() {
        return previewHost;
    }

    /** The chosen network first (with the reason), then every network turned down with its reason. */
    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    public ReadOnlyObjectProperty<Optional<NetworkChoice>> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<ExpressionMark>> requirementsMarkProperty() {
        return requirementsMark.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<ExpressionMark>> rankMarkProperty() {
        return rankMark.getReadOnlyProperty();
    }

    /** A refusal of the check that is about no expression (no right to see the VM …). */
    public ReadOnlyStringProperty checkErrorProperty() {
        return checkError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Whether Next may leave the page. */
    public BooleanBinding validBinding() {
        return valid;
    }
}
